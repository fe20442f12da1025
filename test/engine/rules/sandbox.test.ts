/** The expression language: mathjs's syntax and number semantics, on an allowlist. */
import {
  FUNCTION_USAGES,
  MAX_EXPRESSION_LENGTH,
  RULE_NAMES,
  RULE_VOCABULARY,
  RuleValue,
  compileExpression,
  compileRule,
} from "../../../src/engine";

const scope: Record<string, RuleValue> = { units: 100, period: 1, usApproved: true, publicSectorBan: false, domesticUnits: 120 };
const vocabulary = new Map(Object.entries(scope).map(([k, v]) => [k, typeof v === "number" ? ("number" as const) : ("boolean" as const)]));
const run = (text: string): RuleValue => {
  const c = compileExpression(text, vocabulary);
  if (!c.ok) throw new Error(c.problems.map((p) => p.message).join("; "));
  return c.value.run((name) => scope[name]);
};

describe("operators", () => {
  test.each([
    ["units * 0.8 + 1", 81],
    ["units - 2 ^ 3", 92],
    ["-units", -100],
    ["+usApproved", 1],
    ["units / 8", 12.5],
    ["units * 80%", 80],
    ["2 units", 200],
    ["units mod 30", 10],
    ["-7 mod 3", 2],
    ["7 % 3", 1],
    ["units * usApproved", 100],
    ["(units + 20) * 0.5", 60],
  ])("%s = %p", (text, expected) => expect(run(text)).toBe(expected));

  test.each([
    ["0.1 + 0.2 == 0.3", true],
    ["units != 100", false],
    ["units > 99.9999999999999", false], // within mathjs's relative tolerance, 1e-12
    ["units > 99.99", true],
    ["units >= 100 and period < 2", true],
    ["0 <= units <= 100", true],
    ["0 <= units <= 99", false],
    ["usApproved or publicSectorBan", true],
    ["usApproved xor true", false],
    ["not publicSectorBan", true],
    ["usApproved == 1", true],
  ])("%s is %p", (text, expected) => expect(run(text)).toBe(expected));

  test("conditionals choose lazily and nest", () => {
    expect(run("period == 0 ? units * 0.8 : units")).toBe(100);
    expect(run("period == 1 ? units * 0.8 : units")).toBe(80);
    expect(run("units > 50 ? (period > 0 ? 1 : 2) : 3")).toBe(1);
    expect(run("units == 0 ? 0 : units / units")).toBe(1);
  });
});

describe("functions", () => {
  test.each([
    ["min(units, domesticUnits / 1.5)", 80],
    ["max(0, units - 150)", 0],
    ["min(3, 1, 2)", 1],
    ["clamp(units, 0, 50)", 50],
    ["abs(-units)", 100],
    ["floor(units / 3)", 33],
    ["floor(0.1 * 3 * 10)", 3],
    ["ceil(units / 3)", 34],
    ["round(2.5)", 3],
    ["round(-2.5)", -3],
    ["round(1.005, 2)", 1.01],
    ["round(units / 3, 2)", 33.33],
    ["sqrt(units)", 10],
    ["exp(0)", 1],
    ["log(100, 10)", 2],
    ["pow(2, 10)", 1024],
  ])("%s = %p", (text, expected) => expect(run(text)).toBeCloseTo(expected as number, 12));

  test("the list of functions is the allowlist", () => {
    expect(FUNCTION_USAGES.map((u) => u.split("(")[0])).toEqual(["min", "max", "clamp", "abs", "floor", "ceil", "round", "sqrt", "exp", "log", "pow"]);
  });
});

describe("compilation", () => {
  test("the result kind is known before running", () => {
    const kinds = ["units > 0", "units > 0 ? 1 : 0", "usApproved", "min(usApproved, 1)"].map((t) => {
      const c = compileExpression(t, vocabulary);
      return c.ok ? c.value.kind : "error";
    });
    expect(kinds).toEqual(["boolean", "number", "boolean", "number"]);
  });

  test("the names used are listed in order of first use", () => {
    const c = compileExpression("min(domesticUnits, units) + units * period", vocabulary);
    expect(c.ok && c.value.names).toEqual(["domesticUnits", "units", "period"]);
  });

  test("comments and whitespace are fine", () => {
    expect(run("  units * 0.5   # half, per the customs notice  ")).toBe(50);
  });

  test("an expression of exactly the maximum length is accepted", () => {
    const text = "units" + " ".repeat(MAX_EXPRESSION_LENGTH - 5);
    expect(text.length).toBe(MAX_EXPRESSION_LENGTH);
    expect(compileExpression(text, vocabulary).ok).toBe(true);
  });

  test("32 nested brackets are accepted", () => {
    expect(run("(".repeat(32) + "units" + ")".repeat(32))).toBe(100);
  });

  test("compileRule compiles each distinct text once", () => {
    expect(compileRule("units * 0.7")).toBe(compileRule("units * 0.7"));
  });

  test("a compiled rule is frozen", () => {
    const r = compileRule("units * 0.7");
    expect(Object.isFrozen(r)).toBe(true);
    if (!r.ok) throw new Error("should compile");
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.isFrozen(r.value.names)).toBe(true);
  });

  test("every rule name is in the vocabulary with its kind, and documented", () => {
    expect([...RULE_VOCABULARY.keys()]).toEqual(RULE_NAMES.map((n) => n.name));
    for (const n of RULE_NAMES) expect(n.means.length).toBeGreaterThan(5);
    expect(new Set(RULE_NAMES.map((n) => n.name)).size).toBe(RULE_NAMES.length);
  });
});
