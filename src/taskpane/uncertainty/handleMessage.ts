/**
 * The worker's message handler as a pure function: a message in, replies out through `post`.
 * Anything that is not a RunRequest, and any unexpected exception, becomes a problem outcome
 * rather than an uncaught error in the worker.
 */
import { problem } from "../../engine";
import { calculate } from "./calculate";
import { CalcReply, CalcRequest, RunRequest, WorkerReply } from "./protocol";
import { runRequest } from "./runRequest";

const isRunRequest = (m: unknown): m is RunRequest =>
  typeof m === "object" && m !== null && (m as { kind?: unknown }).kind === "run" && typeof (m as { id?: unknown }).id === "number";

const isCalcRequest = (m: unknown): m is CalcRequest =>
  typeof m === "object" && m !== null && (m as { kind?: unknown }).kind === "calc" && typeof (m as { id?: unknown }).id === "number";

/**
 * Handles one message from the pane (a RunRequest) or from the functions runtime (a CalcRequest).
 * @example (handleMessage({ kind: "run", id: 1, document: doc, iterations: 1000 }, post), posted.at(-1).kind) // returns "outcome" — after "progress" replies
 */
export function handleMessage(message: unknown, post: (reply: WorkerReply) => void, postCalc?: (reply: CalcReply) => void): void {
  if (isCalcRequest(message) && postCalc) {
    let answer: CalcReply["answer"];
    try {
      answer = calculate(message.work);
    } catch (e) {
      answer = { ok: false, problems: [problem("unsupported", "", `the calculation stopped unexpectedly: ${e instanceof Error ? e.message : String(e)}`)] };
    }
    postCalc({ kind: "calculated", id: message.id, answer });
    return;
  }
  if (!isRunRequest(message)) {
    post({ kind: "outcome", id: -1, outcome: { status: "problems", problems: [problem("type", "", "the simulation worker received a message it does not understand")] } });
    return;
  }
  try {
    runRequest(message, post);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    post({ kind: "outcome", id: message.id, outcome: { status: "problems", problems: [problem("unsupported", "", `the simulation stopped unexpectedly: ${text}`)] } });
  }
}
