/**
 * A report's pictures made on a worker thread, so `chips report` writes the workbook and the
 * Markdown on its main thread meanwhile (PNG encoding and the Word note are a third of its CPU).
 * The worker starts before the scenarios are read, so its module loading overlaps theirs.
 * Where its compiled script is absent (the TypeScript sources under Jest), the pictures are
 * made on this thread instead: the same function, the same bytes.
 */
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";
import { Report } from "../model";
import type { PictureMessage, PictureRequest } from "./pictureWorker";
import { ChartImages, Pictures, makePictures, pictureReport, watched } from "./pictures";
import { RenderedFile } from "./renderer";

const WORKER = path.join(__dirname, "pictureWorker.js");

export interface PictureMaker {
  /** Starts making `report`'s pictures (once per maker), and the Word note when `docx`. */
  make(report: Report, docx: boolean): Pictures;
  /** Stops the worker, done or not (a command that ends early). */
  close(): void;
  /** Whether the pictures are made on a worker thread. */
  readonly threaded: boolean;
}

export function pictureMaker(script = WORKER): PictureMaker {
  if (!fs.existsSync(script)) return { make: (report, docx) => makePictures(pictureReport(report), docx), close: () => undefined, threaded: false };
  const worker = new Worker(script);
  // Idle, it keeps no process alive; while it works, it does (make below). An error before any
  // request fails the request (make's listeners), not the command that never asked.
  worker.unref();
  let stopped: Error | undefined;
  worker.on("error", (e) => (stopped ??= e));
  worker.on("exit", (code) => (stopped ??= exited(code)));
  return {
    threaded: true,
    make(report, docx) {
      const charts = settled<{ charts: RenderedFile[]; images: ChartImages }>();
      const note = settled<RenderedFile[]>();
      const fail = (e: unknown) => [charts, note].forEach((p) => p.reject(e instanceof Error ? e : new Error(String(e))));
      if (stopped) fail(stopped);
      worker.on("message", (m: PictureMessage) => {
        if (m.kind === "charts") charts.resolve(m);
        else if (m.kind === "docx") note.resolve(m.docx);
        else fail(Object.assign(new Error(m.message), m.stack ? { stack: m.stack } : {}));
        if (m.kind !== "charts" || !docx) worker.unref();
      });
      worker.on("error", fail);
      // A worker that ends before sending all it owes has failed (a settled promise ignores this).
      worker.on("exit", (code) => fail(exited(code)));
      worker.ref();
      worker.postMessage({ report: pictureReport(report), docx } satisfies PictureRequest);
      if (!docx) note.resolve([]);
      note.promise.catch(() => undefined);
      return watched({ charts: charts.promise.then((c) => c.charts), images: charts.promise.then((c) => c.images), ...(docx ? { docx: note.promise } : {}) });
    },
    close: () => void worker.terminate(),
  };
}

const exited = (code: number) => new Error(`the picture thread stopped (exit code ${code}) before it finished`);

function settled<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
