/** Reading whole ranges (tables, lists) for the functions that are not element-wise. */
import { ArgValue, Cell, ParamSpec, Problem, Result, ok, fail, relocated } from "../engine";
import { coerceArg } from "./coerce";
import { isExcelError, toExcelError } from "./excelErrors";
import { asMatrix } from "./excelArgs";

/**
 * A range as plain cells. An error value anywhere in it is passed through (thrown), as
 * Excel's own functions do with errors in their inputs.
 */
export function readCells(matrix: readonly (readonly unknown[])[]): Cell[][] {
  return matrix.map((row) =>
    row.map((v): Cell => {
      if (isExcelError(v)) throw v;
      return v === undefined ? null : typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v === null ? v : String(v);
    }),
  );
}

/** A single TRUE/FALSE argument (blank = `fallback`). */
export function readFlag(arg: unknown, name: string, fallback: boolean): Result<boolean> {
  const raw = asMatrix(arg)[0][0];
  const coerced = coerceArg(raw, { name, kind: "boolean", what: "TRUE or FALSE" });
  if (coerced.error) throw coerced.error;
  if (coerced.problem) return fail(coerced.problem);
  return ok(coerced.value === null ? fallback : (coerced.value as boolean));
}

/** One argument read as its parameter's kind (its top-left cell if a range is given). */
export function readValue(arg: unknown, spec: ParamSpec): ArgValue {
  return readValues([asMatrix(arg)[0][0]], spec)[0];
}

/** A list of cells read as one parameter's kind; problems name `name[i]`. Errors pass through. */
export function readValues(cells: readonly unknown[], spec: ParamSpec): ArgValue[] {
  const problems: Problem[] = [];
  const values = cells.map((raw, i) => {
    const coerced = coerceArg(raw, spec);
    if (coerced.error) throw coerced.error;
    if (coerced.problem) problems.push(cells.length === 1 ? coerced.problem : relocated(coerced.problem, [spec.name, i]));
    return coerced.problem ? null : coerced.value;
  });
  if (problems.length > 0) throw toExcelError(problems);
  return values;
}
