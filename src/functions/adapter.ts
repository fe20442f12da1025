/**
 * The shared body of every CHIPS function: coerce the arguments, call the engine, map the
 * result. Written once, so each function in functions.ts is a line or two.
 */
import { ArgValue, Core, ParamSpec, Problem, Result, acceptedInterval, checkArgsInPlace, runCoreInPlace } from "../engine";
import { coerceArg } from "./coerce";
import { ExcelError, ExcelErrorCode, excelError, isExcelError, toExcelError } from "./excelErrors";
import { asMatrix, broadcastShape } from "./excelArgs";

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

/** One cell of the result. */
type CellOf = (r: number, c: number) => number | ExcelError;

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

/**
 * The fast path for what real sheets mostly hold: one column of numbers against single
 * values. The single values are read and checked once; each row then checks only its own
 * number and runs the core specialised to the single values (`overFirst` when the column is
 * the first argument). A cell that is not a valid number (blank, text, error value, NaN, out
 * of range) or whose result is not a finite number is left to the general path, so every
 * cell, and every error message, is what the general path alone gives. Undefined when the
 * shapes or the single values do not fit (the general path then does the whole call).
 */
function overColumn(core: Core, matrices: readonly unknown[][][], rows: number, general: CellOf): Spill | undefined {
  const params = core.params;
  let at = -1;
  for (let i = 0; i < matrices.length; i++) {
    if (matrices[i][0].length !== 1) return undefined;
    if (matrices[i].length === 1) continue;
    if (at >= 0) return undefined;
    at = i;
  }
  if (at < 0 || params[at].kind !== "number") return undefined;
  const values = singleValues(params, matrices, at);
  if (!values) return undefined;
  const specialised =
    at === 0 && core.overFirst
      ? core.overFirst(values)
      : (x: number) => {
          values[at] = x;
          return core.compute(values);
        };
  const column = matrices[at];
  // The column's range check as three numbers: a call per row here costs a boxed number per row.
  const { atLeast, above, atMost } = acceptedInterval(params[at]);
  const out: Spill = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = column[r][0];
    if (typeof x === "number" && Number.isFinite(x) && x >= atLeast && x > above && x <= atMost) {
      const y = specialised(x);
      if (typeof y === "number" && Number.isFinite(y)) {
        out[r] = [y];
        continue;
      }
    }
    out[r] = [general(r, 0)];
  }
  return out;
}

/** The checked single values of every argument but `at`, or undefined if any is at fault. */
function singleValues(params: readonly ParamSpec[], matrices: readonly unknown[][][], at: number): ArgValue[] | undefined {
  const values: ArgValue[] = new Array<ArgValue>(params.length);
  for (let i = 0; i < params.length; i++) {
    if (i === at) continue;
    const coerced = coerceArg(matrices[i][0][0], params[i]);
    if (coerced.error || coerced.problem) return undefined;
    const one = [coerced.value];
    if (checkArgsInPlace([params[i]], one)) return undefined;
    values[i] = one[0];
  }
  return values;
}

/** Runs an adapter body so that nothing but an Excel error ever leaves a custom function. */
export function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (isExcelError(e)) throw e;
    // An engine bug must still reach the user as an Excel error, never as an uncaught exception.
    throw toExcelError([{ code: "unsupported", path: "", message: `internal error: ${e instanceof Error ? e.message : String(e)}` }]);
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
