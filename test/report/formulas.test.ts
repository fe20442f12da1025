/**
 * The formulas are the engine: for any valid scenario, a spreadsheet engine (HyperFormula)
 * recalculating the report's formulas gets the engine's number in every computed cell. Native
 * formulas alone, and live formulas with the CHIPS functions registered.
 */
import fc from "fast-check";
import { evaluate, validateScenario } from "../../src/engine";
import { bindingFormula, buildReport } from "../../src/report";
import { exampleInput } from "./support/examples";
import { cellAt, table } from "./support/model";
import { recalculationErrors } from "./support/recalc";
import { lawRuns } from "../support/lawRuns";

const PERIODS = ["FY2027Q1", "FY2027Q2", "FY2027Q3"];
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const units = fc.integer({ min: 0, max: 400_000 });
const usd = fc.double({ min: 0, max: 6e9, noNaN: true });

/** Scenario documents covering every branch of the pipeline; invalid combinations are dropped by validation. */
const scenarioDoc = fc.integer({ min: 1, max: 3 }).chain((n) => {
  const perPeriod = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.array(a, { minLength: n, maxLength: n }));
  return fc.record({
    name: fc.constant("Random"),
    periods: fc.constant(PERIODS.slice(0, n)),
    us: fc.record({
      exportsAllowed: fc.boolean(),
      approvedCustomersOnly: fc.boolean(),
      revenueShare: fraction,
      chinaCapOfUsVolume: fc.option(fc.double({ min: 0, max: 2, noNaN: true })),
      usShipments: perPeriod(units),
    }),
    china: fc.record({
      access: fc.constantFrom("open", "approval", "blocked"),
      approvalRate: fc.option(fraction),
      cap: fc.oneof(fc.constant({ basis: "none" }), fc.record({ basis: fc.constantFrom("units", "dollars"), ratio: fc.double({ min: 0, max: 3, noNaN: true }) })),
      publicSectorBan: fc.boolean(),
    }),
    market: fc.record({
      h200Price: fc.double({ min: 1000, max: 60000, noNaN: true }),
      domesticPrice: fc.option(fc.double({ min: 1000, max: 40000, noNaN: true })),
      supply: perPeriod(units),
      h20Multiple: fc.double({ min: 0, max: 10, noNaN: true }),
      baselineChinaRevenue: perPeriod(usd),
      usShareTreatment: fc.constantFrom("cost", "contra-revenue"),
    }),
    buyers: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("ByteDance", "Alibaba", "Tencent", "Baidu", "Others"),
        requested: perPeriod(units),
        domesticUnits: units,
        domesticValue: fc.option(usd),
        publicSectorShare: fraction,
        usApproved: fc.boolean(),
        approvalRate: fc.option(fraction),
      }),
      { minLength: 1, maxLength: 4, selector: (b) => b.name },
    ),
  });
});

const validScenario = scenarioDoc.map((doc) => validateScenario(doc)).filter((r) => r.ok).map((r) => (r.ok ? r.value : (undefined as never)));

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
  expect(t.columns.map((c) => c.header).slice(4, 7)).toEqual(["Public sector", "Rule quota", "Domestic ratio"]);
  const row = t.row + 2; // ByteDance
  expect(cellAt(report, "Base", `F${row}`)).toMatchObject({ value: 50000, role: "calculation", format: "#,##0", formula: `MIN(E${row},50000)` });
  expect(cellAt(report, "Base", `G${row}`)?.formula).toMatch(new RegExp(`^MIN\\(F${row},`));
  expect(recalculationErrors(report)).toEqual([]);
  const notes = report.sheets[1].blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
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
  const notes = report.sheets[1].blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
  expect(notes.some((n) => n.includes("Custom rule customs holds the engine's values, not a formula") && n.includes("period"))).toBe(true);
});

test("bindingFormula: ties go to the earlier step; nothing removed is none", () => {
  expect(bindingFormula(["requested", "a", "b"], ["B1", "C1", "D1"])).toBe('IF(D1=B1,"none",IF(B1-C1=MAX(B1-C1,C1-D1),"a","b"))');
});
