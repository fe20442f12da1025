import { evaluateScenario, formatProblem, validateScenario } from "../../src/engine";
import { buildReport } from "../../src/report";
import { RULES, rulesSheet } from "../../src/report/rulesSheet";

function scenarioWith(rules: unknown[]) {
  const r = validateScenario({
    name: "Ruled",
    periods: ["FY2027Q1"],
    market: { h200Price: 27000, supply: 1e6 },
    buyers: [{ name: "A", requested: 100, domesticUnits: 50 }],
    rules,
  });
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  const e = evaluateScenario(r.value);
  if (!e.ok) throw new Error(e.problems.map(formatProblem).join("\n"));
  return { scenario: r.value, evaluation: e.value };
}

test("a report lists every custom rule with its label, source and what the workbook does with it", () => {
  const input = scenarioWith([
    { id: "customs", after: "china_access", expression: "period == 0 ? units * 0.8 : units", label: "Customs checks cut approved volume 20%", source: "illustrative" },
    { id: "subsidy", after: "domestic_ratio", expression: "min(units, domesticUnits / 1.5)", enabled: false },
  ]);
  const report = buildReport([input]);
  const sheet = report.sheets.find((s) => s.name === RULES);
  expect(sheet).toBeDefined();
  const table = sheet!.blocks.find((b) => b.kind === "table");
  if (!table || table.kind !== "table") throw new Error("no table");
  expect(table.rows.map((r) => r.slice(0, 7).map((c) => c.value))).toEqual([
    ["Ruled", "customs", "china_access", "period == 0 ? units * 0.8 : units", "Customs checks cut approved volume 20%", "illustrative", "TRUE"],
    ["Ruled", "subsidy", "domestic_ratio", "min(units, domesticUnits / 1.5)", null, null, "FALSE"],
  ]);
  expect(report.sheets.map((s) => s.name).indexOf(RULES)).toBe(report.sheets.length - 2); // before Sources
});

test("no rules, no Rules sheet", () => {
  expect(rulesSheet([scenarioWith([]).scenario])).toBeUndefined();
  expect(buildReport([scenarioWith([])]).sheets.map((s) => s.name)).not.toContain(RULES);
});
