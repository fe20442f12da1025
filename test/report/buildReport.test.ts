/** The report model: sheets, golden cells (value, role, format, formula), modes, and Excel's limits. */
import { STEP_IDS } from "../../src/engine";
import { BINDING_FOOTNOTE, FORMATS, LATEST_REPORTED_CHINA_REVENUE, buildReport } from "../../src/report";
import { exampleInput, exampleInputs } from "./support/examples";
import { allCells, cellAt, rowOf, sheet, table, tables } from "./support/model";

const inputs = exampleInputs();
const native = buildReport(inputs);
const values = buildReport(inputs, { mode: "values" });
const live = buildReport(inputs, { mode: "live" });

test("sheets: Summary, Assumptions, one per scenario (all examples), Comparison, Sources", () => {
  expect(native.sheets.map((s) => s.name)).toEqual(["Summary", "Assumptions", "Base", "Dollar cap", "Multi-quarter", "US volume cap", "Comparison", "Reported vs modelled", "Sources"]);
  expect(native.mode).toBe("native");
});

describe("golden cells (native mode, examples in file order)", () => {
  // Assumptions: a row per field, the periods across; a value the same in every period (all of
  // Base's: it models one quarter) sits in "All periods" (column D). Formulas read inputs by name.
  test("Assumptions!D16 is Base's us.revenueShare: an input, 0.0%, named Base_US_RevenueShare, sourced from the file's x-sources", () => {
    const t = table(native, "Assumptions", "Base (examples/base.json): US policy");
    expect(t.columns.map((c) => c.header)).toEqual(["Input", "Field", "Units", "All periods", "FY2027Q1", "Source"]);
    const byField = (field: string) => {
      const r = t.rows.find((x) => x[1].value === field);
      if (!r) throw new Error(`no row ${field}`);
      return r;
    };
    expect(byField("us.revenueShare").map((c) => c.value)).toEqual([
      "Share of H200 China sales paid to the US government",
      "us.revenueShare",
      "%",
      0.25,
      null,
      expect.stringContaining("Truth Social, 8 Dec 2025"),
    ]);
    expect(cellAt(native, "Assumptions", "D16")).toEqual({ value: 0.25, role: "input", format: "0.0%" });
    expect(native.names?.find((n) => n.name === "Base_US_RevenueShare")).toEqual({ name: "Base_US_RevenueShare", sheet: "Assumptions", row: 16, col: 4 });
    expect(cellAt(native, "Assumptions", "D23")).toEqual({ value: "approval", role: "input", choices: ["open", "approval", "blocked"] }); // china.access
  });

  test("Base!G21, ByteDance after the domestic ratio: MIN over the previous step and the cap, #,##0", () => {
    expect(cellAt(native, "Base", "A21")?.value).toBe("ByteDance");
    expect(cellAt(native, "Base", "G21")).toEqual({
      value: 78000,
      role: "calculation",
      format: "#,##0",
      formula:
        `MIN(F21,IF(Base_China_CapBasis="none",F21,IF(Base_China_CapBasis="units",Base_China_CapRatio*Base_ByteDance_DomesticUnits,` +
        `Base_China_CapRatio*IF(ISBLANK(Base_ByteDance_DomesticValue),Base_ByteDance_DomesticUnits*Base_Market_DomesticPrice,Base_ByteDance_DomesticValue)/Base_Market_H200Price)))`,
    });
  });

  test("Base!H21, ByteDance shipped: pro rata over the buyer rows of the period when demand exceeds the limit in B30", () => {
    expect(cellAt(native, "Base", "H21")).toEqual({ value: 19500, role: "output", format: "#,##0", formula: "IF(SUM($G$21:$G$24)>$B$30,G21*$B$30/SUM($G$21:$G$24),G21)" });
    expect(cellAt(native, "Base", "B30")?.formula).toBe(
      "IF(OR(ISBLANK(Base_US_ChinaCapOfUsVolume),ISBLANK(Base_US_UsShipments)),Base_Market_Supply,MIN(Base_Market_Supply,Base_US_ChinaCapOfUsVolume*Base_US_UsShipments))",
    );
  });

  test("Base: every step of a row reads the Assumptions and the step before it", () => {
    expect(cellAt(native, "Base", "B21")?.formula).toBe("Base_ByteDance_Requested");
    expect(cellAt(native, "Base", "C21")?.formula).toBe(
      "IF(AND(Base_US_ExportsAllowed,OR(NOT(Base_US_ApprovedCustomersOnly),Base_ByteDance_UsApproved)),IF(ISBLANK(Base_ByteDance_LicensedUnits),B21,MIN(B21,Base_ByteDance_LicensedUnits)),0)",
    );
    expect(cellAt(native, "Base", "D21")?.formula).toBe(
      'IF(Base_China_Access="open",C21,IF(Base_China_Access="blocked",0,C21*IF(ISBLANK(Base_ByteDance_ApprovalRate),Base_China_ApprovalRate,Base_ByteDance_ApprovalRate)))',
    );
    expect(cellAt(native, "Base", "E21")?.formula).toBe("D21*IF(ISBLANK(Base_ByteDance_OrderRate),Base_China_OrderRate,Base_ByteDance_OrderRate)");
    expect(cellAt(native, "Base", "F21")?.formula).toBe("IF(Base_China_PublicSectorBan,E21*(1-Base_ByteDance_PublicSectorShare),E21)");
    // Tencent: Beijing's approval cuts the most, the supply pro rata last (binding = the last cut, docs/model.md v2).
    expect(cellAt(native, "Base", "I23")).toMatchObject({ value: "supply", formula: expect.stringMatching(/^IF\(H23=B23,"none",IF\(H23<G23,"supply",/) });
    expect(cellAt(native, "Base", "J23")).toMatchObject({ value: "china_access", formula: expect.stringMatching(/^IF\(H23=B23,"none",IF\(B23-C23=MAX\(/) });
  });

  test("Base totals are SUMs; China revenue is baseline + IF(treatment...)", () => {
    expect(cellAt(native, "Base", "K25")).toEqual({ value: 1.62e9, role: "total", format: '$#,##0.0,,,"bn"', formula: "SUM($K$21:$K$24)" });
    expect(cellAt(native, "Base", "B33")).toEqual({ value: 4.42e9, role: "output", format: FORMATS.usdBillions, formula: 'B32+IF(Base_Market_UsShareTreatment="cost",K25,M25)' });
    expect(cellAt(native, "Base", "B34")).toMatchObject({ value: 4.42e9 / 2.8e9 - 1, format: "+0.0%;-0.0%;0.0%", formula: 'IFERROR(B33/B32-1,"n/a")' });
    expect(cellAt(native, "Base", "I16")).toMatchObject({ value: 4.42e9, formula: "B33" }); // summary row
  });

  test("Comparison: China revenue vs the latest reported quarter reads the Assumptions' latestReportedChinaRevenue (D10, by name)", () => {
    // The latest reported quarter on the customer-HQ basis: FY2027Q2, $7.88bn.
    expect(cellAt(native, "Assumptions", "D10")).toEqual({ value: 7.88e9, role: "input", format: FORMATS.usdBillions });
    expect(native.names?.find((n) => n.name === "LatestReportedChinaRevenue")).toMatchObject({ row: 10, col: 4 });
    const t = table(native, "Comparison", /^China revenue vs the latest reported quarter \(FY2027Q2, \$7\.9bn\)$/);
    const q1 = rowOf(t, "FY2027Q1");
    expect(q1[1]).toMatchObject({ value: 4.42e9 / 7.88e9 - 1, format: FORMATS.change, formula: expect.stringContaining("/LatestReportedChinaRevenue-1") });
    expect(rowOf(table(native, "Comparison", "China revenue (baseline + H200)"), "FY2027Q1")[1]).toMatchObject({ value: 4.42e9, formula: "'Base'!$I$16" });
    expect(rowOf(t, "FY2027Q2")[1]).toEqual({ value: null, role: "label" }); // Base models one quarter
  });
});

test("every buyer figure on a scenario sheet is the engine's", () => {
  inputs.forEach(({ scenario, evaluation }, s) => {
    const name = native.sheets[2 + s].name; // after Summary and Assumptions
    for (const p of evaluation.periods) {
      const t = table(native, name, `${p.period}: H200 units after each pipeline step, and money`);
      expect(t.columns.map((c) => c.header)).toEqual([
        "Buyer",
        "Requested",
        "US license",
        "China access",
        "Orders",
        "Public sector",
        "Domestic ratio",
        "Supply = shipped",
        "Binding step",
        "Largest cut",
        "Revenue",
        "US share",
        "Nvidia net",
        "H20-equivalent",
      ]);
      p.buyers.forEach((b, i) => {
        expect(t.rows[i].map((c) => c.value)).toEqual([b.name, ...STEP_IDS.map((id) => b.steps[id]), b.binding, b.largestCut, b.revenue, b.usShare, b.nvidiaNet, b.h20Equivalent]);
      });
      expect(t.rows[p.buyers.length + 1][0].value).toBe(BINDING_FOOTNOTE); // under the total row
      expect(rowOf(table(native, name, "Summary by period"), p.period)[8].value).toBe(p.totals.chinaRevenue);
    }
    expect(scenario.name).toBe(name);
  });
});

describe("cell modes", () => {
  test("values: no formula anywhere, same values", () => {
    expect(allCells(values).filter((c) => c.cell.formula !== undefined)).toEqual([]);
    expect(allCells(values).map((c) => c.cell.value)).toEqual(allCells(native).map((c) => c.cell.value));
  });

  test("native: every computed cell has a formula, inputs and labels none", () => {
    for (const { cell } of allCells(native)) {
      if (cell.role === "input" || cell.role === "label" || cell.role === "header") expect(cell.formula).toBeUndefined();
      // A total row's label ("Total", "All periods", "FY2027 total") is text in a total-styled cell.
      else if (cell.value !== null && !(typeof cell.value === "string" && /^(Total|All periods|FY\d{4} total)$/.test(cell.value))) expect(cell.formula).toBeDefined();
    }
  });

  test("live: CHIPS.H200_ALLOWED for the domestic ratio, CHIPS.US_REVENUE_SHARE for the US share, native elsewhere, and a note says so", () => {
    expect(cellAt(live, "Base", "G21")?.formula).toBe(
      'IF(Base_China_CapBasis="none",F21,MIN(F21,IF(Base_China_CapBasis="units",CHIPS.H200_ALLOWED(Base_ByteDance_DomesticUnits,Base_China_CapRatio),' +
        'IF(ISBLANK(Base_ByteDance_DomesticValue),CHIPS.H200_ALLOWED(Base_ByteDance_DomesticUnits,Base_China_CapRatio,"dollars",Base_Market_H200Price,Base_Market_DomesticPrice),' +
        'CHIPS.H200_ALLOWED(Base_ByteDance_DomesticValue,Base_China_CapRatio,"dollars",Base_Market_H200Price)))))',
    );
    expect(cellAt(live, "Base", "L21")?.formula).toBe("CHIPS.US_REVENUE_SHARE(K21,Base_US_RevenueShare)");
    const [n, l] = [allCells(native), allCells(live)];
    const differ = l.filter((c, i) => c.cell.formula !== n[i].cell.formula);
    expect(differ.length).toBeGreaterThan(0);
    expect(differ.every((c) => /CHIPS\.(H200_ALLOWED|US_REVENUE_SHARE)\(/.test(c.cell.formula ?? ""))).toBe(true);
    const notes = sheet(live, "Base").blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
    expect(notes.some((t) => t.includes("CHIPS.H200_ALLOWED") && t.includes("native formula"))).toBe(true);
  });
});

describe("sources", () => {
  const cited = table(native, "Sources", "Cited figures");
  const row = (scenario: string, field: string) => {
    const r = cited.rows.find((x) => x[0].value === scenario && x[1].value === field);
    if (!r) throw new Error(`no Sources row ${scenario} ${field}`);
    return r.map((c) => c.value);
  };

  test("the latest reported quarter comes first, with its source, date and confidence", () => {
    expect(cited.rows[0].map((c) => c.value)).toEqual(["(all)", null, LATEST_REPORTED_CHINA_REVENUE.figure, null, 7.88e9, expect.stringContaining("customer-HQ basis"), "2026-08-26", "M"]);
  });

  test("x-sources entries, wildcard entries and YAML comments all become cited figures", () => {
    expect(row("Base", "us.revenueShare").slice(4)).toEqual([0.25, expect.stringContaining("Truth Social"), "8 Dec 2025", "H"]);
    expect(row("Base", "buyers[2].requested").slice(4, 8)).toEqual([80000, expect.stringContaining("ILLUSTRATIVE split"), "31 Dec 2025", "M"]);
    expect(row("Multi-quarter", "us.revenueShare").slice(4)).toEqual([0.25, "Trump, Truth Social, 8 Dec 2025: 25% paid to the USA [H].", "8 Dec 2025", "H"]);
    expect(row("Multi-quarter", "china.approvalRate").slice(4)).toEqual([0.6, "ILLUSTRATIVE: no approval share has been reported.", null, "illustrative"]);
  });

  test("uncited inputs say where they came from on the Assumptions sheet", () => {
    const source = (title: string, field: string) => table(native, "Assumptions", `Base (examples/base.json): ${title}`).rows.find((r) => r[1].value === field)?.[5].value;
    expect(source("US policy", "us.exportsAllowed")).toBe("Scenario file examples/base.json, no source given");
    expect(source("Market", "market.domesticPrice")).toBe("Model default (the scenario does not set it)");
  });

  test("citations passed in (the future baseline data set) are listed; a different latest quarter moves the Comparison", () => {
    const report = buildReport([exampleInput("base.json")], {
      citations: [{ figure: "H20 sales to China, FY2026Q3", value: 5e7, format: FORMATS.usdBillions, source: "Reuters", date: "~2025-11-20", confidence: "M" }],
      latestReported: { ...LATEST_REPORTED_CHINA_REVENUE, period: "FY2026Q2", value: 2.77e9, figure: "derived" },
    });
    expect(table(report, "Sources", "Cited figures").rows[1].map((c) => c.value)).toEqual(["(all)", null, "H20 sales to China, FY2026Q3", null, 5e7, "Reuters", "~2025-11-20", "M"]);
    expect(rowOf(table(report, "Comparison", /latest reported quarter \(FY2026Q2/), "FY2027Q1")[1].value).toBeCloseTo(4.42 / 2.77 - 1, 12);
  });
});

describe("spreadsheet limits (a workbook that breaks them opens with a repair prompt)", () => {
  test("sheet names: at most 31 characters, none of []:*?/\\, unique", () => {
    const names = native.sheets.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  });

  test("formulas under 8,192 characters, text under 32,767, numbers finite", () => {
    for (const { cell } of allCells(live)) {
      expect((cell.formula ?? "").length).toBeLessThan(8192);
      if (typeof cell.value === "string") expect(cell.value.length).toBeLessThan(32767);
      if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
    }
  });

  test("at most one filtered table per sheet; blocks do not overlap", () => {
    for (const s of native.sheets) {
      expect(tables(s).filter((t) => t.filter).length).toBeLessThanOrEqual(1);
      let next = 2;
      for (const b of s.blocks) {
        expect(b.row).toBeGreaterThan(next - 1);
        next = b.row + (b.kind === "note" ? b.lines.length : b.rows.length + 2);
      }
    }
  });
});

test("every cell mode lays out the same cells in the same places", () => {
  const where = (r: typeof native) => allCells(r).map(({ sheet, row, col }) => `${sheet}!${row},${col}`);
  expect(where(values)).toEqual(where(native));
  expect(where(live)).toEqual(where(native));
});

test("building is deterministic: the same input gives the same report", () => {
  expect(buildReport(exampleInputs())).toEqual(native);
});
