/**
 * The Assumptions inputs' defined names: each name resolves to exactly one input cell, each input
 * cell has exactly one name, every name is valid for Excel, and the formulas read inputs through
 * them (a value written once under "All periods" is read by every period).
 */
import fc from "fast-check";
import { evaluate, validateScenario } from "../../src/engine";
import { Report, buildReport } from "../../src/report";
import { ASSUMPTIONS } from "../../src/report/assumptionsSheet";
import { isLink, namePart } from "../../src/report/definedNames";
import { lawRuns } from "../support/lawRuns";
import { builtInInputs } from "./support/builtIns";
import { exampleInputs } from "./support/examples";
import { allCells, table } from "./support/model";
import { recalculated } from "./support/recalc";
import { validScenarioV2 } from "./support/scenarioDocs";

/** Problems with a report's names, as readable lines (none when the laws hold). */
function nameProblems(report: Report): string[] {
  const problems: string[] = [];
  const names = report.names ?? [];
  const inputs = allCells(report).filter((c) => c.sheet === ASSUMPTIONS && c.cell.role === "input");
  const at = (sheet: string, row: number, col: number) => `${sheet}!R${row}C${col}`;
  const inputAt = new Set(inputs.map((c) => at(c.sheet, c.row, c.col)));
  const namesAt = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const n of names) {
    const where = at(n.sheet, n.row, n.col);
    if (!inputAt.has(where)) problems.push(`${n.name} → ${where}, not an input cell`);
    namesAt.set(where, [...(namesAt.get(where) ?? []), n.name]);
    if (seen.has(n.name.toLowerCase())) problems.push(`${n.name} defined twice (names are case-insensitive)`);
    seen.add(n.name.toLowerCase());
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(n.name) || n.name.length > 255) problems.push(`${n.name}: not a valid Excel name`);
    if (/^[A-Za-z]{1,3}\d+$/.test(n.name) || /^[Rr]\d*[Cc]?\d*$/.test(n.name)) problems.push(`${n.name} reads as a cell reference`);
  }
  for (const c of inputs) {
    const named = namesAt.get(at(c.sheet, c.row, c.col)) ?? [];
    if (named.length !== 1) problems.push(`input ${at(c.sheet, c.row, c.col)} has ${named.length} names (${named.join(", ")})`);
  }
  return problems;
}

/** Formulas that still reach into the Assumptions sheet by address instead of by name. */
const addressed = (report: Report): string[] =>
  allCells(report)
    .map((c) => c.cell.formula ?? "")
    .filter((f) => /Assumptions'?!/.test(f));

test("every defined name resolves to one input cell, and every input cell has one name (examples, built-ins)", () => {
  for (const inputs of [exampleInputs(), builtInInputs()]) {
    const report = buildReport(inputs);
    expect(report.names!.length).toBeGreaterThan(100);
    expect(nameProblems(report)).toEqual([]);
    expect(addressed(report)).toEqual([]);
  }
});

test("law: for any valid scenarios (one or several in a report), names and input cells match one to one", () => {
  fc.assert(
    fc.property(fc.array(validScenarioV2, { minLength: 1, maxLength: 3 }), (scenarios) => {
      const report = buildReport(scenarios.map((scenario) => ({ scenario, evaluation: evaluate(scenario) })));
      expect(nameProblems(report)).toEqual([]);
      expect(addressed(report)).toEqual([]);
    }),
    lawRuns(0.5),
  );
});

describe("the naming rule", () => {
  const scenario = (doc: object) => {
    const r = validateScenario({ periods: ["FY2027Q1", "FY2027Q2"], market: { h200Price: 27000, supply: [1e5, 2e5] }, ...doc });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  };
  const namesOf = (...docs: object[]) => buildReport(docs.map((d) => scenario(d)).map((s) => ({ scenario: s, evaluation: evaluate(s) }))).names!.map((n) => n.name);

  test("one scenario: Block_Field for an All periods cell, Block_Field_Period per period; buyers by name", () => {
    const names = namesOf({ name: "Base", china: { access: "approval", approvalRate: 0.6 }, buyers: [{ name: "ByteDance", requested: [100, 200], domesticUnits: 50 }] });
    expect(names).toEqual(expect.arrayContaining(["China_ApprovalRate", "China_CapBasis", "Market_Supply_FY2027Q1", "Market_Supply_FY2027Q2", "ByteDance_Requested_FY2027Q2", "ByteDance_DomesticUnits", "US_RevenueShare", "LatestReportedChinaRevenue"]));
    expect(names).not.toContain("Market_Supply");
  });

  test("several scenarios: prefixed by the scenario's name; awkward names made valid and unique", () => {
    const buyers = [
      { name: "A1", requested: 1, domesticUnits: 1 },
      { name: "China", requested: 1, domesticUnits: 1 },
      { name: "Alibaba Cloud (HK)", requested: 1, domesticUnits: 1 },
      { name: "alibaba cloud [hk]", requested: 1, domesticUnits: 1 },
    ];
    const names = namesOf({ name: "Base case", buyers }, { name: "Base-case", buyers }, { name: "2027 view", buyers });
    expect(names).toEqual(expect.arrayContaining(["Base_case_China_ApprovalRate", "Base_case_2_China_ApprovalRate", "N_2027_view_China_ApprovalRate", "Base_case_N_A1_Requested", "Base_case_China_Requested"]));
    expect(names).toEqual(expect.arrayContaining(["Base_case_Alibaba_Cloud__HK__Requested", "Base_case_alibaba_cloud__hk__Requested_2"]));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  test("namePart: letters, digits and _; a leading digit or a cell-like part is prefixed", () => {
    expect(namePart("Alibaba Cloud (HK)")).toBe("Alibaba_Cloud__HK_");
    expect(namePart("FY2027")).toBe("N_FY2027");
    expect(namePart("R1C1")).toBe("N_R1C1");
    expect(namePart("")).toBe("N_");
    expect(namePart("x".repeat(300))).toHaveLength(60);
  });

  test("isLink: a bare name or one cell of another sheet is a link; arithmetic is not", () => {
    const names = new Set(["china_approvalrate"]);
    expect(isLink("China_ApprovalRate", names)).toBe(true);
    expect(isLink("'Base'!$I$16", names)).toBe(true);
    expect(isLink("B33", names)).toBe(false);
    expect(isLink("B5*China_ApprovalRate", names)).toBe(false);
  });
});

test("a value written once under All periods is read by every period: editing it recalculates each quarter", () => {
  const s = validateScenario({
    name: "Flat",
    periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3"],
    market: { h200Price: 27000, supply: [1e6, 1e6, 1e6] },
    buyers: [{ name: "ByteDance", requested: [50000, 60000, 70000], domesticUnits: 1e6 }],
    china: { access: "approval", approvalRate: 0.5 },
  });
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  const report = buildReport([{ scenario: s.value, evaluation: evaluate(s.value) }]);
  const name = report.names!.find((n) => n.name === "China_ApprovalRate")!;
  expect(report.names!.some((n) => n.name.startsWith("China_ApprovalRate_"))).toBe(false); // one cell for all periods
  expect(report.names!.filter((n) => n.name.startsWith("ByteDance_Requested_")).map((n) => n.name)).toEqual(["ByteDance_Requested_FY2027Q1", "ByteDance_Requested_FY2027Q2", "ByteDance_Requested_FY2027Q3"]);
  const hf = recalculated(report);
  try {
    hf.setCellContents({ sheet: hf.getSheetId("Assumptions") as number, row: name.row - 1, col: name.col - 1 }, 0.25);
    ["FY2027Q1", "FY2027Q2", "FY2027Q3"].forEach((period, t) => {
      const pipe = table(report, "Flat", `${period}: H200 units after each pipeline step, and money`);
      const col = pipe.columns.findIndex((c) => c.header === "Supply = shipped");
      expect(hf.getCellValue({ sheet: hf.getSheetId("Flat") as number, row: pipe.row + 1, col })).toBeCloseTo([50000, 60000, 70000][t] * 0.25, 6);
    });
  } finally {
    hf.destroy();
  }
});
