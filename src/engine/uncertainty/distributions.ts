/**
 * The input distributions of docs/model.md's "Uncertainty" section. Each is sampled by its inverse
 * CDF, so one uniform draw gives one sample and the sampler doubles as a quantile function;
 * a normal is truncated (by inverse-CDF truncation, no rejection) to the input's valid range.
 */
import { FieldReader, Json } from "../fields";
import type { DocPath } from "../docPath";
import { Problem, Result, fail, ok, problem } from "../problems";
import { uncertaintyMessages as m } from "./messages";

/** A value an input can take: a number, a flag, or an enum word such as "dollars". */
export type InputValue = number | boolean | string;

export type Distribution =
  | { readonly dist: "uniform"; readonly min: number; readonly max: number }
  | { readonly dist: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  /** Optional min/max narrow the truncation further than the input's own range. */
  | { readonly dist: "normal"; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  | { readonly dist: "bernoulli"; readonly p: number }
  | { readonly dist: "choice"; readonly values: readonly InputValue[]; readonly weights?: readonly number[] };

export type DistributionName = Distribution["dist"];
export const DISTRIBUTIONS: readonly DistributionName[] = ["uniform", "triangular", "normal", "bernoulli", "choice"];

const FIELDS: Record<DistributionName, readonly string[]> = {
  uniform: ["dist", "min", "max"],
  triangular: ["dist", "min", "mode", "max"],
  normal: ["dist", "mean", "sd", "min", "max"],
  bernoulli: ["dist", "p"],
  choice: ["dist", "values", "weights"],
};

/**
 * erfc with fractional error below 1.2e-7 everywhere (Numerical Recipes' Chebyshev fit), so the
 * normal's tails stay accurate in relative terms.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * The standard normal CDF.
 * @example normalCdf(0) // returns 0.5 ±1e-7 — the approximation is good to about 1e-7
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
 * @example normalQuantile(0.5) // returns 0
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
      ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r + 138.357751867269) * r - 30.66479806614716) * r + 2.506628277459239) * q) /
    (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r + 66.80131188771972) * r - 13.28068155288572) * r + 1);
}

/** The valid range of a number input: [lo, hi], or (lo, hi] when loOpen (prices must be above 0). */
export interface Bounds {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
}

/** Maps one uniform draw u in [0, 1) to a sample: the inverse CDF. */
export type Sampler = (u: number) => InputValue;

/**
 * The inverse CDF of `d`, a normal truncated to `bounds` (intersected with its own min/max).
 * Returns a problem when a normal has no mass in that range.
 * @example samplerFor({ dist: "uniform", min: 0.4, max: 0.8 }, { lo: 0, hi: 1, loOpen: false })(0.5) // returns ~0.6
 */
export function samplerFor(d: Distribution, bounds: Bounds = { lo: -Infinity, hi: Infinity, loOpen: false }): Sampler | string {
  switch (d.dist) {
    case "uniform": {
      const { min, max } = d;
      return (u) => min + (max - min) * u;
    }
    case "triangular": {
      const { min, mode, max } = d;
      const f = (mode - min) / (max - min);
      const left = (max - min) * (mode - min);
      const right = (max - min) * (max - mode);
      return (u) => (u < f ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right));
    }
    case "normal": {
      const { mean, sd } = d;
      // An open lower bound (a price above 0) is kept strictly above it.
      const lo = Math.max(d.min ?? -Infinity, bounds.loOpen ? bounds.lo + Math.max(1e-9, Math.abs(bounds.lo) * 1e-12) : bounds.lo);
      const hi = Math.min(d.max ?? Infinity, bounds.hi);
      const zLo = (lo - mean) / sd;
      const zHi = (hi - mean) / sd;
      // Work in the lower tail for accuracy: reflect when the whole range lies above the mean.
      const flip = zLo > 0;
      const a = flip ? normalCdf(-zHi) : normalCdf(zLo);
      const b = flip ? normalCdf(-zLo) : normalCdf(zHi);
      if (!(b - a > 0) || lo > hi) return m.normalEmpty();
      const width = b - a;
      const clamp = (x: number) => (x < lo ? lo : x > hi ? hi : x);
      return flip ? (u) => clamp(mean - sd * normalQuantile(a + (1 - u) * width)) : (u) => clamp(mean + sd * normalQuantile(a + u * width));
    }
    case "bernoulli": {
      const { p } = d;
      return (u) => u < p;
    }
    case "choice": {
      const values = d.values;
      const weights = d.weights ?? values.map(() => 1);
      const total = weights.reduce((s, w) => s + w, 0);
      const cumulative = new Float64Array(values.length);
      let acc = 0;
      for (let i = 0; i < values.length; i++) cumulative[i] = acc += weights[i] / total;
      const last = values.length - 1;
      return (u) => {
        for (let i = 0; i < last; i++) if (u < cumulative[i]) return values[i];
        return values[last];
      };
    }
  }
}

/** The values a distribution can produce at its extremes (or every value of a choice): what setup validates. */
export function supportPoints(d: Distribution, sampler: Sampler): readonly InputValue[] {
  switch (d.dist) {
    case "bernoulli":
      return d.p <= 0 ? [false] : d.p >= 1 ? [true] : [false, true];
    case "choice":
      return d.values.filter((_, i) => (d.weights ? d.weights[i] > 0 : true));
    default:
      return [sampler(0), sampler(1 - 2 ** -53)];
  }
}

/**
 * Checks a distribution as written in a scenario file; problems are at `[...path, field]`.
 * @example readDistribution({ dist: "uniform", min: 0.4, max: 0.8 }, ["x"]).ok // returns true
 */
export function readDistribution(raw: unknown, path: DocPath): Result<Distribution> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail(problem("type", path, 'expected a distribution such as {"dist": "uniform", "min": 0, "max": 1}'));
  }
  const o = raw as Json;
  const name = o.dist;
  if (typeof name !== "string" || !(DISTRIBUTIONS as readonly string[]).includes(name)) return fail(problem("enum", [...path, "dist"], m.unknownDist(name, DISTRIBUTIONS)));
  const dist = name as DistributionName;
  const problems: Problem[] = [];
  const reader = new FieldReader();
  reader.object(raw, path, FIELDS[dist]);
  problems.push(...reader.problems);
  const num = (key: string, required = true): number | undefined => {
    const v = o[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      problems.push(problem(v === undefined ? "missing" : "type", [...path, key], m.notNumber(v)));
      return undefined;
    }
    return v;
  };
  const at = (key: string): DocPath => [...path, key];
  switch (dist) {
    case "uniform": {
      const min = num("min");
      const max = num("max");
      if (min !== undefined && max !== undefined && !(min <= max)) problems.push(problem("range", at("max"), m.orderedBounds(min, max)));
      return problems.length ? fail(...problems) : ok({ dist, min: min!, max: max! });
    }
    case "triangular": {
      const min = num("min");
      const mode = num("mode");
      const max = num("max");
      if (min !== undefined && mode !== undefined && max !== undefined && !(min <= mode && mode <= max && min < max)) problems.push(problem("range", at("mode"), m.triangular()));
      return problems.length ? fail(...problems) : ok({ dist, min: min!, mode: mode!, max: max! });
    }
    case "normal": {
      const mean = num("mean");
      const sd = num("sd");
      const min = num("min", false);
      const max = num("max", false);
      if (sd !== undefined && !(sd > 0)) problems.push(problem("range", at("sd"), m.positive(sd)));
      if (min !== undefined && max !== undefined && !(min <= max)) problems.push(problem("range", at("max"), m.orderedBounds(min, max)));
      return problems.length ? fail(...problems) : ok({ dist, mean: mean!, sd: sd!, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });
    }
    case "bernoulli": {
      const p = num("p");
      if (p !== undefined && !(p >= 0 && p <= 1)) problems.push(problem("range", at("p"), m.probability(p)));
      return problems.length ? fail(...problems) : ok({ dist, p: p! });
    }
    case "choice": {
      const values = o.values;
      if (!Array.isArray(values) || values.length === 0) {
        problems.push(problem(Array.isArray(values) ? "shape" : "missing", at("values"), m.emptyValues()));
      } else {
        values.forEach((v, i) => {
          const okValue = typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
          if (!okValue) problems.push(problem("type", [...at("values"), i], m.badValue(v, "is not a number, true/false or a word")));
        });
      }
      const weights = o.weights;
      if (weights !== undefined) {
        const good =
          Array.isArray(weights) &&
          Array.isArray(values) &&
          weights.length === values.length &&
          weights.every((w) => typeof w === "number" && Number.isFinite(w) && w >= 0) &&
          (weights as number[]).some((w) => w > 0);
        if (!good) problems.push(problem("shape", at("weights"), m.weights()));
      }
      if (problems.length) return fail(...problems);
      return ok({ dist, values: values as InputValue[], ...(weights === undefined ? {} : { weights: weights as number[] }) });
    }
  }
}
