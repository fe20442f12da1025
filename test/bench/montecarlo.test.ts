/**
 * The Monte Carlo bench's baseline is honest: its hand-written loop computes the same version-2
 * pipeline as `simulate`, draw for draw (so the ratio compares equal work).
 */
import { evaluate, simulate, summarize } from "../../src/engine";
import { handLoop, monteCarloCase } from "../../bench/montecarlo.bench";

test("the hand loop's China revenue distribution equals simulate's, percentile by percentile", () => {
  const { scenario, spec } = monteCarloCase(2000);
  const r = simulate(scenario, spec);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const engine = r.value.outputs[0];
  const hand = summarize("totals.chinaRevenue", handLoop(scenario, 2000, spec.seed), [10, 50, 90]);
  for (const k of ["mean", "min", "max", "p10", "p50", "p90"] as const) {
    expect({ k, rel: Math.abs(hand[k] - engine[k]) / Math.abs(engine[k]) < 1e-12 }).toEqual({ k, rel: true });
  }
  // The version-2 steps bite in this scenario: otherwise the comparison would not exercise them.
  expect(engine.min).toBeLessThan(engine.max);
  const cuts = new Set(evaluate(scenario).periods.flatMap((p) => p.buyers.flatMap((b) => [b.binding, b.largestCut])));
  for (const step of ["us_license", "orders", "domestic_ratio", "supply"]) expect(cuts).toContain(step);
});
