/**
 * Live-mode workbooks hold CHIPS calls in the form Excel itself stores for Office.js custom
 * functions, checked on the file's XML (not through ExcelJS's model) against a fixture built by
 * hand from the documented form (fixtures/xldudf-sheet.xml): every custom call is
 * _xldudf_CHIPS_<declared id>( in an <f> without "=" or an _xlfn./_xludf. prefix, with a cached
 * <v>, and CHIPS.<id>( survives only inside string literals.
 */
import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { buildReport } from "../../../src/report";
import { xlsxRenderer } from "../../../src/report/render/xlsx";
import { declaredFunctions } from "../../support/jsdoc";
import { exampleInputs } from "../support/examples";

interface StoredCell {
  readonly sheet: string;
  readonly ref: string;
  readonly type?: string;
  readonly formula: string;
  readonly cached?: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => name === "row" || name === "c" });

/** The formula cells of a worksheet XML. */
function formulaCells(sheet: string, xml: string): StoredCell[] {
  const doc = parser.parse(xml) as { worksheet: { sheetData: { row?: { c?: Record<string, unknown>[] }[] } } };
  const cells: StoredCell[] = [];
  for (const row of doc.worksheet.sheetData.row ?? []) {
    for (const c of row.c ?? []) {
      if (c.f === undefined) continue;
      const f = typeof c.f === "object" && c.f !== null ? String((c.f as Record<string, unknown>)["#text"] ?? "") : String(c.f);
      cells.push({ sheet, ref: String(c["@r"]), type: c["@t"] as string | undefined, formula: f, cached: c.v === undefined ? undefined : String(c.v) });
    }
  }
  return cells;
}

const IDS = new Set(declaredFunctions().map((f) => f.id));
/** A formula with its string literals and quoted sheet names blanked out. */
const outsideLiterals = (f: string) => f.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (m) => " ".repeat(m.length));

/** What is wrong with a stored CHIPS formula cell, by the documented form (none: []). */
function storedFormProblems(cell: StoredCell): string[] {
  const code = outsideLiterals(cell.formula);
  const problems: string[] = [];
  if (cell.formula.startsWith("=")) problems.push("a stored formula has no leading =");
  if (/\bCHIPS\.\w+\s*\(/i.test(code)) problems.push("CHIPS.X( is the displayed form; the file holds _xldudf_CHIPS_X(");
  if (/_xl(fn|udf)\._xldudf_/i.test(code)) problems.push("_xldudf_ takes no _xlfn./_xludf. prefix");
  for (const [, id] of code.matchAll(/_xldudf_CHIPS_([A-Z0-9_]+)\(/g)) if (!IDS.has(id)) problems.push(`${id} is no declared CHIPS function`);
  if (/_xldudf_CHIPS_/.test(code) && cell.cached === undefined) problems.push("the last result is cached in <v>");
  return problems;
}

test("the hand-built fixture has the documented form, and the checker tells it from the displayed form", () => {
  const cells = formulaCells("fixture", fs.readFileSync(path.join(__dirname, "fixtures/xldudf-sheet.xml"), "utf8"));
  expect(cells.map((c) => c.ref)).toEqual(["B1", "C1", "D1", "E1"]);
  for (const c of cells) expect({ ref: c.ref, problems: storedFormProblems(c) }).toEqual({ ref: c.ref, problems: [] });
  expect(cells.find((c) => c.ref === "D1")?.type).toBe("str");
  // the same cells as a careless writer would store them
  const displayed = { ...cells[0], formula: "=CHIPS.H200_ALLOWED(A1,1)" };
  expect(storedFormProblems(displayed)).toEqual(["a stored formula has no leading =", "CHIPS.X( is the displayed form; the file holds _xldudf_CHIPS_X("]);
  expect(storedFormProblems({ ...cells[0], formula: "_xldudf_CHIPS_H200_ALOWED(A1,1)" })).toEqual(["H200_ALOWED is no declared CHIPS function"]);
  expect(storedFormProblems({ ...cells[0], cached: undefined })).toEqual(["the last result is cached in <v>"]);
});

describe("a live workbook, read as XML", () => {
  let cells: StoredCell[];
  beforeAll(async () => {
    const [file] = await xlsxRenderer.render(buildReport(exampleInputs(), { mode: "live" }));
    const zip = await JSZip.loadAsync(file.data);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    cells = (await Promise.all(sheets.map(async (n) => formulaCells(n, await zip.file(n)!.async("string"))))).flat();
  });

  test("stores every CHIPS call in the documented form", () => {
    const chips = cells.filter((c) => /_xldudf_CHIPS_|CHIPS\./i.test(outsideLiterals(c.formula)));
    expect(chips.length).toBeGreaterThan(10);
    for (const c of chips) expect({ at: `${c.sheet}!${c.ref}`, formula: c.formula, problems: storedFormProblems(c) }).toEqual({ at: `${c.sheet}!${c.ref}`, formula: c.formula, problems: [] });
  });

  test("uses the CHIPS functions the live formulas call, each a declared id", () => {
    const used = new Set(cells.flatMap((c) => [...outsideLiterals(c.formula).matchAll(/_xldudf_CHIPS_([A-Z0-9_]+)\(/g)].map((m) => m[1])));
    expect([...used]).toEqual(expect.arrayContaining(["H200_ALLOWED", "US_REVENUE_SHARE"]));
    for (const id of used) expect(IDS.has(id)).toBe(true);
  });
});
