import { readSimulation, simulate } from "../../../src/engine";

/** Every step slack but the approval gate: shipped = requested x approvalRate. */
const slackDoc = (uncertainty: unknown) => ({
  name: "Slack",
  periods: ["FY2027Q1"],
  china: { access: "approval", approvalRate: 0.5 },
  market: { h200Price: 27000, supply: 1e9 },
  buyers: [{ name: "A", requested: 1000, domesticUnits: 0 }],
  uncertainty,
});

const spec = (doc: unknown, overrides = {}) => {
  const s = readSimulation(doc, overrides);
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  return s.value;
};

test("same seed, same results; another seed, other results", () => {
  const doc = slackDoc({ inputs: { "china.approvalRate": { dist: "uniform", min: 0.2, max: 0.9 } }, outputs: ["shipped"], iterations: 500 });
  const a = simulate(doc, spec(doc, { seed: 11 }));
  const b = simulate(doc, spec(doc, { seed: 11 }));
  const c = simulate(doc, spec(doc, { seed: 12 }));
  if (!a.ok || !b.ok || !c.ok) throw new Error("failed");
  expect(Array.from(a.value.samples.shipped)).toEqual(Array.from(b.value.samples.shipped));
  expect(a.value.outputs).toEqual(b.value.outputs);
  expect(Array.from(c.value.samples.shipped)).not.toEqual(Array.from(a.value.samples.shipped));
});

test("known answer: approvalRate ~ uniform(a, b), all else slack → shipped percentiles are requested x the uniform's", () => {
  const [a, b] = [0.2, 0.9];
  const doc = slackDoc({ inputs: { "china.approvalRate": { dist: "uniform", min: a, max: b } }, outputs: ["shipped"], percentiles: [10, 50, 90], iterations: 20_000, seed: 5 });
  const r = simulate(doc, spec(doc));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const [out] = r.value.outputs;
  for (const p of [10, 50, 90]) expect(Math.abs(out.percentiles[`P${p}`] - 1000 * (a + (p / 100) * (b - a)))).toBeLessThan(1000 * (b - a) * 0.015);
  expect(Math.abs(out.mean - 1000 * (a + b) / 2)).toBeLessThan(1000 * (b - a) * 0.01);
  expect(out.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(20_000);
});

test("progress is monotone and ends at 1; cancellation stops with a problem", () => {
  const doc = slackDoc({ inputs: { "china.approvalRate": { dist: "uniform", min: 0.2, max: 0.9 } }, iterations: 300 });
  const seen: number[] = [];
  expect(simulate(doc, spec(doc), { onProgress: (f) => seen.push(f) }).ok).toBe(true);
  expect(seen).toEqual([...seen].sort((x, y) => x - y));
  expect(seen[seen.length - 1]).toBe(1);
  const signal = { aborted: false };
  const r = simulate(doc, spec(doc), { onProgress: (f) => (signal.aborted = f >= 0.5), signal });
  expect(r).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^cancelled after \d+ of 300 iterations/) }] });
});

test("bad uncertainty blocks are problems naming the field", () => {
  const bad = readSimulation(slackDoc({ inputs: { "china.approvalRate": { dist: "uniform", min: 0.9, max: 0.1 }, x: { dist: "lognormal" } }, percentiles: [150] }));
  expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['uncertainty.inputs["china.approvalRate"].max', 'uncertainty.inputs["x"].dist', "uncertainty.percentiles[0]"]);
  const draw = slackDoc({ inputs: { "china.approvalRate": { dist: "uniform", min: 0.5, max: 1.5 } }, iterations: 50 });
  const r = simulate(draw, spec(draw));
  expect(r).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ path: "china.approvalRate", message: expect.stringContaining("narrow its distribution") })]) });
});
