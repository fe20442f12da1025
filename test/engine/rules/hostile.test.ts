/** Untrusted expressions: every hostile payload is rejected when the scenario loads, and nothing leaks. */
import { RuleError, Scenario, compileExpression, evaluate, evaluateScenario, validateScenario } from "../../../src/engine";
import { baseDoc, scenario } from "../../support/scenarios";
import { HOSTILE } from "./hostilePayloads";

const PROTOTYPES: readonly [string, object][] = [
  ["Object", Object.prototype],
  ["Function", Function.prototype],
  ["Array", Array.prototype],
  ["String", String.prototype],
  ["Number", Number.prototype],
  ["Boolean", Boolean.prototype],
];
const ownNames = () => PROTOTYPES.map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).sort()]);
const withRule = (expression: string) => validateScenario({ ...baseDoc(), rules: [{ id: "hostile", after: "china_access", expression }] });
// The parser loads mathjs on first use: load it now, so the timings below measure the payloads
// and the snapshot of the prototypes is taken with mathjs loaded (as it was when it loaded at import).
withRule("units");
const before = ownNames();

afterAll(() => {
  // Nothing a payload did (at validation or evaluation) touched a built-in prototype.
  expect(ownNames()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
});

test("the suite is broad: at least 30 hostile expressions", () => {
  expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
});

describe.each(HOSTILE.map(([label, expression, message]) => [label, expression, message] as const))("%s", (_label, expression, message) => {
  test("is rejected at validation with a clear message at rules[0].expression", () => {
    const started = Date.now();
    const r = withRule(expression);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.problems.filter((p) => p.path === "rules[0].expression");
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((p) => p.message).join("\n")).toMatch(message);
    // Messages never echo a long payload back.
    for (const p of r.problems) expect(p.message.length).toBeLessThan(1200);
    // Only the rule is wrong.
    expect(r.problems.every((p) => p.path.startsWith("rules[0]"))).toBe(true);
  });

  test("a scenario made in code with it gives problems, not a crash, when evaluated", () => {
    const s: Scenario = { ...scenario(), rules: [{ id: "hostile", after: "china_access", expression, enabled: true }] };
    const r = evaluateScenario(s);
    expect(r.ok).toBe(false);
    expect(() => evaluate(s)).toThrow(RuleError);
  });
});

describe("hostile ids and after targets", () => {
  const rules = (rule: Record<string, unknown>) => validateScenario({ ...baseDoc(), rules: [{ id: "ok", after: "supply", expression: "units", ...rule }] });
  const messagesAt = (r: ReturnType<typeof rules>, path: string) => (r.ok ? [] : r.problems.filter((p) => p.path === path).map((p) => p.message));

  test.each(["__proto__", "constructor", "toString", "hasOwnProperty", "none", "valueOf"])("id %s is refused", (id) => {
    expect(messagesAt(rules({ id }), "rules[0].id").join()).toMatch(/reserved|letter followed by/);
  });
  test.each(["__proto__", "constructor", "toString"])("after %s is an unknown step", (after) => {
    expect(messagesAt(rules({ after }), "rules[0].after").join()).toMatch(/unknown step/);
  });
  test("an id with markup or spaces is refused", () => {
    expect(messagesAt(rules({ id: "<script>alert(1)</script>" }), "rules[0].id").join()).toMatch(/letter followed by/);
    expect(messagesAt(rules({ id: "a b" }), "rules[0].id").join()).toMatch(/letter followed by/);
  });
  test("a long hostile id is cut short in the message", () => {
    const [message] = messagesAt(rules({ id: "x".repeat(10000) }), "rules[0].id");
    expect(message.length).toBeLessThan(200);
  });
  test("non-string fields are type problems, reported once", () => {
    const r = rules({ id: { toString: "x" }, after: ["supply"], expression: 42, enabled: "yes" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(["rules[0].after", "rules[0].enabled", "rules[0].expression", "rules[0].id"]);
  });
  test("a rule that is not an object is a type problem", () => {
    const r = validateScenario({ ...baseDoc(), rules: ["units * 0"] });
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(["rules[0]"]);
  });
});

describe("the sandbox itself", () => {
  const vocabulary = new Map([["units", "number" as const]]);

  test("every payload is rejected by compileExpression with any vocabulary", () => {
    for (const [, expression] of HOSTILE.filter(([label]) => label !== "boolean result")) {
      expect(compileExpression(expression, vocabulary).ok).toBe(false);
    }
  });

  test("non-string input is a problem, not a crash", () => {
    for (const v of [undefined, null, 42, {}, [], { toString: () => "units" }]) {
      expect(compileExpression(v as unknown as string, vocabulary).ok).toBe(false);
    }
  });

  test("at run time only the lookup is consulted, by names the expression was checked for", () => {
    const seen: string[] = [];
    const c = compileExpression("units * 2 + units", vocabulary);
    if (!c.ok) throw new Error("should compile");
    expect(c.value.run((name) => (seen.push(name), 10))).toBe(30);
    expect([...new Set(seen)]).toEqual(["units"]);
  });

  test("a normal rule still works after every payload", () => {
    expect(withRule("min(units, 50)").ok).toBe(true);
  });
});
