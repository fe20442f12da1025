/** CHIPS.SENSITIVITY's swings range: a header row input | low | high and one row per input. */
import { Problem, Result, SwingInput, fail, ok } from "../engine";
import { readHeadedTable } from "./headedTable";
import { inputPathExpected, inputPathOf, inputValueOf } from "./inputCells";
import { rangeProblem } from "./rangePlaces";

/** The columns of a swings range, all required. */
export const SWING_COLUMNS = ["input", "low", "high"] as const;

/** The swings of a swings range, in row order, and each one's row; problems are at `["swings", row, column]`. */
export function readSwingRows(arg: unknown): Result<{ inputs: SwingInput[]; rows: number[] }> {
  const table = readHeadedTable("swings", arg, SWING_COLUMNS, SWING_COLUMNS, "input | low | high");
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const inputs: SwingInput[] = [];
  const rows: number[] = [];
  for (const { row, cells } of table.value.rows) {
    const path = inputPathOf(cells.input);
    if (path === undefined) problems.push(rangeProblem("missing", ["swings", row, "input"], inputPathExpected(cells.input)));
    const low = inputValueOf(cells.low);
    const high = inputValueOf(cells.high);
    if (low === null) problems.push(rangeProblem("missing", ["swings", row, "low"], "required: the input's low value"));
    if (high === null) problems.push(rangeProblem("missing", ["swings", row, "high"], "required: the input's high value"));
    if (path !== undefined && low !== null && high !== null) {
      inputs.push({ path, low, high });
      rows.push(row);
    }
  }
  return problems.length > 0 ? fail(...problems) : ok({ inputs, rows });
}
