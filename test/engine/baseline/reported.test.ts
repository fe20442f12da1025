/** Reported figures by period, and modelled-vs-reported China revenue on one basis. */
import { reportedFigure, reportedQuarters, reportedVsModelled } from "../../../src/engine/baseline/reported";
import { FACTS } from "../../../src/engine/baseline/facts";

describe("reportedFigure", () => {
  test("China revenue by quarter: the customer-HQ figure unless another basis is asked for", () => {
    expect(reportedFigure("FY2027Q2")).toMatchObject({ ok: true, value: { value: 7.88e9, basis: "hq" } });
    expect(reportedFigure("FY2026Q3", "chinaRevenue", "billing")).toMatchObject({ ok: true, value: { value: 2.8e9, basis: "billing" } });
    expect(reportedFigure("FY2027Q1", "totalRevenue")).toMatchObject({ ok: true, value: { value: 81.615e9 } });
  });

  test("a quarter with nothing reported is a problem naming the latest reported quarter on that basis", () => {
    expect(reportedFigure("FY2027Q3")).toMatchObject({ ok: false, problems: [{ path: "period", message: "no chinaRevenue is reported for FY2027Q3; the latest reported quarter is FY2027Q2" }] });
    expect(reportedFigure("FY2028Q1", "chinaRevenue", "billing")).toMatchObject({
      ok: false,
      problems: [{ message: "no chinaRevenue is reported for FY2028Q1 on the billing basis; the latest reported quarter is FY2026Q3" }],
    });
  });

  test("a basis the quarter lacks says which basis it has", () => {
    expect(reportedFigure("FY2027Q1", "chinaRevenue", "billing")).toMatchObject({ ok: false, problems: [{ path: "basis", message: expect.stringContaining("on the hq basis") }] });
  });

  test("reportedQuarters lists fiscal quarters only, in order, per basis", () => {
    const hq = reportedQuarters("chinaRevenue", "hq");
    expect(hq[0]).toBe("FY2025Q3");
    expect(hq[hq.length - 1]).toBe("FY2027Q2");
    expect(hq).toEqual([...hq].sort());
    expect(reportedQuarters("chinaRevenue", "billing")).not.toContain("FY2027Q1");
    expect(reportedQuarters("chinaRevenue")).not.toContain("FY2025");
  });
});

describe("reportedVsModelled", () => {
  const evaluation = (values: Record<string, number>) => ({ periods: Object.entries(values).map(([period, chinaRevenue]) => ({ period, totals: { chinaRevenue } })) });

  test("one row per scenario period with a reported figure on the basis: gap = modelled - reported, with the citation", () => {
    const rows = reportedVsModelled({ periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3"] }, evaluation({ FY2027Q1: 5e9, FY2027Q2: 7e9, FY2027Q3: 9e9 }), "hq");
    expect(rows.map((r) => r.period)).toEqual(["FY2027Q1", "FY2027Q2"]);
    expect(rows[0]).toMatchObject({ modelled: 5e9, reported: 4.55e9, basis: "hq", factId: "china_revenue.FY2027Q1.xbrl" });
    expect(rows[0].gap).toBeCloseTo(0.45e9, 0);
    expect(rows[1].gap).toBeCloseTo(-0.88e9, 0);
    for (const r of rows) expect(r.source).toMatch(/customer-HQ basis$/);
  });

  test("law: for every row, modelled = reported + gap, and reported is the default figure on that basis", () => {
    const periods = ["FY2025Q3", "FY2025Q4", "FY2026Q1", "FY2026Q2", "FY2026Q3", "FY2026Q4", "FY2027Q1", "FY2027Q2"];
    for (const basis of ["hq", "billing"] as const) {
      const rows = reportedVsModelled({ periods }, evaluation(Object.fromEntries(periods.map((p, i) => [p, (i + 1) * 1e9]))), basis);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.reported + r.gap).toBeCloseTo(r.modelled, 0);
        const fact = FACTS.find((f) => f.id === r.factId);
        expect(fact).toMatchObject({ isDefault: true, basis, period: r.period, value: r.reported });
      }
    }
  });

  test("a period missing from the evaluation is left out, not invented", () => {
    expect(reportedVsModelled({ periods: ["FY2027Q2"] }, evaluation({}), "hq")).toEqual([]);
  });
});
