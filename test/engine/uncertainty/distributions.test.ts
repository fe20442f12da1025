import { Distribution, normalCdf, samplerFor, seededRandom } from "../../../src/engine";

const N = 20_000;
const CRITICAL = 1.63 / Math.sqrt(N); // Kolmogorov–Smirnov, 1% level

function draws(d: Distribution, seed: number, bounds?: { lo: number; hi: number; loOpen: boolean }): number[] {
  const sampler = samplerFor(d, bounds);
  if (typeof sampler === "string") throw new Error(sampler);
  const random = seededRandom(seed);
  return Array.from({ length: N }, () => sampler(random()) as number);
}

function ks(xs: number[], cdf: (x: number) => number): number {
  const s = [...xs].sort((a, b) => a - b);
  let d = 0;
  s.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - i / s.length), Math.abs((i + 1) / s.length - f));
  });
  return d;
}

/** erf by its Taylor series: independent of the engine's approximation, exact enough for |x| < 3. */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 100; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
const phi = (z: number) => 0.5 * (1 + erfSeries(z / Math.SQRT2));

test("the PRNG is reproducible from its seed, and the seed matters", () => {
  const a = seededRandom(7);
  const b = seededRandom(7);
  const c = seededRandom(8);
  const xs = Array.from({ length: 100 }, () => a());
  expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
  expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
});

test("uniform samples pass Kolmogorov–Smirnov against the uniform CDF", () => {
  const d = ks(draws({ dist: "uniform", min: 0.4, max: 0.8 }, 1), (x) => Math.min(1, Math.max(0, (x - 0.4) / 0.4)));
  expect(d).toBeLessThan(CRITICAL);
});

test("triangular samples pass Kolmogorov–Smirnov against the triangular CDF", () => {
  const [a, c, b] = [0.5, 1, 2];
  const cdf = (x: number) => (x <= a ? 0 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : x < b ? 1 - (b - x) ** 2 / ((b - a) * (b - c)) : 1);
  expect(ks(draws({ dist: "triangular", min: a, mode: c, max: b }, 2), cdf)).toBeLessThan(CRITICAL);
});

test("a normal truncated to a fraction's range passes Kolmogorov–Smirnov against the truncated CDF", () => {
  const [mu, sd] = [0.8, 0.25];
  const xs = draws({ dist: "normal", mean: mu, sd }, 3, { lo: 0, hi: 1, loOpen: false });
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThanOrEqual(1);
  const lo = phi((0 - mu) / sd);
  const hi = phi((1 - mu) / sd);
  expect(ks(xs, (x) => (phi((x - mu) / sd) - lo) / (hi - lo))).toBeLessThan(CRITICAL);
});

test("a normal truncated far in its upper tail stays in range and passes Kolmogorov–Smirnov", () => {
  const xs = draws({ dist: "normal", mean: 0, sd: 1, min: 2, max: 3 }, 4);
  const [lo, hi] = [phi(2), phi(3)];
  expect(ks(xs, (x) => (phi(x) - lo) / (hi - lo))).toBeLessThan(CRITICAL);
});

test("normalCdf agrees with the series erf", () => {
  for (const z of [-2.5, -1, -0.3, 0, 0.7, 1.96, 2.9]) expect(normalCdf(z)).toBeCloseTo(phi(z), 6);
});

test("bernoulli and choice frequencies are within 4 standard errors", () => {
  const p = 0.3;
  const flags = (() => {
    const s = samplerFor({ dist: "bernoulli", p }) as (u: number) => unknown;
    const r = seededRandom(5);
    return Array.from({ length: N }, () => s(r()));
  })();
  const se = Math.sqrt((p * (1 - p)) / N);
  expect(Math.abs(flags.filter((f) => f === true).length / N - p)).toBeLessThan(4 * se);

  const weights = [0.2, 0.5, 0.3];
  const s = samplerFor({ dist: "choice", values: ["none", "units", "dollars"], weights }) as (u: number) => unknown;
  const r = seededRandom(6);
  const picks = Array.from({ length: N }, () => s(r()));
  ["none", "units", "dollars"].forEach((v, i) => {
    const q = weights[i];
    expect(Math.abs(picks.filter((x) => x === v).length / N - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / N));
  });
});
