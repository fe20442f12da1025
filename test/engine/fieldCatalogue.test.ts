/**
 * One row of the field catalogue is all a new input needs: a fixture field added to the
 * catalogue alone is validated, in the JSON Schema and the docs check, on the Assumptions
 * sheet, in the pane form and among the uncertainty inputs.
 */
import * as fs from "fs";
import * as path from "path";
import { FIELDS, FieldRow, fieldTable, resolveInput, inputPaths, scenarioSchema, validateScenario, withFieldTable, workingCopy, formatProblem, pathOf } from "../../src/engine";
import { scenarioInputs } from "../../src/report";
import { assumptionsOf } from "../../src/taskpane/form";

const FIXTURE: FieldRow = {
  group: "market",
  key: "yuanPerDollar",
  kind: "ratio",
  default: 7.1,
  perPeriod: true,
  what: "yuan per US dollar",
  label: "Yuan per US dollar",
  format: "ratio",
  help: "the exchange rate buyers pay at (fixture)",
  step: "outputs",
  pane: true,
};
const fields = [...FIELDS, FIXTURE];
const doc = (market: Record<string, unknown> = {}) => ({
  name: "T",
  periods: ["FY2027Q1", "FY2027Q2"],
  market: { h200Price: 27000, supply: 1000, ...market },
  buyers: [{ name: "A", requested: 100, domesticUnits: 50 }],
});
const valid = (d: unknown) => {
  const r = validateScenario(d, fields);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r.value;
};

test("it is validated: its default applied per period, its bounds and kind checked, its path named", () => {
  expect((valid(doc()).market as unknown as Record<string, unknown>).yuanPerDollar).toEqual([7.1, 7.1]);
  expect((valid(doc({ yuanPerDollar: [7, 7.2] })).market as unknown as Record<string, unknown>).yuanPerDollar).toEqual([7, 7.2]);
  const bad = validateScenario(doc({ yuanPerDollar: -1 }), fields);
  expect(bad.ok ? [] : bad.problems.map(formatProblem)).toEqual(["market.yuanPerDollar: must be at least 0, got -1"]);
  const text = validateScenario(doc({ yuanPerDollar: [7, "7.2"] }), fields);
  expect(text.ok ? [] : text.problems.map(formatProblem)).toEqual([
    'market.yuanPerDollar[1]: expected a number (yuan per US dollar), got "7.2"; write plain numbers such as 3e9, not text such as "3bn"',
  ]);
  // Without the row the field is unknown, as any typo is.
  const without = validateScenario(doc({ yuanPerDollar: 7 }));
  expect(without.ok ? [] : without.problems.map((p) => p.code)).toEqual(["unknown"]);
});

test("it is in the JSON Schema, with its label, help and default", () => {
  const market = (scenarioSchema(fields).properties as Record<string, { properties: Record<string, Record<string, unknown>> }>).market;
  expect(market.properties.yuanPerDollar).toMatchObject({ title: "Yuan per US dollar", default: 7.1 });
  expect(String(market.properties.yuanPerDollar.description)).toContain("The exchange rate buyers pay at");
  expect((scenarioSchema().properties as Record<string, { properties: Record<string, unknown> }>).market.properties.yuanPerDollar).toBeUndefined();
});

test("the docs check sees it: the generated table gains its row and the page no longer matches", () => {
  expect(fieldTable(fields)).toContain("| `market.yuanPerDollar` | Yuan per US dollar | the exchange rate buyers pay at (fixture) | `7.1` | ≥ 0; one value or one per period |");
  const page = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "scenario-format.md"), "utf8");
  expect(withFieldTable(page, fields)).not.toBe(page);
});

test("it is on the Assumptions sheet, one row per period with its label and format", () => {
  const rows = scenarioInputs(valid(doc({ yuanPerDollar: [7, 7.2] })), fields).filter((i) => i.path === "market.yuanPerDollar");
  expect(rows).toEqual([
    { path: "market.yuanPerDollar", label: "Yuan per US dollar", period: 0, value: 7, format: "0.00" },
    { path: "market.yuanPerDollar", label: "Yuan per US dollar", period: 1, value: 7.2, format: "0.00" },
  ]);
});

test("it is in the pane form, as a per-period field under its group", () => {
  const market = assumptionsOf(fields).find((g) => g.legend === "Market");
  expect(market?.fields.find((f) => f.path === "market.yuanPerDollar")).toMatchObject({ label: "Yuan per US dollar", kind: "number", perPeriod: true });
  expect(assumptionsOf().flatMap((g) => g.fields.map((f) => f.path))).not.toContain("market.yuanPerDollar");
});

test("it is an uncertainty input: resolved, range-checked and written per period", () => {
  expect(inputPaths(fields)).toContain("market.yuanPerDollar[t]");
  const s = valid(doc());
  const slot = resolveInput(s, "market.yuanPerDollar[1]", fields);
  if (typeof slot === "string") throw new Error(slot);
  expect(slot.check(-1)).toBe("must be at least 0, got -1");
  const work = workingCopy(s, fields);
  slot.set(work, 8);
  expect(slot.get(work)).toBe(8);
  expect((s.market as unknown as Record<string, number[]>).yuanPerDollar).toEqual([7.1, 7.1]);
  expect(typeof resolveInput(s, "market.yuanPerDollar")).toBe("string");
});

test("every catalogue row has a label, help and message words, and paths are unique", () => {
  for (const row of FIELDS) expect({ path: pathOf(row), label: row.label.length > 0, help: row.help.length > 0, what: row.what.length > 0 }).toEqual({ path: pathOf(row), label: true, help: true, what: true });
  expect(new Set(FIELDS.map(pathOf)).size).toBe(FIELDS.length);
});
