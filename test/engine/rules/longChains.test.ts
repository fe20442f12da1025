/** Long rule lists: insertion keeps its own stack, and the documented bound on rules is enforced. */
import { MAX_RULES, PIPELINE, STEP_IDS, evaluateScenario, pipelineFor, ruleOrder, validateScenario } from "../../../src/engine";
import { Doc, baseDoc, scenario } from "../../support/scenarios";

type Rule = { id: string; after: string; expression: string; enabled: boolean };

/** `n` rules, each after the one before; the first after `supply`. */
const chain = (n: number): Rule[] => Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, after: i === 0 ? "supply" : `r${i}`, expression: "units", enabled: true }));

describe("insertion needs no call stack per rule", () => {
  test("a chain of 200,000 rules is ordered without recursion", () => {
    // Far past the ~4,500 links a recursive walk survived (Node's default stack).
    const rules = chain(200_000);
    const order = ruleOrder(rules, STEP_IDS);
    expect(order.slice(0, -1).every((o) => o.length === 0)).toBe(true);
    const last = order[order.length - 1];
    expect(last).toHaveLength(rules.length);
    expect(last.every((index, i) => index === i)).toBe(true);
  });

  test("siblings keep list order, each followed by the rules naming it", () => {
    const rules = [
      { id: "a", after: "china_access" },
      { id: "b", after: "china_access" },
      { id: "a2", after: "a" },
      { id: "a3", after: "a2" },
      { id: "b2", after: "b" },
      { id: "a1b", after: "a" },
    ];
    const ids = ruleOrder(rules, STEP_IDS).map((o) => o.map((i) => rules[i].id));
    expect(ids[STEP_IDS.indexOf("china_access")]).toEqual(["a", "a2", "a3", "a1b", "b", "b2"]);
  });

  test("a chain as long as the bound evaluates, every rule in order after supply", () => {
    const s = scenario({ rules: chain(MAX_RULES) });
    const steps = pipelineFor(s).map((st) => st.id);
    expect(steps).toEqual([...PIPELINE.map((p) => p.id), ...chain(MAX_RULES).map((r) => r.id)]);
    const r = evaluateScenario(s);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.periods[0].buyers[0].shipped).toBe(100);
  });

  test("a disabled link leaves the rules after it in place", () => {
    const rules = chain(3000).slice(0, MAX_RULES);
    rules[10] = { ...rules[10], enabled: false };
    const ids = pipelineFor(scenario({ rules })).map((st) => st.id);
    expect(ids).toHaveLength(PIPELINE.length + MAX_RULES - 1);
    expect(ids).not.toContain("r11");
    expect(ids.indexOf("r12")).toBe(ids.indexOf("r10") + 1);
  });
});

describe(`at most ${MAX_RULES} rules`, () => {
  const problems = (rules: unknown[]) => {
    const r = validateScenario({ ...baseDoc(), rules } as Doc);
    return r.ok ? [] : r.problems;
  };

  test("one rule more than the bound is one problem at rules, naming the bound", () => {
    const ps = problems(chain(MAX_RULES + 1));
    expect(ps).toEqual([{ code: "shape", at: ["rules"], path: "rules", message: `has ${MAX_RULES + 1} rules; a scenario may have at most ${MAX_RULES}` }]);
  });

  test("the fuzzer's 5,000-rule chain is refused in well under a second", () => {
    const started = Date.now();
    expect(problems(chain(5000)).map((p) => p.path)).toEqual(["rules"]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test("a scenario made in code past the bound is refused by pipelineFor too", () => {
    const s = { ...scenario(), rules: chain(MAX_RULES + 1) };
    expect(() => pipelineFor(s)).toThrow(`rules: has ${MAX_RULES + 1} rules`);
  });
});

describe("messages about many rules stay short", () => {
  test("an unknown after lists a bounded number of earlier rules, and counts the rest", () => {
    const rules = [...chain(900), { id: "lost", after: "nowhere", expression: "units" }];
    const r = validateScenario({ ...baseDoc(), rules } as Doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [p] = r.problems;
    expect(p.path).toBe("rules[900].after");
    expect(p.message).toContain("(r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, and 890 more)");
    expect(p.message.length).toBeLessThan(300);
  });

  test("N rules each with an unknown after: total message length grows linearly, not quadratically", () => {
    const rules = Array.from({ length: MAX_RULES }, (_, i) => ({ id: `r${i}`, after: `zz${i}`, expression: "units", enabled: true }));
    const r = validateScenario({ ...baseDoc(), rules } as Doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(MAX_RULES);
    expect(Math.max(...r.problems.map((p) => p.message.length))).toBeLessThan(300);
  });
});
