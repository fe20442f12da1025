/** CHIPS.SENSITIVITY_GRID's axes: each a range whose first cell is an input path and the cells after it its values. */
import { GridAxis, InputValue, Result, fail, ok, problem } from "../engine";
import { readCells } from "./cells";
import { asMatrix } from "./excelArgs";
import { inputPathOf, inputValueOf, isBlank } from "./inputCells";

/** One grid axis from a range, read row by row with blanks skipped; problems name the argument `name`. */
export function readAxis(arg: unknown, name: string): Result<GridAxis> {
  const cells = readCells(asMatrix(arg))
    .flat()
    .filter((c) => !isBlank(c));
  const path = inputPathOf(cells[0] ?? null);
  if (path === undefined) return fail(problem("missing", name, `its first cell is the input path (e.g. "china.approvalRate") and the cells after it the values, got ${cells.length === 0 ? "an empty range" : String(cells[0])}`));
  const values = cells.slice(1).map((c) => inputValueOf(c) as InputValue);
  if (values.length === 0) return fail(problem("missing", name, `needs values after the input path ${JSON.stringify(path)}, e.g. a column "${path}", 0.4, 0.6, 0.8`));
  return ok({ path, values });
}
