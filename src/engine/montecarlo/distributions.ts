/**
 * Input distributions of MODEL.md's Uncertainty section, each an inverse CDF so one uniform
 * draw gives one sample (and a known CDF to test against).
 */
import { messages } from "../messages";
import { Problem, Result, fail, ok, problem } from "../problems";

export type Distribution =
  | { readonly dist: "uniform"; readonly min: number; readonly max: number }
  | { readonly dist: "triangular"; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly dist: "normal"; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  | { readonly dist: "bernoulli"; readonly p: number }
  | { readonly dist: "choice"; readonly values: readonly (string | number | boolean)[]; readonly weights?: readonly number[] };

export const DISTRIBUTIONS = ["uniform", "triangular", "normal", "bernoulli", "choice"] as const;

/** The standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** A sample from `d` for one uniform draw u in [0, 1) (inverse CDF; normal truncated to [min, max]). */
export function sample(d: Distribution, u: number): number | string | boolean {
  switch (d.dist) {
    case "uniform":
      return d.min + (d.max - d.min) * u;
    case "triangular": {
      const f = (d.mode - d.min) / (d.max - d.min);
      return u < f ? d.min + Math.sqrt(u * (d.max - d.min) * (d.mode - d.min)) : d.max - Math.sqrt((1 - u) * (d.max - d.min) * (d.max - d.mode));
    }
    case "normal": {
      const lo = d.min === undefined ? 0 : normalCdf((d.min - d.mean) / d.sd);
      const hi = d.max === undefined ? 1 : normalCdf((d.max - d.mean) / d.sd);
      const p = Math.min(1 - 1e-12, Math.max(1e-12, lo + u * (hi - lo)));
      const x = d.mean + d.sd * normalQuantile(p);
      return Math.min(d.max ?? Infinity, Math.max(d.min ?? -Infinity, x));
    }
    case "bernoulli":
      return u < d.p;
    case "choice": {
      const w = d.weights ?? d.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      let acc = 0;
      for (let i = 0; i < d.values.length; i++) {
        acc += w[i] / total;
        if (u < acc) return d.values[i];
      }
      return d.values[d.values.length - 1];
    }
  }
}

/** Checks a distribution as written in a scenario file; problems name `path.field`. */
export function readDistribution(raw: unknown, path: string): Result<Distribution> {
  const o = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  const num = (key: string, required = true): number => {
    const v = o[key];
    if (v === undefined && !required) return NaN;
    if (typeof v !== "number" || !Number.isFinite(v)) problems.push(problem("type", `${path}.${key}`, messages.notNumber(v, key)));
    return v as number;
  };
  switch (o.dist) {
    case "uniform": {
      const d = { dist: "uniform" as const, min: num("min"), max: num("max") };
      if (problems.length === 0 && !(d.min <= d.max)) problems.push(problem("range", `${path}.max`, `must be at least min (${d.min}), got ${d.max}`));
      return problems.length ? fail(...problems) : ok(d);
    }
    case "triangular": {
      const d = { dist: "triangular" as const, min: num("min"), mode: num("mode"), max: num("max") };
      if (problems.length === 0 && !(d.min <= d.mode && d.mode <= d.max && d.min < d.max)) problems.push(problem("range", `${path}.mode`, "needs min ≤ mode ≤ max and min < max"));
      return problems.length ? fail(...problems) : ok(d);
    }
    case "normal": {
      const min = num("min", false);
      const max = num("max", false);
      const d = { dist: "normal" as const, mean: num("mean"), sd: num("sd"), ...(Number.isNaN(min) ? {} : { min }), ...(Number.isNaN(max) ? {} : { max }) };
      if (problems.length === 0 && !(d.sd > 0)) problems.push(problem("range", `${path}.sd`, messages.above(0, d.sd)));
      return problems.length ? fail(...problems) : ok(d);
    }
    case "bernoulli": {
      const d = { dist: "bernoulli" as const, p: num("p") };
      if (problems.length === 0 && !(d.p >= 0 && d.p <= 1)) problems.push(problem("range", `${path}.p`, messages.fraction(d.p)));
      return problems.length ? fail(...problems) : ok(d);
    }
    case "choice": {
      const values = Array.isArray(o.values) ? (o.values as (string | number | boolean)[]) : [];
      if (values.length === 0) problems.push(problem("missing", `${path}.values`, messages.emptyList("value")));
      const weights = o.weights === undefined ? undefined : Array.isArray(o.weights) ? (o.weights as number[]) : [];
      if (weights && (weights.length !== values.length || weights.some((w) => typeof w !== "number" || !(w >= 0)))) {
        problems.push(problem("shape", `${path}.weights`, "needs one non-negative number per value"));
      }
      return problems.length ? fail(...problems) : ok({ dist: "choice", values, ...(weights ? { weights } : {}) });
    }
    default:
      return fail(problem("enum", `${path}.dist`, messages.notOneOf(o.dist, DISTRIBUTIONS)));
  }
}
