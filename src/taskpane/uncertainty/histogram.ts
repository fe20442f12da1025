/**
 * A Monte Carlo histogram as a small inline SVG (DOM calls, no library), with the asked percentiles
 * marked. Separate from ../chart.ts's barChart, which labels every bar in $bn and uses one
 * fixed title id (a second chart on the page would duplicate it).
 */
import type { OutputSummary } from "../../engine";
import { svgEl as el } from "../dom";
import { figure, outputLabel } from "./format";
import { shownPercentiles } from "../../report/percentiles";

/** Bars for `summary.histogram`, dashed lines at the asked percentiles; `id` names its title for aria-labelledby. */
export function histogramChart(summary: OutputSummary, iterations: number, id: string): SVGElement {
  const width = 300, height = 150, top = 22, bottom = 30, side = 6;
  const bins = summary.histogram;
  const most = Math.max(1, ...bins.map((b) => b.count));
  const lo = summary.min;
  const span = summary.max - summary.min;
  const x = (v: number) => side + (span > 0 ? ((v - lo) / span) * (width - 2 * side) : (width - 2 * side) / 2);
  const bw = (width - 2 * side) / bins.length;
  const f = (v: number) => figure(summary.output, v);
  // The percentiles the block asks for (P10/P50/P90 when it asks none), as every other surface shows them.
  const marks = shownPercentiles(summary);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": id, class: "chart mc-histogram" });
  svg.append(
    el(
      "title",
      { id },
      `Histogram of ${outputLabel(summary.output)} over ${iterations.toLocaleString("en-US")} iterations: from ${f(summary.min)} to ${f(summary.max)}; ${marks.map(([name, v]) => `${name} ${f(v)}`).join(", ")}.`,
    ),
  );
  bins.forEach((b, i) => {
    const h = ((height - top - bottom) * b.count) / most;
    svg.append(el("rect", { x: side + i * bw + 0.5, y: height - bottom - h, width: Math.max(bw - 1, 1), height: h, fill: "#1b5e3b" }));
  });
  marks.forEach(([name, v], i) => {
    const at = x(v);
    svg.append(el("line", { x1: at, x2: at, y1: top - 4, y2: height - bottom, stroke: "#a4262c", "stroke-width": 1.5, "stroke-dasharray": "3 2" }));
    svg.append(el("text", { x: at, y: 12, "text-anchor": i === 0 ? "end" : i === marks.length - 1 ? "start" : "middle", "font-size": 10, fill: "#1f1f1f" }, name));
  });
  svg.append(el("line", { x1: side, x2: width - side, y1: height - bottom, y2: height - bottom, stroke: "#605e5c", "stroke-width": 1 }));
  svg.append(el("text", { x: side, y: height - 12, "text-anchor": "start", "font-size": 10, fill: "#1f1f1f" }, f(summary.min)));
  svg.append(el("text", { x: width - side, y: height - 12, "text-anchor": "end", "font-size": 10, fill: "#1f1f1f" }, f(summary.max)));
  return svg;
}
