/**
 * Charts that read: every text inside the canvas, every series in the legend, equal lines told
 * apart (own dash and marker, an end label each), and a 2x PNG beside every SVG.
 */
import { Resvg } from "@resvg/resvg-js";
import { XMLValidator } from "fast-xml-parser";
import { ChartSpec, FORMATS, Report, buildReport, chartFileName, chartPngName } from "../../../src/report";
import { renderChartFiles } from "../../../src/report/render";
import { chartFontFiles } from "../../../src/report/render/png";
import { CHAR_WIDTH, FONT_FAMILY, renderSvgChart, textWidth } from "../../../src/report/render/svg";
import { builtInInputs } from "../support/builtIns";
import { exampleInputs } from "../support/examples";

const long = "Public-sector ban with a much longer name than any legend row can hold in one piece";
const same = [4e9, 6e9, 9e9, 11e9];
/** Edge cases: names longer than a legend row, eight equal series, a chart with nothing in it. */
const EDGE: ChartSpec[] = [
  {
    id: "edge-lines",
    kind: "line",
    title: "Eight equal series and a very long title that needs more than one line to fit across the canvas of the chart",
    xLabel: "Quarter",
    yLabel: "China revenue (US$)",
    yFormat: FORMATS.usdBillions,
    categories: ["Q1", "Q2", "Q3", "Q4"],
    series: Array.from({ length: 8 }, (_, i) => ({ name: i === 3 ? long : `Scenario ${i + 1}`, values: same })),
    reference: { value: 4e9, label: "Q0 reported $4.0bn" },
    source: "Source: test.",
  },
  { id: "edge-empty", kind: "bar", title: "Nothing shipped", xLabel: "Buyer", yLabel: "Units", yFormat: FORMATS.units, categories: ["A", "B"], series: [{ name: "Q1", values: [0, 0] }], source: "Source: test.", emptyText: "No H200 shipped" },
];

const REPORTS: Report[] = [buildReport(builtInInputs()), buildReport(exampleInputs())];
const CHARTS: [string, ChartSpec][] = [...REPORTS.flatMap((r) => r.charts), ...EDGE].map((c) => [c.id, c]);

interface Text {
  readonly content: string;
  readonly attrs: Record<string, string>;
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
function texts(svg: string): Text[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => ({
    content: unescape(m[2]),
    attrs: Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  }));
}

/** A text's box from its position, anchor, size and (for the rotated axis title) transform. */
function box(t: Text): { left: number; right: number; top: number; bottom: number } {
  const size = Number(t.attrs["font-size"]);
  const w = textWidth(t.content, size) * (t.attrs["font-weight"] === "bold" ? 1.1 : 1);
  const rotated = /translate\(([\d.]+) ([\d.]+)\) rotate\(-90\)/.exec(t.attrs.transform ?? "");
  if (rotated) {
    const [x, y] = [Number(rotated[1]), Number(rotated[2])];
    return { left: x - size, right: x + size * 0.25, top: y - w / 2, bottom: y + w / 2 };
  }
  const x = Number(t.attrs.x);
  const y = Number(t.attrs.y);
  const anchor = t.attrs["text-anchor"] ?? "start";
  const left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
  return { left, right: left + w, top: y - size, bottom: y + size * 0.25 };
}

describe.each(CHARTS)("%s", (_id, chart) => {
  const svg = renderSvgChart(chart);
  const canvas = { w: Number(/width="([\d.]+)"/.exec(svg)![1]), h: Number(/height="([\d.]+)"/.exec(svg)![1]) };

  test("is well-formed, and every text lies inside the canvas", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const outside = texts(svg)
      .map((t) => ({ t: t.content, b: box(t) }))
      .filter(({ b }) => b.left < 0 || b.top < 0 || b.right > canvas.w || b.bottom > canvas.h);
    expect(outside).toEqual([]);
  });

  test("every series appears in the legend under its full name", () => {
    const legend = texts(svg).filter((t) => t.attrs.class === "legend");
    chart.series.forEach((s, k) => {
      const shown = legend.filter((t) => t.attrs["data-series"] === String(k)).map((t) => t.content).join(" ");
      expect(shown).toBe(s.name.replace(/\s+/g, " "));
    });
  });

  if (chart.kind === "line" && chart.series.length > 1) {
    test("lines stay told apart: each its own dash pattern and marker (up to seven), and a label at its end", () => {
      const dashOf = new Map([...svg.matchAll(/<polyline[^>]*\/>/g)].map((m) => [Number(/data-series="(\d+)"/.exec(m[0])![1]), /stroke-dasharray="([^"]*)"/.exec(m[0])?.[1] ?? "solid"]));
      const firstSeven = [...dashOf].filter(([k]) => k < 7).map(([, d]) => d);
      expect(new Set(firstSeven).size).toBe(firstSeven.length);
      const ends = texts(svg).filter((t) => t.attrs.class === "end-label");
      expect(ends.map((t) => Number(t.attrs["data-series"])).sort()).toEqual(chart.series.map((_, k) => k).filter((k) => chart.series[k].values.some((v) => v !== null)));
      const ys = ends.map((t) => Number(t.attrs.y)).sort((a, b) => a - b);
      ys.slice(1).forEach((y, i) => expect(y - ys[i]).toBeGreaterThanOrEqual(12)); // labels of equal lines do not overprint
    });
  }
});

test('an empty chart says "No H200 shipped" and draws no 0-1 axis', () => {
  const svg = renderSvgChart(EDGE[1]);
  expect(texts(svg).map((t) => t.content)).toContain("No H200 shipped");
  expect(texts(svg).map((t) => t.content)).not.toContain("1");
});

test("the tornado is horizontal, sorted by swing, its bars named by input with the low and high values", () => {
  const report = REPORTS[0];
  const tornado = report.charts.find((c) => c.id.startsWith("tornado-chinaRevenue"))!;
  const swing = tornado.categories.map((_, i) => Math.abs(tornado.series[1].values[i]! - tornado.series[0].values[i]!));
  expect(swing).toEqual([...swing].sort((a, b) => b - a));
  const svg = renderSvgChart(tornado);
  const shown = texts(svg).map((t) => t.content).join(" ");
  expect(shown).toContain("Share of requested volume Beijing");
  for (const [low, high] of tornado.ends!) {
    expect(shown).toContain(low);
    expect(shown).toContain(high);
  }
  expect(shown).not.toMatch(/china\.approvalRate/);
});

test("a PNG at 2x resolution beside every SVG", async () => {
  const report = REPORTS[1];
  const files = await renderChartFiles(report);
  for (const chart of report.charts) {
    const svg = files.find((f) => f.name === chartFileName(chart))!;
    const png = files.find((f) => f.name === chartPngName(chart))!;
    expect(png).toBeDefined();
    const bytes = Buffer.from(png.data as Uint8Array);
    expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(2 * Number(/width="([\d.]+)"/.exec(String(svg.data))![1]));
    expect(bytes.readUInt32BE(20)).toBe(2 * Number(/height="([\d.]+)"/.exec(String(svg.data))![1]));
  }
}, 60_000);

test("the width estimate the layout uses errs wide against the real font's glyphs (resvg's box of the longest texts)", () => {
  const svg = renderSvgChart(EDGE[0]);
  const longest = texts(svg).filter((t) => !t.attrs.transform).sort((a, b) => b.content.length - a.content.length).slice(0, 4);
  for (const t of longest) {
    const size = Number(t.attrs["font-size"]);
    const weight = t.attrs["font-weight"] === "bold" ? ' font-weight="bold"' : "";
    const one = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="100"><text x="0" y="50" font-size="${size}"${weight} font-family="${FONT_FAMILY}">${t.content.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text></svg>`;
    const bbox = new Resvg(one, { font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).getBBox();
    expect(bbox).toBeDefined();
    expect(bbox!.width).toBeLessThanOrEqual(textWidth(t.content, size) * (weight ? 1.1 : 1));
  }
  expect(CHAR_WIDTH).toBeGreaterThan(0.5);
});
