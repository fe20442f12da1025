/**
 * A report's pictures: every chart as an .svg and a 2x .png, the same PNGs for the workbook,
 * and the Word note that embeds them. They are made together because they share the renders
 * (resvg runs once per chart), and apart from the workbook so `chips report` can make them on
 * another thread (pictureThread.ts) while this one writes the cells.
 */
import { Report } from "../model";
import { RenderedFile } from "./renderer";

/** A chart rendered to a picture: PNG bytes and the size to show it at (pixels at 100% zoom). */
export interface ChartImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Pictures by chart id (ChartSpec.id), rendered where PNGs are made (png.ts, Node only). */
export type ChartImages = ReadonlyMap<string, ChartImage>;

/** What the pictures need of a report: small, so it crosses to a worker cheaply. */
export type PictureReport = Pick<Report, "title" | "charts" | "note">;

export const pictureReport = (report: Report): PictureReport => ({ title: report.title, charts: report.charts, ...(report.note ? { note: report.note } : {}) });

/** Pictures under way; the charts come before the Word note, which embeds them. */
export interface Pictures {
  /** Each chart as its .svg then its .png. */
  readonly charts: Promise<RenderedFile[]>;
  /** The PNGs by chart id, for the workbook. */
  readonly images: Promise<ChartImages>;
  /** The Word note, when asked for. */
  readonly docx?: Promise<RenderedFile[]>;
}

/** The pictures, made on this thread (resvg draws on its own threads either way). */
export function makePictures(report: PictureReport, docx: boolean): Pictures {
  const drawn = import("./png").then((m) => m.chartPictures(report));
  const charts = drawn.then((d) => d.files);
  const images = drawn.then((d) => d.images);
  return watched({ charts, images, ...(docx ? { docx: makeNote(report, images) } : {}) });
}

/** The Word note, with the charts' pictures. */
export async function makeNote(report: PictureReport, images: ChartImages | Promise<ChartImages>): Promise<RenderedFile[]> {
  return (await import("./docx")).docxFiles(report, images);
}

/**
 * Pictures whose failures are not unhandled rejections while nobody awaits them yet (the
 * workbook's pictures when no workbook is asked for); whoever awaits one still gets its error.
 */
export function watched(pictures: Pictures): Pictures {
  for (const p of [pictures.charts, pictures.images, pictures.docx]) p?.catch(() => undefined);
  return pictures;
}
