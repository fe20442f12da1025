/**
 * Recalculates a report model in HyperFormula (GPL-3.0, test-only), an independent formula
 * engine: every sheet loaded with its values and formulas, then each formula cell read back.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { Report } from "../../../src/report";
import { nameReference } from "../../../src/report/definedNames";
import { chipsWorkbook } from "../../support/hyperformula";
import { allCells } from "./model";

/** The report's sheets loaded into HyperFormula, values and formulas; the caller destroys it. */
export function recalculated(report: Report, options: { chips?: boolean } = {}): HyperFormula {
  if (options.chips) chipsWorkbook([[]]).destroy(); // registers the CHIPS functions once
  const grids: Record<string, unknown[][]> = Object.fromEntries(report.sheets.map((s) => [s.name, [] as unknown[][]]));
  for (const { sheet, row, col, cell } of allCells(report)) {
    const grid = grids[sheet];
    while (grid.length < row) grid.push([]);
    grid[row - 1][col - 1] = cell.formula !== undefined ? `=${cell.formula}` : cell.value;
  }
  // The report's defined names (the Assumptions inputs) as HyperFormula's workbook-level named expressions.
  const names = (report.names ?? []).map((n) => ({ name: n.name, expression: `=${nameReference(n)}` }));
  // Exact comparisons and no output rounding: the engine compares doubles exactly.
  return HyperFormula.buildFromSheets(grids as never, { licenseKey: "gpl-v3", smartRounding: false, precisionEpsilon: 0 }, names);
}

/** Cells whose recalculated value differs from the model's (the engine's), as readable lines. */
export function recalculationErrors(report: Report, options: { chips?: boolean } = {}): string[] {
  const cells = allCells(report);
  const hf = recalculated(report, options);
  try {
    const wrong: string[] = [];
    for (const { sheet, row, col, cell } of cells) {
      if (cell.formula === undefined) continue;
      const got = hf.getCellValue({ sheet: hf.getSheetId(sheet) as number, row: row - 1, col: col - 1 });
      const want = cell.value;
      const ok =
        got instanceof DetailedCellError
          ? false
          : typeof want === "number"
            ? typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))
            : got === want;
      if (!ok) wrong.push(`${sheet}!R${row}C${col} =${cell.formula} gave ${got instanceof DetailedCellError ? got.value + " " + got.message : JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
    }
    return wrong;
  } finally {
    hf.destroy();
  }
}
