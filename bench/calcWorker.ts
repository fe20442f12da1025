/**
 * The bench's stand-in for the browser's simulation worker: a Node worker_threads thread running
 * the same handleMessage as src/taskpane/uncertainty/worker.ts.
 */
import { parentPort } from "worker_threads";
import { handleMessage } from "../src/taskpane/uncertainty/handleMessage";

const port = parentPort;
if (!port) throw new Error("calcWorker.js runs as a worker thread");
const post = (reply: unknown) => port.postMessage(reply);
port.on("message", (message: unknown) => handleMessage(message, post, post));
