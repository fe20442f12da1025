/** The sourced baseline: every entry is cited, defaults are unambiguous, and the figures agree where the sources allow. */
import Ajv from "ajv";
import { BASIS_METRICS, FACTS, FACT_PERIOD, ISO_DATE, METRIC_INFO, POLICY_EVENTS, Fact, loadBaseline } from "../../../src/engine/baseline/facts";
import BASELINE_FILE from "../../../src/engine/baseline/facts.json";
import BASELINE_SCHEMA from "../../../src/engine/baseline/facts.schema.json";
import { baselineValue, groups } from "../../../src/engine/baseline/query";
import { growth, halfUnit, overlaps, reported, sum } from "./rounding";

/** A fact id's first part, the metric in snake_case, compared without underscores ("h200_orders_2026" ~ "h200Orders2026"). */
const squash = (s: string) => s.replace(/_/g, "").toLowerCase();

/** The default value of a metric in a period; fails the test if there is none. */
function v(metric: string, period?: string | null, basis?: string): number {
  const r = baselineValue(metric, period, undefined, basis);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return r.value;
}
const B = 1e9;

describe("every entry is cited", () => {
  test.each(FACTS.map((f) => [f.id, f] as const))("%s has a source title, a date, a confidence mark and a unit that fits its metric", (_id, f: Fact) => {
    expect(f.source.title.trim()).not.toBe("");
    // A date, or an explicitly undated source (then the entry is undated too).
    if (f.date === null) expect(f.source.date).toBeNull();
    else expect(f.date).toMatch(ISO_DATE);
    if (f.source.date !== null) expect(f.source.date).toMatch(ISO_DATE);
    expect(["H", "M", "L"]).toContain(f.confidence);
    expect(f.unit).toBe(METRIC_INFO[f.metric].unit);
    expect(Number.isFinite(f.value)).toBe(true);
    if (f.period !== null) expect(f.period).toMatch(FACT_PERIOD);
    expect(f.note.trim()).not.toBe("");
  });

  test("ids are unique and spell metric, period and source", () => {
    expect(new Set(FACTS.map((f) => f.id)).size).toBe(FACTS.length);
    for (const f of FACTS) {
      expect(f.id).toMatch(/^[a-z0-9_]+\.[A-Za-z0-9_.-]+$/);
      expect(squash(f.id.split(".")[0])).toBe(squash(f.metric));
      if (f.period !== null) expect(f.id).toContain(`.${f.period}.`);
    }
  });

  test("derived figures and range midpoints are marked as estimates, with the arithmetic in the note", () => {
    for (const f of FACTS) {
      if (/^Derived/.test(f.note)) expect(f.estimate).toBe(true);
      if (f.range) {
        expect(f.estimate).toBe(true);
        expect(f.range.low).toBeLessThanOrEqual(f.range.high);
        expect(f.value).toBeCloseTo((f.range.low + f.range.high) / 2, 6);
        expect(f.note).toMatch(/midpoint/);
      }
    }
  });

  test("fractions are fractions and counts are not negative", () => {
    for (const f of FACTS) {
      if (f.unit === "fraction") expect(Math.abs(f.value)).toBeLessThanOrEqual(1);
      if (f.unit !== "fraction" && f.metric !== "h20RevenueChangeQoQ") expect(f.value).toBeGreaterThanOrEqual(0);
    }
  });

  test("exactly one default per metric and period; where there are several entries the default says why", () => {
    for (const g of groups()) {
      const defaults = g.entries.filter((e) => e.isDefault);
      expect({ group: `${g.metric} ${g.period}`, defaults: defaults.length }).toEqual({ group: `${g.metric} ${g.period}`, defaults: 1 });
      if (g.entries.length > 1) expect(defaults[0].note).toMatch(/default/i);
    }
  });

  test("policy events are dated and cited", () => {
    expect(new Set(POLICY_EVENTS.map((e) => e.id)).size).toBe(POLICY_EVENTS.length);
    for (const e of POLICY_EVENTS) {
      expect(e.id).toMatch(/^event\./);
      expect(e.date).toMatch(ISO_DATE);
      if (e.effective) expect(e.effective).toMatch(ISO_DATE);
      expect(e.source.title.trim()).not.toBe("");
      expect(["H", "M", "L"]).toContain(e.confidence);
    }
  });

  test("the baseline covers what the scenarios and reports need", () => {
    for (let fy = 2024; fy <= 2026; fy++) {
      for (let q = 1; q <= 4; q++) {
        const period = `FY${fy}Q${q}`;
        expect(baselineValue("chinaRevenue", period).ok).toBe(true);
        expect(baselineValue("totalRevenue", period).ok).toBe(true);
        expect(baselineValue("dataCenterRevenue", period).ok).toBe(true);
      }
    }
    for (const metric of ["usRevenueShare", "chinaCapOfUsVolume", "h200Price", "h20Price", "ascend910cPrice", "h200Inventory", "h200TppRatio"]) {
      expect(baselineValue(metric, null).ok).toBe(true);
    }
    expect(v("h200Orders2026", "CY2026")).toBe(2e6);
    expect(v("h200InitialShipment", "FY2027Q1")).toBe(60_000);
  });
});

describe("the data file", () => {
  test("facts.json validates against facts.schema.json", () => {
    const validate = new Ajv({ allErrors: true }).compile(BASELINE_SCHEMA);
    expect(validate(BASELINE_FILE) ? [] : validate.errors).toEqual([]);
  });

  test("every China revenue figure names its basis, and no other figure does", () => {
    for (const f of FACTS) expect({ id: f.id, basis: f.basis !== undefined }).toEqual({ id: f.id, basis: BASIS_METRICS.has(f.metric) });
  });

  test("loading rejects an entry the compiler cannot check: an unknown metric, a missing basis, an unknown source", () => {
    const first = BASELINE_FILE.facts[0];
    const file = (fact: object) => ({ ...BASELINE_FILE, facts: [fact] }) as Parameters<typeof loadBaseline>[0];
    expect(() => loadBaseline(file({ ...first, metric: "chinaRevenu" }))).toThrow(/unknown metric "chinaRevenu"/);
    expect(() => loadBaseline(file({ ...first, basis: undefined }))).toThrow(/needs a basis/);
    expect(() => loadBaseline(file({ ...first, source: "nowhere" }))).toThrow(/unknown source "nowhere"/);
    expect(() => loadBaseline(file({ ...first, confidence: "X" }))).toThrow(/confidence/);
    expect(loadBaseline(file(first)).facts).toHaveLength(1);
  });
});

describe("the record of 2026", () => {
  const B9 = 1e9;
  test("China revenue on the customer-HQ basis, FY2025Q3-FY2027Q2, and the quarters of FY2026 sum to the 10-K's $19.677B", () => {
    const hq = (p: string) => v("chinaRevenue", p, "hq");
    expect(["FY2025Q3", "FY2025Q4", "FY2026Q1", "FY2026Q2", "FY2026Q3", "FY2026Q4", "FY2027Q1", "FY2027Q2"].map((p) => hq(p) / B9)).toEqual([8.14, 7.82, 9.66, 3.985, 2.97, 3.06, 4.55, 7.88]);
    expect(Math.abs(hq("FY2026Q1") + hq("FY2026Q2") + hq("FY2026Q3") + hq("FY2026Q4") - hq("FY2026"))).toBeLessThanOrEqual(0.01 * B9);
    expect(hq("FY2026") / hq("FY2025") - 1).toBeCloseTo(v("chinaRevenueYoY", "FY2026", "hq"), 3);
    expect(hq("FY2027Q1") / hq("FY2026Q1") - 1).toBeCloseTo(v("chinaRevenueYoY", "FY2027Q1", "hq"), 3);
  });

  test("the two bases are separate series: where both exist for a quarter they differ, and neither is a conflict of the other", () => {
    for (const p of ["FY2025Q3", "FY2025Q4", "FY2026Q1", "FY2026Q2", "FY2026Q3"]) {
      expect(v("chinaRevenue", p, "hq")).not.toBe(v("chinaRevenue", p, "billing"));
      for (const g of groups().filter((x) => x.metric === "chinaRevenue" && x.period === p)) expect(new Set(g.entries.map((e) => e.basis)).size).toBe(1);
    }
  });

  test("results FY2026Q4-FY2027Q2: revenue, Data Center, outlooks without China Data Center compute", () => {
    expect(["FY2026Q4", "FY2027Q1", "FY2027Q2"].map((p) => v("totalRevenue", p) / B9)).toEqual([68.13, 81.615, 96.221]);
    expect(["FY2026Q4", "FY2027Q1", "FY2027Q2"].map((p) => v("dataCenterRevenue", p) / B9)).toEqual([62.31, 75.246, 89.023]);
    expect(["FY2027Q1", "FY2027Q2", "FY2027Q3"].map((p) => v("totalRevenueGuide", p) / B9)).toEqual([78, 91, 108]);
    for (const p of ["FY2027Q1", "FY2027Q2", "FY2027Q3"]) expect(v("chinaDataCenterComputeOutlook", p)).toBe(0);
    expect(v("dataCenterComputeRevenue", "FY2026Q4") + v("networkingRevenue", "FY2026Q4")).toBeCloseTo(v("dataCenterRevenue", "FY2026Q4"), -8);
    expect(baselineValue("chinaRevenue", "FY2027Q3").ok).toBe(false);
  });

  test("H200 in China: no revenue in FY2026Q4, no deliveries reported, about ten licensed firms of up to 75,000 each", () => {
    expect(v("h200ChinaRevenue", "FY2026Q4")).toBe(0);
    expect(v("h200ChinaDeliveries", "CY2026")).toBe(0);
    expect(FACTS.filter((f) => f.metric === "h200ChinaDeliveries").every((f) => f.value === 0)).toBe(true);
    const firms = baselineValue("h200LicensedFirms", "CY2026");
    expect(firms).toEqual({ ok: true, value: 10 });
    expect(FACTS.find((f) => f.id === "h200_licensed_firms.CY2026.reuters")?.qualifier).toBe("about");
    expect(FACTS.find((f) => f.id === "h200_licence_units_per_buyer.CY2026.reuters")).toMatchObject({ value: 75_000, qualifier: "upTo" });
  });

  test("the 2026 policy timeline: approvals 28 Jan, production halt 5 Mar and restart 17 Mar, parent-HQ guidance 31 May", () => {
    const dates = new Map(POLICY_EVENTS.map((e) => [e.id, e.date]));
    expect(dates.get("event.2026-01-28.first_batch_approved")).toBe("2026-01-28");
    expect(dates.get("event.2026-03-05.production_halt")).toBe("2026-03-05");
    expect(dates.get("event.2026-03-17.production_restart")).toBe("2026-03-17");
    expect(dates.get("event.2026-05-31.parent_hq_guidance")).toBe("2026-05-31");
    for (const e of POLICY_EVENTS) expect(e.id.startsWith(`event.${e.date}.`)).toBe(true);
  });
});

describe("the figures agree where the sources allow (within the rounding of what was reported)", () => {
  test("FY2025 Q1-Q3 China revenue sums to the reported nine-month $11.6B", () => {
    const quarters = sum(reported(v("chinaRevenue", "FY2025Q1", "billing"), B), reported(v("chinaRevenue", "FY2025Q2", "billing"), B), reported(v("chinaRevenue", "FY2025Q3", "billing"), B));
    expect(overlaps(quarters, reported(v("chinaRevenue", "FY2025Q1-Q3", "billing"), B))).toBe(true);
  });

  test("FY2025 China revenue (~$17.1B, derived) is the sum of its quarters and ~13% of FY2025 revenue", () => {
    const q = [1, 2, 3, 4].map((i) => v("chinaRevenue", `FY2025Q${i}`, "billing"));
    expect(v("chinaRevenue", "FY2025", "billing")).toBeCloseTo(q.reduce((a, b) => a + b, 0), -6);
    expect(Math.abs(v("chinaRevenue", "FY2025", "billing") - 17.1e9)).toBeLessThanOrEqual(halfUnit(17.1) * B);
    const totals = [1, 2, 3, 4].map((i) => v("totalRevenue", `FY2025Q${i}`));
    expect(v("totalRevenue", "FY2025")).toBeCloseTo(totals.reduce((a, b) => a + b, 0), -6);
    expect(Math.abs(v("chinaRevenue", "FY2025", "billing") / v("totalRevenue", "FY2025") - 0.13)).toBeLessThanOrEqual(0.005);
  });

  test("FY2024 total revenue is the sum of its quarters", () => {
    const totals = [1, 2, 3, 4].map((i) => v("totalRevenue", `FY2024Q${i}`));
    expect(totals.reduce((a, b) => a + b, 0)).toBeCloseTo(v("totalRevenue", "FY2024"), -6);
    const dc = sum(...[1, 2, 3, 4].map((i) => reported(v("dataCenterRevenue", `FY2024Q${i}`), B)));
    expect(overlaps(dc, reported(v("dataCenterRevenue", "FY2024"), B))).toBe(true);
  });

  test("China's share of revenue matches China revenue / total revenue wherever a share is reported", () => {
    const shares = FACTS.filter((f) => f.metric === "chinaRevenueShare");
    expect(shares.length).toBeGreaterThanOrEqual(8);
    for (const s of shares) {
      const china = v("chinaRevenue", s.period, s.basis);
      const total = v("totalRevenue", s.period);
      const tolerance = halfUnit(Math.round(s.value * 1e6) / 1e4) / 100 + (halfUnit(china / B) * B) / total;
      expect({ period: s.period, gap: Math.abs(china / total - s.value) <= tolerance + 1e-12 }).toEqual({ period: s.period, gap: true });
    }
    // The example of the brief: 4.03 = 22.24% of 18.12.
    expect(0.2224 * 18.12).toBeCloseTo(4.03, 2);
  });

  test("reported growth rates match the quarters they compare", () => {
    const china = (p: string) => reported(v("chinaRevenue", p, "billing"), B);
    const rate = (metric: string, p: string) => reported(Math.round(v(metric, p) * 1e6) / 1e4).map((x) => x / 100) as [number, number];
    expect(overlaps(growth(china("FY2025Q3"), china("FY2024Q3")), rate("chinaRevenueYoY", "FY2025Q3"))).toBe(true); // +34%
    expect(overlaps(growth(china("FY2025Q3"), china("FY2025Q2")), rate("chinaRevenueQoQ", "FY2025Q3"))).toBe(true); // +46%
    const nineMonthsBefore = sum(china("FY2024Q1"), china("FY2024Q2"), china("FY2024Q3"));
    expect(overlaps(growth(china("FY2025Q1-Q3"), nineMonthsBefore), rate("chinaRevenueYoY", "FY2025Q1-Q3"))).toBe(true); // +38%
    // FY2026Q2 was derived from its -24.49% y/y.
    expect(Math.abs(v("chinaRevenue", "FY2025Q2", "billing") * (1 + v("chinaRevenueYoY", "FY2026Q2", "billing")) - v("chinaRevenue", "FY2026Q2", "billing"))).toBeLessThanOrEqual(0.005 * B);
    expect(v("chinaRevenueYoY", "FY2026Q3", "billing")).toBeCloseTo(v("chinaRevenue", "FY2026Q3", "billing") / v("chinaRevenue", "FY2025Q3", "billing") - 1, 4);
  });

  test("the seed article's -63% y/y is inconsistent with its own ~$3B against FY2025Q3's $5.4B (that is -44%)", () => {
    const seedRevenue = baselineValue("chinaRevenue", "FY2026Q3", "seed");
    const seedGrowth = baselineValue("chinaRevenueYoY", "FY2026Q3", "seed");
    expect(seedRevenue).toEqual({ ok: true, value: 3e9 });
    expect(seedGrowth).toEqual({ ok: true, value: -0.63 });
    const implied = growth(reported(3e9, B), reported(v("chinaRevenue", "FY2025Q3", "billing"), B));
    expect(overlaps(implied, [-0.635, -0.625])).toBe(false);
    expect(3 / 5.4 - 1).toBeCloseTo(-0.44, 2);
  });

  test("FY2024: the derived annual and Q4 China figures follow from the 17% share", () => {
    expect(Math.abs(0.17 * v("totalRevenue", "FY2024") - v("chinaRevenue", "FY2024", "billing"))).toBeLessThanOrEqual(0.005 * B);
    const q1to3 = v("chinaRevenue", "FY2024Q1", "billing") + v("chinaRevenue", "FY2024Q2", "billing") + v("chinaRevenue", "FY2024Q3", "billing");
    expect(Math.abs(v("chinaRevenue", "FY2024", "billing") - q1to3 - v("chinaRevenue", "FY2024Q4", "billing"))).toBeLessThanOrEqual(0.05 * B);
  });

  test("segments add up: compute + networking = Data Center <= total, and China <= total", () => {
    for (const p of ["FY2025Q3", "FY2026Q2", "FY2026Q3"]) {
      expect(v("dataCenterComputeRevenue", p) + v("networkingRevenue", p)).toBeCloseTo(v("dataCenterRevenue", p), -3);
    }
    for (const f of FACTS.filter((x) => x.metric === "dataCenterRevenue" || (x.metric === "chinaRevenue" && x.isDefault))) {
      if (f.period && /^FY\d{4}(Q[1-4])?$/.test(f.period)) expect(f.value).toBeLessThan(v("totalRevenue", f.period));
    }
    const p = "FY2026Q3";
    expect(v("usRevenue", p) + v("taiwanRevenue", p) + v("chinaRevenue", p, "billing")).toBeLessThanOrEqual(v("totalRevenue", p));
  });

  test("H20: the Q2 FY2026 drop is Q1's $4.6B less Q2's ~$650M (about $4B); 2024's ~$12B / ~1M units = $12,000", () => {
    const drop = v("h20Revenue", "FY2026Q1") - v("h20Revenue", "FY2026Q2");
    expect(Math.abs(-drop - v("h20RevenueChangeQoQ", "FY2026Q2"))).toBeLessThanOrEqual(0.5 * B);
    expect(v("h20Revenue", "CY2024") / v("h20Units", "CY2024")).toBe(v("h20Price", "CY2024"));
  });

  test("TPP = dense TFLOPS x bit length (the BIS definition) reproduces the reported TPPs", () => {
    expect(v("h20Fp8Tflops", null) * 8).toBe(v("h20Tpp", null));
    expect(v("h20Fp16Tflops", null) * 16).toBe(v("h20Tpp", null));
    expect(v("ascend910cBf16DenseTflops", null) * 16).toBe(v("ascend910cTpp", null));
    // 1,979 x 8 = 15,832 (Ronghe's figure); IFP's 15,840 is 1,980 x 8: the two differ by rounding only.
    expect(baselineValue("h200Tpp", null, "ronghe")).toEqual({ ok: true, value: 15_832 });
    expect(v("h200Fp8DenseTflops", null) * 8).toBe(15_832);
    expect(Math.abs(v("h200Tpp", null) - 15_832) / 15_840).toBeLessThan(0.001);
    expect(v("h200TppRatio", null)).toBeCloseTo(v("h200Tpp", null) / v("h20Tpp", null), 10);
    expect(overlaps(reported(v("h200TppRatio", null)), reported(6.7))).toBe(true);
  });

  test("prices and volumes: ~$215k per 8-GPU module ~ $27k per chip; 2M x $27k = $54B; 40-80k x $32k = $1.28-2.56B", () => {
    expect(Math.abs(v("h200ModulePrice", null) / 8 - v("h200Price", null)) / v("h200Price", null)).toBeLessThan(0.01);
    expect(v("h200Orders2026", "CY2026") * v("h200Price", null)).toBe(v("h200RevenuePotential", "CY2026"));
    expect(Math.abs(v("h200RevenuePotential", "CY2026") * (1 - v("usRevenueShare", null)) - v("h200RevenuePotentialNet", "CY2026"))).toBeLessThanOrEqual(0.5 * B);
    const est = FACTS.find((f) => f.id === "h200_revenue_estimate.FY2027Q1.themoneyunlock");
    const shipments = FACTS.find((f) => f.id === "h200_initial_shipment.FY2027Q1.reuters");
    expect(est?.range).toEqual({ low: (shipments?.range?.low ?? 0) * 32_000, high: (shipments?.range?.high ?? 0) * 32_000 });
    expect(v("h200InitialShipment", "FY2027Q1")).toBe(8 * v("h200InitialShipmentModules", "FY2027Q1"));
  });

  test("Huawei's ~600k 910C for 2026 is 'roughly double' 2025", () => {
    expect(v("huawei910cOutput", "CY2026") / v("huawei910cOutput", "CY2025")).toBeCloseTo(2, 5);
  });
});
