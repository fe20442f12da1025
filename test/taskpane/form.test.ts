/** The assumptions form as data: its fields from the catalogue, per-period editing, and where problems show. */
import { pathSegments } from "../support/pathSegments";
import { FIELDS, RULE_FIELDS, STEP_IDS, formatProblem, pathOf, validateScenario } from "../../src/engine";
import {
  ASSUMPTIONS,
  BUYER_FIELDS,
  displayOf,
  elementPath,
  getAt,
  readInput,
  ruleFieldsOf,
  periodLayout,
  periodsOf,
  sameEveryPeriod,
  setAt,
  setPeriodValue,
  varyByPeriod,
} from "../../src/taskpane/form";
import { fieldFor } from "../../src/taskpane/paneState";

/** What the number input's text becomes in the document, committed. */
const parseInput = (kind: "number", text: string): unknown => {
  const r = readInput(kind, text, false);
  return r.kind === "value" ? r.value : "typing";
};

type Json = Record<string, unknown>;

/** A version-1 document: every value the same in all four quarters. */
const v1 = (): Json => ({
  name: "Form",
  periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"],
  china: { access: "approval", approvalRate: 0.6, cap: { basis: "units", ratio: 1 } },
  market: { h200Price: 27000, supply: 250000 },
  buyers: [{ name: "A", requested: 100000, domesticUnits: 80000 }],
});

const paths = ASSUMPTIONS.flatMap((g) => g.fields.map((f) => f.path));

test("the form offers every catalogue field, the buyers' in each buyer's group, and every rule field", () => {
  expect(paths).toEqual(FIELDS.filter((f) => f.group !== "buyer").map(pathOf));
  expect(BUYER_FIELDS.map((f) => f.key)).toEqual(FIELDS.filter((f) => f.group === "buyer").map((f) => f.key));
  // the fields once missing from the pane
  expect(paths).toEqual(expect.arrayContaining(["market.baselineChinaRevenue", "market.domesticPrice", "us.chinaCapOfUsVolume", "china.orderRate", "china.cap.scope"]));
  expect(BUYER_FIELDS.map((f) => f.key)).toEqual(expect.arrayContaining(["domesticValue", "approvalRate", "licensedUnits", "orderRate"]));
  expect(ruleFieldsOf(STEP_IDS).map((f) => f.key)).toEqual(RULE_FIELDS.map((f) => f.key));
  expect(ruleFieldsOf(STEP_IDS).find((f) => f.key === "after")).toMatchObject({ kind: "choice", choices: STEP_IDS });
  const scope = ASSUMPTIONS.flatMap((g) => g.fields).find((f) => f.path === "china.cap.scope");
  expect(scope).toMatchObject({ kind: "choice", choices: ["period", "cumulative"], perPeriod: true });
});

test("a field left out shows the engine's default: a flag ticked or not, a choice, a number as the blank input's placeholder", () => {
  const spec = (path: string) => ASSUMPTIONS.flatMap((g) => g.fields).find((f) => f.path === path)!;
  expect(displayOf(spec("us.exportsAllowed"), undefined)).toEqual({ checked: true });
  expect(displayOf(spec("china.publicSectorBan"), undefined)).toEqual({ checked: false });
  expect(displayOf(spec("china.cap.basis"), undefined)).toEqual({ choice: "none" });
  expect(displayOf(spec("china.orderRate"), undefined)).toEqual({ text: "", placeholder: "1" });
  expect(displayOf(spec("market.h200Price"), undefined)).toEqual({ text: "", placeholder: "" }); // required: no default
  expect(displayOf(spec("us.exportsAllowed"), false)).toEqual({ checked: false });
  expect(displayOf(ruleFieldsOf(STEP_IDS).find((f) => f.key === "enabled")!, undefined)).toEqual({ checked: true });
});

test("numbers typed the way analysts type them are read, and the input says how", () => {
  expect(readInput("number", "27k", false)).toEqual({ kind: "value", value: 27000, reads: "27,000" });
  expect(readInput("number", "27,000", false)).toEqual({ kind: "value", value: 27000, reads: "27,000" });
  expect(readInput("number", "$27,000", false)).toEqual({ kind: "value", value: 27000, reads: "27,000" });
  expect(readInput("number", "1.5bn", false)).toEqual({ kind: "value", value: 1.5e9, reads: "1,500,000,000" });
  expect(readInput("number", "60%", false)).toEqual({ kind: "value", value: 0.6, reads: "0.6" });
  expect(readInput("number", "27000", false)).toEqual({ kind: "value", value: 27000 }); // plain: nothing to say
  expect(readInput("number", "banana", false)).toEqual({ kind: "value", value: "banana" }); // the engine names it
  expect(readInput("number", "  ", false)).toEqual({ kind: "value", value: undefined }); // blank: the default
  expect(readInput("text", " 27k ", false)).toEqual({ kind: "value", value: "27k" });
});

test("typing -0.1 never passes through an accepted zero", () => {
  const steps = ["-", "-0", "-0.", "-0.1"].map((t) => readInput("number", t, true));
  expect(steps.slice(0, 3)).toEqual([{ kind: "typing" }, { kind: "typing" }, { kind: "typing" }]);
  expect(steps[3]).toEqual({ kind: "value", value: -0.1 });
  expect(readInput("number", "0.", true)).toEqual({ kind: "value", value: 0 }); // a zero on its way to 0.5 is still zero
  expect(readInput("number", "-0", false)).toEqual({ kind: "value", value: 0 }); // committed: it is zero
});

test("every field that may vary by period is marked so, and only those", () => {
  const perPeriod = new Map(FIELDS.map((f) => [pathOf(f), f.perPeriod]));
  for (const f of ASSUMPTIONS.flatMap((g) => g.fields)) expect({ path: f.path, perPeriod: f.perPeriod === true }).toEqual({ path: f.path, perPeriod: perPeriod.get(f.path) });
  for (const f of BUYER_FIELDS) expect({ key: f.key, perPeriod: f.perPeriod === true }).toEqual({ key: f.key, perPeriod: perPeriod.get(`buyers[i].${f.key}`) });
});

test("a field equal in every period is one input until asked to vary; a timeline shows one input per period", () => {
  expect(periodLayout(0.6, 4, false)).toEqual({ varies: false, values: [0.6, 0.6, 0.6, 0.6] });
  expect(periodLayout([0.6, 0.6, 0.6, 0.6], 4, false).varies).toBe(false);
  expect(periodLayout(0.6, 4, true).varies).toBe(true); // "Vary by period" pressed
  expect(periodLayout(["blocked", "blocked", "approval", "approval"], 4, false)).toEqual({ varies: true, values: ["blocked", "blocked", "approval", "approval"] });
  expect(periodLayout(undefined, 4, false)).toEqual({ varies: false, values: [undefined, undefined, undefined, undefined] });
  expect(periodLayout([1, 2], 4, false).varies).toBe(true); // a list of the wrong length is shown per period, to be fixed
  expect(periodLayout(0.6, 1, true).varies).toBe(false); // one period: nothing to vary
});

test("editing one period keeps the others; reading the form back gives a valid version-2 document", () => {
  const doc = v1();
  const periods = periodsOf(doc).length;
  setPeriodValue(doc, "china.access", 0, periods, "blocked");
  setPeriodValue(doc, "china.access", 1, periods, "blocked");
  setPeriodValue(doc, "china.orderRate", 2, periods, 0); // absent field: the other periods take the default
  varyByPeriod(doc, "market.supply", periods);
  setPeriodValue(doc, "market.supply", 3, periods, parseInput("number", "400000"));
  setPeriodValue(doc, "buyers[0].licensedUnits", 0, periods, 150000);
  setAt(doc, "china.cap.scope", "cumulative");
  expect(getAt(doc, "china.access")).toEqual(["blocked", "blocked", "approval", "approval"]);
  expect(getAt(doc, "china.orderRate")).toEqual([null, null, 0, null]);
  expect(getAt(doc, "market.supply")).toEqual([250000, 250000, 250000, 400000]);

  const r = validateScenario(doc);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  expect(r.value.china.access).toEqual(["blocked", "blocked", "approval", "approval"]);
  expect(r.value.china.orderRate).toEqual([1, 1, 0, 1]);
  expect(r.value.china.cap.scope).toEqual(["cumulative", "cumulative", "cumulative", "cumulative"]);
  expect(r.value.buyers[0].licensedUnits).toEqual([150000, null, null, null]);
});

test("a blank period is null (that period's default); Same every period takes the first period's value", () => {
  const doc = v1();
  setPeriodValue(doc, "china.approvalRate", 1, 4, parseInput("number", " "));
  expect(getAt(doc, "china.approvalRate")).toEqual([0.6, null, 0.6, 0.6]);
  sameEveryPeriod(doc, "china.approvalRate");
  expect(getAt(doc, "china.approvalRate")).toBe(0.6);
  setPeriodValue(doc, "china.orderRate", 2, 4, 0.5);
  sameEveryPeriod(doc, "china.orderRate"); // first period blank: the field is left out, its default again
  expect(getAt(doc, "china")).not.toHaveProperty("orderRate");
});

test("a period's problem shows at that period's input, or at the field's one input while it is not split", () => {
  const doc = v1();
  setPeriodValue(doc, "china.access", 2, 4, "paused");
  setPeriodValue(doc, "buyers[0].requested", 1, 4, -5);
  const r = validateScenario(doc);
  const problems = r.ok ? [] : r.problems.map((p) => p.path);
  expect(problems).toEqual(expect.arrayContaining(["china.access[2]", "buyers[0].requested[1]"]));

  const split = new Set([...paths, elementPath("china.access", 2), "buyers[0].requested", elementPath("buyers[0].requested", 1)]);
  expect(fieldFor({ path: "china.access[2]", at: pathSegments("china.access[2]") }, split)).toBe("china.access[2]");
  expect(fieldFor({ path: "buyers[0].requested[1]", at: pathSegments("buyers[0].requested[1]") }, split)).toBe("buyers[0].requested[1]");
  expect(fieldFor({ path: "china.approvalRate[3]", at: pathSegments("china.approvalRate[3]") }, split)).toBe("china.approvalRate"); // one input for all periods
  expect(fieldFor({ path: "market.supply", at: pathSegments("market.supply") }, split)).toBe("market.supply"); // a list of the wrong length: the field
});
