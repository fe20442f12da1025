/**
 * The add-in's Fill writes the report's defined names (the Assumptions inputs the formulas read),
 * the drop-down lists on choice inputs and the banking font colours, against the strict fake of
 * Excel, still in 3 syncs; a second fill replaces its names; a kept user's sheet moves the names
 * to the sheet that now shows Assumptions.
 */
import { buildReport } from "../../src/report";
import { Report } from "../../src/report/model";
import { ExcelSheetWriter } from "../../src/taskpane/excel/excelWriter";
import { REGISTRY_KEY, parseRegistry } from "../../src/taskpane/excel/registry";
import { exampleInput, exampleInputs } from "../report/support/examples";
import { FakeWorkbook } from "../support/fakeExcel";

const columnOf = (col: number) => String.fromCharCode(64 + col);
const REPORT: Report = buildReport(exampleInputs());

test("a fill defines every report name, each at its Assumptions cell, in 3 syncs", async () => {
  const book = new FakeWorkbook();
  const result = await new ExcelSheetWriter(book.run).fill(REPORT);
  expect(book.syncs).toHaveLength(3);
  expect(result.written).toEqual(REPORT.sheets.map((s) => s.name));
  expect(book.names).toHaveLength(REPORT.names!.length);
  for (const n of REPORT.names!) expect(book.resolve(n.name)).toEqual({ sheet: "Assumptions", address: `${columnOf(n.col)}${n.row}` });
  // and the formulas that read them are in place
  expect(book.snapshot("Base").B21).toBe("=Base_ByteDance_Requested");
  expect(parseRegistry(book.settings.get(REGISTRY_KEY)).names).toEqual(REPORT.names!.map((n) => n.name));
});

test("a second fill replaces the names (Excel refuses a name twice) and drops those its report no longer has", async () => {
  const book = new FakeWorkbook();
  const writer = new ExcelSheetWriter(book.run);
  await writer.fill(REPORT);
  const one = buildReport([exampleInput("base.json")]);
  await writer.fill(one);
  expect(book.syncs).toHaveLength(6);
  expect(book.names.map((n) => n.name).sort()).toEqual(one.names!.map((n) => n.name).sort());
  for (const n of one.names!) expect(book.resolve(n.name)).toEqual({ sheet: "Assumptions", address: `${columnOf(n.col)}${n.row}` });
});

test("when a user's own sheet is called Assumptions, the names point at the sheet the fill wrote instead", async () => {
  const book = new FakeWorkbook();
  book.addSheet("Assumptions", [["the user's own Assumptions"]]);
  const result = await new ExcelSheetWriter(book.run).fill(REPORT);
  expect(result.written).toContain("Assumptions (2)");
  expect(book.resolve("Base_US_RevenueShare")?.sheet).toBe("Assumptions (2)");
});

test("enum and flag inputs get drop-down lists; inputs blue, formulas black, links green", async () => {
  const book = new FakeWorkbook();
  await new ExcelSheetWriter(book.run).fill(REPORT);
  const assumptions = book.sheet("Assumptions")!;
  const access = REPORT.names!.find((n) => n.name === "Base_China_Access")!;
  expect(assumptions.validation.get(`${access.row - 1},${access.col - 1}`)).toBe("open,approval,blocked");
  const flag = REPORT.names!.find((n) => n.name === "Base_US_ExportsAllowed")!;
  expect(assumptions.validation.get(`${flag.row - 1},${flag.col - 1}`)).toBe("TRUE,FALSE");
  const supply = REPORT.names!.find((n) => n.name === "Base_Market_Supply")!;
  expect(assumptions.validation.has(`${supply.row - 1},${supply.col - 1}`)).toBe(false);
  const colour = (sheet: string, row: number, col: number) => book.sheet(sheet)!.fontColours.get(`${row - 1},${col - 1}`);
  expect(colour("Assumptions", supply.row, supply.col)).toBe("#0000FF");
  expect(book.snapshot("Base").B21).toBe("=Base_ByteDance_Requested");
  expect(colour("Base", 21, 2)).toBe("#008000"); // a link to an input
  expect(book.snapshot("Base").C21).toMatch(/^=IF\(AND\(/);
  expect(colour("Base", 21, 3)).toBe("#000000"); // a calculation
});
