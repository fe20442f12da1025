/** A small inline SVG bar chart (China revenue per period), drawn with DOM calls, no library. */
import { formatNumber } from "../report/formats";
import { svgEl as el } from "./dom";

/** Bars for `values` (US$), labelled in $bn; scales to its container's width. */
export function barChart(title: string, labels: readonly string[], values: readonly number[]): SVGElement {
  const width = 300, height = 160, top = 18, bottom = 28, gap = 8;
  const max = Math.max(...values, 1);
  const bw = (width - gap * (values.length + 1)) / Math.max(values.length, 1);
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "chart-title", class: "chart" });
  svg.append(el("title", { id: "chart-title" }, `${title}: ${labels.map((l, i) => `${l} ${formatNumber(values[i], "usdBillions")}`).join(", ")}`));
  values.forEach((v, i) => {
    const h = ((height - top - bottom) * Math.max(v, 0)) / max;
    const x = gap + i * (bw + gap);
    const y = height - bottom - h;
    svg.append(el("rect", { x, y, width: bw, height: h, fill: "#1b5e3b" }));
    svg.append(el("text", { x: x + bw / 2, y: y - 4, "text-anchor": "middle", "font-size": 11, fill: "#1f1f1f" }, formatNumber(v, "usdBillions")));
    svg.append(el("text", { x: x + bw / 2, y: height - 10, "text-anchor": "middle", "font-size": 10, fill: "#1f1f1f" }, labels[i].replace(/^FY\d{2}/, "")));
  });
  return svg;
}
