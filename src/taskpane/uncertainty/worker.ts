/**
 * The simulation worker (a separate webpack chunk, same origin as the pane): answers each
 * RunRequest with progress messages and an outcome, and each CalcRequest (a custom function's
 * calculation) with its result. It holds no state between requests, so
 * the pane may terminate it at any moment (that is how Cancel works, see runner.ts).
 */
import { handleMessage } from "./handleMessage";

/** The part of DedicatedWorkerGlobalScope used here (the project's type libs are DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const post = (reply: unknown) => scope.postMessage(reply);
scope.onmessage = (event) => handleMessage(event.data, post, post);
