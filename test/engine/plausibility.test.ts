import { BUILT_IN_SCENARIOS, FIELDS, parseScenario, plausibilityWarnings, validateScenario } from "../../src/engine";
import * as fs from "fs";
import * as path from "path";
import { scenario } from "../support/scenarios";

const sane = { market: { h200Price: 27000, supply: 60000 } };

describe("plausibility warnings: valid values about 1,000× off", () => {
  test("a price of 27 (meant $27,000) is a warning at the field, not an error", () => {
    const w = plausibilityWarnings(scenario({ market: { h200Price: 27, supply: 60000 } }));
    expect(w).toEqual([
      {
        path: "market.h200Price",
        at: ["market", "h200Price"],
        field: "market.h200Price",
        value: 27,
        message: "27 looks too small for USD per H200 (under 1,000); check the unit: values are written in full, e.g. 27000 for $27,000 or 2.8e9 for $2.8bn",
      },
    ]);
  });

  test.each([
    ["a price over $1m", { market: { h200Price: 27e6, supply: 60000 } }, "market.h200Price", /too large/],
    ["supply over 10 million a quarter", { market: { h200Price: 27000, supply: 6e7 } }, "market.supply", /too large/],
    ["a baseline under $1m", { ...sane, market: { ...sane.market, baselineChinaRevenue: 2.8 } }, "market.baselineChinaRevenue", /too small/],
  ])("%s", (_label, over, at, words) => {
    const w = plausibilityWarnings(scenario(over));
    expect(w.map((x) => x.path)).toEqual([at]);
    expect(w[0].message).toMatch(words);
  });

  test("one period off is warned about at that period", () => {
    const w = plausibilityWarnings(scenario({ periods: ["FY2027Q1", "FY2027Q2"], market: { h200Price: [27000, 27], supply: 60000 } }));
    expect(w).toMatchObject([{ path: "market.h200Price[1]", at: ["market", "h200Price", 1], field: "market.h200Price", period: "FY2027Q2", value: 27 }]);
  });

  test("zero means none and is never implausible (no baseline, no supply)", () => {
    expect(plausibilityWarnings(scenario({ market: { h200Price: 27000, supply: 0, baselineChinaRevenue: 0 } }))).toEqual([]);
  });

  test("the ranges are the catalogue's: h200Price, supply and baselineChinaRevenue", () => {
    expect(FIELDS.filter((f) => f.plausible).map((f) => [f.key, f.plausible])).toEqual([
      ["h200Price", { lo: 1e3, hi: 1e6 }],
      ["supply", { hi: 1e7 }],
      ["baselineChinaRevenue", { lo: 1e6 }],
    ]);
  });

  test("the examples and built-in scenarios raise none", () => {
    const dir = path.join(__dirname, "../../examples");
    for (const file of ["base.json", "dollar-cap.json", "us-volume-cap.json", "multi-quarter.yaml", "uncertainty/monte-carlo.json"]) {
      const r = parseScenario(fs.readFileSync(path.join(dir, file), "utf8"), file.endsWith(".yaml") ? "yaml" : "json");
      if (!r.ok) throw new Error(file);
      expect([file, plausibilityWarnings(r.value)]).toEqual([file, []]);
    }
    for (const b of BUILT_IN_SCENARIOS) {
      const r = validateScenario(JSON.parse(JSON.stringify(b.document)));
      if (!r.ok) throw new Error(b.id);
      expect([b.id, plausibilityWarnings(r.value)]).toEqual([b.id, []]);
    }
  });
});
