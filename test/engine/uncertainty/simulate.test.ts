import { UncertaintySpec, evaluateScenario, percentileOfSorted, readUncertainty, scenarioMetric, simulate, validateScenario } from "../../../src/engine";
import { MULTI, SLACK, scenarioOf } from "./support";

const spec = (over: Partial<UncertaintySpec> = {}): UncertaintySpec => ({
  iterations: 2000,
  seed: 11,
  inputs: [
    { path: "china.approvalRate", distribution: { dist: "uniform", min: 0.4, max: 0.8 } },
    { path: "china.cap.ratio", distribution: { dist: "triangular", min: 0.5, mode: 1, max: 1.5 } },
    { path: "market.supply[0]", distribution: { dist: "normal", mean: 60000, sd: 20000 } },
    { path: "china.publicSectorBan", distribution: { dist: "bernoulli", p: 0.5 } },
    { path: "china.cap.basis", distribution: { dist: "choice", values: ["units", "dollars"], weights: [2, 1] } },
  ],
  outputs: ["totals.chinaRevenue", "totals.shipped@FY2027Q1", "buyers.ByteDance.shipped", "totals.usShare[3]"],
  percentiles: [5, 95],
  bins: 10,
  ...over,
});

test("a simulation is reproducible from its seed, and the seed matters", () => {
  const s = scenarioOf(MULTI);
  const a = simulate(s, spec());
  const b = simulate(s, spec());
  const c = simulate(s, spec({ seed: 12 }));
  if (!a.ok || !b.ok || !c.ok) throw new Error("failed");
  expect(a.value.mode).toBe("fast");
  expect(b.value.outputs).toEqual(a.value.outputs);
  expect(Array.from(b.value.samples["totals.chinaRevenue"])).toEqual(Array.from(a.value.samples["totals.chinaRevenue"]));
  expect(c.value.outputs[0].mean).not.toBe(a.value.outputs[0].mean);
});

test("every iteration equals evaluateScenario on the document with the drawn values", () => {
  const s = scenarioOf(MULTI);
  const r = simulate(s, spec({ iterations: 50 }));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const d = r.value.draws;
  for (let it = 0; it < 50; it++) {
    const doc = JSON.parse(JSON.stringify(MULTI));
    doc.china.approvalRate = d["china.approvalRate"][it];
    doc.china.cap.ratio = d["china.cap.ratio"][it];
    doc.market.supply[0] = d["market.supply[0]"][it];
    doc.china.publicSectorBan = d["china.publicSectorBan"][it] === 1;
    doc.china.cap.basis = ["units", "dollars"][d["china.cap.basis"][it]];
    const v = validateScenario(doc);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const e = evaluateScenario(v.value);
    if (!e.ok) throw new Error("eval");
    expect(r.value.samples["totals.chinaRevenue"][it]).toBe(scenarioMetric(e.value, "chinaRevenue").ok && (scenarioMetric(e.value, "chinaRevenue") as { value: number }).value);
    expect(r.value.samples["buyers.ByteDance.shipped"][it]).toBe((scenarioMetric(e.value, "shipped", "ByteDance") as { value: number }).value);
    expect(r.value.samples["totals.shipped@FY2027Q1"][it]).toBe((scenarioMetric(e.value, "shipped", null, "FY2027Q1") as { value: number }).value);
  }
});

test("known answer: approvalRate ~ uniform(a, b), every other step slack → shipped percentiles are the linear image of uniform percentiles", () => {
  const [a, b] = [0.3, 0.9];
  const requested = 1000 + 2000 + 3000 + 4000;
  const r = simulate(scenarioOf(SLACK), {
    iterations: 20_000,
    seed: 3,
    inputs: [{ path: "china.approvalRate", distribution: { dist: "uniform", min: a, max: b } }],
    outputs: ["totals.shipped"],
    percentiles: [5, 25, 75, 95],
    bins: 20,
  });
  if (!r.ok) throw new Error("failed");
  const o = r.value.outputs[0];
  const tolerance = 0.01 * (b - a) * requested; // sampling error of a percentile at n = 20k is ~0.4% of the range
  for (const [key, p] of [["P5", 5], ["P25", 25], ["P75", 75], ["P95", 95]] as const) expect(Math.abs(o.percentiles[key] - (a + (b - a) * (p / 100)) * requested)).toBeLessThan(tolerance);
  expect(Math.abs(o.p50 - ((a + b) / 2) * requested)).toBeLessThan(tolerance);
  expect(Math.abs(o.mean - ((a + b) / 2) * requested)).toBeLessThan(tolerance);
  expect(o.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(20_000);
  const sorted = Float64Array.from(r.value.samples["totals.shipped"]).sort();
  expect(o.p10).toBeCloseTo(percentileOfSorted(sorted, 10), 6);
});

test("custom rules present → the general evaluator, which agrees with the fast loop where both apply", () => {
  const withRule = scenarioOf({ ...MULTI, rules: [{ id: "keep", after: "supply", expression: "units" }] });
  const plain = scenarioOf(MULTI);
  const g = simulate(withRule, spec({ iterations: 300 }));
  const f = simulate(plain, spec({ iterations: 300 }));
  const forced = simulate(plain, spec({ iterations: 300 }), { mode: "general" });
  if (!g.ok || !f.ok || !forced.ok) throw new Error("failed");
  expect(g.value.mode).toBe("general");
  expect(forced.value.mode).toBe("general");
  expect(g.value.outputs).toEqual(f.value.outputs);
  expect(forced.value.outputs).toEqual(f.value.outputs);
});

test("cancellation stops early with a cancelled problem; progress is monotone and ends at 1", () => {
  const s = scenarioOf(MULTI);
  const seen: number[] = [];
  const signal = { aborted: false };
  const r = simulate(s, spec({ iterations: 10_000 }), {
    checkEvery: 100,
    signal,
    onProgress: (f) => {
      seen.push(f);
      if (f >= 0.3) signal.aborted = true;
    },
  });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems[0].code).toBe("cancelled");
  expect(r.problems[0].message).toMatch(/^cancelled after 3100 of 10000 iterations/);

  const all: number[] = [];
  const done = simulate(s, spec({ iterations: 1234 }), { onProgress: (f) => all.push(f) });
  expect(done.ok).toBe(true);
  expect(all[all.length - 1]).toBe(1);
  expect(all.every((f, i) => f > 0 && (i === 0 || f > all[i - 1]))).toBe(true);
});

test("the uncertainty block is read with field paths in messages", () => {
  const bad = readUncertainty({
    iterations: 0,
    inputs: { "china.approvalRate": { dist: "uniform", min: 0.9, max: 0.1 }, x: { dist: "lognormal" }, y: { dist: "normal", mean: 1, sd: 1, sdd: 2 } },
    percentiles: [150],
    extra: 1,
  });
  expect(bad.ok).toBe(false);
  if (bad.ok) return;
  const paths = bad.problems.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['uncertainty.inputs["china.approvalRate"].max', 'uncertainty.inputs["x"].dist', 'uncertainty.inputs["y"].sdd', "uncertainty.iterations", "uncertainty.percentiles[0]", "uncertainty.extra"]));
  expect(readUncertainty(undefined).ok).toBe(false);
});

test("inputs and outputs that do not fit the scenario are problems at their paths", () => {
  const s = scenarioOf(MULTI);
  const r = simulate(s, {
    ...spec(),
    inputs: [
      { path: "china.approvalRate", distribution: { dist: "uniform", min: 0.5, max: 1.5 } },
      { path: "buyers[9].requested", distribution: { dist: "uniform", min: 0, max: 1 } },
      { path: "china.cap.basis", distribution: { dist: "uniform", min: 0, max: 1 } },
      { path: "market.nope", distribution: { dist: "uniform", min: 0, max: 1 } },
    ],
    outputs: ["totals.nope", "buyers.Nobody.shipped"],
  });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems.map((p) => p.path)).toEqual([
    'uncertainty.inputs["buyers[9].requested"]',
    'uncertainty.inputs["china.cap.basis"].dist',
    'uncertainty.inputs["market.nope"]',
    "uncertainty.outputs[0]",
    "uncertainty.outputs[1]",
  ]);
  // Range checks run once the paths resolve.
  const range = simulate(s, { ...spec(), inputs: [{ path: "china.approvalRate", distribution: { dist: "uniform", min: 0.5, max: 1.5 } }] });
  expect(!range.ok && range.problems[0]).toMatchObject({ code: "range", path: 'uncertainty.inputs["china.approvalRate"]' });
  // A cross-field rule: the dollars basis needs a domestic price.
  const noPrice = scenarioOf({ ...MULTI, market: { ...MULTI.market, domesticPrice: null } });
  const cross = simulate(noPrice, { ...spec(), inputs: [{ path: "china.cap.basis", distribution: { dist: "choice", values: ["units", "dollars"] } }] });
  expect(!cross.ok && cross.problems[0].message).toMatch(/"dollars".*market\.domesticPrice/);
});

describe("a long run keeps a bounded reservoir, not every sample", () => {
  // 200,000 iterations kept whole, against the same run keeping a reservoir of k = 20,000.
  const n = 200_000;
  const k = 20_000;
  const scenario = scenarioOf(MULTI);
  const run = (reservoir?: number) => {
    const r = simulate(scenario, spec({ iterations: n, percentiles: [5, 25, 75, 95] }), reservoir === undefined ? {} : { reservoir });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  };
  const exact = run();
  const sampled = run(k);

  test("memory: each output and input keeps k samples", () => {
    expect(exact.samples["totals.chinaRevenue"].length).toBe(n);
    expect(sampled.samples["totals.chinaRevenue"].length).toBe(k);
    for (const draws of Object.values(sampled.draws)) expect(draws.length).toBe(k);
  });

  test("mean, sd, min and max stay exact (streamed); the histogram counts sum to the run", () => {
    const [e, s] = [exact.outputs[0], sampled.outputs[0]];
    expect(s.min).toBe(e.min);
    expect(s.max).toBe(e.max);
    expect(Math.abs(s.mean - e.mean) / Math.abs(e.mean)).toBeLessThan(1e-12);
    expect(Math.abs(s.sd - e.sd) / e.sd).toBeLessThan(1e-9);
    expect(s.histogram.reduce((a, b) => a + b.count, 0)).toBe(n);
  });

  test("law: each percentile lies within the stated error, ±3·sqrt(p(1−p)/k) in rank, of the exact one", () => {
    const sorted = Float64Array.from(exact.samples["totals.chinaRevenue"]).sort();
    const s = sampled.outputs[0];
    for (const [key, p] of [["P5", 5], ["P25", 25], ["P75", 75], ["P95", 95]] as const) {
      const q = p / 100;
      const band = 3 * Math.sqrt((q * (1 - q)) / k);
      const [lo, hi] = [percentileOfSorted(sorted, 100 * Math.max(0, q - band)), percentileOfSorted(sorted, 100 * Math.min(1, q + band))];
      expect({ key, within: s.percentiles[key] >= lo && s.percentiles[key] <= hi }).toEqual({ key, within: true });
    }
  });

  test("the kept samples and draws stay paired: each kept row is an iteration of the run", () => {
    const revenue = sampled.samples["totals.chinaRevenue"];
    const rate = sampled.draws["china.approvalRate"];
    const exactPairs = new Map<number, number>();
    const all = exact.draws["china.approvalRate"];
    all.forEach((d, i) => exactPairs.set(d, exact.samples["totals.chinaRevenue"][i]));
    for (let i = 0; i < 200; i++) expect(exactPairs.get(rate[i])).toBe(revenue[i]);
  });
});
