/** Custom rules in the pipeline: where they go, what they see, toggling, binding, periods. */
import { Doc, scenario } from "../../support/scenarios";
import { PIPELINE, STEP_IDS, evaluate, evaluateScenario, pipelineFor } from "../../../src/engine";

type Rule = { id: string; after: string; expression: string; enabled?: boolean; label?: string; source?: string };

const withRules = (rules: Rule[], over: Doc = {}) => scenario({ ...over, rules });
const buyer0 = (rules: Rule[], over: Doc = {}) => {
  const r = evaluateScenario(withRules(rules, over));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.value.periods[0].buyers[0];
};

describe("insertion points", () => {
  test.each(STEP_IDS.map((id) => [id]))("a rule after %s runs right after it", (after) => {
    const b = buyer0([{ id: "halve", after, expression: "units / 2" }]);
    const ids: string[] = [...STEP_IDS];
    ids.splice(ids.indexOf(after) + 1, 0, "halve");
    expect(Object.keys(b.steps)).toEqual(ids);
    expect(b.steps.halve).toBe(b.steps[after] / 2);
    expect(b.shipped).toBe(50);
    expect(b.binding).toBe("halve");
  });

  test("a rule after another rule runs right after that rule", () => {
    const b = buyer0([
      { id: "customs", after: "china_access", expression: "units * 0.8" },
      { id: "subsidy", after: "customs", expression: "min(units, 60)" },
    ]);
    expect(Object.keys(b.steps)).toEqual(["requested", "us_license", "china_access", "customs", "subsidy", "orders", "public_sector", "domestic_ratio", "supply"]);
    expect(b.steps.customs).toBe(80);
    expect(b.steps.subsidy).toBe(60);
  });

  test("rules naming the same step run in list order, each followed by the rules naming it", () => {
    const pipeline = pipelineFor(
      withRules([
        { id: "a", after: "china_access", expression: "units" },
        { id: "b", after: "china_access", expression: "units" },
        { id: "a2", after: "a", expression: "units" },
      ]),
    );
    expect(pipeline.map((s) => s.id)).toEqual(["requested", "us_license", "china_access", "a", "a2", "b", "orders", "public_sector", "domestic_ratio", "supply"]);
  });

  test("a rule after supply is a buyer step after the allocation", () => {
    const b = buyer0([{ id: "late", after: "supply", expression: "units - 10" }], { market: { supply: 40 } });
    expect(b.steps.supply).toBe(40);
    expect(b.steps.late).toBe(30);
    expect(b.shipped).toBe(30);
    expect(b.revenue).toBe(30 * 27000);
    // The rule is the last cut; supply removed the most.
    expect(b.binding).toBe("late");
    expect(b.largestCut).toBe("supply");
  });

  test("totals and outputs are computed from the quantity after the last step", () => {
    const e = evaluate(withRules([{ id: "cut", after: "domestic_ratio", expression: "units * 0.25" }]));
    expect(e.periods[0].totals.shipped).toBe(25);
    expect(e.periods[0].totals.requested).toBe(100);
    expect(e.periods[0].buyers[0].usShare).toBe(25 * 27000 * 0.25);
  });

  test("without rules the pipeline is docs/model.md's, unchanged", () => {
    expect(pipelineFor(scenario())).toBe(PIPELINE);
  });
});

describe("toggling", () => {
  const rules: Rule[] = [{ id: "customs", after: "china_access", expression: "units * 0.8" }];

  test("enabled: false leaves the rule out of the trail, and the result is as without it", () => {
    const off = evaluate(withRules([{ ...rules[0], enabled: false }]));
    expect(off).toEqual(evaluate(scenario()));
    expect(Object.keys(off.periods[0].buyers[0].steps)).not.toContain("customs");
  });

  test("enabled defaults to true and is kept on the validated rule", () => {
    const s = withRules(rules);
    expect(s.rules[0]).toEqual({ id: "customs", after: "china_access", expression: "units * 0.8", enabled: true });
    expect(buyer0(rules).steps.customs).toBe(80);
  });

  test("label and source are kept when given", () => {
    const s = withRules([{ ...rules[0], label: "Customs checks", source: "Reuters, 2026-01-14" }]);
    expect(s.rules[0]).toMatchObject({ label: "Customs checks", source: "Reuters, 2026-01-14" });
  });

  test("a rule following a disabled rule takes its place", () => {
    const b = buyer0([
      { id: "customs", after: "china_access", expression: "units * 0.8", enabled: false },
      { id: "floor", after: "customs", expression: "units - 1" },
    ]);
    expect(Object.keys(b.steps)).toEqual(["requested", "us_license", "china_access", "floor", "orders", "public_sector", "domestic_ratio", "supply"]);
    expect(b.steps.floor).toBe(99);
  });

  test("a disabled rule is still validated", () => {
    expect(() => withRules([{ id: "x", after: "china_access", expression: "units.constructor", enabled: false }])).toThrow(/rules\[0\]\.expression/);
  });
});

describe("binding", () => {
  test("a rule that removes the most units is binding", () => {
    const b = buyer0([{ id: "embargo", after: "public_sector", expression: "units * 0.1" }], {
      china: { access: "approval", approvalRate: 0.9 },
    });
    expect(b.binding).toBe("embargo");
    expect(b.shipped).toBeCloseTo(9, 12);
  });

  test("a rule that keeps the quantity binds nothing", () => {
    expect(buyer0([{ id: "noop", after: "china_access", expression: "units" }]).binding).toBe("none");
  });

  test("a built-in step that removes more than the rule stays binding", () => {
    const b = buyer0([{ id: "small", after: "requested", expression: "units - 5" }], { china: { access: "approval", approvalRate: 0.5 } });
    expect(b.binding).toBe("china_access");
  });
});

describe("policy examples", () => {
  test("customs checks cut approved volume 20% in FY2027Q1 only", () => {
    const e = evaluate(
      withRules([{ id: "customs_checks", after: "china_access", expression: "period == 0 ? units * 0.8 : units" }], {
        periods: ["FY2027Q1", "FY2027Q2"],
        china: { access: "approval", approvalRate: 0.5 },
      }),
    );
    const [q1, q2] = e.periods.map((p) => p.buyers[0]);
    expect(q1.steps.customs_checks).toBe(40);
    expect(q1.shipped).toBe(40);
    expect(q1.binding).toBe("customs_checks");
    expect(q1.largestCut).toBe("china_access");
    expect(q2.steps.customs_checks).toBe(50);
    expect(q2.shipped).toBe(50);
  });

  test("the fiscal quarter can be named instead of the index", () => {
    const e = evaluate(
      withRules([{ id: "q1_only", after: "requested", expression: "fiscalYear == 2027 and quarter == 1 ? units / 4 : units" }], {
        periods: ["FY2026Q4", "FY2027Q1"],
      }),
    );
    expect(e.periods.map((p) => p.buyers[0].shipped)).toEqual([100, 25]);
  });

  test("energy subsidies: buyers keep 1.5 domestic chips per H200", () => {
    const e = evaluate(
      withRules([{ id: "energy_subsidy", after: "domestic_ratio", expression: "min(units, domesticUnits / 1.5)" }], {
        buyers: [
          { name: "ByteDance", requested: 130000, domesticUnits: 120000 },
          { name: "Alibaba", requested: 50000, domesticUnits: 150000 },
        ],
      }),
    );
    const [bytedance, alibaba] = e.periods[0].buyers;
    expect(bytedance.steps.energy_subsidy).toBe(80000);
    expect(bytedance.shipped).toBe(80000);
    expect(bytedance.binding).toBe("energy_subsidy");
    expect(alibaba.shipped).toBe(50000);
    expect(alibaba.binding).toBe("none");
  });

  test("per-period inputs are read for the period being evaluated", () => {
    const e = evaluate(
      withRules([{ id: "share_of_supply", after: "requested", expression: "min(units, supply / buyerCount)" }], {
        periods: ["FY2027Q1", "FY2027Q2"],
        market: { supply: [60, 300] },
        buyers: [
          { name: "A", requested: [100, 100], domesticUnits: 0 },
          { name: "B", requested: [10, 200], domesticUnits: 0 },
        ],
      }),
    );
    expect(e.periods.map((p) => p.buyers.map((b) => b.steps.share_of_supply))).toEqual([
      [30, 10],
      [100, 150],
    ]);
  });

  test("booleans and enums: unapproved buyers and a blocked China", () => {
    const b = buyer0(
      [{ id: "grey_market", after: "requested", expression: "not usApproved and approvedCustomersOnly ? units * 0.5 : units" }],
      { buyers: [{ name: "A", requested: 100, domesticUnits: 0, usApproved: false }], us: { approvedCustomersOnly: false } },
    );
    expect(b.steps.grey_market).toBe(100);
    const c = buyer0([{ id: "if_blocked", after: "requested", expression: "accessBlocked ? 0 : units" }], { china: { access: "blocked" } });
    expect(c.steps.if_blocked).toBe(0);
  });

  test("resolved fields: approvalRate falls back to China's, domesticValue to units x price", () => {
    const b = buyer0([{ id: "r", after: "requested", expression: "min(units, approvalRate * 100, domesticValue / h200Price)" }], {
      china: { access: "approval", approvalRate: 0.5 },
      market: { domesticPrice: 2700 },
      buyers: [{ name: "A", requested: 100, domesticUnits: 270 }],
    });
    expect(b.steps.r).toBe(27);
  });
});
