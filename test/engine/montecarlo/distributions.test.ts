/** Samplers checked statistically at a fixed seed (Kolmogorov–Smirnov, frequencies). */
import { Distribution, normalCdf, sample, seededRandom } from "../../../src/engine";

const N = 20_000;
const KS_CRITICAL_1PCT = 1.63 / Math.sqrt(N);

function draws(d: Distribution, seed = 42): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: N }, () => sample(d, random()) as number);
}

/** The Kolmogorov–Smirnov statistic of the draws against a CDF. */
function ks(values: number[], cdf: (x: number) => number): number {
  const sorted = [...values].sort((a, b) => a - b);
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / N), Math.abs((i + 1) / N - f));
  });
  return d;
}

test("the PRNG is reproducible from its seed, and seeds differ", () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  const c = seededRandom(8);
  const xs = Array.from({ length: 5 }, () => a());
  expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
  expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
});

test("uniform passes Kolmogorov–Smirnov at 1%", () => {
  expect(ks(draws({ dist: "uniform", min: 0.4, max: 0.8 }), (x) => Math.min(1, Math.max(0, (x - 0.4) / 0.4)))).toBeLessThan(KS_CRITICAL_1PCT);
});

test("triangular passes Kolmogorov–Smirnov at 1%", () => {
  const [a, c, b] = [0.5, 1, 1.5];
  const cdf = (x: number) => (x <= a ? 0 : x <= c ? ((x - a) ** 2) / ((b - a) * (c - a)) : x < b ? 1 - ((b - x) ** 2) / ((b - a) * (b - c)) : 1);
  expect(ks(draws({ dist: "triangular", min: a, mode: c, max: b }), cdf)).toBeLessThan(KS_CRITICAL_1PCT);
});

test("a normal truncated to its range passes Kolmogorov–Smirnov at 1% and never leaves the range", () => {
  const [m, s, lo, hi] = [0.6, 0.2, 0, 1];
  const F = (x: number) => normalCdf((x - m) / s);
  const cdf = (x: number) => (x <= lo ? 0 : x >= hi ? 1 : (F(x) - F(lo)) / (F(hi) - F(lo)));
  const values = draws({ dist: "normal", mean: m, sd: s, min: lo, max: hi });
  expect(Math.min(...values)).toBeGreaterThanOrEqual(lo);
  expect(Math.max(...values)).toBeLessThanOrEqual(hi);
  expect(ks(values, cdf)).toBeLessThan(KS_CRITICAL_1PCT);
});

test("bernoulli and choice frequencies are within 4 standard errors", () => {
  const random = seededRandom(3);
  const p = 0.3;
  const hits = Array.from({ length: N }, () => sample({ dist: "bernoulli", p }, random())).filter((v) => v === true).length;
  expect(Math.abs(hits / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
  const picks = Array.from({ length: N }, () => sample({ dist: "choice", values: ["units", "dollars"], weights: [3, 1] }, random()));
  const share = picks.filter((v) => v === "units").length / N;
  expect(Math.abs(share - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / N));
});
