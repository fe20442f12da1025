/** =CHIPS.SCENARIO reads scenarios saved in the workbook (document settings) and built-in ones. */
import { BUILT_IN_SCENARIOS, evaluateScenario, scenarioMetric, serializeStoredScenarios, validateScenario } from "../../src/engine";
import { SCENARIO } from "../../src/functions/functions";
import { useSavedScenarioSource } from "../../src/functions/savedScenarios";
import { deserialize } from "../../src/taskpane/scenarioStore";
import { installCustomFunctions, single } from "../support/customFunctions";

const builtIn = BUILT_IN_SCENARIOS[0];
const evaluated = (doc: unknown) => {
  const s = validateScenario(doc);
  if (!s.ok) throw new Error("invalid");
  const e = evaluateScenario(s.value);
  if (!e.ok) throw new Error("failed");
  return e.value;
};

beforeAll(installCustomFunctions);
afterEach(() => useSavedScenarioSource(null));

test("a saved scenario's total for one period, and summed over periods", () => {
  const doc = structuredClone(builtIn.document) as unknown as { name: string };
  doc.name = "My base";
  // what the taskpane's DocumentSettingsStore writes, read back the way the shared runtime does
  const saved = serializeStoredScenarios([{ name: "My base", document: doc }]);
  useSavedScenarioSource(() => deserialize(saved));
  const e = evaluated(doc);
  const q2 = e.periods[1];
  expect(single(SCENARIO, "My base", "chinaRevenue", null, q2.period)).toBe(q2.totals.chinaRevenue);
  expect(single(SCENARIO, "My base", "shipped")).toBeCloseTo(e.periods.reduce((s, p) => s + p.totals.shipped, 0), 6);
});

test("a buyer's figure and binding step", () => {
  const e = evaluated(builtIn.document);
  const b = e.periods[0].buyers[0];
  expect(single(SCENARIO, builtIn.document.name, "shipped", b.name, e.periods[0].period)).toBeCloseTo(b.shipped, 9);
  expect(single(SCENARIO, builtIn.id, "binding", b.name, e.periods[0].period)).toBe(b.binding);
});

test("unknown names say what exists; unreadable saved data is a notice, not a crash", () => {
  useSavedScenarioSource(() => deserialize("{not json"));
  const r = single(SCENARIO, "Nope", "shipped");
  expect(r).toMatchObject({ code: "#N/A", message: expect.stringContaining("not valid JSON") });
  expect(r).toMatchObject({ message: expect.stringContaining(builtIn.document.name) });
  expect(single(SCENARIO, builtIn.id, "shiped")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("metric: must be \"requested\", \"shipped\"") });
  expect(single(SCENARIO, builtIn.id, "binding", "ByteDance")).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("binding is per period") });
});

test("scenarioMetric agrees with the evaluation for every total and period", () => {
  const e = evaluated(builtIn.document);
  for (const p of e.periods) {
    for (const m of ["shipped", "revenue", "usShare", "chinaRevenue"] as const) expect(scenarioMetric(e, m, null, p.period)).toEqual({ ok: true, value: p.totals[m] });
  }
});
