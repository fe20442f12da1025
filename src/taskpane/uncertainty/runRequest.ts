/**
 * The work the simulation worker does for one request, as a plain function of its inputs so
 * Jest (and anything else) can call it without a Worker: validate the document, read its
 * uncertainty block, run the seeded Monte Carlo with progress, then a tornado of the same
 * inputs. Every failure comes back as located problems (the engine's field paths).
 */
import { Problem, readUncertainty, sensitivity, simulate, swingInputsFrom, validateScenario } from "../../engine";
import { RunOutcome, RunRequest, RunResults, SIMULATION_SHARE, WorkerReply } from "./protocol";

/** Progress messages are sent at most this often (in fraction of the run): ~100 per run, however long. */
export const PROGRESS_STEP = 0.01;

/**
 * Runs `request`, posting progress as it goes and the outcome at the end; also returns the outcome.
 * `signal` stops the Monte Carlo at its next check (in the worker nothing can set it while the
 * synchronous loop runs, see runner.ts; it is here for callers that run on their own thread).
 * @example runRequest({ kind: "run", id: 1, document: doc, iterations: 1000, seed: 7 }, () => {}).status // returns "done"
 */
export function runRequest(request: RunRequest, post: (reply: WorkerReply) => void, signal?: { readonly aborted: boolean }): RunOutcome {
  const outcome = compute(request, post, signal);
  post({ kind: "outcome", id: request.id, outcome });
  return outcome;
}

function compute(request: RunRequest, post: (reply: WorkerReply) => void, signal?: { readonly aborted: boolean }): RunOutcome {
  const started = Date.now();
  const { id } = request;
  const valid = validateScenario(request.document);
  if (!valid.ok) return { status: "problems", problems: valid.problems };
  const scenario = valid.value;
  const spec = readUncertainty(scenario.uncertainty, {
    ...(request.iterations === undefined ? {} : { iterations: request.iterations }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(request.outputs === undefined ? {} : { outputs: request.outputs }),
  });
  if (!spec.ok) return { status: "problems", problems: spec.problems };

  let reported = 0;
  const onProgress = (fraction: number) => {
    if (fraction - reported < PROGRESS_STEP && fraction < 1) return;
    reported = fraction;
    post({ kind: "progress", id, fraction: fraction * SIMULATION_SHARE });
  };
  const simulated = simulate(scenario, spec.value, { onProgress, signal });
  if (!simulated.ok) {
    const cancelled = simulated.problems.find((p: Problem) => p.code === "cancelled");
    return cancelled ? { status: "cancelled", message: cancelled.message } : { status: "problems", problems: simulated.problems };
  }
  const { iterations, seed, mode, inputs, outputs } = simulated.value;
  const tornado = request.tornado === false ? null : sensitivity(scenario, { inputs: swingInputsFrom(scenario, spec.value.inputs), outputs: spec.value.outputs });
  post({ kind: "progress", id, fraction: 1 });
  const results: RunResults = { simulation: { iterations, seed, mode, inputs, outputs }, tornado, millis: Date.now() - started };
  return { status: "done", results };
}
