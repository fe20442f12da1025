/** Native Excel charts from the Office.js sheet writer, against the strict fake of the Excel API. */
import { BUILT_IN_SCENARIOS } from "../../src/engine";
import { Report } from "../../src/report/model";
import { ExcelSheetWriter } from "../../src/taskpane/excel/excelWriter";
import { REGISTRY_KEY } from "../../src/taskpane/excel/registry";
import { evaluateDocument, reportFor } from "../../src/taskpane/reportFor";
import { FakeWorkbook } from "../support/fakeExcel";
import { syntheticReport } from "../support/syntheticReport";

function builtInReport(mode: "values" | "native" = "native", approvalRate = 0.6): Report {
  const doc = structuredClone(BUILT_IN_SCENARIOS[0].document) as unknown as { china: { approvalRate?: number | null } };
  doc.china.approvalRate = approvalRate;
  const e = evaluateDocument(doc);
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return reportFor(e, mode);
}

const USER_DATA = [
  ["My notes", 42, true],
  ["", "=B1*2", "keep me"],
];

/**
 * The A1 address of a report table's header row and data rows (column A on); rows labelled as
 * fiscal-year totals (Comparison's, below the quarters) are not data a chart draws.
 */
function tableAddress(report: Report, sheet: string, title: string | RegExp): string {
  const s = report.sheets.find((x) => x.name === sheet)!;
  const t = s.blocks.find((b) => b.kind === "table" && (typeof title === "string" ? b.title === title : title.test(b.title)));
  if (!t || t.kind !== "table") throw new Error(`no table ${title} on ${sheet}`);
  const last = String.fromCharCode(64 + t.columns.length);
  const data = t.rows.filter((r) => !/^FY\d{4} total$/.test(String(r[0].value)));
  return `A${t.row + 1}:${last}${t.row + 1 + data.length}`;
}

test("each tornado is drawn as horizontal bars (BarClustered), the way its chart spec lays it out", async () => {
  const withBlock = BUILT_IN_SCENARIOS.find((b) => (b.document as { uncertainty?: unknown }).uncertainty !== undefined)!;
  const e = evaluateDocument(structuredClone(withBlock.document));
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  const report = reportFor(e, "native");
  const book = new FakeWorkbook();
  await new ExcelSheetWriter(book.run).fill(report);
  const drawn = report.sheets.flatMap((s) => book.sheet(s.name)?.charts ?? []);
  const tornadoes = drawn.filter((c) => report.charts.find((spec) => spec.id === c.name)?.orientation === "horizontal");
  expect(tornadoes.length).toBeGreaterThan(0);
  for (const c of tornadoes) expect(c.type).toBe("BarClustered");
  expect(drawn.filter((c) => c.type === "ColumnClustered").length).toBeGreaterThan(0); // the other bar charts stay columns
});

describe.each(["native", "values"] as const)("a %s fill", (mode) => {
  const report = builtInReport(mode);
  const scenarioSheet = report.sheets[2].name; // after Summary and Assumptions
  let book: FakeWorkbook;

  beforeAll(async () => {
    book = new FakeWorkbook();
    book.addSheet("Sheet1", USER_DATA);
    await new ExcelSheetWriter(book.run).fill(report);
  });

  test("still takes 3 syncs", () => {
    expect(book.syncs).toHaveLength(3);
  });

  test("draws China revenue by quarter per scenario as a line chart over the Comparison table", () => {
    const spec = report.charts.find((c) => c.id === "china-revenue")!;
    expect(book.sheet("Comparison")!.charts).toEqual([
      {
        type: "Line",
        source: tableAddress(report, "Comparison", "China revenue (baseline + H200)"),
        seriesBy: "Columns",
        name: "china-revenue",
        title: spec.title,
        categoryTitle: spec.xLabel,
        valueTitle: spec.yLabel,
        valueFormat: spec.yFormat,
        legend: "Bottom",
        position: { from: expect.stringMatching(/^[A-Z]+\d+$/), to: expect.stringMatching(/^[A-Z]+\d+$/) },
      },
    ]);
  });

  test("draws H200 shipped by buyer as clustered columns over the scenario sheet's shipped-by-buyer table", () => {
    const charts = book.sheet(scenarioSheet)!.charts;
    expect(charts).toHaveLength(1);
    const spec = report.charts.find((c) => c.id === charts[0].name)!;
    expect(spec.id).toMatch(/^shipped-/);
    expect(charts[0]).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", title: spec.title, source: tableAddress(report, scenarioSheet, "H200 units shipped by buyer") });
    // the source cells hold the buyers, the periods and the engine's shipped units
    const snap = book.snapshot(scenarioSheet);
    const [from] = charts[0].source.split(":");
    const top = Number(from.slice(1));
    expect(snap[`A${top}`]).toBe("Buyer");
    expect(spec.categories.map((_, i) => snap[`A${top + 1 + i}`])).toEqual(spec.categories);
    expect(spec.series.map((_, j) => snap[`${String.fromCharCode(66 + j)}${top}`])).toEqual(spec.series.map((s) => s.name));
    if (mode === "values") spec.series.forEach((s, j) => s.values.forEach((v, i) => expect(snap[`${String.fromCharCode(66 + j)}${top + 1 + i}`]).toBe(v)));
    else expect(snap[`B${top + 1}`]).toMatch(/^=[A-Z]+\d+$/);
  });

  test("places each chart beside its table, not over any cell", () => {
    for (const s of book.sheets) {
      for (const c of s.charts) {
        const [a, b] = [c.position!.from, c.position!.to!].map((x) => ({ col: x.charCodeAt(0) - 65, row: Number(x.slice(1)) - 1 }));
        for (const k of s.cells.keys()) {
          const [r, col] = k.split(",").map(Number);
          expect({ sheet: s.name, chart: c.name, cell: [r, col], covered: r >= a.row && r <= b.row && col >= a.col && col <= b.col }).toMatchObject({ covered: false });
        }
      }
    }
  });

  test("leaves user sheets without charts or changes", () => {
    expect(book.sheet("Sheet1")!.charts).toEqual([]);
    expect(book.snapshot("Sheet1")).toEqual({ A1: "My notes", B1: 42, C1: true, B2: "=B1*2", C2: "keep me" });
  });
});

test("a refill replaces the charts with the sheets: one chart each, not two", async () => {
  const book = new FakeWorkbook();
  const writer = new ExcelSheetWriter(book.run);
  await writer.fill(builtInReport());
  await writer.fill(builtInReport("native", 0.3));
  expect(book.sheet("Comparison")!.charts.map((c) => c.name)).toEqual(["china-revenue"]);
  expect(book.sheets.filter((s) => s.charts.length > 0)).toHaveLength(2);
});

test("a report without charts draws none, in the same 3 syncs", async () => {
  const book = new FakeWorkbook();
  await new ExcelSheetWriter(book.run).fill(syntheticReport(10));
  expect(book.syncs).toHaveLength(3);
  expect(book.sheets.flatMap((s) => s.charts)).toEqual([]);
});

test("a chart naming no ChartSpec fails before anything is written", async () => {
  const book = new FakeWorkbook();
  const report = builtInReport();
  const broken: Report = { ...report, charts: report.charts.filter((c) => c.id !== "china-revenue") };
  await expect(new ExcelSheetWriter(book.run).fill(broken)).rejects.toThrow(/china-revenue/);
  expect(book.syncs).toHaveLength(0);
  expect(book.sheets).toEqual([]);
});

test.each(["charts.add", "chart.title", "chart.setPosition"])("a failure at the first %s leaves no chart, temp sheet or partial sheet behind", async (failing) => {
  const book = new FakeWorkbook();
  book.addSheet("Sheet1", USER_DATA);
  const writer = new ExcelSheetWriter(book.run);
  await writer.fill(builtInReport());
  const names = book.sheets.map((s) => s.name);
  const before = Object.fromEntries(names.map((n) => [n, { cells: book.snapshot(n), charts: structuredClone(book.sheet(n)!.charts) }]));
  const registry = book.settings.get(REGISTRY_KEY);
  let seen = false;
  book.failWhen = (what) => (what === failing && !seen ? (seen = true) : false);
  await expect(writer.fill(builtInReport("native", 0.3))).rejects.toThrow(/injected failure/);
  expect(book.sheets.map((s) => s.name)).toEqual(names);
  for (const n of names) expect({ cells: book.snapshot(n), charts: book.sheet(n)!.charts }).toEqual(before[n]);
  expect(book.settings.get(REGISTRY_KEY)).toBe(registry);
});

describe("the strict fake refuses what Excel refuses", () => {
  test("an unknown chart type, a bad seriesBy, or a source range on another sheet", async () => {
    for (const bad of [
      (s: import("../../src/taskpane/excel/port").XlWorksheet) => s.charts.add("Pie3D" as never, s.getRangeByIndexes(0, 0, 2, 2)),
      (s: import("../../src/taskpane/excel/port").XlWorksheet) => s.charts.add("Line", s.getRangeByIndexes(0, 0, 2, 2), "Diagonal" as never),
    ]) {
      const book = new FakeWorkbook();
      book.addSheet("A");
      await expect(book.run(async (ctx) => (bad(ctx.workbook.worksheets.getItem("A")), ctx.sync()))).rejects.toThrow(/InvalidArgument/);
      expect(book.sheet("A")!.charts).toEqual([]);
    }
    const book = new FakeWorkbook();
    book.addSheet("A");
    book.addSheet("B");
    await expect(
      book.run(async (ctx) => {
        const { worksheets } = ctx.workbook;
        worksheets.getItem("A").charts.add("Line", worksheets.getItem("B").getRangeByIndexes(0, 0, 2, 2), "Columns");
        await ctx.sync();
      }),
    ).rejects.toThrow(/another|on sheet B/);
  });

  test("charts follow a renamed sheet and go with a deleted one", async () => {
    const book = new FakeWorkbook();
    book.addSheet("A", [["x", "y"], ["p", 1]]);
    await book.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem("A");
      a.charts.add("ColumnClustered", a.getRangeByIndexes(0, 0, 2, 2), "Columns").setPosition("D1", "H10");
      a.name = "Renamed";
      await ctx.sync();
    });
    expect(book.sheet("Renamed")!.charts).toEqual([{ type: "ColumnClustered", source: "A1:B2", seriesBy: "Columns", position: { from: "D1", to: "H10" } }]);
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Renamed").delete();
      await ctx.sync();
    });
    expect(book.sheets).toEqual([]);
  });
});
