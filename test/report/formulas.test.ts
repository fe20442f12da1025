/**
 * The formulas are the engine: for any valid (model version 2) scenario, a spreadsheet engine (HyperFormula)
 * recalculating the report's formulas gets the engine's number in every computed cell. Native
 * formulas alone, and live formulas with the CHIPS functions registered.
 */
import fc from "fast-check";
import { evaluate, validateScenario } from "../../src/engine";
import { BINDING_FOOTNOTE, bindingFormula, buildReport, largestCutFormula } from "../../src/report";
import { exampleInput } from "./support/examples";
import { cellAt, table } from "./support/model";
import { recalculated, recalculationErrors } from "./support/recalc";
import { lawRuns } from "../support/lawRuns";
import { validScenarioV2 as validScenario } from "./support/scenarioDocs";

test("law: native formulas recompute the engine's numbers for any valid scenario", () => {
  fc.assert(
    fc.property(validScenario, (scenario) => {
      expect(recalculationErrors(buildReport([{ scenario, evaluation: evaluate(scenario) }]))).toEqual([]);
    }),
    lawRuns(0.6), // each case recalculates a workbook in HyperFormula
  );
});

test("law: live formulas, with the add-in's CHIPS functions, recompute the engine's numbers", () => {
  fc.assert(
    fc.property(validScenario, (scenario) => {
      expect(recalculationErrors(buildReport([{ scenario, evaluation: evaluate(scenario) }], { mode: "live" }), { chips: true })).toEqual([]);
    }),
    lawRuns(0.3), // each case recalculates a workbook in HyperFormula
  );
});

test("every example, native and live, recomputes in HyperFormula", () => {
  const inputs = ["base.json", "dollar-cap.json", "multi-quarter.yaml", "us-volume-cap.json"].map(exampleInput);
  expect(recalculationErrors(buildReport(inputs))).toEqual([]);
  expect(recalculationErrors(buildReport(inputs, { mode: "live" }), { chips: true })).toEqual([]);
});

test("a custom rule of arithmetic and min/max becomes an Excel formula; the steps after it read it", () => {
  const base = exampleInput("base.json");
  const validated = validateScenario({ ...JSON.parse(JSON.stringify(base.scenario)), rules: [{ id: "quota", after: "public_sector", expression: "min(units, 50000)" }] });
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
  const scenario = validated.value;
  const report = buildReport([{ scenario, evaluation: evaluate(scenario) }]);
  const t = table(report, "Base", /^FY2027Q1: H200 units/);
  // Version 2 puts the orders step before public_sector, so the rule's column is G (was F).
  expect(t.columns.map((c) => c.header).slice(5, 8)).toEqual(["Public sector", "Rule quota", "Domestic ratio"]);
  const row = t.row + 2; // ByteDance
  expect(cellAt(report, "Base", `G${row}`)).toMatchObject({ value: 50000, role: "calculation", format: "#,##0", formula: `MIN(F${row},50000)` });
  expect(cellAt(report, "Base", `H${row}`)?.formula).toMatch(new RegExp(`^MIN\\(G${row},`));
  expect(recalculationErrors(report)).toEqual([]);
  const notes = report.sheets[2].blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
  expect(notes.some((n) => n.includes("Custom rule quota is an Excel formula"))).toBe(true);
});

test("a rule that reads a name no cell holds (the period) falls back to values, with the reason in a note", () => {
  const base = exampleInput("base.json");
  const validated = validateScenario({ ...JSON.parse(JSON.stringify(base.scenario)), rules: [{ id: "customs", after: "china_access", expression: "period == 0 ? units * 0.8 : units" }] });
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
  const scenario = validated.value;
  const report = buildReport([{ scenario, evaluation: evaluate(scenario) }]);
  const t = table(report, "Base", /^FY2027Q1: H200 units/);
  const col = String.fromCharCode(65 + t.columns.findIndex((c) => c.header === "Rule customs"));
  const cell = cellAt(report, "Base", `${col}${t.row + 2}`);
  expect(cell?.formula).toBeUndefined();
  expect(cell?.value).toBeCloseTo(evaluate(scenario).periods[0].buyers[0].steps.customs, 9);
  expect(recalculationErrors(report)).toEqual([]);
  const notes = report.sheets[2].blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
  expect(notes.some((n) => n.includes("Custom rule customs holds the engine's values, not a formula") && n.includes("period"))).toBe(true);
});

test("bindingFormula: the last step that removed units; nothing removed is none", () => {
  expect(bindingFormula(["requested", "a", "b"], ["B1", "C1", "D1"])).toBe('IF(D1=B1,"none",IF(D1<C1,"b",IF(C1<B1,"a","none")))');
});

test("largestCutFormula: the step that removed the most; ties go to the earlier step; nothing removed is none", () => {
  expect(largestCutFormula(["requested", "a", "b"], ["B1", "C1", "D1"])).toBe('IF(D1=B1,"none",IF(B1-C1=MAX(B1-C1,C1-D1),"a","b"))');
});

test("binding and largest cut recalculate to the engine's words when they differ (access cuts most, the cap last)", () => {
  const validated = validateScenario({
    name: "Two cuts",
    periods: ["FY2027Q1"],
    china: { access: "approval", approvalRate: 0.5, cap: { basis: "units", ratio: 1 } },
    market: { h200Price: 27000, supply: 1e6 },
    buyers: [{ name: "ByteDance", requested: 100000, domesticUnits: 40000 }],
  });
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
  const scenario = validated.value;
  const buyer = evaluate(scenario).periods[0].buyers[0];
  expect([buyer.binding, buyer.largestCut]).toEqual(["domestic_ratio", "china_access"]);
  const report = buildReport([{ scenario, evaluation: evaluate(scenario) }]);
  const t = table(report, "Two cuts", /^FY2027Q1: H200 units/);
  const headers = t.columns.map((c) => c.header);
  expect(headers.slice(headers.indexOf("Binding step"), headers.indexOf("Binding step") + 2)).toEqual(["Binding step", "Largest cut"]);
  expect(t.rows[0].slice(headers.indexOf("Binding step"), headers.indexOf("Binding step") + 2).map((c) => c.value)).toEqual(["domestic_ratio", "china_access"]);
  expect(t.rows[t.rows.length - 1][0].value).toBe(BINDING_FOOTNOTE);
  expect(BINDING_FOOTNOTE).toBe(
    "Binding step: the last step that removed units — the constraint this buyer's shipments end at. Largest cut: the step that removed the most units.",
  );
  expect(recalculationErrors(report)).toEqual([]);
});

describe("editing an early quarter's input recalculates the later quarters that a cumulative limit ties to it", () => {
  type Doc = { periods: string[]; market: object; buyers: { name: string; requested: number | number[]; domesticUnits: number; licensedUnits?: number }[]; us?: object; china?: object };
  // ByteDance's requests differ by quarter, so each quarter has its own Assumptions cell (a value
  // the same in every quarter is one "All periods" cell).
  const base: Doc = {
    periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3"],
    market: { h200Price: 27000, supply: 1e6 },
    buyers: [
      { name: "ByteDance", requested: [60000, 55000, 60000], domesticUnits: 100000 },
      { name: "Alibaba", requested: 30000, domesticUnits: 100000 },
    ],
  };
  const cases: Record<string, Doc> = {
    "a cumulative domestic-ratio cap": { ...base, china: { cap: { basis: "units", ratio: 1, scope: "cumulative" } } },
    "a US licence quota": { ...base, buyers: [{ ...base.buyers[0], licensedUnits: 100000 }, base.buyers[1]] },
    "a cumulative China-to-US volume cap": { ...base, us: { chinaCapOfUsVolume: 0.5, usShipments: 150000, chinaCapScope: "cumulative" } },
  };
  const shippedAt = (report: ReturnType<typeof buildReport>, name: string, period: string, buyer: number) => {
    const t = table(report, name, `${period}: H200 units after each pipeline step, and money`);
    return { row: t.row + 2 + buyer - 1, col: t.columns.findIndex((c) => c.header === "Supply = shipped") };
  };

  for (const [what, doc] of Object.entries(cases)) {
    for (const mode of ["native", "live"] as const) {
      test(`${what} (${mode})`, () => {
        const validated = validateScenario({ name: "Cumulative", ...doc });
        if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
        const scenario = validated.value;
        const report = buildReport([{ scenario, evaluation: evaluate(scenario) }], { mode });
        // The Assumptions cell of ByteDance's FY2027Q1 request, found by its defined name.
        const input = report.names?.find((n) => n.name === "ByteDance_Requested_FY2027Q1");
        expect(input).toBeDefined();
        const hf = recalculated(report, { chips: mode === "live" });
        try {
          hf.setCellContents({ sheet: hf.getSheetId("Assumptions") as number, row: input!.row - 1, col: input!.col - 1 }, 20000);
          const edited = evaluate(valid({ name: "Cumulative", ...doc, ...editRequested(doc, 20000) }));
          const before = evaluate(scenario);
          let changed = 0;
          scenario.periods.forEach((period, t) =>
            scenario.buyers.forEach((_, b) => {
              const at = shippedAt(report, "Cumulative", period, b);
              const got = hf.getCellValue({ sheet: hf.getSheetId("Cumulative") as number, row: at.row, col: at.col });
              expect(got).toBeCloseTo(edited.periods[t].buyers[b].shipped, 6);
              if (t > 0 && edited.periods[t].buyers[b].shipped !== before.periods[t].buyers[b].shipped) changed++;
            }),
          );
          expect(changed).toBeGreaterThan(0); // a later quarter moved
        } finally {
          hf.destroy();
        }
      });
    }
  }
});

/** The document with ByteDance's first-quarter request set to `units` (the other quarters as they were). */
function editRequested(doc: { buyers: readonly { requested: number | number[] }[] }, units: number): object {
  const buyers = doc.buyers;
  return { buyers: buyers.map((b, i) => (i === 0 ? { ...b, requested: [units, ...(b.requested as number[]).slice(1)] } : b)) };
}

function valid(doc: object) {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

test("rules: a per-period name reads its period's Assumptions cell; shippedBefore and orderRate (no single cell) fall back to values", () => {
  const base = JSON.parse(JSON.stringify(exampleInput("multi-quarter.yaml").scenario));
  const withRules = valid({
    ...base,
    rules: [
      { id: "half", after: "orders", expression: "min(units, requested / 2)" },
      { id: "quota", after: "public_sector", expression: "min(units, 200000 - shippedBefore)" },
      { id: "ordered", after: "domestic_ratio", expression: "units * orderRate" },
    ],
  });
  const report = buildReport([{ scenario: withRules, evaluation: evaluate(withRules) }]);
  const name = report.sheets[2].name;
  const t = table(report, name, new RegExp(`^${withRules.periods[1]}: H200 units`));
  const col = (header: string) => t.columns.findIndex((c) => c.header === header);
  const requested = t.rows[0][col("Requested")].formula as string; // the period's requested cell
  expect(t.rows[0][col("Rule half")].formula).toBe(`MIN(${String.fromCharCode(65 + col("Orders"))}${t.row + 2},${requested}/2)`);
  expect(t.rows[0][col("Rule quota")].formula).toBeUndefined();
  expect(t.rows[0][col("Rule ordered")].formula).toBeUndefined();
  expect(recalculationErrors(report)).toEqual([]);
});
