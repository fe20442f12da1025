/** A stand-in for the simulation worker, for custom-function calculations (CalcRequest). */
import type { CalcWorker } from "../../src/functions/calcClient";
import { handleMessage } from "../../src/taskpane/uncertainty/handleMessage";
import type { CalcReply, CalcRequest } from "../../src/taskpane/uncertainty/protocol";

/** A worker that answers with the real handleMessage on a later task; terminate() drops what it has not sent. */
export class FakeCalcWorker implements CalcWorker {
  onmessage: CalcWorker["onmessage"] = null;
  onerror: CalcWorker["onerror"] = null;
  terminated = false;
  readonly received: CalcRequest[] = [];
  postMessage(message: CalcRequest): void {
    this.received.push(message);
    setTimeout(() => {
      const replies: CalcReply[] = [];
      handleMessage(message, () => undefined, (r) => replies.push(r));
      replies.forEach((r) => setTimeout(() => !this.terminated && this.onmessage?.({ data: r }), 0));
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

