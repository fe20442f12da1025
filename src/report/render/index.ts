/**
 * Renderers by format. Loaded on demand: the xlsx renderer pulls in ExcelJS and the Word one
 * docx and resvg, which other `chips` commands should not pay for at start-up.
 */
import { Report } from "../model";
import { OutputFormat, RenderedFile, Renderer } from "./renderer";
import type { ChartImages } from "./pictures";

export * from "./renderer";
export { renderSvgChart, renderCharts } from "./svg";

/**
 * The renderer of `format` in Node; the xlsx and Word ones embed `images` (chart pictures, see
 * png.ts chartImages) when given, and the xlsx one zips with Node (nodeZip.ts).
 */
export async function loadRenderer(format: OutputFormat, images?: ChartImages | Promise<ChartImages>): Promise<Renderer> {
  switch (format) {
    case "xlsx": {
      const [{ xlsxRendererWith }, { nodeZipOptions }] = await Promise.all([import("./xlsx"), import("./nodeZip")]);
      return xlsxRendererWith(images ?? new Map(), nodeZipOptions());
    }
    case "md":
      return (await import("./markdown")).markdownRenderer;
    case "docx":
      return (await import("./docx")).docxRendererWith(images);
    case "csv":
      return (await import("./csv")).csvRenderer;
  }
}

/** Every chart as an .svg and, beside it, a .png at 2x. */
export async function renderChartFiles(report: Report): Promise<RenderedFile[]> {
  return (await (await import("./png")).chartPictures(report)).files;
}
