import { validateScenario, withoutFollowOns } from "../../src/engine";
import { merge, baseDoc, problemsOf } from "../support/scenarios";

describe("one message per problem: a follow-on about a field that already has a problem is dropped", () => {
  test('approvalRate: 50 is "must be a fraction", not also "required when china.access is approval"', () => {
    expect(problemsOf({ china: { access: "approval", approvalRate: 50 } })).toEqual(["china.approvalRate: must be a fraction between 0 and 1 (e.g. 0.25 for 25%), got 50"]);
  });

  test("a wrong element of a list is the list's one problem", () => {
    const problems = problemsOf({ periods: ["FY2027Q1", "FY2027Q2"], china: { access: "approval", approvalRate: [50, "x"] } });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.startsWith("china.approvalRate["))).toBe(true);
  });

  test("a misspelt key is the one problem, not also its field missing", () => {
    expect(problemsOf({ china: { access: "approval", aprovalRate: 0.5 } })).toEqual(['china.aprovalRate: unknown field "aprovalRate"; did you mean "approvalRate"?']);
  });

  test("a mis-indented key is the one problem, and names the block it belongs to", () => {
    const problems = problemsOf({ china: { cap: { basis: "units" }, ratio: 1 } });
    expect(problems).toEqual(['china.ratio: unknown field "ratio"; a field of that name belongs under china.cap: check its indentation']);
  });

  test("a field really missing is still reported beside an unrelated problem", () => {
    const problems = problemsOf({ china: { access: "approval" }, market: { supply: -1 } });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^china\.approvalRate: required when/), expect.stringMatching(/^market\.supply: must be at least 0/)]));
  });

  test("law: dropping follow-ons only removes 'missing' problems and keeps the order", () => {
    const docs = [{ china: { access: "approval", approvalRate: 50 } }, { market: 5 }, { china: { aprovalRate: 1, access: "approval" }, buyers: [] }];
    for (const over of docs) {
      const r = validateScenario(merge(baseDoc(), over));
      if (r.ok) throw new Error("should fail");
      const kept = withoutFollowOns(r.problems);
      expect(withoutFollowOns(kept)).toEqual(kept);
      expect(r.problems.filter((p) => p.code !== "missing")).toEqual(kept.filter((p) => p.code !== "missing"));
    }
  });
});

describe("a key one level out of place names where it belongs", () => {
  test.each([
    [{ china: { basis: "units" } }, 'china.basis: unknown field "basis"; a field of that name belongs under china.cap: check its indentation'],
    [{ market: { access: "open" } }, 'market.access: unknown field "access"; a field of that name belongs under china: check its indentation'],
    [{ china: { market: {} } }, 'china.market: unknown field "market"; a field of that name belongs at the top level: check its indentation'],
    [{ us: { cap: {} } }, 'us.cap: unknown field "cap"; a field of that name belongs under china: check its indentation'],
    [{ market: { approvalRate: 0.5 } }, 'market.approvalRate: unknown field "approvalRate"; a field of that name belongs under china or under buyers[i]: check its indentation'],
  ])("%j", (over, expected) => {
    expect(problemsOf(over)).toContain(expected);
  });
});
