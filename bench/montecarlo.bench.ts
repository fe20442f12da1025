/**
 * Monte Carlo, 100k iterations x 4 buyers x 4 quarters: the engine's `simulate` (draw, set,
 * allocation-free evaluation of the built-in pipeline, record; plus setup checks and the
 * summary sort) against a hand-written allocation-free loop of the same pipeline, draws and
 * output, measured in the same run.
 */
import { Scenario, UncertaintySpec, seededRandom, simulate, validateScenario } from "../src/engine";
import { Row, compare, ms, ratioText } from "./harness";

/** A version-2 scenario: per-period orders, licence quotas and a cumulative units cap, so every new step does work. */
const doc = {
  name: "Bench MC",
  periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"],
  china: { access: "approval", approvalRate: 0.6, orderRate: [0.5, 0.8, 1, 1], cap: { basis: "units", ratio: 1, scope: "cumulative" }, publicSectorBan: true },
  market: { h200Price: 27000, supply: [60000, 150000, 250000, 300000], baselineChinaRevenue: [2.8e9, 2.9e9, 3.0e9, 3.1e9] },
  buyers: [
    { name: "ByteDance", requested: [130000, 130000, 130000, 130000], domesticUnits: [120000, 150000, 180000, 210000], publicSectorShare: 0, licensedUnits: 75000 },
    { name: "Alibaba", requested: [100000, 110000, 120000, 130000], domesticUnits: [90000, 100000, 110000, 120000], publicSectorShare: 0.05, licensedUnits: 75000 },
    { name: "Tencent", requested: [80000, 90000, 100000, 110000], domesticUnits: [30000, 40000, 50000, 60000], publicSectorShare: 0.05 },
    { name: "Others", requested: [190000, 200000, 210000, 220000], domesticUnits: [75000, 80000, 85000, 90000], publicSectorShare: 0.3 },
  ],
};

const ITERATIONS = 100_000;

/**
 * The version-2 pipeline by hand for this scenario: licence (what is left of the quota), approval
 * x rate, orders, public-sector share removed, cumulative unit cap (what is left of it), pro-rata
 * supply; China revenue (cost treatment) summed over quarters.
 */
export function handLoop(scenario: Scenario, iterations: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const nb = scenario.buyers.length;
  const np = scenario.periods.length;
  const at = (f: (b: Scenario["buyers"][number], t: number) => number) => {
    const a = new Float64Array(nb * np);
    for (let t = 0; t < np; t++) for (let b = 0; b < nb; b++) a[t * nb + b] = f(scenario.buyers[b], t);
    return a;
  };
  const requested = at((b, t) => b.requested[t]);
  const licensed = at((b, t) => (scenario.us.exportsAllowed[t] && (!scenario.us.approvedCustomersOnly[t] || b.usApproved[t]) ? 1 : 0));
  const quota = at((b, t) => b.licensedUnits[t] ?? Infinity);
  const privateShare = at((b, t) => 1 - b.publicSectorShare[t]);
  const cap = at((b, t) => (scenario.china.cap.ratio[t] ?? 0) * b.domesticUnits[t]);
  const orderRate = Float64Array.from(scenario.china.orderRate);
  const supply = Float64Array.from(scenario.market.supply);
  const baseline = Float64Array.from(scenario.market.baselineChinaRevenue);
  const price = Float64Array.from(scenario.market.h200Price);
  const demand = new Float64Array(nb);
  const before = new Float64Array(nb);
  const out = new Float64Array(iterations);
  for (let it = 0; it < iterations; it++) {
    const rate = 0.4 + 0.4 * random();
    let revenue = 0;
    before.fill(0);
    for (let t = 0; t < np; t++) {
      let total = 0;
      for (let b = 0; b < nb; b++) {
        const k = t * nb + b;
        const u = licensed[k] * Math.min(requested[k], Math.max(0, quota[k] - before[b]));
        const d = Math.min(u * rate * orderRate[t] * privateShare[k], Math.max(0, cap[k] - before[b]));
        demand[b] = d;
        total += d;
      }
      const scale = total > supply[t] ? supply[t] / total : 1;
      let sold = 0;
      for (let b = 0; b < nb; b++) {
        const q = demand[b] * scale;
        before[b] += q;
        sold += q * price[t];
      }
      revenue += baseline[t] + sold;
    }
    out[it] = revenue;
  }
  return out;
}

/** The bench's scenario and Monte Carlo spec (a test checks the hand loop computes what `simulate` does). */
export function monteCarloCase(iterations = ITERATIONS): { scenario: Scenario; spec: UncertaintySpec } {
  const parsed = validateScenario(doc);
  if (!parsed.ok) throw new Error("bench scenario invalid");
  const spec: UncertaintySpec = {
    iterations,
    seed: 1,
    inputs: [{ path: "china.approvalRate", distribution: { dist: "uniform", min: 0.4, max: 0.8 } }],
    outputs: ["totals.chinaRevenue"],
    percentiles: [10, 50, 90],
    bins: 20,
  };
  return { scenario: parsed.value, spec };
}

export function monteCarloBench(quick: boolean): Row[] {
  const { scenario, spec } = monteCarloCase();
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
      figure: "Monte Carlo 100k x 4 buyers x 4 quarters, version-2 pipeline (simulate, median)",
      value: ms(c.subjectMs),
      baseline: `hand loop ${ms(c.baselineMs)}`,
      ratio: `${ratioText(c)} the hand loop`,
      goal: "≤ 1 s, ≤ 1.5x",
      ok: c.subjectMs <= 1000 && c.ratio <= 1.5,
    },
  ];
}
