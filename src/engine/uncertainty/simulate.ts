/**
 * Seeded Monte Carlo over a scenario (docs/model.md "Uncertainty"): each iteration draws every
 * uncertain input from one sfc32 stream (inputs in the order given), writes it into a private
 * working copy, evaluates (allocation-free for the built-in pipeline) and records each output
 * in a Float64Array. Draws are valid by construction: distributions are checked against each
 * field's range, and every extreme value against the whole scenario, before the first iteration.
 */
import { Problem, Result, fail, ok, problem } from "../problems";
import { Scenario } from "../scenario";
import { InputValue, Sampler, samplerFor, supportPoints } from "./distributions";
import { EvaluationMode } from "./evaluator";
import { InputSlot } from "./inputs";
import { uncertaintyMessages as m } from "./messages";
import { Model, Trial, buildModel, checkTrials, evaluateOutputs, slotAt } from "./model";
import { seededRandom } from "./prng";
import { UncertainInput, UncertaintySpec, blockProblems, inputAt } from "./spec";
import { OutputSummary, StreamStats, summarize, summarizeSample } from "./summary";

/** Progress, cancellation and evaluation mode for long runs. */
export interface RunControl {
  /** Called with the fraction done (0 < f <= 1), increasing, about every 1% and at the end with 1. */
  readonly onProgress?: (fractionDone: number) => void;
  /** Checked every `checkEvery` iterations; when true the run stops with a "cancelled" problem. */
  readonly signal?: { readonly aborted: boolean };
  /** Default: about 1% of the iterations, at most 1,000. */
  readonly checkEvery?: number;
  /** Force the general evaluator ("general") even without custom rules (tests, comparisons). */
  readonly mode?: EvaluationMode;
  /** Samples kept per output and input (default RESERVOIR); a longer run keeps a uniform sample of its iterations. */
  readonly reservoir?: number;
}

/**
 * Iterations kept per output (8 MB each). Up to this, every sample is kept and summaries are
 * exact; beyond it (10M-iteration runs), a uniform reservoir sample of this size is kept:
 * mean, sd, min and max stay exact (streamed), and a percentile's rank is within about
 * ±3·sqrt(p(1−p)/k) of the exact one (±0.15 percentage points at the median for k = 1M).
 */
export const RESERVOIR = 1_000_000;

export interface SimulationResult {
  readonly iterations: number;
  readonly seed: number;
  /** "fast": the allocation-free built-in pipeline; "general": evaluateScenario (custom rules present). */
  readonly mode: EvaluationMode;
  readonly inputs: readonly UncertainInput[];
  readonly outputs: readonly OutputSummary[];
  /** Each output's value per iteration, keyed by output name (a uniform sample of RESERVOIR iterations in a longer run). */
  readonly samples: Readonly<Record<string, Float64Array>>;
  /** Each input's draw per iteration, keyed by path, aligned with `samples`: numbers as drawn, flags 1/0, choices the index into `values`. */
  readonly draws: Readonly<Record<string, Float64Array>>;
}

/**
 * Runs `spec` (see readUncertainty) over `scenario`. Problems come back as values: an input
 * path or distribution that does not fit the scenario (at `uncertainty.inputs["…"]`), an
 * unknown output (at `uncertainty.outputs[i]`), a failing custom rule, or cancellation.
 * @example simulate(mc, { iterations: 1000, seed: 7, inputs, outputs: ["totals.shipped"], percentiles: [5, 95], bins: 20 }).value.outputs[0].p50 // returns ~669082.2868329503 — the same seed always gives the same draws
 */
export function simulate(scenario: Scenario, spec: UncertaintySpec, control: RunControl = {}): Result<SimulationResult> {
  const problems: Problem[] = [];
  const slots: InputSlot[] = [];
  const samplers: Sampler[] = [];
  const trials: Trial[] = [];
  for (const input of spec.inputs) {
    const at = inputAt(input.path);
    const slot = slotAt(scenario, input.path, at);
    if (!("set" in slot)) {
      problems.push(slot);
      continue;
    }
    const d = input.distribution;
    const kind = slot.input.kind;
    const fits = d.dist === "choice" || (kind === "boolean" ? d.dist === "bernoulli" : kind === "number" && d.dist !== "bernoulli");
    if (!fits) {
      problems.push(problem("enum", [...at, "dist"], m.distForKind(d.dist, kind)));
      continue;
    }
    const sampler = samplerFor(d, slot.input.kind === "number" ? slot.input.bounds : undefined);
    if (typeof sampler === "string") {
      problems.push(problem("range", at, sampler));
      continue;
    }
    slots.push(slot);
    samplers.push(sampler);
    trials.push({ slot, values: supportPoints(d, sampler), at });
  }
  const model = buildModel(scenario, spec.outputs, ["uncertainty", "outputs"], control.mode);
  if (!model.ok) problems.push(...model.problems);
  if (problems.length === 0) problems.push(...checkTrials(scenario, trials));
  if (problems.length > 0 || !model.ok) return fail(...blockProblems(problems));

  const { work, outputs, evaluator } = model.value;
  const n = spec.iterations;
  const keep = Math.max(1, Math.min(n, Math.floor(control.reservoir ?? RESERVOIR)));
  const run: Run = {
    model: model.value,
    samplers,
    setters: evaluator.setters(slots, work),
    codes: spec.inputs.map((input) => (input.distribution.dist === "choice" ? input.distribution.values : null)),
    random: seededRandom(spec.seed),
    // Which iterations the reservoir keeps comes from a stream of its own, so the draws are the seed's whatever the size.
    pick: seededRandom(spec.seed ^ 0x5bd1e995),
    stats: outputs.map(() => new StreamStats()),
    samples: outputs.map(() => new Float64Array(keep)),
    draws: slots.map(() => new Float64Array(keep)),
    keep,
    row: new Float64Array(outputs.length),
    drawn: new Float64Array(slots.length),
  };
  const checkEvery = Math.max(1, Math.floor(control.checkEvery ?? Math.min(1000, Math.ceil(n / 100))));
  const { onProgress, signal } = control;
  for (let from = 0; from < n; from += checkEvery) {
    if (from > 0) {
      if (signal?.aborted) return fail(problem("cancelled", "", m.cancelled(from, n)));
      onProgress?.(from / n);
    }
    const failed = iterate(run, from, Math.min(n, from + checkEvery), n);
    if (failed) return fail(...failed.problems.map((p) => ({ ...p, message: `${p.message} (iteration ${failed.iteration + 1})` })));
  }
  const { samples, stats, draws } = run;
  onProgress?.(1);
  return ok({
    iterations: n,
    seed: spec.seed,
    mode: model.value.evaluator.mode,
    inputs: spec.inputs,
    outputs: outputs.map((o, i) => (keep < n ? summarizeSample(o.output, samples[i], stats[i], spec.percentiles, spec.bins) : summarize(o.output, samples[i], spec.percentiles, spec.bins))),
    samples: Object.fromEntries(outputs.map((o, i) => [o.output, samples[i]])),
    draws: Object.fromEntries(slots.map((_, i) => [spec.inputs[i].path, draws[i]])),
  });
}

/** What the iterations share: the model, the draws' samplers and setters, the streams, the reservoir. */
interface Run {
  readonly model: Model;
  readonly samplers: readonly Sampler[];
  readonly setters: readonly ((value: InputValue) => void)[];
  /** A choice input's values (its draws are kept as the index), else null. */
  readonly codes: readonly (readonly InputValue[] | null)[];
  readonly random: () => number;
  readonly pick: () => number;
  readonly stats: readonly StreamStats[];
  readonly samples: readonly Float64Array[];
  readonly draws: readonly Float64Array[];
  readonly keep: number;
  /** This iteration's outputs and draws (draws as kept: numbers, flags 1/0, choice indexes). */
  readonly row: Float64Array;
  readonly drawn: Float64Array;
}

/**
 * Iterations [from, to) of n: draw, set, evaluate, record. A function of its own, with nothing
 * after its loop, so the optimised code of one call serves the next (a loop inside simulate
 * was re-optimised on every run).
 */
function iterate(r: Run, from: number, to: number, n: number): { problems: readonly Problem[]; iteration: number } | undefined {
  const { model, samplers, setters, codes, random, pick, stats, samples, draws, keep, row, drawn } = r;
  const k = samplers.length;
  for (let it = from; it < to; it++) {
    for (let i = 0; i < k; i++) {
      const v = samplers[i](random());
      setters[i](v);
      const values = codes[i];
      drawn[i] = values === null ? (typeof v === "number" ? v : v ? 1 : 0) : values.indexOf(v);
    }
    const failed = evaluateOutputs(model, row);
    if (failed) return { problems: failed, iteration: it };
    // Algorithm R: the first `keep` iterations fill the reservoir; each later one replaces a random slot with probability keep / (it + 1).
    const slot = it < keep ? it : Math.floor(pick() * (it + 1));
    if (slot < keep) {
      for (let o = 0; o < row.length; o++) samples[o][slot] = row[o];
      for (let i = 0; i < k; i++) draws[i][slot] = drawn[i];
    }
    if (keep < n) for (let o = 0; o < row.length; o++) stats[o].add(row[o]);
  }
  return undefined;
}

