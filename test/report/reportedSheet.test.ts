/** The Reported vs modelled sheet: modelled China revenue linked to its scenario sheet, against Nvidia's reported figure, on a named basis. */
import { reportedVsModelled } from "../../src/engine";
import { FORMATS, buildReport } from "../../src/report";
import { recalculationErrors } from "./support/recalc";
import { builtInInputs } from "./support/builtIns";
import { exampleInputs } from "./support/examples";
import { rowOf, table } from "./support/model";

const builtIns = builtInInputs();
const report = buildReport(builtIns);

test("the built-ins' December 2025 view: FY2027Q1 and FY2027Q2 modelled against reported, on the customer-HQ basis, the gap a formula", () => {
  const sheet = report.sheets.find((s) => s.name === "Reported vs modelled")!;
  expect(sheet).toBeDefined();
  // Just before Sources.
  expect(report.sheets[report.sheets.indexOf(sheet) + 1].name).toBe("Sources");
  const t = table(report, "Reported vs modelled", "China revenue: modelled against reported");
  expect(t.columns.map((c) => c.header)).toEqual(["Scenario", "Quarter", "Modelled China revenue", "Reported (customer-HQ basis)", "Gap (modelled − reported)", "Source"]);
  const december = builtIns.find((s) => s.scenario.name === "December 2025 view")!;
  const expected = reportedVsModelled(december.scenario, december.evaluation, "hq");
  expect(t.rows.map((r) => r[1].value)).toEqual(["FY2027Q1", "FY2027Q2"]);
  t.rows.forEach((r, i) => {
    expect(r[2]).toMatchObject({ value: expected[i].modelled, format: FORMATS.usdBillions, formula: expect.stringMatching(/^'December 2025 view'!\$I\$\d+$/) });
    expect(r[3]).toMatchObject({ value: expected[i].reported, role: "input" });
    expect(r[4]).toMatchObject({ value: expected[i].gap, formula: expect.stringMatching(/^C\d+-D\d+$/) });
    expect(r[5].value).toMatch(/customer-HQ basis/);
  });
  expect(rowOf(t, "December 2025 view")[3].value).toBe(4.55e9);
});

test("its formulas recompute to the engine's numbers (HyperFormula)", () => {
  expect(recalculationErrors(report)).toEqual([]);
});

test("a report whose scenarios model no reported quarter has no such sheet", () => {
  const forward = builtIns.filter((s) => s.scenario.periods.every((p) => p >= "FY2027Q3"));
  expect(buildReport(forward).sheets.map((s) => s.name)).not.toContain("Reported vs modelled");
  expect(buildReport(exampleInputs().filter((s) => s.scenario.periods.every((p) => p >= "FY2027Q3"))).sheets.map((s) => s.name)).not.toContain("Reported vs modelled");
});
