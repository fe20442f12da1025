/**
 * The Sensitivity grid's colour scale (TableBlock.colorScale) in the two taskpane hosts: the
 * Office.js writer adds it as a live conditional format with the xlsx renderer's colours and
 * criteria, within the same 3 syncs, on the sheet being built; the preview shades the same
 * cells as Excel would.
 */
import ExcelJS from "exceljs";
import { COLOR_SCALE, colorScaleFills, contrastRatio } from "../../src/report/colorScale";
import { CellArea, Report, TableBlock, buildReport } from "../../src/report";
import { xlsxRenderer } from "../../src/report/render/xlsx";
import { ExcelSheetWriter } from "../../src/taskpane/excel/excelWriter";
import { XlColorScaleCriteria, XlContext } from "../../src/taskpane/excel/port";
import { a1, colorScaleShades, sheetGrid } from "../../src/taskpane/grid";
import { exampleInput } from "../report/support/examples";
import { FakeWorkbook } from "../support/fakeExcel";
import { syntheticReport } from "../support/syntheticReport";

const input = exampleInput("examples/uncertainty/monte-carlo.json");
const SENS = "Sensitivity";
const report = (mode: Report["mode"]) => buildReport([input], { mode, uncertainty: { iterations: 500 } });

function gridTable(r: Report): TableBlock {
  const t = r.sheets.find((s) => s.name === SENS)!.blocks.find((b): b is TableBlock => b.kind === "table" && /^Grid: /.test(b.title));
  if (!t) throw new Error("no grid table");
  return t;
}

/** A1 range of a 1-based model area. */
const areaAddress = (a: CellArea) => `${a1(a.row - 1, a.col - 1)}:${a1(a.row + a.rows - 2, a.col + a.cols - 2)}`;

/** The xlsx renderer's colour scale for the Sensitivity sheet, in Office.js terms. */
async function xlsxColorScale(r: Report): Promise<{ address: string; criteria: XlColorScaleCriteria }> {
  const [file] = await xlsxRenderer.render(r);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.data as Uint8Array) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SENS) as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
  expect(ws.conditionalFormattings).toHaveLength(1);
  const [cf] = ws.conditionalFormattings;
  const rule = cf.rules[0] as ExcelJS.ColorScaleRuleType;
  const point = (i: number) => {
    const v = rule.cfvo![i];
    const color = `#${rule.color![i].argb!.slice(2)}`;
    if (v.type === "min") return { type: "LowestValue" as const, color };
    if (v.type === "max") return { type: "HighestValue" as const, color };
    if (v.type === "percentile") return { type: "Percentile" as const, formula: String(v.value), color };
    throw new Error(`unexpected cfvo ${v.type}`);
  };
  return { address: cf.ref, criteria: { minimum: point(0), midpoint: point(1), maximum: point(2) } };
}

describe.each(["native", "values"] as const)("a %s fill of a report with a Sensitivity sheet", (mode) => {
  const r = report(mode);
  const area = gridTable(r).colorScale!;
  let book: FakeWorkbook;
  /** The sync (1-based) in which each conditional format was added. */
  const addedIn: number[] = [];

  beforeAll(async () => {
    book = new FakeWorkbook();
    book.addSheet("Sheet1", [["mine", 1]]);
    book.failWhen = (what) => {
      if (what === "conditionalFormats.add") addedIn.push(book.syncs.length);
      return false;
    };
    await new ExcelSheetWriter(book.run).fill(r);
  });

  test("still takes 3 syncs; the colour scale is queued in the build sync, on the sheet being built", () => {
    expect(book.syncs).toHaveLength(3);
    expect(book.suspendedCalc).toBe(2);
    expect(addedIn).toEqual([2]);
    // Added in sync 2 to the hidden temp sheet, it is on "Sensitivity" only after the rename in sync 3.
    expect(book.sheet(SENS)!.visibility).toBe("Visible");
  });

  test("the Sensitivity sheet holds one colour scale over exactly the model's area, with the xlsx renderer's colours and criteria", async () => {
    const xlsx = await xlsxColorScale(r);
    expect(book.sheet(SENS)!.conditionalFormats).toEqual([{ type: "ColorScale", address: areaAddress(area), colorScale: xlsx.criteria }]);
    expect(xlsx.address).toBe(areaAddress(area));
    expect(xlsx.criteria).toEqual({
      minimum: { type: "LowestValue", color: COLOR_SCALE.minimum },
      midpoint: { type: "Percentile", formula: "50", color: COLOR_SCALE.midpoint },
      maximum: { type: "HighestValue", color: COLOR_SCALE.maximum },
    });
  });

  test("no other sheet gets a conditional format", () => {
    expect(book.sheets.filter((s) => s.name !== SENS).flatMap((s) => s.conditionalFormats)).toEqual([]);
  });
});

test("a refill replaces the colour scale with its sheet: one, not two", async () => {
  const book = new FakeWorkbook();
  const writer = new ExcelSheetWriter(book.run);
  await writer.fill(report("native"));
  await writer.fill(report("native"));
  expect(book.sheets.flatMap((s) => s.conditionalFormats.map(() => s.name))).toEqual([SENS]);
});

test("a report without a colour scale adds none, in the same 3 syncs", async () => {
  const book = new FakeWorkbook();
  await new ExcelSheetWriter(book.run).fill(syntheticReport(10));
  expect(book.syncs).toHaveLength(3);
  expect(book.sheets.flatMap((s) => s.conditionalFormats)).toEqual([]);
});

describe("the fake refuses what Excel would refuse", () => {
  const good: XlColorScaleCriteria = {
    minimum: { type: "LowestValue", color: "#F8696B" },
    midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
    maximum: { type: "HighestValue", color: "#63BE7B" },
  };
  const attempt = (type: string, criteria: unknown) => {
    const book = new FakeWorkbook();
    return book.run(async (context: XlContext) => {
      const sheet = context.workbook.worksheets.add("S");
      const cf = sheet.getRangeByIndexes(0, 0, 2, 2).conditionalFormats.add(type as "ColorScale");
      cf.colorScale.criteria = criteria as XlColorScaleCriteria;
      await context.sync();
      return book.sheet("S")!.conditionalFormats;
    });
  };

  test("a good three-colour scale is recorded", async () => {
    await expect(attempt("ColorScale", good)).resolves.toEqual([{ type: "ColorScale", address: "A1:B2", colorScale: good }]);
  });

  test.each([
    ["an unknown format type", "colorScale", good, /conditional format type/],
    ["a colour scale on another kind of format", "DataBar", good, /colorScale of a DataBar/],
    ["no maximum", "ColorScale", { minimum: good.minimum }, /minimum and a maximum/],
    ["a percentile without a formula", "ColorScale", { ...good, midpoint: { type: "Percentile", color: "#FFEB84" } }, /needs a formula/],
    ["a percentile over 100", "ColorScale", { ...good, midpoint: { type: "Percentile", formula: "150", color: "#FFEB84" } }, /Percentile "150"/],
    ["a formula on the lowest value", "ColorScale", { ...good, minimum: { type: "LowestValue", formula: "0", color: "#F8696B" } }, /takes no formula/],
    ["an unknown criterion type", "ColorScale", { ...good, maximum: { type: "Highest", color: "#63BE7B" } }, /criterion type/],
    ["a colour not #RRGGBB", "ColorScale", { ...good, maximum: { type: "HighestValue", color: "F8696B" } }, /colour/],
  ])("%s", async (_name, type, criteria, message) => {
    await expect(attempt(type, criteria)).rejects.toThrow(message);
  });

  test("reading the criteria back without a load throws", async () => {
    const book = new FakeWorkbook();
    await expect(
      book.run(async (context: XlContext) => {
        const cf = context.workbook.worksheets.add("S").getRangeByIndexes(0, 0, 1, 1).conditionalFormats.add("ColorScale");
        return cf.colorScale.criteria;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });
});

describe("the preview shades the grid as Excel would", () => {
  const r = report("native");
  const area = gridTable(r).colorScale!;
  const grid = sheetGrid(r.sheets.find((s) => s.name === SENS)!);
  const shades = colorScaleShades(grid);
  const cells = Array.from({ length: area.rows }, (_, i) => Array.from({ length: area.cols }, (_, j) => [area.row - 1 + i, area.col - 1 + j] as const)).flat();
  const values = cells.map(([i, j]) => grid.cells[i][j]?.value ?? null);

  test("exactly the area's cells are shaded, by the shared colour-scale rule over their values", () => {
    expect(grid.colorScales).toEqual([{ row: area.row - 1, col: area.col - 1, rows: area.rows, cols: area.cols }]);
    expect(values.every((v) => typeof v === "number")).toBe(true);
    expect([...shades.keys()].sort()).toEqual(cells.map(([i, j]) => a1(i, j)).sort());
    expect(cells.map(([i, j]) => shades.get(a1(i, j))!.fill)).toEqual(colorScaleFills(values));
  });

  test("the lowest cell is red, the highest green, and every cell's text reads on its fill", () => {
    const numbers = values as number[];
    const at = (v: number) => shades.get(a1(...cells[numbers.indexOf(v)]))!.fill;
    expect(at(Math.min(...numbers))).toBe(COLOR_SCALE.minimum);
    expect(at(Math.max(...numbers))).toBe(COLOR_SCALE.maximum);
    for (const s of shades.values()) expect(contrastRatio(s.fill, s.text)).toBeGreaterThanOrEqual(4.5);
  });

  test("sheets without a colour scale have no shading", () => {
    for (const s of r.sheets.filter((x) => x.name !== SENS)) expect(colorScaleShades(sheetGrid(s)).size).toBe(0);
  });
});
