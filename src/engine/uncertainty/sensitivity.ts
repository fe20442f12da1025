/**
 * Sensitivity (docs/model.md "Uncertainty"): a one-at-a-time tornado (each input at its low and
 * high value, the others at base) and a two-input grid. Each cell is the scenario with the
 * input(s) set exactly as the document path would set them, evaluated like any scenario.
 */
import { Problem, Result, fail, ok, problem } from "../problems";
import { Scenario } from "../scenario";
import { Bounds, Distribution, InputValue, samplerFor } from "./distributions";
import { EvaluationMode } from "./evaluator";
import { InputSlot, resolveInput, workingCopy } from "./inputs";
import { Model, buildModel, checkTrials, evaluateOutputs, slotAt } from "./model";
import { UncertainInput } from "./spec";

export interface SwingInput {
  readonly path: string;
  readonly low: InputValue;
  readonly high: InputValue;
}

export interface SensitivitySpec {
  readonly inputs: readonly SwingInput[];
  readonly outputs: readonly string[];
}

export interface TornadoBar {
  readonly path: string;
  readonly low: InputValue;
  readonly high: InputValue;
  /** The input's value in the scenario (a per-period field read whole: one number per period; null: unset). */
  readonly base: InputValue | readonly (InputValue | null)[] | null;
  /** The output with the input at `low`, and at `high`. */
  readonly atLow: number;
  readonly atHigh: number;
  /** |atHigh - atLow|. */
  readonly swing: number;
}

export interface Tornado {
  readonly output: string;
  /** The output at base (every input as in the scenario). */
  readonly base: number;
  /** Largest swing first (ties: the order given). */
  readonly bars: readonly TornadoBar[];
}

export interface GridAxis {
  readonly path: string;
  readonly values: readonly InputValue[];
}

export interface GridSpec {
  readonly rows: GridAxis;
  readonly columns: GridAxis;
  readonly outputs: readonly string[];
}

export interface GridTable {
  readonly output: string;
  readonly base: number;
  /** values[i][j]: the output with rows.path = rows.values[i] and columns.path = columns.values[j]. */
  readonly values: readonly (readonly number[])[];
}

export interface GridResult {
  readonly rows: GridAxis;
  readonly columns: GridAxis;
  readonly outputs: readonly GridTable[];
}

/** Evaluates `model` with each (slot, value) set on a fresh working copy; writes the outputs into `row`. */
function evaluateWith(scenario: Scenario, model: Model, settings: readonly (readonly [InputSlot, InputValue])[], row: Float64Array): readonly Problem[] | undefined {
  const work = workingCopy(scenario);
  for (const [slot, v] of settings) slot.set(work, v);
  return evaluateOutputs(model, row, work);
}

/**
 * A tornado per output: each input at low and at high with every other input at base, bars
 * sorted by swing. Problems name `inputs[i]` (path, or a value outside the field's range or
 * making the scenario invalid) and `outputs[i]`.
 * @example sensitivity(mc, { inputs: [{ path: "china.approvalRate", low: 0.4, high: 0.8 }], outputs: ["totals.shipped"] }) // returns { ok: true, value: [{ output: "totals.shipped", base: 717100, bars: [{ path: "china.approvalRate", low: 0.4, high: 0.8, base: 0.6, atLow: 589400, atHigh: 759000, swing: 169600 }] }] }
 */
export function sensitivity(scenario: Scenario, spec: SensitivitySpec, mode?: EvaluationMode): Result<readonly Tornado[]> {
  const problems: Problem[] = [];
  const slots: InputSlot[] = [];
  spec.inputs.forEach((input, i) => {
    const slot = slotAt(scenario, input.path, ["inputs", i]);
    if ("set" in slot) slots.push(slot);
    else problems.push(slot);
  });
  const model = buildModel(scenario, spec.outputs, ["outputs"], mode);
  if (!model.ok) problems.push(...model.problems);
  if (problems.length === 0) {
    problems.push(...checkTrials(scenario, slots.map((slot, i) => ({ slot, values: [spec.inputs[i].low], at: ["inputs", i, "low"] }))));
    problems.push(...checkTrials(scenario, slots.map((slot, i) => ({ slot, values: [spec.inputs[i].high], at: ["inputs", i, "high"] }))));
  }
  if (problems.length > 0 || !model.ok) return fail(...problems);
  const nOut = spec.outputs.length;
  const base = new Float64Array(nOut);
  const failed = evaluateWith(scenario, model.value, [], base);
  if (failed) return fail(...failed);
  const lows: Float64Array[] = [];
  const highs: Float64Array[] = [];
  for (let i = 0; i < slots.length; i++) {
    const lo = new Float64Array(nOut);
    const hi = new Float64Array(nOut);
    const bad = evaluateWith(scenario, model.value, [[slots[i], spec.inputs[i].low]], lo) ?? evaluateWith(scenario, model.value, [[slots[i], spec.inputs[i].high]], hi);
    if (bad) return fail(...bad.map((p) => ({ ...p, message: `${p.message} (with ${spec.inputs[i].path} at its low or high value)` })));
    lows.push(lo);
    highs.push(hi);
  }
  const start = workingCopy(scenario);
  return ok(
    spec.outputs.map((output, o) => {
      const bars = slots.map((slot, i) => {
        const v = slot.get(start);
        return {
          path: spec.inputs[i].path,
          low: spec.inputs[i].low,
          high: spec.inputs[i].high,
          base: Array.isArray(v) ? [...v] : v,
          atLow: lows[i][o],
          atHigh: highs[i][o],
          swing: Math.abs(highs[i][o] - lows[i][o]),
        };
      });
      // A stable sort keeps the given order for equal swings.
      return { output, base: base[o], bars: bars.sort((a, b) => b.swing - a.swing) };
    }),
  );
}

/**
 * Two inputs over lists of values: one output matrix each (rows x columns), the other inputs at base.
 * @example grid(scenario, { rows: { path: "china.approvalRate", values: [0.4, 0.6] }, columns: { path: "market.supply", values: [1e5, 2e5] }, outputs: ["totals.shipped"] }).value.outputs[0].values // returns [[100000, 173200], [100000, 200000]]
 */
export function grid(scenario: Scenario, spec: GridSpec, mode?: EvaluationMode): Result<GridResult> {
  const problems: Problem[] = [];
  const axes = [
    { axis: spec.rows, at: "rows" },
    { axis: spec.columns, at: "columns" },
  ];
  const slots: InputSlot[] = [];
  for (const { axis, at } of axes) {
    const slot = slotAt(scenario, axis.path, [at, "path"]);
    if (!("set" in slot)) problems.push(slot);
    else if (axis.values.length === 0) problems.push(problem("missing", [at, "values"], "needs at least one value"));
    else slots.push(slot);
  }
  const model = buildModel(scenario, spec.outputs, ["outputs"], mode);
  if (!model.ok) problems.push(...model.problems);
  if (problems.length === 0) problems.push(...checkTrials(scenario, axes.map(({ axis, at }, i) => ({ slot: slots[i], values: axis.values, at: [at, "values"] }))));
  if (problems.length > 0 || !model.ok) return fail(...problems);
  const nOut = spec.outputs.length;
  const base = new Float64Array(nOut);
  const failed = evaluateWith(scenario, model.value, [], base);
  if (failed) return fail(...failed);
  const tables = spec.outputs.map(() => spec.rows.values.map(() => new Array<number>(spec.columns.values.length)));
  const row = new Float64Array(nOut);
  for (let i = 0; i < spec.rows.values.length; i++) {
    for (let j = 0; j < spec.columns.values.length; j++) {
      const bad = evaluateWith(scenario, model.value, [[slots[0], spec.rows.values[i]], [slots[1], spec.columns.values[j]]], row);
      if (bad) return fail(...bad);
      for (let o = 0; o < nOut; o++) tables[o][i][j] = row[o];
    }
  }
  return ok({ rows: spec.rows, columns: spec.columns, outputs: spec.outputs.map((output, o) => ({ output, base: base[o], values: tables[o] })) });
}

/**
 * Tornado low/high values from distributions: P10 and P90 of a number input; false/true for a
 * bernoulli; the first and last value of a choice.
 * @example swingInputsFrom(scenario, [{ path: "china.approvalRate", distribution: { dist: "uniform", min: 0.4, max: 0.8 } }]) // returns ~[{ path: "china.approvalRate", low: 0.44, high: 0.76 }]
 */
export function swingInputsFrom(scenario: Scenario, inputs: readonly UncertainInput[]): SwingInput[] {
  return inputs.map(({ path, distribution: d }) => {
    const slot = resolveInput(scenario, path);
    const ends = endsOf(d, typeof slot !== "string" && slot.input.kind === "number" ? slot.input.bounds : undefined);
    return { path, low: ends[0], high: ends[1] };
  });
}

function endsOf(d: Distribution, bounds: Bounds | undefined): [InputValue, InputValue] {
  if (d.dist === "bernoulli") return [false, true];
  if (d.dist === "choice") return [d.values[0], d.values[d.values.length - 1]];
  const q = samplerFor(d, bounds);
  return typeof q === "string" ? [NaN, NaN] : [q(0.1), q(0.9)];
}
