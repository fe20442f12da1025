/** From requested to shipped, and the weighted view: laws over every built-in and example scenario. */
import fc from "fast-check";
import { parseWeights, removedBySteps, weightProblems, weighted } from "../../../src/report";
import { builtInInputs } from "../support/builtIns";
import { exampleInputs } from "../support/examples";

const inputs = [...builtInInputs(), ...exampleInputs()];

test("law: requested less every step's removal is what ships, per scenario, quarter and buyer", () => {
  for (const { scenario, evaluation } of inputs) {
    for (const periods of [scenario.periods, ...scenario.periods.map((p) => [p])]) {
      for (const buyer of [undefined, ...scenario.buyers.map((_, i) => i)]) {
        const w = removedBySteps(evaluation, periods, buyer);
        const removed = w.removed.reduce((a, r) => a + r.units, 0);
        expect(Math.abs(w.requested - removed - w.shipped)).toBeLessThanOrEqual(1e-6 * Math.max(1, w.requested));
        if (w.binds !== undefined) expect(w.removed.slice(w.removed.findIndex((r) => r.step === w.binds) + 1).every((r) => r.units === 0)).toBe(true);
      }
    }
  }
});

test("law: weights that sum to 1 pass, and the weighted value lies between the lowest and highest", () => {
  const names = ["A", "B", "C"];
  fc.assert(
    fc.property(fc.tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000)).filter((t) => t[0] + t[1] + t[2] > 0), fc.tuple(fc.double({ min: 0, max: 1e11, noNaN: true }), fc.double({ min: 0, max: 1e11, noNaN: true }), fc.double({ min: 0, max: 1e11, noNaN: true })), (raw, values) => {
      const total = raw[0] + raw[1] + raw[2];
      const weights = Object.fromEntries(names.map((n, i) => [n, raw[i] / total]));
      expect(weightProblems(weights, names)).toEqual([]);
      const w = weighted(weights, names.map((name, i) => ({ name, value: values[i] })))!;
      const used = values.filter((_, i) => raw[i] > 0);
      expect(w).toBeGreaterThanOrEqual(Math.min(...used) * (1 - 1e-12));
      expect(w).toBeLessThanOrEqual(Math.max(...used) * (1 + 1e-12));
    }),
  );
});

test("weights read from text, and the problems an analyst can make", () => {
  expect(parseWeights(" Bull case = 0.25 ,Bear=0.75")).toEqual({ ok: true, value: { "Bull case": 0.25, Bear: 0.75 } });
  expect(parseWeights("Bull").ok).toBe(false);
  expect(weightProblems({ A: 0.5, B: 0.5 }, ["A", "B"])).toEqual([]);
  expect(weightProblems({ A: 0.5, C: 0.5 }, ["A", "B"])[0]).toMatch(/^--weights: no scenario is named "C"/);
  expect(weightProblems({ A: -0.5, B: 1.5 }, ["A", "B"])).toHaveLength(2);
  expect(weightProblems({ A: 0.3 }, ["A", "B"], "probability")).toEqual(["probability: the probabilities sum to 0.3, not 1; give every scenario one (B has none)"]);
});
