/** The pane's state without a DOM: the form shows what the engine uses, and problems go to one field each. */
import { pathSegments } from "../support/pathSegments";
import fc from "fast-check";
import { FIELDS, Problem, Scenario, formatProblem, pathOf, problem, segmentsOf, validateScenario, valueAt } from "../../src/engine";
import { ASSUMPTIONS, BUYER_FIELDS, FieldSpec, displayOf, getAt, itemSpec, periodLayout } from "../../src/taskpane/form";
import { Json, PaneState, placeProblems, plausibilityWarnings } from "../../src/taskpane/paneState";
import { scenarioDoc } from "../support/arbitraries";
import { lawRuns } from "../support/lawRuns";

const LAW_TIMEOUT = 180_000;

/** Every field the form shows for `doc`, with the catalogue row it edits and the buyer it belongs to. */
function controls(doc: Json): { spec: FieldSpec; row: (typeof FIELDS)[number]; buyer: number }[] {
  const rowOf = (path: string) => FIELDS.find((f) => f.group !== "buyer" && pathOf(f) === path)!;
  const buyers = Array.isArray(doc.buyers) ? doc.buyers : [];
  return [
    ...ASSUMPTIONS.flatMap((g) => g.fields.map((spec) => ({ spec, row: rowOf(spec.path), buyer: 0 }))),
    ...buyers.flatMap((_, i) => BUYER_FIELDS.map((f) => ({ spec: itemSpec("buyers", i, f, `Buyer ${i + 1}`), row: FIELDS.find((r) => r.group === "buyer" && r.key === f.key)!, buyer: i }))),
  ];
}

/**
 * The form's state: what each input shows, period by period, read as a value — a ticked box,
 * a choice, the typed number, or for a blank number its placeholder (the default it takes).
 */
function formState(doc: Json): Map<string, unknown> {
  const periods = (doc.periods as string[]).length;
  const state = new Map<string, unknown>();
  for (const { spec } of controls(doc)) {
    const layout = periodLayout(getAt(doc, spec.path), periods, false);
    const shownFor = spec.perPeriod ? layout.values : [getAt(doc, spec.path)];
    shownFor.forEach((value, t) => {
      const d = displayOf(spec, value);
      const seen = "checked" in d ? d.checked : "choice" in d ? d.choice : spec.kind === "text" ? d.text : d.text !== "" ? Number(d.text) : d.placeholder !== "" ? Number(d.placeholder) : null;
      state.set(`${spec.path}@${t}`, seen);
    });
  }
  return state;
}

/** The engine's value of the control's field in period t (null where it ignores the field). */
function engineValue(s: Scenario, row: (typeof FIELDS)[number], buyer: number, t: number): unknown {
  const at = segmentsOf(row, buyer);
  const v = valueAt(s, at);
  const value = Array.isArray(v) ? v[t] : v;
  if (row.unusedWhen) {
    const sibling = valueAt(s, [...at.slice(0, -1), row.unusedWhen.key]);
    if ((Array.isArray(sibling) ? sibling[t] : sibling) === row.unusedWhen.value) return "unused";
  }
  return value === undefined ? null : value;
}

/** A valid document with some fields left out (their defaults apply) and the version-2 fields sometimes set. */
const docWithDefaults = scenarioDoc.chain((doc) => {
  const d = doc as unknown as Json;
  const optional = FIELDS.filter((f) => f.default !== undefined && f.group !== "scenario");
  const n = (d.periods as string[]).length;
  return fc
    .record({
      leaveOut: fc.subarray(optional),
      orderRate: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })), { nil: undefined }),
      capScope: fc.option(fc.constantFrom("period", "cumulative"), { nil: undefined }),
      licensed: fc.option(fc.array(fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }), { minLength: n, maxLength: n }), { nil: undefined }),
    })
    .map(({ leaveOut, orderRate, capScope, licensed }) => {
      const out = structuredClone(d) as Json;
      const china = out.china as Json;
      if (orderRate !== undefined) china.orderRate = orderRate;
      if (capScope !== undefined) (china.cap as Json).scope = capScope;
      if (licensed !== undefined) (out.buyers as Json[])[0].licensedUnits = licensed;
      for (const row of leaveOut) {
        const targets = row.group === "buyer" ? (out.buyers as Json[]) : [row.group === "cap" ? (china.cap as Json) : (out[row.group] as Json)];
        for (const t of targets) if (t) delete t[row.key];
      }
      return out;
    });
});

test(
  "law: the form shows exactly the values the engine uses, defaults included",
  () => {
    let checked = 0;
    fc.assert(
      fc.property(docWithDefaults, (doc) => {
        const r = validateScenario(doc);
        fc.pre(r.ok); // leaving out a field can make another required
        if (!r.ok) return;
        const shown = formState(doc);
        for (const { spec, row, buyer } of controls(doc)) {
          const periods = spec.perPeriod ? doc.periods as string[] : [""];
          periods.forEach((_, t) => {
            const engine = engineValue(r.value, row, buyer, t);
            if (engine === "unused") return;
            expect({ field: `${spec.path}@${t}`, shows: shown.get(`${spec.path}@${t}`) }).toEqual({ field: `${spec.path}@${t}`, shows: engine });
            checked++;
          });
        }
      }),
      lawRuns(0.5),
    );
    expect(checked).toBeGreaterThan(0);
  },
  LAW_TIMEOUT,
);

test(
  "law: form state → scenario → form state is the identity (typing back what the form shows gives the same scenario)",
  () => {
    fc.assert(
      fc.property(docWithDefaults, (doc) => {
        fc.pre(validateScenario(doc).ok);
        const before = formState(doc);
        // A fresh document with only what the form does not edit (the periods and one item per buyer), then every input typed in.
        const state = new PaneState();
        state.load({ periods: doc.periods, buyers: (doc.buyers as unknown[]).map(() => ({})) }, "test");
        for (const { spec } of controls(doc)) {
          const periods = spec.perPeriod ? (doc.periods as string[]).length : 1;
          for (let t = 0; t < periods; t++) {
            const value = getAt(doc, spec.path);
            const d = displayOf(spec, spec.perPeriod ? periodLayout(value, periods, false).values[t] : value);
            state.enter(spec, "checked" in d ? d.checked : "choice" in d ? d.choice : d.text, spec.perPeriod ? t : undefined, false);
          }
        }
        const r = validateScenario(state.doc);
        if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
        expect(formState(state.doc)).toEqual(before);
      }),
      lawRuns(0.3),
    );
  },
  LAW_TIMEOUT,
);

describe("a problem shows at one field, once", () => {
  const p = (path: string, message: string, code: Problem["code"] = "range"): Problem => problem(code, pathSegments(path), message);
  const fields = new Set(["china.approvalRate", "market.supply[0]", "market.supply[1]", "buyers[0].name"]);

  test("each problem at its field or its nearest shown parent; the rest together", () => {
    const placed = placeProblems([p("market.supply[1]", "must be at least 0"), p("buyers[0].name", "duplicate"), p("periods", "no periods")], fields);
    expect(placed.at).toEqual(new Map([["market.supply[1]", ["must be at least 0"]], ["buyers[0].name", ["duplicate"]]]));
    expect(placed.general).toEqual([p("periods", "no periods")]);
    expect(placed.first).toBe("market.supply[1]");
  });

  test("a value shown once for every period says its problem once", () => {
    const placed = placeProblems([p("china.approvalRate[0]", "must be a fraction"), p("china.approvalRate[1]", "must be a fraction")], fields);
    expect(placed.at.get("china.approvalRate")).toEqual(["must be a fraction"]);
  });

  test("no follow-on 'required' at a field whose value is there but wrong; two real problems are two messages", () => {
    const placed = placeProblems([p("china.approvalRate", "must be a fraction between 0 and 1, got 50"), p("china.approvalRate", "required when china.access is approval", "missing")], fields);
    expect(placed.at.get("china.approvalRate")).toEqual(["must be a fraction between 0 and 1, got 50"]);
    expect(placeProblems([p("china.approvalRate", "a"), p("china.approvalRate", "b", "type")], fields).at.get("china.approvalRate")).toEqual(["a", "b"]);
    expect(placeProblems([p("china.approvalRate", "required", "missing")], fields).at.get("china.approvalRate")).toEqual(["required"]);
  });
});

describe("editing through the state", () => {
  const doc = (): Json => ({
    name: "S",
    periods: ["FY2027Q1", "FY2027Q2"],
    china: { access: "open" },
    market: { h200Price: 27000, supply: 100000 },
    buyers: [{ name: "A", requested: 1000, domesticUnits: 0 }],
  });
  const price = ASSUMPTIONS.flatMap((g) => g.fields).find((f) => f.path === "market.h200Price")!;

  test("27k as the H200 price is 27000, and the engine evaluates it", () => {
    const state = new PaneState();
    state.load(doc(), "test");
    expect(state.enter(price, "27k", undefined, true)).toEqual({ kind: "value", value: 27000, reads: "27,000" });
    expect(getAt(state.doc, "market.h200Price")).toBe(27000);
    expect(state.evaluated.ok).toBe(true);
  });

  test("typing -0 keeps the last value: the summary never shows an accepted zero", () => {
    const state = new PaneState();
    state.load(doc(), "test");
    for (const text of ["-", "-0", "-0."]) expect(state.enter(price, text, undefined, true)).toEqual({ kind: "typing" });
    expect(getAt(state.doc, "market.h200Price")).toBe(27000);
    state.enter(price, "-0.1", undefined, true);
    expect(state.evaluated.ok).toBe(false);
  });

  test("a new rule's Runs after offers the built-in steps and the rules before it", () => {
    const state = new PaneState();
    state.load(doc(), "test");
    state.add("rules");
    state.add("rules");
    expect(state.ruleFields(1).find((f) => f.key === "after")?.choices).toContain("rule1");
    expect(state.ruleFields(0).find((f) => f.key === "after")?.choices).not.toContain("rule1");
    expect(state.evaluated.ok).toBe(true);
  });
});

describe("plausibility warnings show beside their field", () => {
  test("an H200 price of 27 (meant $27,000) is placed at the price, and one period's slip at that period's input", () => {
    const doc = { name: "P", periods: ["FY2027Q1", "FY2027Q2"], market: { h200Price: 27, supply: 60000 }, buyers: [{ name: "A", requested: 100, domesticUnits: 100 }] };
    const v = validateScenario(doc);
    if (!v.ok) throw new Error(v.problems.map(formatProblem).join("\n"));
    const placed = placeProblems(plausibilityWarnings(v.value), new Set(["market.h200Price"]));
    expect([...placed.at.keys()]).toEqual(["market.h200Price"]);
    expect(placed.at.get("market.h200Price")?.[0]).toMatch(/looks too small/);
    const split = validateScenario({ ...doc, market: { h200Price: [27000, 27], supply: 60000 } });
    if (!split.ok) throw new Error("invalid");
    const fields = new Set(["market.h200Price[0]", "market.h200Price[1]"]);
    expect([...placeProblems(plausibilityWarnings(split.value), fields).at.keys()]).toEqual(["market.h200Price[1]"]);
  });
});
