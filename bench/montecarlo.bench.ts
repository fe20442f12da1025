/**
 * Monte Carlo, 100k iterations x 4 buyers x 4 quarters: the engine's `simulate` (draw, set,
 * allocation-free evaluation of the built-in pipeline, record; plus setup checks and the
 * summary sort) against a hand-written allocation-free loop of the same pipeline, draws and
 * output, measured in the same run.
 */
import { Scenario, UncertaintySpec, seededRandom, simulate, validateScenario } from "../src/engine";
import { Row, compare, ms, ratioText } from "./harness";

const doc = {
  name: "Bench MC",
  periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"],
  china: { access: "approval", approvalRate: 0.6, cap: { basis: "units", ratio: 1 }, publicSectorBan: true },
  market: { h200Price: 27000, supply: [60000, 150000, 250000, 300000], baselineChinaRevenue: [2.8e9, 2.9e9, 3.0e9, 3.1e9] },
  buyers: [
    { name: "ByteDance", requested: [130000, 130000, 130000, 130000], domesticUnits: 120000, publicSectorShare: 0 },
    { name: "Alibaba", requested: [100000, 110000, 120000, 130000], domesticUnits: 90000, publicSectorShare: 0.05 },
    { name: "Tencent", requested: [80000, 90000, 100000, 110000], domesticUnits: 30000, publicSectorShare: 0.05 },
    { name: "Others", requested: [190000, 200000, 210000, 220000], domesticUnits: 75000, publicSectorShare: 0.3 },
  ],
};

const ITERATIONS = 100_000;

/**
 * MODEL.md's pipeline by hand for this scenario: license, approval x rate, public-sector share
 * removed, unit cap, pro-rata supply; China revenue (cost treatment) summed over quarters.
 */
export function handLoop(scenario: Scenario, iterations: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const nb = scenario.buyers.length;
  const np = scenario.periods.length;
  const requested = new Float64Array(nb * np);
  scenario.buyers.forEach((b, i) => b.requested.forEach((r, t) => (requested[t * nb + i] = r)));
  const licensed = new Float64Array(scenario.buyers.map((b) => (scenario.us.exportsAllowed && (!scenario.us.approvedCustomersOnly || b.usApproved) ? 1 : 0)));
  const privateShare = new Float64Array(scenario.buyers.map((b) => 1 - b.publicSectorShare));
  const cap = new Float64Array(scenario.buyers.map((b) => (scenario.china.cap.ratio ?? 0) * b.domesticUnits));
  const supply = Float64Array.from(scenario.market.supply);
  const baseline = Float64Array.from(scenario.market.baselineChinaRevenue);
  const price = scenario.market.h200Price;
  const demand = new Float64Array(nb);
  const out = new Float64Array(iterations);
  for (let it = 0; it < iterations; it++) {
    const rate = 0.4 + 0.4 * random();
    let revenue = 0;
    for (let t = 0; t < np; t++) {
      let total = 0;
      for (let b = 0; b < nb; b++) {
        const d = Math.min(requested[t * nb + b] * licensed[b] * rate * privateShare[b], cap[b]);
        demand[b] = d;
        total += d;
      }
      const scale = total > supply[t] ? supply[t] / total : 1;
      let sold = 0;
      for (let b = 0; b < nb; b++) sold += demand[b] * scale * price;
      revenue += baseline[t] + sold;
    }
    out[it] = revenue;
  }
  return out;
}

export function monteCarloBench(quick: boolean): Row[] {
  const parsed = validateScenario(doc);
  if (!parsed.ok) throw new Error("bench scenario invalid");
  const scenario = parsed.value;
  const spec: UncertaintySpec = {
    iterations: ITERATIONS,
    seed: 1,
    inputs: [{ path: "china.approvalRate", distribution: { dist: "uniform", min: 0.4, max: 0.8 } }],
    outputs: ["totals.chinaRevenue"],
    percentiles: [10, 50, 90],
    bins: 20,
  };
  const c = compare(
    () => {
      const r = simulate(scenario, spec);
      if (!r.ok) throw new Error("bench simulation failed");
      return r.value;
    },
    () => handLoop(scenario, ITERATIONS, 1),
    { warmup: 2, rounds: quick ? 3 : 9 },
  );
  return [
    {
      figure: "Monte Carlo 100k x 4 buyers x 4 quarters (simulate, median)",
      value: ms(c.subjectMs),
      baseline: `hand loop ${ms(c.baselineMs)}`,
      ratio: `${ratioText(c)} the hand loop`,
      goal: "≤ 1 s, ≤ 3x",
      ok: c.subjectMs <= 1000 && c.ratio <= 3,
    },
  ];
}
