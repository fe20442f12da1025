/**
 * The runner with fake workers: Cancel terminates the worker and resolves the run as
 * cancelled, late messages from it are ignored, and the next run starts a fresh worker whose
 * results are the engine's. A fake "real" worker runs handleMessage on a later task, as a
 * browser worker would.
 */
import fs from "fs";
import path from "path";
import { readUncertainty, simulate, validateScenario } from "../../../src/engine";
import { handleMessage } from "../../../src/taskpane/uncertainty/handleMessage";
import { RunRequest, WorkerReply } from "../../../src/taskpane/uncertainty/protocol";
import { WorkerLike, simulationRunner } from "../../../src/taskpane/uncertainty/runner";

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../examples/uncertainty/monte-carlo.json"), "utf8")) as unknown;

/** A worker that answers with handleMessage on a later task; terminate() drops whatever it has not sent. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  terminated = false;
  readonly received: RunRequest[] = [];
  postMessage(message: RunRequest): void {
    this.received.push(message);
    setTimeout(() => {
      const replies: WorkerReply[] = [];
      handleMessage(message, (r) => replies.push(r));
      // replies arrive one task each, like messages from a real worker
      replies.forEach((r, i) => setTimeout(() => !this.terminated && this.onmessage?.({ data: r }), i));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A worker that only records: the test sends its replies. */
class SilentWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  terminated = false;
  readonly received: RunRequest[] = [];
  postMessage(message: RunRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A runner whose spawned workers are `Worker`s, kept in spawn order for the test to inspect. */
function runnerWith<W extends WorkerLike>(Worker: new () => W): { runner: ReturnType<typeof simulationRunner>; workers: W[] } {
  const workers: W[] = [];
  const runner = simulationRunner(() => {
    const w = new Worker();
    workers.push(w);
    return w;
  });
  return { runner, workers };
}

test("a run through the runner gives the engine's numbers for the same seed, with progress", async () => {
  const { runner, workers } = runnerWith(FakeWorker);
  const progress: number[] = [];
  const outcome = await runner.run({ document: EXAMPLE, iterations: 2000, seed: 42 }, (f) => progress.push(f));
  const scenario = validateScenario(EXAMPLE);
  if (!scenario.ok) throw new Error("example invalid");
  const spec = readUncertainty(scenario.value.uncertainty, { iterations: 2000, seed: 42 });
  if (!spec.ok) throw new Error("spec invalid");
  const expected = simulate(scenario.value, spec.value);
  if (outcome.status !== "done" || !expected.ok) throw new Error(JSON.stringify(outcome));
  expect(outcome.results.simulation.outputs).toEqual(expected.value.outputs);
  expect(progress[progress.length - 1]).toBe(1);
  expect(runner.running).toBe(false);
  // an idle worker is kept for the next run
  await runner.run({ document: EXAMPLE, iterations: 10 }, () => {});
  expect(workers).toHaveLength(1);
});

test("Cancel terminates the worker, resolves the run as cancelled, ignores its late messages; the next run uses a new worker", async () => {
  const { runner, workers } = runnerWith(SilentWorker);
  const progress: number[] = [];
  const first = runner.run({ document: EXAMPLE, iterations: 5_000_000 }, (f) => progress.push(f));
  expect(runner.running).toBe(true);
  const [w1] = workers;
  const id = w1.received[0].id;
  w1.onmessage?.({ data: { kind: "progress", id, fraction: 0.1 } });
  runner.cancel();
  expect(w1.terminated).toBe(true);
  expect(runner.running).toBe(false);
  await expect(first).resolves.toEqual({ status: "cancelled", message: "cancelled" });
  // a message already queued before terminate() took effect changes nothing
  w1.onmessage?.({ data: { kind: "progress", id, fraction: 0.2 } });
  expect(progress).toEqual([0.1]);

  const second = runner.run({ document: EXAMPLE, iterations: 10 }, () => {});
  expect(workers).toHaveLength(2);
  const w2 = workers[1];
  expect(w2.received[0].id).not.toBe(id);
  w2.onmessage?.({ data: { kind: "outcome", id, outcome: { status: "problems", problems: [] } } }); // stale id: ignored
  expect(runner.running).toBe(true);
  w2.onmessage?.({ data: { kind: "outcome", id: w2.received[0].id, outcome: { status: "cancelled", message: "x" } } });
  await expect(second).resolves.toEqual({ status: "cancelled", message: "x" });
  runner.cancel(); // idle: nothing to do
  expect(w2.terminated).toBe(false);
});

test("a second run while one is running is refused; a worker error ends the run with a problem and a fresh worker next time", async () => {
  const { runner, workers } = runnerWith(SilentWorker);
  const first = runner.run({ document: EXAMPLE }, () => {});
  const refused = await runner.run({ document: EXAMPLE }, () => {});
  expect(refused.status).toBe("problems");
  expect(workers).toHaveLength(1);
  workers[0].onerror?.({ message: "out of memory" });
  const outcome = await first;
  expect(outcome).toEqual({ status: "problems", problems: [expect.objectContaining({ message: expect.stringContaining("out of memory") })] });
  expect(workers[0].terminated).toBe(true);
  void runner.run({ document: EXAMPLE }, () => {});
  expect(workers).toHaveLength(2);
  runner.cancel();
});

test("a worker that cannot start gives a problem, not an exception", async () => {
  const runner = simulationRunner(() => {
    throw new Error("workers are disabled");
  });
  const outcome = await runner.run({ document: EXAMPLE }, () => {});
  expect(outcome).toEqual({ status: "problems", problems: [expect.objectContaining({ message: expect.stringContaining("workers are disabled") })] });
  expect(runner.running).toBe(false);
});
