/**
 * examples/base.json against docs/model.md's formulas worked by hand (not copied from output).
 *
 * Policy: US licence for approved buyers (all are), Beijing approval at 0.6, public-sector
 * ban, units cap ratio 1.0 x domesticUnits, supply L = 60,000, h200Price $27,000, US share 25%.
 *
 * buyer       R        U = R    A = U x 0.6   O = A x 1   P = O x (1 - ps)         C = min(P, 1.0 x domestic)
 * ByteDance   130,000  130,000   78,000        78,000 x 1.00 = 78,000  min(78,000, 120,000) = 78,000
 * Alibaba     100,000  100,000   60,000        60,000 x 0.95 = 57,000  min(57,000,  90,000) = 57,000
 * Tencent      80,000   80,000   48,000        48,000 x 0.95 = 45,600  min(45,600,  30,000) = 30,000
 * Others      190,000  190,000  114,000       114,000 x 0.70 = 79,800  min(79,800,  75,000) = 75,000
 *
 * D = 78,000 + 57,000 + 30,000 + 75,000 = 240,000 > L = 60,000, so S = C x 60,000 / 240,000 = C / 4:
 * ByteDance 19,500; Alibaba 14,250; Tencent 7,500; Others 18,750 (sum 60,000).
 *
 * Units removed per step (largestCut = the most, ties to the earlier step; binding = the last cut,
 * supply for every buyer, since supply cuts them all; orders removes nothing at orderRate 1):
 * ByteDance  china_access 52,000; public_sector 0;     domestic_ratio 0;      supply 58,500 -> supply
 * Alibaba    china_access 40,000; public_sector 3,000; domestic_ratio 0;      supply 42,750 -> supply
 * Tencent    china_access 32,000; public_sector 2,400; domestic_ratio 15,600; supply 22,500 -> china_access
 * Others     china_access 76,000; public_sector 34,200; domestic_ratio 4,800; supply 56,250 -> china_access
 */
import { chips, example } from "./chips";

const expected = [
  { name: "ByteDance", R: 130000, A: 78000, P: 78000, C: 78000, S: 19500, binding: "supply", largestCut: "supply" },
  { name: "Alibaba", R: 100000, A: 60000, P: 57000, C: 57000, S: 14250, binding: "supply", largestCut: "supply" },
  { name: "Tencent", R: 80000, A: 48000, P: 45600, C: 30000, S: 7500, binding: "supply", largestCut: "china_access" },
  { name: "Others", R: 190000, A: 114000, P: 79800, C: 75000, S: 18750, binding: "supply", largestCut: "china_access" },
];

/** Equal within floating-point noise relative to the size of the number. */
const near = (actual: number, want: number) => expect(Math.abs(actual - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));

let period: any;
beforeAll(() => {
  const r = chips(["evaluate", example("base.json"), "--json"]);
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.scenario).toBe("Base");
  expect(out.periods).toHaveLength(1);
  period = out.periods[0];
});

test.each(expected)("$name: the trail, shipped, binding step and largest cut", ({ name, R, A, P, C, S, binding, largestCut }) => {
  const b = period.buyers.find((x: any) => x.name === name);
  const trail = [R, R, A, A, P, C, S];
  expect(Object.keys(b.steps)).toEqual(["requested", "us_license", "china_access", "orders", "public_sector", "domestic_ratio", "supply"]);
  Object.values(b.steps).forEach((q, k) => near(q as number, trail[k]));
  near(b.shipped, S);
  expect(b.binding).toBe(binding);
  expect(b.largestCut).toBe(largestCut);
});

test.each(expected)("$name: money and compute follow from shipped", ({ name, S }) => {
  const b = period.buyers.find((x: any) => x.name === name);
  near(b.revenue, S * 27000); // e.g. ByteDance 19,500 x $27,000 = $526.5m
  near(b.usShare, S * 27000 * 0.25);
  near(b.nvidiaNet, S * 27000 * 0.75);
  near(b.h20Equivalent, S * 6);
});

test("period totals and China revenue", () => {
  const t = period.totals;
  near(t.requested, 500000); // 130k + 100k + 80k + 190k
  near(t.shipped, 60000); // all of supply
  near(t.revenue, 1.62e9); // 60,000 x $27,000
  near(t.usShare, 4.05e8); // 25% of $1.62bn
  near(t.nvidiaNet, 1.215e9);
  near(t.h20Equivalent, 360000); // 60,000 x 6
  near(t.chinaRevenue, 4.42e9); // baseline $2.8bn + gross H200 sales $1.62bn (usShareTreatment "cost")
});

test("the table shows the same figures, rounded, with units in the headers", () => {
  const r = chips(["evaluate", example("base.json")]);
  expect(r.status).toBe(0);
  const lines = r.stdout.split("\n");
  expect(lines.find((l) => l.startsWith("ByteDance") && l.includes("supply"))).toMatch(/130,000\s+130,000\s+78,000\s+78,000\s+78,000\s+78,000\s+19,500\s+supply\s+supply$/);
  expect(lines.find((l) => l.startsWith("Total") && l.includes("1,620"))).toMatch(/60,000\s+1,620\s+405\s+1,215\s+360,000$/);
  expect(r.stdout).toContain("US$ m");
  expect(r.stdout).toContain("China revenue $4.4bn = baseline $2.8bn + H200 sales $1.6bn (+57.9% vs baseline)");
});
