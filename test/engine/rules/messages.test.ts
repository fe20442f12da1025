/** What a user reads when a rule is wrong: at validation, and when evaluation finds a rule misbehaving. */
import { RULE_NAMES, RuleError, STEP_IDS, evaluate, evaluateScenario, formatProblem } from "../../../src/engine";
import { Doc, problemsOf, scenario } from "../../support/scenarios";

type Rule = Record<string, unknown>;
const rule = (over: Rule = {}): Rule => ({ id: "customs", after: "china_access", expression: "units * 0.8", ...over });
const problems = (rules: Rule[], over: Doc = {}) => problemsOf({ ...over, rules });

describe("validation", () => {
  test("a valid rule list has no problems", () => {
    expect(problems([rule(), rule({ id: "subsidy", after: "customs", expression: "min(units, domesticUnits / 1.5)" })])).toEqual([]);
  });

  test("an unknown name lists the names that exist, with a suggestion", () => {
    const [p] = problems([rule({ expression: "min(units, domesticUnit / 1.5)" })]);
    expect(p).toMatch(/^rules\[0\]\.expression: unknown name "domesticUnit"; did you mean "domesticUnits"\?; the names that exist are: /);
    for (const { name } of RULE_NAMES) expect(p).toContain(name);
  });

  test("an unknown after names the steps and the earlier rules, with a suggestion", () => {
    const [p] = problems([rule(), rule({ id: "second", after: "china_acess" })]);
    expect(p).toBe(
      'rules[1].after: unknown step "china_acess"; did you mean "china_access"?; a rule follows a step (' +
        STEP_IDS.join(", ") +
        ") or a rule listed before it (customs)",
    );
  });

  test("after may not name a rule listed later, nor the rule itself", () => {
    expect(problems([rule({ id: "a", after: "b" }), rule({ id: "b" })])).toEqual([
      'rules[0].after: rule "b" is listed later; a rule can only follow a step or a rule listed before it',
    ]);
    expect(problems([rule({ after: "customs" })])).toEqual(["rules[0].after: a rule cannot follow itself; name a step or a rule listed before it"]);
  });

  test("duplicate ids", () => {
    expect(problems([rule(), rule()])).toEqual(['rules[1].id: duplicate rule id "customs"; each must be unique']);
  });

  test("an id clashing with a built-in step", () => {
    expect(problems([rule({ id: "supply", after: "requested" })])).toEqual(['rules[0].id: "supply" is a built-in step; choose another rule id']);
  });

  test("missing fields are required", () => {
    expect(problems([{}])).toEqual([
      'rules[0].id: required: the rule\'s id, e.g. "customs_check"',
      'rules[0].after: required: the step or rule it follows, e.g. "china_access"',
      'rules[0].expression: required: the new quantity, e.g. "units * 0.8"',
    ]);
  });

  test("unknown rule fields are reported like any other", () => {
    expect(problems([rule({ enable: false })])).toEqual(['rules[0].enable: unknown field "enable"; did you mean "enabled"?']);
  });

  test("a syntax error says where", () => {
    expect(problems([rule({ expression: "units * (0.8" })])[0]).toMatch(/^rules\[0\]\.expression: not a valid expression: .*char/);
  });

  test("a true/false expression is not a quantity", () => {
    expect(problems([rule({ expression: "units > 100" })])).toEqual([
      "rules[0].expression: the expression gives true/false, not a quantity; write e.g. `condition ? units : 0`",
    ]);
  });

  test("both branches of a conditional must be of one kind", () => {
    expect(problems([rule({ expression: "period == 0 ? usApproved : units" })])[0]).toMatch(/both branches/);
  });

  test("wrong argument counts say how to call the function", () => {
    expect(problems([rule({ expression: "clamp(units, 0)" })])).toEqual(["rules[0].expression: wrong number of arguments (2); write clamp(x, lo, hi)"]);
    expect(problems([rule({ expression: "min()" })])[0]).toMatch(/write min\(a, b, …\)/);
  });

  test("a name called like a function suggests multiplication", () => {
    expect(problems([rule({ expression: "units (1 - publicSectorShare)" })])).toEqual([
      'rules[0].expression: "units" is a value, not a function; to multiply, write units * (…)',
    ]);
  });

  test("several problems of one expression are all reported", () => {
    const p = problems([rule({ expression: "foo + bar * cos(units)" })]);
    expect(p).toHaveLength(3);
  });

  test("every rule of the list is checked, enabled or not", () => {
    const p = problems([rule({ expression: "nope", enabled: false }), rule({ id: "b", expression: "units.x" })]);
    expect(p.map((s) => s.split(":")[0])).toEqual(["rules[0].expression", "rules[1].expression"]);
  });

  test("rules must be a list", () => {
    expect(problems({} as unknown as Rule[])).toEqual(["rules: expected a list, got an object"]);
  });
});

describe("evaluation problems", () => {
  const evaluated = (rules: Rule[], over: Doc = {}) => evaluateScenario(scenario({ ...over, rules }));
  const messagesOf = (r: ReturnType<typeof evaluated>) => (r.ok ? [] : r.problems.map(formatProblem));

  test("a rule raising units names the rule, the buyer and the period", () => {
    expect(messagesOf(evaluated([rule({ expression: "units + 1" })]))).toEqual([
      'rules[0].expression: rule "customs" for buyer "A" in FY2027Q1 gave 101, more than the 100 units it receives; a rule may only lower or keep the quantity',
    ]);
  });

  test("evaluate throws the same problems as a RuleError", () => {
    const s = scenario({ rules: [rule({ expression: "units + 1" })] });
    expect(() => evaluate(s)).toThrow(RuleError);
    try {
      evaluate(s);
    } catch (e) {
      expect((e as RuleError).problems[0].path).toBe("rules[0].expression");
    }
  });

  test("a negative result", () => {
    expect(messagesOf(evaluated([rule({ expression: "units - 1000" })]))[0]).toMatch(/gave -900; a quantity cannot be negative$/);
  });

  test("a result that is not finite", () => {
    expect(messagesOf(evaluated([rule({ expression: "units / (period - period)" })]))[0]).toMatch(/gave Infinity, not a finite number/);
    expect(messagesOf(evaluated([rule({ expression: "sqrt(-units)" })]))[0]).toMatch(/gave NaN, not a finite number/);
  });

  test("one problem per rule, counting the other buyer-periods it failed for", () => {
    const r = evaluated([rule({ expression: "units * 2" }), rule({ id: "ok", expression: "units" }), rule({ id: "bad2", expression: "units + 5" })], {
      periods: ["FY2027Q1", "FY2027Q2"],
      buyers: [
        { name: "A", requested: 100, domesticUnits: 0 },
        { name: "B", requested: 100, domesticUnits: 0 },
      ],
    });
    const m = messagesOf(r);
    expect(m).toHaveLength(2);
    expect(m[0]).toMatch(/^rules\[0\]\.expression: rule "customs" for buyer "A" in FY2027Q1 gave 200, .* \(and 3 more buyer-periods\)$/);
    expect(m[1]).toMatch(/^rules\[2\]\.expression: rule "bad2" .* \(and 3 more buyer-periods\)$/);
  });

  test("a buyer with nothing left cannot be given more", () => {
    const m = messagesOf(evaluated([rule({ expression: "max(units, 1)" })], { china: { access: "blocked" } }));
    expect(m[0]).toMatch(/gave 1, more than the 0 units/);
  });

  test("rounding noise is not raising", () => {
    const r = evaluated([rule({ expression: "units / 3 * 3" }), rule({ id: "b", expression: "units * (1 + 1e-13)" })], {
      buyers: [{ name: "A", requested: 0.7, domesticUnits: 0 }],
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.periods[0].buyers[0].shipped).toBe(0.7);
  });

  test("reading a field the scenario leaves unset", () => {
    expect(messagesOf(evaluated([rule({ expression: "min(units, capRatio * domesticUnits)" })]))).toEqual([
      'rules[0].expression: rule "customs" for buyer "A" in FY2027Q1 failed: capRatio has no value in this scenario (china.cap.basis is "none"; set a basis and ratio)',
    ]);
  });

  test("a guarded read of an unset field is fine", () => {
    expect(evaluated([rule({ expression: "capBasisUnits ? min(units, capRatio * domesticUnits) : units" })]).ok).toBe(true);
  });

  test("a function argument out of range", () => {
    expect(messagesOf(evaluated([rule({ expression: "clamp(units, 10, 5)" })]))[0]).toMatch(/failed: clamp\(x, lo, hi\) needs lo <= hi, got lo = 10 and hi = 5/);
    expect(messagesOf(evaluated([rule({ expression: "round(units, 0.5)" })]))[0]).toMatch(/failed: round\(x, digits\) takes a whole number/);
  });

  test("a disabled misbehaving rule does not run", () => {
    expect(evaluated([rule({ expression: "units + 1", enabled: false })]).ok).toBe(true);
  });
});
