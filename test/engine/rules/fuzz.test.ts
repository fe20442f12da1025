/** Properties of custom rules over random expressions, named after the laws they check. */
import fc from "fast-check";
import { RULE_NAMES, Scenario, compileRule, evaluateScenario, validateScenario } from "../../../src/engine";
import { scenarioDoc } from "../../support/arbitraries";
import { lawRuns } from "../../support/lawRuns";

const RUNS = lawRuns(3);

/** mathjs tokens, allowed or not, so random strings often parse and reach every check. */
const TOKENS = [
  ...RULE_NAMES.map((n) => n.name),
  "min", "max", "clamp", "abs", "floor", "ceil", "round", "sqrt", "exp", "log", "pow",
  "cos", "import", "evaluate", "parse", "createUnit", "ones", "range", "matrix", "constructor", "__proto__", "toString",
  "0", "1", "0.5", "1.5", "1e9", "-1", "1e308", "NaN", "Infinity", "true", "false", "null", "undefined", "pi", "e",
  "+", "-", "*", "/", "^", "%", "mod", "!", "'", "==", "!=", "<", ">", "<=", ">=", "and", "or", "xor", "not", "?", ":", "??", "?.",
  "&", "|", "~", "<<", ">>", "to", "in", "=", ";", "\n", ",", ".", "(", ")", "[", "]", "{", "}", '"', '"x"', "#", " ",
];
const tokenString = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((ts) => ts.join(" "));
const anyString = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "binary", maxLength: 80 }), tokenString);

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeNames();
afterAll(() => {
  expect(prototypeNames()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test("compiling never throws: any text gives a Result", () => {
  fc.assert(
    fc.property(anyString, (text) => {
      const r = compileRule(text);
      expect(typeof r.ok).toBe("boolean");
      if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
    }),
    RUNS,
  );
});

test("validation and evaluation never throw: a scenario with random rules gives Results", () => {
  const afters = fc.constantFrom("requested", "us_license", "china_access", "public_sector", "domestic_ratio", "supply", "r0", "r1", "nope");
  const rules = fc.array(fc.record({ after: afters, expression: anyString, enabled: fc.boolean() }), { maxLength: 3 });
  fc.assert(
    fc.property(scenarioDoc, rules, (doc, rs) => {
      const v = validateScenario({ ...doc, rules: rs.map((r, i) => ({ id: `r${i}`, ...r })) });
      if (!v.ok) return;
      const e = evaluateScenario(v.value);
      expect(typeof e.ok).toBe("boolean");
    }),
    RUNS,
  );
});

/** Expressions that always compile: random arithmetic over the rule names. */
const numberName = fc.constantFrom(...RULE_NAMES.filter((n) => n.kind === "number").map((n) => n.name));
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    numberName,
    fc.double({ min: -10, max: 10, noNaN: true }).map((x) => `(${x})`),
    fc.tuple(tie("expr"), fc.constantFrom("+", "-", "*", "/"), tie("expr")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie("expr"), tie("expr")).map(([a, b]) => `min(${a}, ${b})`),
    fc.tuple(tie("expr"), tie("expr"), tie("expr")).map(([c, a, b]) => `(${c} > 0 ? ${a} : ${b})`),
  ),
})).expr;

/** A scenario of the arbitrary documents where every name has a value, so rules can read anything. */
const complete = scenarioDoc.map((doc) => ({
  ...doc,
  us: { ...doc.us, chinaCapOfUsVolume: doc.us.chinaCapOfUsVolume ?? 1 },
  china: { ...doc.china, cap: { ...doc.china.cap, basis: doc.china.cap.basis === "none" ? "units" : doc.china.cap.basis } },
}));

test("a rule that evaluates never raises the quantity, and its failures are problems naming it", () => {
  fc.assert(
    fc.property(complete, fc.constantFrom("requested", "china_access", "domestic_ratio", "supply"), expression, (doc, after, text) => {
      const v = validateScenario({ ...doc, rules: [{ id: "fuzz", after, expression: `min(units, ${text})` }] });
      if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
      const e = evaluateScenario(v.value);
      if (!e.ok) {
        for (const p of e.problems) expect(p.message).toMatch(/^rule "fuzz" for buyer ".*" in FY\d{4}Q[1-4] /);
        return;
      }
      for (const p of e.value.periods)
        for (const b of p.buyers) {
          const q = Object.values(b.steps);
          for (let k = 1; k < q.length; k++) expect(q[k]).toBeLessThanOrEqual(q[k - 1]);
          expect(Object.keys(b.steps)).toContain("fuzz");
        }
    }),
    RUNS,
  );
});

test("evaluation with rules is deterministic", () => {
  fc.assert(
    fc.property(complete, expression, (doc, text) => {
      const v = validateScenario({ ...doc, rules: [{ id: "fuzz", after: "public_sector", expression: `clamp(${text}, 0, units)` }] });
      if (!v.ok) return;
      const s: Scenario = v.value;
      expect(evaluateScenario(s)).toEqual(evaluateScenario(s));
    }),
    RUNS,
  );
});
