/**
 * Seeded Monte Carlo over a scenario document: each iteration draws every uncertain input,
 * evaluates the scenario through the same validation and pipeline as everything else, and
 * records the asked outputs; results are mean, percentiles and histogram bins per output.
 * Each iteration re-validates the drawn scenario, so a draw can never produce an invalid
 * input unnoticed (the price is speed; see BENCHMARKS.md).
 */
import { evaluateScenario } from "../evaluate";
import { Problem, Result, fail, ok, problem } from "../problems";
import { scenarioMetric } from "../scenarioMetric";
import { validateScenario } from "../validate";
import { Distribution, readDistribution, sample } from "./distributions";
import { seededRandom } from "./prng";

export interface UncertainInput {
  /** A field path of the scenario document, e.g. "china.approvalRate" or "market.supply[1]". */
  readonly path: string;
  readonly distribution: Distribution;
}

export interface SimulationSpec {
  readonly iterations: number;
  readonly seed: number;
  readonly inputs: readonly UncertainInput[];
  /** `metric[:buyer][@period]`, e.g. "chinaRevenue", "shipped:ByteDance@FY2027Q1"; no period = sum over periods. */
  readonly outputs: readonly string[];
  /** In percent, e.g. [10, 50, 90]. */
  readonly percentiles: readonly number[];
}

export interface OutputSummary {
  readonly output: string;
  readonly mean: number;
  readonly percentiles: Readonly<Record<string, number>>;
  readonly histogram: readonly { readonly from: number; readonly to: number; readonly count: number }[];
}

export interface SimulationResult {
  readonly iterations: number;
  readonly seed: number;
  readonly outputs: readonly OutputSummary[];
  /** The draws per output, in iteration order (for charts and tests). */
  readonly samples: Readonly<Record<string, Float64Array>>;
}

export interface SimulationControl {
  readonly onProgress?: (fractionDone: number) => void;
  readonly signal?: { readonly aborted: boolean };
}

const DEFAULTS = { iterations: 10_000, seed: 1, outputs: ["chinaRevenue", "shipped", "usShare"], percentiles: [10, 50, 90] };

/** Reads the document's `uncertainty` block (MODEL.md extension), with command-line overrides. */
export function readSimulation(doc: unknown, overrides: Partial<Pick<SimulationSpec, "iterations" | "seed" | "outputs" | "percentiles">> = {}): Result<SimulationSpec> {
  const block = (doc as { uncertainty?: unknown })?.uncertainty;
  const u = (typeof block === "object" && block !== null ? block : {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const inputsRaw = typeof u.inputs === "object" && u.inputs !== null ? (u.inputs as Record<string, unknown>) : {};
  const inputs: UncertainInput[] = [];
  for (const [path, raw] of Object.entries(inputsRaw)) {
    const d = readDistribution(raw, `uncertainty.inputs["${path}"]`);
    if (d.ok) inputs.push({ path, distribution: d.value });
    else problems.push(...d.problems);
  }
  if (inputs.length === 0 && problems.length === 0) problems.push(problem("missing", "uncertainty.inputs", "needs at least one uncertain input, e.g. {\"china.approvalRate\": {\"dist\": \"uniform\", \"min\": 0.4, \"max\": 0.8}}"));
  const iterations = overrides.iterations ?? (typeof u.iterations === "number" ? u.iterations : DEFAULTS.iterations);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) problems.push(problem("range", "uncertainty.iterations", `must be a whole number from 1 to 10,000,000, got ${iterations}`));
  const seed = overrides.seed ?? (typeof u.seed === "number" ? u.seed : DEFAULTS.seed);
  if (!Number.isInteger(seed)) problems.push(problem("type", "uncertainty.seed", `must be a whole number, got ${seed}`));
  const outputs = overrides.outputs ?? (Array.isArray(u.outputs) ? (u.outputs as string[]) : DEFAULTS.outputs);
  const percentiles = overrides.percentiles ?? (Array.isArray(u.percentiles) ? (u.percentiles as number[]) : DEFAULTS.percentiles);
  percentiles.forEach((p, i) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 100)) problems.push(problem("range", `uncertainty.percentiles[${i}]`, `must be between 0 and 100, got ${p}`));
  });
  return problems.length > 0 ? fail(...problems) : ok({ iterations, seed, inputs, outputs, percentiles });
}

/** Sets `path` (dots and [i] indexes) in a JSON document; a whole per-period field takes a single number. */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
  let node: Record<string, unknown> = doc;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== "object" || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

function parseOutput(output: string): { metric: string; buyer: string | null; period: string | null } {
  const [head, period] = output.split("@");
  const [metric, buyer] = head.split(":");
  return { metric, buyer: buyer ?? null, period: period ?? null };
}

/**
 * Runs the simulation. Problems (an invalid draw, an unknown output, cancellation) come back
 * as values naming the iteration or the output.
 * @example simulate(doc, { iterations: 100, seed: 7, inputs, outputs: ["shipped"], percentiles: [50] }).ok // true for a valid document
 */
export function simulate(doc: unknown, spec: SimulationSpec, control: SimulationControl = {}): Result<SimulationResult> {
  const random = seededRandom(spec.seed);
  const work = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>; // a private copy to draw into
  delete work.uncertainty;
  const outputs = spec.outputs.map(parseOutput);
  const samples = spec.outputs.map(() => new Float64Array(spec.iterations));
  const step = Math.max(1, Math.floor(spec.iterations / 100));
  for (let it = 0; it < spec.iterations; it++) {
    if (control.signal?.aborted) return fail(problem("unsupported", "", `cancelled after ${it} of ${spec.iterations} iterations`));
    for (const input of spec.inputs) setPath(work, input.path, sample(input.distribution, random()));
    const scenario = validateScenario(work);
    if (!scenario.ok) return fail(...scenario.problems.map((p) => ({ ...p, message: `${p.message} (iteration ${it + 1}: a drawn value is outside the field's range; narrow its distribution)` })));
    const evaluation = evaluateScenario(scenario.value);
    if (!evaluation.ok) return fail(...evaluation.problems);
    for (let o = 0; o < outputs.length; o++) {
      const v = scenarioMetric(evaluation.value, outputs[o].metric, outputs[o].buyer, outputs[o].period);
      if (!v.ok) return fail(...v.problems.map((p) => ({ ...p, path: `outputs[${o}]`, message: `${spec.outputs[o]}: ${p.message}` })));
      if (typeof v.value !== "number") return fail(problem("type", `outputs[${o}]`, `${spec.outputs[o]} is not a number (binding is a word)`));
      samples[o][it] = v.value;
    }
    if ((it + 1) % step === 0 || it + 1 === spec.iterations) control.onProgress?.((it + 1) / spec.iterations);
  }
  return ok({
    iterations: spec.iterations,
    seed: spec.seed,
    outputs: spec.outputs.map((output, o) => summarize(output, samples[o], spec.percentiles)),
    samples: Object.fromEntries(spec.outputs.map((output, o) => [output, samples[o]])),
  });
}

/** Mean, percentiles (linear interpolation between order statistics) and 20 histogram bins. */
export function summarize(output: string, values: Float64Array, percentiles: readonly number[]): OutputSummary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const at = (p: number) => {
    const x = (p / 100) * (n - 1);
    const i = Math.floor(x);
    return i + 1 < n ? sorted[i] + (x - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
  };
  const lo = sorted[0];
  const hi = sorted[n - 1];
  const bins = 20;
  const width = (hi - lo) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of sorted) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return {
    output,
    mean: sum / n,
    percentiles: Object.fromEntries(percentiles.map((p) => [`P${p}`, at(p)])),
    histogram: counts.map((count, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count })),
  };
}
