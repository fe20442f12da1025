/**
 * Runs simulations off the UI thread and cancels them.
 *
 * Cancellation design: Cancel terminates the worker, and the next run starts a fresh one.
 * The engine's simulate() is one synchronous loop, so a worker busy in it never sees a
 * "cancel" message (its message queue is only read between tasks); progress still reaches the
 * pane, because postMessage *from* a busy worker is delivered. The alternatives were worse:
 * a SharedArrayBuffer abort flag needs cross-origin isolation (COOP/COEP headers), which Office
 * webviews and the dev server do not give; running the iterations in chunks would need the
 * PRNG state carried between chunks (an engine change) to keep one seeded stream, or results
 * that differ from `chips simulate` with the same seed. terminate() stops at once, frees the
 * run's sample arrays, and costs one worker start (the chunk comes from the browser's cache).
 */
import { problem } from "../../engine";
import { RunOutcome, RunRequest, WorkerReply } from "./protocol";

/**
 * The part of a Worker the runner uses, so tests can drive it without a browser. The same worker
 * also answers custom-function calculations (CalcRequest → CalcReply, see functions/calcClient.ts).
 */
export interface WorkerLike<Request = RunRequest, Reply = WorkerReply> {
  onmessage: ((event: { readonly data: Reply }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null;
  postMessage(message: Request): void;
  terminate(): void;
}

export type RunSettings = Omit<RunRequest, "kind" | "id">;

export interface Runner {
  /** Starts a run (at most one at a time: a second call while running is refused with a problem). */
  run(settings: RunSettings, onProgress: (fraction: number) => void): Promise<RunOutcome>;
  /** Stops the current run, which then resolves as cancelled; nothing happens when idle. */
  cancel(): void;
  readonly running: boolean;
}

/**
 * A runner that starts workers with `spawn` (in the pane: the bundled worker.ts).
 * @example (await simulationRunner(spawn).run({ document: doc, seed: 7, iterations: 1000 }, (f) => bar.value = f)).status // returns "done"
 */
export function simulationRunner(spawn: () => WorkerLike): Runner {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  let current: { id: number; finish: (outcome: RunOutcome) => void } | undefined;

  const finish = (outcome: RunOutcome) => {
    const run = current;
    current = undefined;
    run?.finish(outcome);
  };
  const discardWorker = () => {
    worker?.terminate();
    worker = undefined;
  };

  return {
    get running() {
      return current !== undefined;
    },
    run(settings, onProgress) {
      if (current) return Promise.resolve({ status: "problems", problems: [problem("unsupported", "", "a simulation is already running; cancel it first")] });
      const id = nextId++;
      return new Promise<RunOutcome>((resolve) => {
        current = { id, finish: resolve };
        try {
          worker ??= spawn();
        } catch (e) {
          finish({ status: "problems", problems: [problem("unsupported", "", `could not start the simulation worker: ${e instanceof Error ? e.message : String(e)}`)] });
          return;
        }
        worker.onmessage = ({ data }) => {
          if (!current || data.id !== current.id) return; // a late message from a run already finished
          if (data.kind === "progress") onProgress(data.fraction);
          else finish(data.outcome);
        };
        worker.onerror = (event) => {
          event.preventDefault?.();
          discardWorker();
          finish({ status: "problems", problems: [problem("unsupported", "", `the simulation worker failed${event.message ? `: ${event.message}` : ""}`)] });
        };
        worker.postMessage({ kind: "run", id, ...settings });
      });
    },
    cancel() {
      if (!current) return;
      discardWorker();
      finish({ status: "cancelled", message: "cancelled" });
    },
  };
}
