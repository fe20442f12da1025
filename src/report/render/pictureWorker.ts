/**
 * The worker thread of pictureThread.ts. It loads resvg and docx as soon as it starts, while the
 * main thread evaluates the scenarios; then, given a report, it posts the charts first (the
 * workbook waits for them), then the Word note. Bytes are copied, not transferred: the note
 * still reads the chart PNGs after they are posted.
 */
import { parentPort } from "worker_threads";
import type { ChartImages, PictureReport } from "./pictures";
import { makeNote, makePictures } from "./pictures";
import { RenderedFile } from "./renderer";

/** What the main thread posts: the report's pictures to make. */
export interface PictureRequest {
  readonly report: PictureReport;
  readonly docx: boolean;
}

export type PictureMessage =
  | { readonly kind: "charts"; readonly charts: RenderedFile[]; readonly images: ChartImages }
  | { readonly kind: "docx"; readonly docx: RenderedFile[] }
  | { readonly kind: "failed"; readonly message: string; readonly stack?: string };

const port = parentPort;
if (port) {
  const loaded = Promise.all([import("./png"), import("./docx")]);
  // A module that fails to load fails the request that needs it, not the idle worker.
  loaded.catch(() => undefined);
  port.once("message", ({ report, docx }: PictureRequest) => {
    const post = (m: PictureMessage) => port.postMessage(m);
    const failed = (e: unknown) => post({ kind: "failed", message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) });
    // In turn: the charts are posted before the note's build holds this thread.
    void (async () => {
      await loaded;
      const pictures = makePictures(report, false);
      const [charts, images] = await Promise.all([pictures.charts, pictures.images]);
      post({ kind: "charts", charts, images });
      if (docx) post({ kind: "docx", docx: await makeNote(report, images) });
    })().catch(failed);
  });
}
