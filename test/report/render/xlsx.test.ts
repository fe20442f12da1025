/** The .xlsx as written: formulas, number formats, styles, frozen panes, filter, widths, print setup. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildReport } from "../../../src/report";
import { xlsxRenderer } from "../../../src/report/render/xlsx";
import { exampleInputs } from "../support/examples";

async function written(mode: "values" | "native" | "live"): Promise<ExcelJS.Workbook> {
  const [file] = await xlsxRenderer.render(buildReport(exampleInputs(), { mode }));
  expect(file.name).toBe("chokepoint.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.data as Uint8Array) as unknown as ExcelJS.Buffer);
  return wb;
}

let native: ExcelJS.Workbook;
beforeAll(async () => {
  native = await written("native");
});

// Model v2: the orders step's column moves the domestic ratio to G and the money one column
// further (the Largest cut column). Formulas read the Assumptions inputs by their defined names.
test("Base!G21: a MIN formula with the engine's value cached, format #,##0", () => {
  const c = native.getWorksheet("Base")!.getCell("G21");
  expect(c.formula).toMatch(/^MIN\(F21,IF\(Base_China_CapBasis="none"/);
  expect((c.value as ExcelJS.CellFormulaValue).result).toBe(78000);
  expect(c.numFmt).toBe("#,##0");
});

test("banking colours: inputs blue, formulas black, links to other sheets (a defined name, another sheet's cell) green", () => {
  const base = native.getWorksheet("Base")!;
  expect(base.getCell("B21").formula).toBe("Base_ByteDance_Requested"); // a link to the input
  expect(base.getCell("B21").font?.color?.argb).toBe("FF008000");
  expect(base.getCell("C21").font?.color?.argb).toBe("FF000000"); // a calculation
  expect(base.getCell("K25").font).toMatchObject({ bold: true, color: { argb: "FF000000" } }); // a total keeps its bold
  const comparison = native.getWorksheet("Comparison")!;
  const links: string[] = [];
  comparison.eachRow((r) => r.eachCell((c) => c.formula && /^'[^']+'!\$[A-Z]+\$\d+$/.test(c.formula) && c.font?.color?.argb === "FF008000" && links.push(c.formula)));
  expect(links.length).toBeGreaterThan(0);
  expect(native.getWorksheet("Assumptions")!.getCell("D16").font?.color?.argb).toBe("FF0000FF");
});

test("enum and flag inputs carry a data-validation list; numbers none", () => {
  const a = native.getWorksheet("Assumptions")!;
  expect(a.getCell("B23").value).toBe("china.access");
  expect(a.getCell("D23").dataValidation).toMatchObject({ type: "list", allowBlank: true, formulae: ['"open,approval,blocked"'] });
  expect(a.getCell("B14").value).toBe("us.exportsAllowed");
  expect(a.getCell("D14").dataValidation).toMatchObject({ type: "list", formulae: ['"TRUE,FALSE"'] });
  expect(a.getCell("D16").dataValidation).toBeUndefined();
});

test("the workbook defines every input's name, pointing at its Assumptions cell", () => {
  const report = buildReport(exampleInputs());
  const names = new Map<string, string[]>();
  native.definedNames.forEach((name, cell) => names.set(name, [...(names.get(name) ?? []), `${(cell as { sheetName: string }).sheetName}!${(cell as { address: string }).address}`]));
  expect(names.size).toBe(report.names!.length);
  for (const n of report.names!) expect(names.get(n.name)).toEqual([`Assumptions!${String.fromCharCode(64 + n.col)}${n.row}`]);
});

test('money in $bn ($#,##0.0,,,"bn"), shares as 0.0%, changes signed', () => {
  const base = native.getWorksheet("Base")!;
  expect(base.getCell("K25").numFmt).toBe('$#,##0.0,,,"bn"');
  expect(base.getCell("B34").numFmt).toBe("+0.0%;-0.0%;0.0%");
  expect(base.getCell("B34").formula).toBe('IFERROR(B33/B32-1,"n/a")');
});

test("Assumptions!D16 (Base us.revenueShare, All periods): a plain input, 0.0%, blue on yellow", () => {
  const c = native.getWorksheet("Assumptions")!.getCell("D16");
  expect(native.getWorksheet("Assumptions")!.getCell("B16").value).toBe("us.revenueShare");
  expect(c.value).toBe(0.25);
  expect(c.numFmt).toBe("0.0%");
  expect(c.font?.color?.argb).toBe("FF0000FF");
  expect(c.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFF2CC" } });
});

test("headers styled, totals bold, panes frozen, one filter on Sources, widths and print setup set", () => {
  const base = native.getWorksheet("Base")!;
  expect(base.getCell("B20").value).toBe("Requested");
  expect(base.getCell("B20").font?.bold).toBe(true);
  expect(base.getCell("A25").value).toBe("Total");
  expect(base.getCell("A25").font?.bold).toBe(true);
  // Frozen down to the first table's header (the summary by period), not only the title.
  expect(base.views[0]).toMatchObject({ state: "frozen", xSplit: 1 });
  const ySplit = (base.views[0] as { ySplit: number }).ySplit;
  expect(ySplit).toBeGreaterThan(1);
  expect(base.getCell(`A${ySplit}`).value).toBe("Period");
  expect(base.pageSetup.printTitlesRow).toBe(`${ySplit}:${ySplit}`); // the header repeats on every printed page
  const sources = native.getWorksheet("Sources")!;
  expect(sources.autoFilter).toBeDefined();
  expect(sources.getCell(`A${(sources.views[0] as { ySplit: number }).ySplit}`).value).toBe("Scenario"); // header row frozen
  expect(sources.views[0]).toMatchObject({ state: "frozen", xSplit: 0 });
  expect(base.autoFilter).toBeUndefined();
  for (const ws of native.worksheets) {
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
  }
  expect(native.getWorksheet("Assumptions")!.getColumn(6).width).toBe(60); // long sources wrap at 60 (Base's Source column)
});

test("no merged cells (a source of repair prompts next to formulas)", () => {
  for (const ws of native.worksheets) expect(ws.model.merges).toEqual([]);
});

test("the workbook says the add-in draws native charts, and chips report pictures them in the file and writes SVG and PNG files beside it", () => {
  const texts: string[] = [];
  native.getWorksheet("Comparison")!.eachRow((r) => r.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
  expect(texts.join(" ")).toMatch(/Excel add-in draws them as native charts.*pictures them in its \.xlsx file.*SVG and PNG files: .*chokepoint-china-revenue\.svg/);
});

test("live: CHIPS functions stored as Excel stores add-in functions (_xldudf_CHIPS_...), values cached", async () => {
  const live = await written("live");
  const g21 = live.getWorksheet("Base")!.getCell("G21");
  expect(g21.formula).toContain("_xldudf_CHIPS_H200_ALLOWED(");
  expect(g21.formula).not.toContain("CHIPS.");
  expect((g21.value as ExcelJS.CellFormulaValue).result).toBe(78000);
  expect(live.getWorksheet("Base")!.getCell("L21").formula).toMatch(/^_xldudf_CHIPS_US_REVENUE_SHARE\(K21,/);
});

test("native workbooks ask for a full recalculation on open; live ones keep their cached values for the add-in", async () => {
  const calcPr = async (mode: "native" | "live") => {
    const [file] = await xlsxRenderer.render(buildReport(exampleInputs(), { mode }));
    const xml = await (await JSZip.loadAsync(file.data)).file("xl/workbook.xml")!.async("string");
    return /<calcPr[^>]*>/.exec(xml)?.[0];
  };
  expect(await calcPr("native")).toContain('fullCalcOnLoad="1"');
  expect(await calcPr("live")).not.toContain("fullCalcOnLoad");
});

test("values: no formulas", async () => {
  const values = await written("values");
  let formulas = 0;
  values.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => void (c.formula && formulas++))));
  expect(formulas).toBe(0);
  expect(values.getWorksheet("Base")!.getCell("F21").value).toBe(78000);
});
