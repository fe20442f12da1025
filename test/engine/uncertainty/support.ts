/** Shared test scenarios for the uncertainty module. */
import { Scenario, validateScenario } from "../../../src/engine";

export function scenarioOf(doc: unknown): Scenario {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** Four buyers, four quarters, approval gate: the multi-quarter example's shape. */
export const MULTI = {
  name: "Multi",
  periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"],
  china: { access: "approval", approvalRate: 0.6, cap: { basis: "units", ratio: 1 }, publicSectorBan: true },
  market: { h200Price: 27000, domesticPrice: 10000, supply: [60000, 150000, 250000, 300000], baselineChinaRevenue: [2.8e9, 2.9e9, 3.0e9, 3.1e9] },
  buyers: [
    { name: "ByteDance", requested: [130000, 130000, 130000, 130000], domesticUnits: 120000, publicSectorShare: 0 },
    { name: "Alibaba", requested: [100000, 110000, 120000, 130000], domesticUnits: 90000, publicSectorShare: 0.05 },
    { name: "Tencent", requested: [80000, 90000, 100000, 110000], domesticUnits: 30000, publicSectorShare: 0.05 },
    { name: "Others", requested: [190000, 200000, 210000, 220000], domesticUnits: 75000, publicSectorShare: 0.3 },
  ],
};

/** Every step slack except the approval gate: shipped = approvalRate x total requested. */
export const SLACK = {
  name: "Slack",
  periods: ["FY2027Q1", "FY2027Q2"],
  china: { access: "approval", approvalRate: 0.5 },
  market: { h200Price: 27000, supply: 1e9 },
  buyers: [
    { name: "A", requested: [1000, 2000], domesticUnits: 0 },
    { name: "B", requested: [3000, 4000], domesticUnits: 0 },
  ],
};
