/** The single-cell and list arguments of the uncertainty functions: outputs, iterations, seed, percentiles. */
import { Problem, Result, fail, ok, problem, relocated } from "../engine";
import { readCells } from "./cells";
import { coerceArg } from "./coerce";
import { asMatrix } from "./excelArgs";
import { isBlank } from "./inputCells";
import { placeText } from "./rangePlaces";

/** Excel's cap on CHIPS.SIMULATE iterations: a recalculation stays within a second or two. */
export const EXCEL_MAX_ITERATIONS = 200_000;
export const DEFAULT_SIMULATE_OUTPUT = "totals.chinaRevenue";
export const DEFAULT_SIMULATE_ITERATIONS = 10_000;
export const DEFAULT_SIMULATE_SEED = 1;
export const DEFAULT_SIMULATE_PERCENTILES: readonly number[] = [10, 50, 90];

/** Output names from a cell or a range of cells (blanks skipped); `fallback` when none is given. */
export function readOutputs(arg: unknown, fallback: string): Result<string[]> {
  const cells = readCells(asMatrix(arg)).flat();
  const problems: Problem[] = [];
  const names: string[] = [];
  cells.forEach((c, i) => {
    if (isBlank(c)) return;
    if (typeof c !== "string") problems.push(problem("type", cells.length === 1 ? ["output"] : ["output", i], `expected an output name such as "totals.chinaRevenue", "totals.shipped@FY2027Q1" or "buyers.ByteDance.shipped", got ${String(c)}`));
    else names.push(c.trim());
  });
  if (problems.length > 0) return fail(...problems);
  return ok(names.length > 0 ? names : [fallback]);
}

/** One output name (blank: the default), for functions that spill one output; `fn` names the function in the message. */
export function readOneOutput(arg: unknown, fn: string): Result<string> {
  const read = readOutputs(arg, DEFAULT_SIMULATE_OUTPUT);
  if (!read.ok || read.value.length === 1) return read.ok ? ok(read.value[0]) : read;
  return fail(problem("shape", "output", `give one output per ${fn} (got ${read.value.length}); use one formula per output`));
}

/** A whole number argument (blank: `fallback`) within [lo, hi]; `why` explains the limit. */
function readWhole(arg: unknown, name: string, what: string, fallback: number, lo: number, hi: number, why = ""): Result<number> {
  const raw = asMatrix(arg)[0][0];
  const coerced = coerceArg(raw, { name, kind: "number", what });
  if (coerced.error) throw coerced.error;
  if (coerced.problem) return fail(coerced.problem);
  const v = coerced.value === null ? fallback : (coerced.value as number);
  if (!Number.isInteger(v) || v < lo || v > hi) return fail(problem("range", name, `must be a whole number from ${lo.toLocaleString("en-US")} to ${hi.toLocaleString("en-US")}${why}, got ${v}`));
  return ok(v);
}

export const readIterations = (arg: unknown): Result<number> =>
  readWhole(arg, "iterations", "Monte Carlo iterations", DEFAULT_SIMULATE_ITERATIONS, 1, EXCEL_MAX_ITERATIONS, " (Excel's limit for CHIPS.SIMULATE, to keep recalculation quick; the chips simulate command runs more)");

export const readSeed = (arg: unknown): Result<number> => readWhole(arg, "seed", "the random seed", DEFAULT_SIMULATE_SEED, 0, 0xffffffff);

/** Percentiles (0-100) from a cell or range, in the order given, duplicates dropped; blanks skipped. */
export function readPercentiles(arg: unknown): Result<number[]> {
  const cells = asMatrix(arg).flat();
  const problems: Problem[] = [];
  const out: number[] = [];
  cells.forEach((raw, i) => {
    const at = cells.length === 1 ? ["percentiles"] : ["percentiles", i];
    const coerced = coerceArg(raw, { name: "percentiles", kind: "number", what: "a percentile from 0 to 100, e.g. 10 for P10" });
    if (coerced.error) throw coerced.error;
    if (coerced.problem) problems.push(relocated(coerced.problem, at, placeText(at)));
    else if (coerced.value !== null) {
      const p = coerced.value as number;
      if (!(p >= 0 && p <= 100)) problems.push(problem("range", at, `must be a number from 0 to 100 (10 for P10), got ${p}`));
      else if (!out.includes(p)) out.push(p);
    }
  });
  if (problems.length > 0) return fail(...problems);
  return ok(out.length > 0 ? out : [...DEFAULT_SIMULATE_PERCENTILES]);
}
