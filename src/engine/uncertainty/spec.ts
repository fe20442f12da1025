/**
 * The scenario file's `uncertainty` block (docs/model.md "Uncertainty"), checked with field paths:
 *   "uncertainty": { "iterations"?: n, "seed"?: n, "inputs": { "<path>": { "dist": "uniform", … } },
 *                    "outputs"?: [...], "percentiles"?: [...], "bins"?: n,
 *                    "grid"?: { "rows": "<path>" | { "path", "values"? }, "columns": …, "output"?: "<output>" } }
 */
import { FieldReader, Json } from "../fields";
import type { DocPath } from "../docPath";
import { Problem, Result, fail, ok, pathKey, problem, relocated } from "../problems";
import { Distribution, InputValue, readDistribution } from "./distributions";
import { uncertaintyMessages as m } from "./messages";
import { DEFAULT_OUTPUTS } from "./outputs";

export interface UncertainInput {
  /** A field path of the scenario document, e.g. "china.approvalRate" or "market.supply[1]". */
  readonly path: string;
  readonly distribution: Distribution;
}

/** One axis of the report's 2-D sensitivity grid: an input path and, optionally, its values. */
export interface GridAxisChoice {
  readonly path: string;
  /** Absent: the report spreads 5 values over the input's tornado low..high. */
  readonly values?: readonly InputValue[];
}

/** The optional `grid` field: which two inputs the report's 2-D grid varies, and its output. */
export interface GridChoice {
  readonly rows: GridAxisChoice;
  readonly columns: GridAxisChoice;
  /** Absent: "totals.chinaRevenue". */
  readonly output?: string;
}

export interface UncertaintySpec {
  readonly iterations: number;
  /** A 32-bit unsigned seed: the same seed gives the same numbers. */
  readonly seed: number;
  readonly inputs: readonly UncertainInput[];
  /** Output names, e.g. "totals.chinaRevenue", "buyers.ByteDance.shipped@FY2027Q1". */
  readonly outputs: readonly string[];
  /** Extra percentiles (0-100) beyond P10/P50/P90, e.g. [5, 95]. */
  readonly percentiles: readonly number[];
  readonly bins: number;
  /** The report's 2-D grid axes (absent: the two inputs with the largest tornado swing). */
  readonly grid?: GridChoice;
}

/** Command-line or caller overrides of the block's settings. */
export type UncertaintyOverrides = Partial<Omit<UncertaintySpec, "inputs" | "grid">>;

export const UNCERTAINTY_DEFAULTS = { iterations: 10_000, seed: 1, outputs: DEFAULT_OUTPUTS, percentiles: [10, 50, 90], bins: 20 } as const;
export const MAX_ITERATIONS = 10_000_000;
const FIELDS = ["iterations", "seed", "inputs", "outputs", "percentiles", "bins", "grid"];

/** Where an uncertain input's problems are: `["uncertainty", "inputs", path]`. */
export const inputAt = (path: string): DocPath => ["uncertainty", "inputs", path];

/**
 * The block's problems with each input's key written quoted, whatever it is, as it is itself a path.
 * @example blockProblems([problem("enum", ["uncertainty", "inputs", "x", "dist"], "m")])[0].path // returns 'uncertainty.inputs["x"].dist'
 */
export function blockProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p) => {
    const [block, inputs, key] = p.at;
    if (block !== "uncertainty" || inputs !== "inputs" || typeof key !== "string") return p;
    return relocated(p, p.at, `uncertainty.inputs[${JSON.stringify(key)}]${p.at.slice(3).map(pathKey).join("")}`);
  });
}

/**
 * Reads an `uncertainty` block (e.g. `scenario.uncertainty`), overrides winning over the file.
 * Input paths and outputs are resolved against the scenario later, by simulate().
 * @example readUncertainty({ inputs: { "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 } } }).ok // returns true
 */
export function readUncertainty(raw: unknown, overrides: UncertaintyOverrides = {}): Result<UncertaintySpec> {
  const r = new FieldReader();
  const block: Json = r.object(raw, ["uncertainty"], FIELDS) ?? {};
  const problems: Problem[] = [...r.problems];
  const inputsRaw = block.inputs;
  const inputs: UncertainInput[] = [];
  if (inputsRaw !== undefined && (typeof inputsRaw !== "object" || inputsRaw === null || Array.isArray(inputsRaw))) {
    problems.push(problem("type", ["uncertainty", "inputs"], 'expected an object of input paths, e.g. {"china.approvalRate": {"dist": "uniform", "min": 0.4, "max": 0.8}}'));
  } else {
    for (const [path, d] of Object.entries((inputsRaw ?? {}) as Json)) {
      if (path.startsWith("x-") || path.startsWith("$")) continue;
      const read = readDistribution(d, inputAt(path));
      if (read.ok) inputs.push({ path, distribution: read.value });
      else problems.push(...read.problems);
    }
  }
  if (inputs.length === 0 && problems.length === 0) problems.push(problem("missing", ["uncertainty", "inputs"], m.noInputs()));

  const iterations = overrides.iterations ?? block.iterations ?? UNCERTAINTY_DEFAULTS.iterations;
  if (typeof iterations !== "number" || !Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) problems.push(problem("range", ["uncertainty", "iterations"], m.iterations(iterations)));
  const seed = overrides.seed ?? block.seed ?? UNCERTAINTY_DEFAULTS.seed;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) problems.push(problem("range", ["uncertainty", "seed"], m.seed(seed)));
  const bins = overrides.bins ?? block.bins ?? UNCERTAINTY_DEFAULTS.bins;
  if (typeof bins !== "number" || !Number.isInteger(bins) || bins < 1 || bins > 1000) problems.push(problem("range", ["uncertainty", "bins"], m.bins(bins)));

  const outputs = overrides.outputs ?? listOf(block, "outputs", problems) ?? UNCERTAINTY_DEFAULTS.outputs;
  outputs.forEach((o, i) => {
    if (typeof o !== "string" || o.trim() === "") problems.push(problem("type", ["uncertainty", "outputs", i], m.outputName(o)));
  });
  const percentiles = overrides.percentiles ?? listOf(block, "percentiles", problems) ?? UNCERTAINTY_DEFAULTS.percentiles;
  percentiles.forEach((p, i) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 100)) problems.push(problem("range", ["uncertainty", "percentiles", i], m.percentile(p)));
  });
  const grid = block.grid === undefined || block.grid === null ? undefined : readGrid(block.grid, problems);
  if (problems.length > 0) return fail(...blockProblems(problems));
  return ok({ iterations: iterations as number, seed: seed as number, inputs, outputs: outputs as string[], percentiles: percentiles as number[], bins: bins as number, ...(grid ? { grid } : {}) });
}

/** The `grid` field; its paths and values are checked against the scenario later, by grid(). */
function readGrid(raw: unknown, problems: Problem[]): GridChoice | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push(problem("type", ["uncertainty", "grid"], m.gridField()));
    return undefined;
  }
  const g = raw as Json;
  for (const key of Object.keys(g)) {
    if (!["rows", "columns", "output"].includes(key) && !key.startsWith("x-") && !key.startsWith("$")) problems.push(problem("unknown", ["uncertainty", "grid", key], m.gridField()));
  }
  const axis = (key: "rows" | "columns"): GridAxisChoice | undefined => {
    const a = g[key];
    const at = ["uncertainty", "grid", key];
    if (typeof a === "string" && a.trim() !== "") return { path: a.trim() };
    if (typeof a === "object" && a !== null && !Array.isArray(a) && typeof (a as Json).path === "string") {
      const values = (a as Json).values;
      if (values === undefined || values === null) return { path: (a as Json).path as string };
      const ok = Array.isArray(values) && values.length > 0 && values.every((v) => (typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean" || typeof v === "string");
      if (ok) return { path: (a as Json).path as string, values: values as InputValue[] };
      problems.push(problem("type", [...at, "values"], m.gridAxisValues()));
      return undefined;
    }
    problems.push(problem(a === undefined ? "missing" : "type", at, m.gridField()));
    return undefined;
  };
  const rows = axis("rows");
  const columns = axis("columns");
  const output = g.output;
  if (output !== undefined && (typeof output !== "string" || output.trim() === "")) problems.push(problem("type", ["uncertainty", "grid", "output"], m.outputName(output)));
  if (!rows || !columns) return undefined;
  return { rows, columns, ...(typeof output === "string" ? { output: output.trim() } : {}) };
}

function listOf(block: Json, key: string, problems: Problem[]): unknown[] | undefined {
  const v = block[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    problems.push(problem("type", ["uncertainty", key], "expected a list"));
    return [];
  }
  return v;
}
