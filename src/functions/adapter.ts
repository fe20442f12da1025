/**
 * The shared body of every CHIPS function: coerce the arguments, call the engine, map the
 * result. Written once, so each function in functions.ts is a line or two.
 */
import { ArgValue, Core, Problem, Result, problem, runCoreInPlace } from "../engine";
import { coerceArg } from "./coerce";
import { ExcelError, ExcelErrorCode, excelError, isExcelError, toExcelError } from "./excelErrors";
import { asMatrix, broadcastShape } from "./excelArgs";
import { CellOf, overColumn } from "./overColumn";

/** What a CHIPS function returns: a grid of numbers, text or error values, spilled by Excel. */
export type Spill = (number | string | ExcelError)[][];

/**
 * A scalar core lifted over ranges: each argument may be a single value or a range, and the
 * result has their broadcast shape; a cell whose inputs are wrong holds its own error value.
 * Throws (the way custom functions report a whole-call error) only when shapes do not fit.
 */
export function elementwise(core: Core, args: readonly unknown[]): Spill {
  return guarded(() => {
    const matrices = core.params.map((_, i) => asMatrix(args[i]));
    const shape = broadcastShape(
      core.params.map((p) => p.name),
      matrices,
    );
    if (isExcelError(shape)) throw shape;
    const cell = cellReader(core, matrices);
    return overColumn(core, matrices, shape.rows, cell) ?? spill(shape.rows, shape.cols, cell);
  });
}

/**
 * The general path: one result cell from any mix of numbers, blanks, text, flags and error
 * values. Every cell the fast path cannot take is computed here, so both give the same errors.
 */
function cellReader(core: Core, matrices: readonly unknown[][][]): CellOf {
  const params = core.params;
  const values: ArgValue[] = new Array<ArgValue>(params.length);
  // Per argument, hoisted out of the cell loop: does it vary by row / by column, is it numeric.
  const byRow = matrices.map((m) => m.length !== 1);
  const byCol = matrices.map((m) => m[0].length !== 1);
  const numeric = params.map((p) => p.kind === "number");
  return (r, c) => {
    let passThrough: ExcelError | undefined;
    let problems: Problem[] | undefined;
    for (let i = 0; i < params.length; i++) {
      const raw = matrices[i][byRow[i] ? r : 0][byCol[i] ? c : 0];
      // A number where a number belongs needs no coercion (most cells of a range).
      if ((numeric[i] && typeof raw === "number") || raw === null || raw === undefined) {
        values[i] = raw ?? null; // blanks take their defaults in the engine's check
        continue;
      }
      const coerced = coerceArg(raw, params[i]);
      if (coerced.error) passThrough ??= coerced.error;
      else if (coerced.problem) (problems ??= []).push(coerced.problem);
      else values[i] = coerced.value;
    }
    if (passThrough || problems) return passThrough ?? toExcelError(problems as Problem[]);
    const outcome = runCoreInPlace(core, values);
    return typeof outcome === "number" ? outcome : toExcelError(outcome);
  };
}

/** The result grid, cell by cell. */
function spill(rows: number, cols: number, cell: CellOf): Spill {
  const out: Spill = new Array(rows);
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      // A one-element literal is a packed array of unboxed doubles: for the usual column
      // spill this halves what a 100k-row result leaves for the garbage collector.
      out[r] = [cell(r, 0)];
      continue;
    }
    const row = new Array<number | ExcelError>(cols);
    for (let c = 0; c < cols; c++) row[c] = cell(r, c);
    out[r] = row;
  }
  return out;
}

/** Runs an adapter body so that nothing but an Excel error ever leaves a custom function. */
export function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isExcelError(e)) throw e;
    // An engine bug must still reach the user as an Excel error, never as an uncaught exception.
    throw toExcelError([problem("unsupported", "", `internal error: ${e instanceof Error ? e.message : String(e)}`)]);
  }
}

/**
 * Throws the Excel error for a failed result (whole-call problems), else returns the value.
 * `code` overrides the error type, e.g. #N/A for a lookup that found nothing.
 */
export function unwrap<T>(result: Result<T>, code?: ExcelErrorCode): T {
  if (!result.ok) throw code ? excelError(code, toExcelError(result.problems).message) : toExcelError(result.problems);
  return result.value;
}

/**
 * A general cell-by-cell function over broadcast arguments (blanks as null; errors in the
 * inputs pass through); `cell` may return a value or throw an Excel error for its own cell.
 * For lookups and text results; numeric cores use the faster `elementwise`.
 */
export function mapCells(names: readonly string[], args: readonly unknown[], cell: (values: unknown[]) => number | string): Spill {
  return guarded(() => {
    const matrices = names.map((_, i) => asMatrix(args[i]));
    const shape = broadcastShape(names, matrices);
    if (isExcelError(shape)) throw shape;
    const out: Spill = [];
    for (let r = 0; r < shape.rows; r++) {
      const row: (number | string | ExcelError)[] = [];
      for (let c = 0; c < shape.cols; c++) {
        const values = matrices.map((m) => m[m.length === 1 ? 0 : r][m[0].length === 1 ? 0 : c]);
        const passThrough = values.find(isExcelError);
        try {
          row.push(passThrough ?? cell(values.map((v) => (v === undefined || v === "" ? null : v))));
        } catch (e) {
          if (!isExcelError(e)) throw e;
          row.push(e);
        }
      }
      out.push(row);
    }
    return out;
  });
}
