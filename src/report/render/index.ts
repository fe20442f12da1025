/**
 * Renderers by format. Loaded on demand: the xlsx renderer pulls in ExcelJS and the Word one
 * docx and resvg, which other `chips` commands should not pay for at start-up.
 */
import { Report } from "../model";
import { OutputFormat, RenderedFile, Renderer } from "./renderer";
import { renderCharts } from "./svg";

export * from "./renderer";
export { renderSvgChart, renderCharts } from "./svg";

export async function loadRenderer(format: OutputFormat): Promise<Renderer> {
  switch (format) {
    case "xlsx":
      return (await import("./xlsx")).xlsxRenderer;
    case "md":
      return (await import("./markdown")).markdownRenderer;
    case "docx":
      return (await import("./docx")).docxRenderer;
    case "csv":
      return (await import("./csv")).csvRenderer;
  }
}

/** Every chart as an .svg and, beside it, a .png at 2x. */
export async function renderChartFiles(report: Report): Promise<RenderedFile[]> {
  const png = await (await import("./png")).renderPngCharts(report);
  return renderCharts(report).flatMap((svg, i) => [svg, png[i]]);
}
