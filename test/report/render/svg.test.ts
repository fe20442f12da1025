/** The SVG charts: well-formed, titled, labelled, one legend entry per series, a source note. */
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ChartSpec, FORMATS, buildReport } from "../../../src/report";
import { niceTicks, renderCharts, renderSvgChart } from "../../../src/report/render/svg";
import { exampleInputs } from "../support/examples";

const report = buildReport(exampleInputs());

test("the report has China revenue by quarter per scenario, shipped units by buyer per scenario, and requested to shipped", () => {
  expect(report.charts.map((c) => c.id)).toEqual(["china-revenue", "shipped-base", "shipped-dollar-cap", "shipped-multi-quarter", "shipped-us-volume-cap", "requested-to-shipped"]);
  const revenue = report.charts[0];
  expect(revenue).toMatchObject({ kind: "line", categories: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"], yFormat: FORMATS.usdBillions });
  expect(revenue.series.map((s) => s.name)).toEqual(["Base", "Dollar cap", "Multi-quarter", "US volume cap"]);
  expect(revenue.series[0].values).toEqual([4.42e9, null, null, null]);
  expect(revenue.reference).toEqual({ value: 7.88e9, label: "FY2027Q2 reported $7.9bn" });
  expect(report.charts[3]).toMatchObject({ kind: "bar", categories: ["ByteDance", "Alibaba", "Tencent", "Others"] });
  expect(report.charts[3].series.map((s) => s.name)).toEqual(["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"]);
});

describe.each(renderCharts(report).map((f) => [f.name, String(f.data)] as const))("%s", (_name, svg) => {
  test("is well-formed SVG with a title, axis labels, legend and source note", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
    const texts = [svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].flatMap((m) => [...m].map((x) => x[1]));
    expect(texts.some((t) => t.startsWith("Source: Chokepoint model"))).toBe(true);
    expect(texts).toEqual(expect.arrayContaining([expect.stringMatching(/quarter|Buyer/)]));
  });
});

test("a line chart draws markers for values, breaks lines at gaps, and labels the y axis in the format", () => {
  const chart: ChartSpec = {
    id: "t",
    kind: "line",
    title: "A <title> & more",
    xLabel: "Quarter",
    yLabel: "US$",
    yFormat: FORMATS.usdBillions,
    categories: ["Q1", "Q2", "Q3", "Q4"],
    series: [{ name: "S", values: [1e9, null, 2e9, 3e9] }],
    source: "Source: test.",
  };
  const svg = renderSvgChart(chart);
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).toContain("A &lt;title&gt; &amp; more");
  expect(svg.match(/<circle[^>]*>(?=<title>)/g)).toHaveLength(3); // data markers carry a tooltip; the legend's sample does not
  expect(svg.match(/<polyline/g)).toHaveLength(1); // Q1 alone, then Q3-Q4
  expect(svg).toContain(">$3.0bn<");
});

test("law: axis ticks start at 0, rise evenly, reach the maximum, and stay few", () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-6, max: 1e13, noNaN: true }), (max) => {
      const t = niceTicks(max);
      expect(t[0]).toBe(0);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-12));
      expect(t.length).toBeGreaterThanOrEqual(3);
      expect(t.length).toBeLessThanOrEqual(12);
      const step = t[1] - t[0];
      t.forEach((v, i) => expect(v).toBeCloseTo(i * step, 6));
    }),
  );
  expect(niceTicks(0)).toEqual([0, 1]);
});
