/**
 * Renderers by format. Loaded on demand: the xlsx renderer pulls in ExcelJS, which other
 * `chips` commands should not pay for at start-up.
 */
import { OutputFormat, Renderer } from "./renderer";

export * from "./renderer";
export { renderSvgChart, renderCharts } from "./svg";

export async function loadRenderer(format: OutputFormat): Promise<Renderer> {
  switch (format) {
    case "xlsx":
      return (await import("./xlsx")).xlsxRenderer;
    case "md":
      return (await import("./markdown")).markdownRenderer;
    case "csv":
      return (await import("./csv")).csvRenderer;
  }
}
