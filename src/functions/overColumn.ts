/**
 * The element-wise functions' fast path, for the shape real sheets mostly hold: one column of
 * numbers against single values (=CHIPS.US_REVENUE_SHARE(A2:A100001, 0.25)).
 */
import { ArgValue, Core, ParamSpec, acceptedInterval, checkArgsInPlace } from "../engine";
import { coerceArg } from "./coerce";
import { ExcelError } from "./excelErrors";

/** One cell of an element-wise result, by the general path. */
export type CellOf = (r: number, c: number) => number | ExcelError;

/**
 * One column of numbers against single values, without the general path's reading of every
 * argument in every cell: the single values are read and checked once; each row then checks
 * only its own number and runs the core specialised to the single values (`overFirst` when
 * the column is the first argument). A cell that is not a valid number (blank, text, error
 * value, NaN, out of range) or whose result is not a finite number is left to the general
 * path, so every cell, and every error message, is what the general path alone gives.
 * Undefined when the shapes or the single values do not fit (the general path then does the
 * whole call).
 */
export function overColumn(core: Core, matrices: readonly unknown[][][], rows: number, general: CellOf): (number | ExcelError)[][] | undefined {
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
  const out: (number | ExcelError)[][] = new Array(rows);
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
