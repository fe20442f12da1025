/**
 * The ranges of CHIPS.SIMULATE, CHIPS.SENSITIVITY and CHIPS.SENSITIVITY_GRID read into the
 * engine's uncertainty specs, and their results laid out as spills. Problems name the sheet
 * location to fix: `distributions row 3, column "min"` (rows of a range count from 1, the
 * header row being row 1), `swings row 2`, `output`, `iterations`.
 */
import {
  Cell,
  DISTRIBUTIONS,
  GridAxis,
  GridResult,
  InputValue,
  Problem,
  Result,
  Scenario,
  SimulationResult,
  SwingInput,
  Tornado,
  UncertainInput,
  fail,
  ok,
  problem,
  readDistribution,
  resolveInput,
  scenarioFromTables,
  closest,
  orList,
} from "../engine";
import { Spill, unwrap } from "./adapter";
import { readCells } from "./cells";
import { coerceArg } from "./coerce";
import { asMatrix } from "./excelArgs";

/** Excel's cap on CHIPS.SIMULATE iterations: a recalculation stays within a second or two. */
export const EXCEL_MAX_ITERATIONS = 200_000;
export const DEFAULT_SIMULATE_OUTPUT = "totals.chinaRevenue";
export const DEFAULT_SIMULATE_ITERATIONS = 10_000;
export const DEFAULT_SIMULATE_SEED = 1;
export const DEFAULT_SIMULATE_PERCENTILES: readonly number[] = [10, 50, 90];

/** The columns of a distributions range; input and dist are required. */
export const DISTRIBUTION_COLUMNS = ["input", "dist", "min", "mode", "max", "mean", "sd", "p", "values", "weights"] as const;
/** The columns of a swings range, all required. */
export const SWING_COLUMNS = ["input", "low", "high"] as const;
export const TORNADO_HEADER = ["input", "low", "high", "at low", "at high", "swing"] as const;

/** The cells a distribution needs (the others it reads are optional: normal's min/max, choice's weights). */
const NEEDS: Record<string, readonly string[]> = {
  uniform: ["min", "max"],
  triangular: ["min", "mode", "max"],
  normal: ["mean", "sd"],
  bernoulli: ["p"],
  choice: ["values"],
};
const OPTIONAL: Record<string, readonly string[]> = { normal: ["min", "max"], choice: ["weights"] };

/** A thrown Excel error for problems, so a function body can read top to bottom. */
const check = (problems: readonly Problem[]): void => {
  if (problems.length > 0) unwrap(fail(...problems));
};

const isBlank = (c: Cell): boolean => c === null || (typeof c === "string" && c.trim() === "");

/** The scenario the buyers, policy and optional rules ranges describe (as CHIPS.EVALUATE reads them). */
export function scenarioOfRanges(buyers: unknown, policy: unknown, rules: unknown): Scenario {
  const ruleRows = rules === undefined || rules === null ? [] : readCells(asMatrix(rules));
  return unwrap(scenarioFromTables(readCells(asMatrix(buyers)), readCells(asMatrix(policy)), ruleRows.length > 1 ? ruleRows : []));
}

interface TableRow {
  /** 1-based row in the range (the header is row 1). */
  readonly row: number;
  readonly cells: Readonly<Record<string, Cell>>;
}

/** A range with a header row of known column names (any case); blank rows are skipped. */
function readTable(name: string, arg: unknown, columns: readonly string[], required: readonly string[], example: string): Result<{ header: ReadonlySet<string>; rows: TableRow[] }> {
  const grid = readCells(asMatrix(arg));
  const problems: Problem[] = [];
  const headerRow = grid[0] ?? [];
  if (headerRow.every(isBlank)) return fail(problem("missing", name, `needs a header row (${example}) and one row per input`));
  const keys = headerRow.map((h, col): string | undefined => {
    if (isBlank(h)) return undefined;
    const text = String(h).trim();
    const key = columns.find((c) => c.toLowerCase() === text.toLowerCase());
    if (!key) {
      const guess = closest(text, columns);
      problems.push(problem("unknown", `${name} header ${col + 1}`, `unknown column ${JSON.stringify(text)}${guess ? `; did you mean ${JSON.stringify(guess)}?` : ""}; the columns are: ${columns.join(", ")}`));
    }
    return key;
  });
  const seen = new Set<string>();
  keys.forEach((k, col) => {
    if (k === undefined) return;
    if (seen.has(k)) problems.push(problem("shape", `${name} header ${col + 1}`, `the column ${JSON.stringify(k)} appears twice`));
    seen.add(k);
  });
  for (const k of required) if (!seen.has(k)) problems.push(problem("missing", name, `needs a ${JSON.stringify(k)} column in its header row (${example})`));
  const rows: TableRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const out: Record<string, Cell> = {};
    keys.forEach((k, col) => {
      if (k !== undefined) out[k] = isBlank(cells[col] ?? null) ? null : (cells[col] ?? null);
    });
    rows.push({ row: i + 2, cells: out });
  });
  if (problems.length === 0 && rows.length === 0) problems.push(problem("missing", name, `has a header row but no input rows; add one row per input below it (${example})`));
  return problems.length > 0 ? fail(...problems) : ok({ header: seen, rows });
}

/** A cell as an input value: TRUE/FALSE flags, numbers (numeric text too), or a word. */
export function inputValueOf(c: Cell): InputValue | null {
  if (c === null) return null;
  if (typeof c !== "string") return c;
  const t = c.trim();
  if (t === "") return null;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A number cell for the engine's check: numeric text is the number, anything else as typed. */
const numberOf = (c: Cell): unknown => {
  if (typeof c === "string" && c.trim() !== "" && Number.isFinite(Number(c.trim()))) return Number(c.trim());
  return c;
};

/** A list cell: comma- or semicolon-separated text, or one value. */
const listOf = (c: Cell, item: (c: Cell) => unknown): unknown[] =>
  typeof c === "string"
    ? c
        .split(/[,;]/)
        .filter((s) => s.trim() !== "")
        .map(item)
    : [item(c)];

/**
 * 1 and 0 read as TRUE and FALSE where the input is a flag (as every CHIPS flag argument reads
 * them); other values, and paths the engine will report, are left as they are.
 */
export function asFlagWhereFlag(scenario: Scenario, path: string, value: InputValue): InputValue {
  if (value !== 1 && value !== 0) return value;
  const slot = resolveInput(scenario, path);
  return typeof slot !== "string" && slot.input.kind === "boolean" ? value === 1 : value;
}

const inputPathOf = (c: Cell): string | undefined => (typeof c === "string" && c.trim() !== "" ? c.trim() : undefined);

/** The uncertain inputs of a distributions range, in row order, and the row each path came from. */
export interface DistributionRows {
  readonly inputs: readonly UncertainInput[];
  readonly rowOf: ReadonlyMap<string, number>;
}

/**
 * Reads a distributions range: a header row (input | dist | min | mode | max | mean | sd | p |
 * values | weights, any subset holding input and dist, in any order) and one row per uncertain
 * input; `values` and `weights` of a choice are comma-separated text ("units, dollars").
 * Cells in columns a distribution does not use are ignored.
 */
export function readDistributionRows(arg: unknown): Result<DistributionRows> {
  const table = readTable("distributions", arg, DISTRIBUTION_COLUMNS, ["input", "dist"], "input | dist | min | max …");
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const inputs: UncertainInput[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, cells } of table.value.rows) {
    const at = `distributions row ${row}`;
    const path = inputPathOf(cells.input);
    if (path === undefined) {
      problems.push(problem("missing", `${at}, column "input"`, `expected an input path such as "china.approvalRate" or "market.supply[0]", got ${cells.input === null ? "a blank cell" : String(cells.input)}`));
      continue;
    }
    if (rowOf.has(path)) {
      problems.push(problem("shape", `${at}, column "input"`, `${JSON.stringify(path)} is already given in row ${rowOf.get(path)}; give each input one distribution`));
      continue;
    }
    const dist = typeof cells.dist === "string" ? cells.dist.trim().toLowerCase() : cells.dist;
    if (typeof dist !== "string" || !(dist in NEEDS)) {
      problems.push(problem("enum", `${at}, column "dist"`, `must be ${orList(DISTRIBUTIONS.map((d) => JSON.stringify(d)))}, got ${dist === null ? "a blank cell" : JSON.stringify(dist)}`));
      continue;
    }
    const raw: Record<string, unknown> = { dist };
    let complete = true;
    for (const field of [...NEEDS[dist], ...(OPTIONAL[dist] ?? [])]) {
      const needed = NEEDS[dist].includes(field);
      if (!table.value.header.has(field)) {
        if (needed) problems.push(problem("missing", `${at}`, `a "${dist}" distribution needs a ${JSON.stringify(field)} column (${NEEDS[dist].join(", ")})`));
        complete &&= !needed;
        continue;
      }
      const c = cells[field];
      if (c === null) {
        if (needed) problems.push(problem("missing", `${at}, column "${field}"`, `required for a "${dist}" distribution (${NEEDS[dist].join(", ")})`));
        complete &&= !needed;
        continue;
      }
      raw[field] = field === "values" ? listOf(c, inputValueOf) : field === "weights" ? listOf(c, numberOf) : numberOf(c);
    }
    if (!complete) continue;
    const read = readDistribution(raw, at);
    if (!read.ok) {
      problems.push(...read.problems.map((p) => ({ ...p, path: p.path.replace(/^(distributions row \d+)\.(\w+)(\[\d+\])?$/, (_, r: string, f: string, i?: string) => `${r}, column "${f}"${i ? ` item ${Number(i.slice(1, -1)) + 1}` : ""}`) })));
      continue;
    }
    inputs.push({ path, distribution: read.value });
    rowOf.set(path, row);
  }
  return problems.length > 0 ? fail(...problems) : ok({ inputs, rowOf });
}

/** A choice's 1/0 values read as TRUE/FALSE where its input is a flag (see asFlagWhereFlag). */
export function choiceFlags(scenario: Scenario, inputs: readonly UncertainInput[]): UncertainInput[] {
  return inputs.map(({ path, distribution: d }) => ({ path, distribution: d.dist === "choice" ? { ...d, values: d.values.map((v) => asFlagWhereFlag(scenario, path, v)) } : d }));
}

/** Output names from a cell or a range of cells (blanks skipped); `fallback` when none is given. */
export function readOutputs(arg: unknown, fallback: string): Result<string[]> {
  const cells = readCells(asMatrix(arg)).flat();
  const problems: Problem[] = [];
  const names: string[] = [];
  cells.forEach((c, i) => {
    if (isBlank(c)) return;
    if (typeof c !== "string") problems.push(problem("type", cells.length === 1 ? "output" : `output[${i}]`, `expected an output name such as "totals.chinaRevenue", "totals.shipped@FY2027Q1" or "buyers.ByteDance.shipped", got ${String(c)}`));
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
    const name = cells.length === 1 ? "percentiles" : `percentiles[${i}]`;
    const coerced = coerceArg(raw, { name, kind: "number", what: "a percentile from 0 to 100, e.g. 10 for P10" });
    if (coerced.error) throw coerced.error;
    if (coerced.problem) problems.push(coerced.problem);
    else if (coerced.value !== null) {
      const p = coerced.value as number;
      if (!(p >= 0 && p <= 100)) problems.push(problem("range", name, `must be a number from 0 to 100 (10 for P10), got ${p}`));
      else if (!out.includes(p)) out.push(p);
    }
  });
  if (problems.length > 0) return fail(...problems);
  return ok(out.length > 0 ? out : [...DEFAULT_SIMULATE_PERCENTILES]);
}

/** Collects the problems of several reads; the values when all succeeded. */
export function all<T extends readonly Result<unknown>[]>(...results: T): { [K in keyof T]: T[K] extends Result<infer V> ? V : never } {
  check(results.flatMap((r) => (r.ok ? [] : r.problems)));
  return results.map((r) => (r.ok ? r.value : undefined)) as { [K in keyof T]: T[K] extends Result<infer V> ? V : never };
}

/** Engine paths of simulate's problems as sheet locations (`uncertainty.inputs["p"].dist` → `distributions row 2, column "dist"`). */
export function simulationPlace(path: string, rows: DistributionRows, outputs: readonly string[]): string {
  const input = /^uncertainty\.inputs\[("(?:[^"\\]|\\.)*")\](?:\.(\w+))?/.exec(path);
  if (input) {
    const row = rows.rowOf.get(JSON.parse(input[1]) as string);
    return row === undefined ? path : `distributions row ${row}${input[2] ? `, column "${input[2]}"` : ""}`;
  }
  const output = /^uncertainty\.outputs(?:\[(\d+)\])?/.exec(path);
  if (output) return outputs.length === 1 || output[1] === undefined ? "output" : `output ${JSON.stringify(outputs[Number(output[1])])}`;
  return path.replace(/^uncertainty\./, "");
}

/** Throws the Excel error for a failed engine result, its problems relocated by `place`. */
export function unwrapAt<T>(result: Result<T>, place: (path: string) => string): T {
  return unwrap(result.ok ? result : fail(...result.problems.map((p) => ({ ...p, path: place(p.path) }))));
}

/**
 * The simulation as a spill: a header row (statistic, then one column per output), then mean,
 * sd, min, max, one row per asked percentile (P10…), iterations and seed.
 */
export function simulationTable(result: Pick<SimulationResult, "outputs" | "iterations" | "seed">, percentiles: readonly number[]): Spill {
  const outs = result.outputs;
  return [
    ["statistic", ...outs.map((o) => o.output)],
    ["mean", ...outs.map((o) => o.mean)],
    ["sd", ...outs.map((o) => o.sd)],
    ["min", ...outs.map((o) => o.min)],
    ["max", ...outs.map((o) => o.max)],
    ...percentiles.map((p) => [`P${p}`, ...outs.map((o) => o.percentiles[`P${p}`])]),
    ["iterations", ...outs.map(() => result.iterations)],
    ["seed", ...outs.map(() => result.seed)],
  ];
}

/** The swings of a swings range (header input | low | high), in row order, and each one's row. */
export function readSwingRows(arg: unknown): Result<{ inputs: SwingInput[]; rows: number[] }> {
  const table = readTable("swings", arg, SWING_COLUMNS, SWING_COLUMNS, "input | low | high");
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const inputs: SwingInput[] = [];
  const rows: number[] = [];
  for (const { row, cells } of table.value.rows) {
    const at = `swings row ${row}`;
    const path = inputPathOf(cells.input);
    if (path === undefined) problems.push(problem("missing", `${at}, column "input"`, `expected an input path such as "china.approvalRate" or "market.supply[0]", got ${cells.input === null ? "a blank cell" : String(cells.input)}`));
    const low = inputValueOf(cells.low);
    const high = inputValueOf(cells.high);
    if (low === null) problems.push(problem("missing", `${at}, column "low"`, "required: the input's low value"));
    if (high === null) problems.push(problem("missing", `${at}, column "high"`, "required: the input's high value"));
    if (path !== undefined && low !== null && high !== null) {
      inputs.push({ path, low, high });
      rows.push(row);
    }
  }
  return problems.length > 0 ? fail(...problems) : ok({ inputs, rows });
}

/** Engine paths of sensitivity's problems as sheet locations (`inputs[1].low` → `swings row 3, column "low"`). */
export function swingPlace(path: string, rows: readonly number[]): string {
  const m = /^inputs\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) return `swings row ${rows[Number(m[1])]}${m[2] ? `, column "${m[2]}"` : ""}`;
  return path.replace(/^outputs(\[\d+\])?/, "output");
}

/** An input value as a cell: flags as the text TRUE/FALSE. */
const shown = (v: InputValue): number | string => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v);

/** The tornado as a spill: header, one row per input (largest swing first), then the base row. */
export function tornadoTable(t: Tornado): Spill {
  return [[...TORNADO_HEADER], ...t.bars.map((b) => [b.path, shown(b.low), shown(b.high), b.atLow, b.atHigh, b.swing]), ["base", "", "", t.base, t.base, 0]];
}

/**
 * One grid axis from a range: its first non-blank cell is the input path, the cells after it
 * (row by row) the values. Problems name `name`.
 */
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

/** Engine paths of grid's problems as sheet locations. */
export function gridPlace(path: string): string {
  return path.replace(/^rows\.(path|values)/, "rowAxis").replace(/^columns\.(path|values)/, "columnAxis").replace(/^outputs(\[\d+\])?/, "output");
}

/** The grid as a spill: the corner names both inputs, the first row the column values, the first column the row values. */
export function gridTable(g: GridResult): Spill {
  const t = g.outputs[0];
  return [[`${g.rows.path} \\ ${g.columns.path}`, ...g.columns.values.map(shown)], ...g.rows.values.map((v, i) => [shown(v), ...t.values[i]])];
}
