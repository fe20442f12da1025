/**
 * Independent recalculation: a `native` workbook, its cached results replaced by wrong values,
 * is opened and recalculated by LibreOffice; every formula cell must come back as the engine's
 * number (1e-9 relative). Also: every mode's workbook opens in LibreOffice and in ExcelJS.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { evaluate } from "../../../src/engine";
import { buildReport } from "../../../src/report";
import { toWorkbook } from "../../../src/report/render/xlsx";
import { builtInInputs } from "../support/builtIns";
import { exampleInputs } from "../support/examples";
import { convert, findSoffice } from "../support/libreoffice";
import { allCells } from "../support/model";
import { validScenarioV2 } from "../support/scenarioDocs";

const soffice = findSoffice();
const STALE_NUMBER = -987654321;
const STALE_TEXT = "stale cached value";

if (!soffice && !process.env.CI) {
  console.warn("test/report/render/libreoffice.test.ts skipped: soffice not found (apt-get install libreoffice-calc-nogui); in CI (CI set) it fails instead.");
}
const suite = soffice || process.env.CI ? describe : describe.skip;


function resultOf(v: ExcelJS.CellValue): unknown {
  if (v !== null && typeof v === "object" && "result" in v) return v.result;
  // Observed: LibreOffice writes a zero result as <v>0</v>, which ExcelJS 4.4 reads back as a
  // formula without a result; a poisoned cell LibreOffice did not recompute keeps its stale value.
  if (v !== null && typeof v === "object" && "formula" in v) return 0;
  return v;
}

suite("LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    if (!soffice) throw new Error("CI is set but soffice is not installed: apt-get install -y libreoffice-calc-nogui");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-lo-test-"));
  });
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test("recalculating a native workbook gives the engine's number in every formula cell (examples, built-in scenarios, random version-2 scenarios)", async () => {
    // Random model-v2 scenarios (per-period policy, licence quotas, both cap scopes), named apart
    // so each has its own sheet; the seed is in the report's name, to reproduce a failure.
    // A fixed seed, so a CI run is reproducible; LO_SEED=n tries others.
    const seed = Number(process.env.LO_SEED ?? 20261202);
    const randoms = fc.sample(validScenarioV2, { numRuns: 8, seed }).map((s, i) => {
      const scenario = { ...s, name: `Random ${i + 1}` };
      return { scenario, evaluation: evaluate(scenario) };
    });
    const reports = [
      { name: "examples", report: buildReport(exampleInputs(), { mode: "native" }) },
      { name: "built-ins", report: buildReport(builtInInputs(), { mode: "native" }) },
      { name: `random v2 (LO_SEED=${seed})`, report: buildReport(randoms, { mode: "native" }) },
    ];
    const inputs = await Promise.all(
      reports.map(async ({ name, report }) => {
        const wb = toWorkbook(report);
        const cells = allCells(report).filter((x) => x.cell.formula !== undefined);
        // Poison every cached result, so only a real recalculation can produce the right numbers.
        for (const { sheet, row, col, cell } of cells) {
          const target = wb.getWorksheet(sheet)!.getCell(row, col);
          target.value = { formula: (target.value as ExcelJS.CellFormulaValue).formula, result: typeof cell.value === "number" ? STALE_NUMBER : STALE_TEXT };
        }
        const input = path.join(dir, `native-${reports.findIndex((r) => r.name === name)}.xlsx`);
        await wb.xlsx.writeFile(input);
        return { name, input, cells };
      }),
    );
    // One LibreOffice run for both workbooks.
    const outputs = convert(soffice as string, inputs.map((i) => i.input), path.join(dir, "recalculated"));

    for (const [k, { name, cells }] of inputs.entries()) {
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(outputs[k]);
      const wrong: string[] = [];
      for (const { sheet, row, col, cell } of cells) {
        const got = resultOf(back.getWorksheet(sheet)!.getCell(row, col).value);
        const want = cell.value;
        const ok = typeof want === "number" ? typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) : got === want;
        if (!ok) wrong.push(`${name}: ${sheet}!R${row}C${col} =${cell.formula}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
      }
      expect(wrong).toEqual([]);
      expect(cells.length).toBeGreaterThan(300);
    }
  }, 180_000);

  test("every mode's workbook opens in LibreOffice and again in ExcelJS, sheets intact", async () => {
    const files = await Promise.all(
      (["values", "native", "live"] as const).map(async (mode) => {
        const file = path.join(dir, `${mode}.xlsx`);
        await toWorkbook(buildReport(exampleInputs(), { mode })).xlsx.writeFile(file);
        return { mode, file };
      }),
    );
    const converted = convert(soffice as string, files.map((f) => f.file), path.join(dir, "opened"));
    const names = buildReport(exampleInputs()).sheets.map((s) => s.name);
    for (const file of [...files.map((f) => f.file), ...converted]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual(names);
    }
  }, 180_000);
});
