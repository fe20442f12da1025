/**
 * Sends custom-function calculations to the simulation worker, one at a time, and cancels them.
 * Excel may start several long calls in one recalculation; they queue here, so a cancelled call
 * that has not started is simply dropped, and cancelling the one running terminates the worker
 * (the engine's loops never read their message queue, see taskpane/uncertainty/runner.ts); the
 * next call starts a fresh worker.
 */
import { problem } from "../engine";
import type { CalcAnswer, CalcReply, CalcRequest, CalcWork } from "../taskpane/uncertainty/protocol";
import type { WorkerLike } from "../taskpane/uncertainty/runner";

export type CalcWorker = WorkerLike<CalcRequest, CalcReply>;

export interface CalcJob {
  /** Settles with the engine's answer, or a "cancelled" problem once cancel() was called. */
  readonly answer: Promise<CalcAnswer>;
  cancel(): void;
}

export interface CalcClient {
  submit(work: CalcWork): CalcJob;
  /** Calls waiting or running (a gauge for tests and the bench). */
  readonly pending: number;
}

interface Queued {
  readonly id: number;
  readonly work: CalcWork;
  readonly settle: (answer: CalcAnswer) => void;
}

const failure = (message: string): CalcAnswer => ({ ok: false, problems: [problem("unsupported", "", message)] });
const CANCELLED: CalcAnswer = { ok: false, problems: [problem("cancelled", "", "the calculation was cancelled")] };

/**
 * A client whose workers come from `spawn` (in Excel: the bundled worker).
 * @example (await calcClient(calcWorker).submit({ fn: "grid", scenario, spec: { rows: { path: "china.approvalRate", values: [0.4, 0.6] }, columns: { path: "market.supply", values: [1e5, 2e5] }, outputs: ["totals.shipped"] } }).answer).value.outputs[0].values // returns [[100000, 173200], [100000, 200000]]
 */
export function calcClient(spawn: () => CalcWorker): CalcClient {
  const queue: Queued[] = [];
  let running: Queued | undefined;
  let worker: CalcWorker | undefined;
  let nextId = 1;

  const discardWorker = () => {
    worker?.terminate();
    worker = undefined;
  };
  const done = (job: Queued, answer: CalcAnswer) => {
    if (running === job) running = undefined;
    job.settle(answer);
    pump();
  };
  const pump = () => {
    if (running || queue.length === 0) return;
    const job = queue.shift() as Queued;
    running = job;
    try {
      worker ??= spawn();
    } catch (e) {
      done(job, failure(`could not start the calculation worker: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    worker.onmessage = ({ data }) => {
      if (running && data.id === running.id) done(running, data.answer);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      discardWorker();
      if (running) done(running, failure(`the calculation worker failed${event.message ? `: ${event.message}` : ""}`));
    };
    worker.postMessage({ kind: "calc", id: job.id, work: job.work });
  };

  return {
    get pending() {
      return queue.length + (running ? 1 : 0);
    },
    submit(work) {
      let job: Queued | undefined;
      const answer = new Promise<CalcAnswer>((settle) => {
        job = { id: nextId++, work, settle };
      });
      const queued = job as Queued;
      queue.push(queued);
      pump();
      return {
        answer,
        cancel() {
          const at = queue.indexOf(queued);
          if (at >= 0) {
            queue.splice(at, 1);
            queued.settle(CANCELLED);
          } else if (running === queued) {
            discardWorker();
            done(queued, CANCELLED);
          }
        },
      };
    },
  };
}
