/**
 * The native charts the builders anchor (China revenue on Comparison, shipped by buyer on each
 * scenario sheet): each reads exactly a table's header and data rows, draws the same numbers as
 * its ChartSpec (the SVG beside the xlsx), and stands beside its table over empty cells.
 */
import { Report, SheetChart, buildReport } from "../../src/report";
import { EXAMPLE_FILES, exampleInput } from "./support/examples";
import { tables } from "./support/model";

const inputs = EXAMPLE_FILES.map((f) => exampleInput(f.slice("examples/".length)));
const reports: [string, Report][] = (["native", "values"] as const).map((mode) => [mode, buildReport(inputs, { mode })]);
const ours = (c: SheetChart) => c.chart === "china-revenue" || c.chart.startsWith("shipped-");

describe.each(reports)("%s report", (_mode, report) => {
  const anchored = report.sheets.flatMap((s) => (s.charts ?? []).filter(ours).map((c) => ({ sheet: s, c })));

  test("Comparison and every scenario sheet anchor one chart each, all naming a ChartSpec", () => {
    expect(anchored.map(({ sheet, c }) => [sheet.name, c.chart])).toEqual([
      ...inputs.map((_, i) => [report.sheets[2 + i].name, report.charts[1 + i].id]), // after Summary and Assumptions
      ["Comparison", "china-revenue"],
    ]);
  });

  test("law: a chart reads a table's header and data rows, and its cells hold its ChartSpec's numbers", () => {
    for (const { sheet, c } of anchored) {
      const spec = report.charts.find((x) => x.id === c.chart)!;
      const t = tables(sheet).find((b) => b.row + 1 === c.data.row)!;
      // The chart reads the header and one row per category; rows below them (Comparison's fiscal-year totals) are not data.
      expect(c).toMatchObject({ seriesBy: "columns", data: { col: 1, rows: spec.categories.length + 1, cols: t.columns.length } });
      const data = t.rows.slice(0, c.data.rows - 1);
      expect(t.rows.slice(data.length).every((r) => /^FY\d{4} total$/.test(String(r[0].value)))).toBe(true);
      expect(data.map((r) => r[0].value)).toEqual(spec.categories);
      expect(t.columns.slice(1).map((h) => h.header)).toEqual(spec.series.map((s) => s.name));
      spec.series.forEach((s, j) => expect(data.map((r) => r[1 + j].value)).toEqual(s.values.map((v) => v ?? null)));
    }
  });

  test("law: a chart stands beside its table, over no cell of the sheet", () => {
    for (const { sheet, c } of anchored) {
      const t = tables(sheet).find((b) => b.row + 1 === c.data.row)!;
      expect(c.at.col).toBeGreaterThan(t.columns.length + 1);
      for (const b of sheet.blocks) {
        const [top, bottom] = b.kind === "table" ? [b.row, b.row + 1 + b.rows.length] : [b.row, b.row + b.lines.length - 1];
        const width = b.kind === "table" ? b.columns.length : 1;
        const overlaps = top <= c.at.row + c.at.rows - 1 && c.at.row <= bottom && c.at.col <= width;
        expect({ chart: c.chart, block: b.row, overlaps }).toEqual({ chart: c.chart, block: b.row, overlaps: false });
      }
    }
  });
});

test("law: scenarios whose names differ only in punctuation anchor different charts, each its own", () => {
  const base = inputs[0];
  const twin = (name: string) => ({ ...base, scenario: { ...base.scenario, name } });
  const report = buildReport([twin("US cap"), twin("US: cap")], { mode: "values" });
  const anchoredIds = report.sheets.slice(2, 4).map((s) => (s.charts ?? []).filter(ours).map((c) => c.chart));
  expect(anchoredIds).toEqual([[report.charts[1].id], [report.charts[2].id]]);
  expect(new Set(report.charts.map((c) => c.id)).size).toBe(report.charts.length);
});
