/**
 * Monte Carlo, 4 buyers x 4 quarters: the engine's `simulate` against a hand-written,
 * allocation-free loop of the same pipeline and draws, in the same run. The engine re-validates
 * every drawn scenario, so it is timed on fewer iterations and reported per 100k iterations
 * (the row says how many were run).
 */
import { performance } from "perf_hooks";
import { readSimulation, seededRandom, simulate } from "../src/engine";
import { Row, ms } from "./harness";

const doc = {
  name: "Bench MC",
  periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"],
  china: { access: "approval", approvalRate: 0.6, cap: { basis: "units", ratio: 1 }, publicSectorBan: true },
  market: { h200Price: 27000, supply: [60000, 150000, 250000, 300000], baselineChinaRevenue: 2.8e9 },
  buyers: [
    { name: "ByteDance", requested: 130000, domesticUnits: 120000, publicSectorShare: 0 },
    { name: "Alibaba", requested: 100000, domesticUnits: 90000, publicSectorShare: 0.05 },
    { name: "Tencent", requested: 80000, domesticUnits: 30000, publicSectorShare: 0.05 },
    { name: "Others", requested: 190000, domesticUnits: 75000, publicSectorShare: 0.3 },
  ],
  uncertainty: { inputs: { "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 } }, outputs: ["chinaRevenue"] },
};

/** The same pipeline by hand: approval x (1 - public share), unit cap, pro-rata supply; China revenue summed. */
function handLoop(iterations: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const requested = new Float64Array(doc.buyers.map((b) => b.requested));
  const cap = new Float64Array(doc.buyers.map((b) => b.domesticUnits));
  const privateShare = new Float64Array(doc.buyers.map((b) => 1 - b.publicSectorShare));
  const supply = new Float64Array(doc.market.supply);
  const c = new Float64Array(4);
  const out = new Float64Array(iterations);
  for (let it = 0; it < iterations; it++) {
    const rate = 0.4 + 0.4 * random();
    let revenue = 0;
    for (let t = 0; t < 4; t++) {
      let demand = 0;
      for (let b = 0; b < 4; b++) {
        c[b] = Math.min(requested[b] * rate * privateShare[b], cap[b]);
        demand += c[b];
      }
      const scale = demand > supply[t] ? supply[t] / demand : 1;
      revenue += 2.8e9 + demand * scale * 27000;
    }
    out[it] = revenue;
  }
  return out;
}

export function monteCarloBench(quick: boolean): Row[] {
  const engineIterations = quick ? 1000 : 5000;
  const spec = readSimulation(doc, { iterations: engineIterations, seed: 1 });
  if (!spec.ok) throw new Error("bench spec invalid");
  const t0 = performance.now();
  const r = simulate(doc, spec.value);
  const engineMs = performance.now() - t0;
  if (!r.ok) throw new Error("bench simulation failed");
  const t1 = performance.now();
  handLoop(100_000, 1);
  const handMs = performance.now() - t1;
  const per100k = (engineMs * 100_000) / engineIterations;
  return [
    {
      figure: `Monte Carlo 100k x 4 buyers x 4 quarters (engine timed on ${engineIterations})`,
      value: ms(per100k),
      baseline: `hand loop ${ms(handMs)}`,
      ratio: `${(per100k / handMs).toFixed(0)}x the hand loop`,
      goal: "≤ 1 s, ≤ 3x",
      ok: per100k <= 1000 && per100k / handMs <= 3,
    },
  ];
}
