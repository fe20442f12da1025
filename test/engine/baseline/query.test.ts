/** Queries over the baseline: default values, citations, metrics and conflicts. */
import { FACTS, Fact, METRIC_INFO } from "../../../src/engine/baseline/facts";
import { baselineFact, baselineValue, citation, conflicts, factById, groups, listMetrics, periodsOf } from "../../../src/engine/baseline/query";

describe("baselineValue", () => {
  test("returns the default entry's value", () => {
    expect(baselineValue("chinaRevenue", "FY2026Q3", undefined, "billing")).toEqual({ ok: true, value: 2.8e9 });
    expect(baselineValue("totalRevenue", "FY2026Q3")).toEqual({ ok: true, value: 57.006e9 });
    expect(baselineValue("h200Price")).toEqual({ ok: true, value: 27_000 });
  });

  test("a source picks a non-default entry, by full id or by its last part", () => {
    expect(baselineValue("chinaRevenue", "FY2026Q3", "seed")).toEqual({ ok: true, value: 3e9 });
    expect(baselineValue("chinaRevenue", "FY2026Q3", "china_revenue.FY2026Q3.seed")).toEqual({ ok: true, value: 3e9 });
    expect(baselineValue("chinaRevenue", "FY2026Q4", "opencapital")).toEqual({ ok: true, value: 3.06e9 });
  });

  test("China revenue is on one basis: the one asked for, else customer HQ where the period has it, else the basis it has", () => {
    expect(baselineFact("chinaRevenue", "FY2026Q3")).toMatchObject({ ok: true, value: { basis: "hq", value: 2.97e9 } });
    expect(baselineFact("chinaRevenue", "FY2026Q3", undefined, "billing")).toMatchObject({ ok: true, value: { basis: "billing", value: 2.8e9 } });
    expect(baselineFact("chinaRevenue", "FY2024Q1")).toMatchObject({ ok: true, value: { basis: "billing" } });
    // A named source on the other basis decides the basis itself; asked for both, they must agree.
    expect(baselineFact("chinaRevenue", "FY2026Q3", "reuters")).toMatchObject({ ok: true, value: { basis: "billing" } });
    expect(baselineFact("chinaRevenue", "FY2026Q3", "reuters", "hq").ok).toBe(false);
  });

  test("a basis the period lacks, an unknown basis, or a basis on a figure that has none, is a problem saying so", () => {
    const lacks = baselineFact("chinaRevenue", "FY2027Q2", undefined, "billing");
    expect(lacks).toMatchObject({ ok: false, problems: [{ path: "basis", message: "no chinaRevenue FY2027Q2 figure on the billing basis; it is reported on the hq basis" }] });
    const unknown = baselineFact("chinaRevenue", "FY2027Q2", undefined, "HQ");
    expect(unknown).toMatchObject({ ok: false, problems: [{ path: "basis" }] });
    if (!unknown.ok) expect(unknown.problems[0].message).toMatch(/unknown basis "HQ"; bases: hq .*billing/);
    expect(baselineFact("totalRevenue", "FY2027Q2", undefined, "hq")).toMatchObject({ ok: false, problems: [{ path: "basis", message: expect.stringContaining("has no basis") }] });
  });

  test("an unknown metric is a problem that lists the metrics", () => {
    const r = baselineValue("chinaRevenu", "FY2026Q3");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: "enum", path: "metric" });
    expect(r.problems[0].message).toContain('"chinaRevenu"');
    for (const m of ["chinaRevenue", "totalRevenue", "h200Price"]) expect(r.problems[0].message).toContain(m);
  });

  test("an unknown period is a problem that lists the periods the metric has", () => {
    const r = baselineValue("chinaRevenue", "FY2027Q3");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: "enum", path: "period" });
    for (const p of ["FY2024Q1", "FY2026Q3", "FY2025", "FY2027Q2"]) expect(r.problems[0].message).toContain(p);
    expect(r.problems[0].message).not.toContain("CY2026");
  });

  test("leaving out the period of a metric reported for several periods asks for one", () => {
    const r = baselineValue("chinaRevenue");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: "missing", path: "period" });
  });

  test("an unknown source lists the entries there are", () => {
    const r = baselineValue("chinaRevenue", "FY2026Q3", "bloomberg");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatchObject({ code: "enum", path: "source" });
      expect(r.problems[0].message).toContain("china_revenue.FY2026Q3.reuters");
    }
  });
});

describe("citation", () => {
  test("one line: publisher, date, confidence", () => {
    expect(citation(factById("china_revenue.FY2026Q3.reuters") as Fact)).toBe("Reuters via reportify.ai, 2025-11-20, confidence M, billing basis");
    expect(citation(factById("h200_price.reuters") as Fact)).not.toMatch(/basis/);
  });
  test("estimates say so, undated sources say so", () => {
    expect(citation(factById("china_revenue.FY2026Q2.reportify_derived") as Fact)).toBe("reportify.ai, 2025-08-28, confidence L, estimate, billing basis");
    expect(citation(factById("china_revenue.FY2026Q3.opencapital") as Fact)).toBe("opencapital.sh (aggregator), undated, confidence L, customer-HQ basis");
  });
  test("every entry has a one-line citation", () => {
    for (const f of FACTS) expect(citation(f)).toMatch(/^[^\n]+, confidence [HML]/);
  });
});

describe("listMetrics and periodsOf", () => {
  test("the metrics are sorted, unique, and all described in METRIC_INFO", () => {
    const metrics = listMetrics();
    expect(metrics).toEqual([...new Set(metrics)].sort());
    for (const m of metrics) expect(Object.keys(METRIC_INFO)).toContain(m);
    expect(metrics).toEqual(expect.arrayContaining(["chinaRevenue", "totalRevenue", "dataCenterRevenue", "h20Revenue", "h20Charge", "usRevenueShare", "chinaCapOfUsVolume", "h200Price", "h20Price", "ascend910cPrice", "huaweiOutput", "cambriconOutput", "h200Orders2026", "h200Inventory", "h200TppRatio"]));
  });
  test("every metric described in METRIC_INFO has a figure", () => {
    expect(Object.keys(METRIC_INFO).sort()).toEqual(listMetrics());
  });
  test("periodsOf lists a metric's periods", () => {
    expect(periodsOf("chinaRevenue")).toEqual(expect.arrayContaining(["FY2024Q1", "FY2026Q3", "FY2025Q1-Q3", "FY2025", "FY2024"]));
    expect(periodsOf("h200Price")).toEqual([null]);
  });
});

describe("conflicts are listed, not hidden", () => {
  test("FY2026Q3 China revenue on the billing basis: Reuters $2.8B, seed ~$3B; the aggregator's $2.97B is the HQ basis, not a conflict", () => {
    const g = conflicts().find((c) => c.metric === "chinaRevenue" && c.period === "FY2026Q3");
    expect(g).toMatchObject({ basis: "billing" });
    expect([...(g?.values ?? [])].sort()).toEqual([2.8e9, 3e9]);
    expect(g?.entries.map((e) => e.id).sort()).toEqual(["china_revenue.FY2026Q3.reuters", "china_revenue.FY2026Q3.seed"]);
    expect(conflicts().filter((c) => c.metric === "chinaRevenue" && c.period === "FY2026Q3")).toHaveLength(1);
  });

  test("the seed's -63% y/y is a conflict too", () => {
    const g = conflicts().find((c) => c.metric === "chinaRevenueYoY" && c.period === "FY2026Q3");
    expect(g?.values).toEqual(expect.arrayContaining([-0.63]));
  });

  test("a conflict is a group with different values; agreeing entries are not one", () => {
    for (const g of conflicts()) expect(new Set(g.entries.map((e) => e.value)).size).toBeGreaterThan(1);
    expect(conflicts().find((c) => c.metric === "chinaRevenue" && c.period === "FY2025Q1")).toBeUndefined();
    const all = groups();
    expect(conflicts()).toEqual(all.filter((g) => new Set(g.entries.map((e) => e.value)).size > 1));
  });

  test("works on any fact list", () => {
    const base = factById("h200_price.reuters") as Fact;
    const other = { ...base, id: "h200_price.other", value: 30_000, isDefault: false };
    expect(conflicts([base])).toEqual([]);
    expect(conflicts([base, other])).toHaveLength(1);
    expect(baselineValue("h200Price", null, "other", undefined, [base, other])).toEqual({ ok: true, value: 30_000 });
  });
});
