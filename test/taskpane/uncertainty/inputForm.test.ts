/** The add-input form's data: which paths can vary, their distributions, and the form's starting values. */
import fs from "fs";
import path from "path";
import { Scenario, readDistribution, simulate, validateScenario } from "../../../src/engine";
import { describeDistribution, figure, outputLabel } from "../../../src/taskpane/uncertainty/format";
import { defaultText, distributionFromText, distributionsFor, inputPathChoices, inputProblemPath, locateInputProblem } from "../../../src/taskpane/uncertainty/inputForm";

const doc = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../examples/uncertainty/monte-carlo.json"), "utf8")) as unknown;
const valid = validateScenario(doc);
if (!valid.ok) throw new Error("example invalid");
const scenario: Scenario = valid.value;

test("every path the form offers is an input of the scenario, buyers by index and periods one by one", () => {
  const paths = inputPathChoices(scenario).map((c) => c.path);
  expect(paths).toEqual(expect.arrayContaining(["china.approvalRate", "china.cap.basis", "market.supply", "market.supply[3]", "buyers[3].requested[0]", "buyers[0].domesticUnits"]));
  expect(paths).not.toContain("us.usShipments[0]"); // not set in this scenario: only the whole field can vary
  expect(new Set(paths).size).toBe(paths.length);
});

test("every field that varies by period is offered period by period, the version-2 fields too, each with its period's value", () => {
  const choices = new Map(inputPathChoices(scenario).map((c) => [c.path, c]));
  for (const p of ["china.approvalRate[2]", "china.orderRate[2]", "china.cap.scope[1]", "china.access[3]", "us.chinaCapScope[0]", "buyers[1].publicSectorShare[3]"]) expect(choices.has(p)).toBe(true);
  expect(choices.get("china.cap.scope[1]")?.kind).toEqual({ kind: "enum", values: ["period", "cumulative"] });
  expect(choices.get("china.approvalRate[2]")?.base).toBe(scenario.china.approvalRate[2]);
  expect(choices.get("china.approvalRate")?.base).toEqual(scenario.china.approvalRate); // whole: one value per period
  // unset in every period (null: the default): only the whole field
  expect(choices.has("buyers[0].licensedUnits")).toBe(true);
  expect(choices.has("buyers[0].licensedUnits[0]")).toBe(false);
  expect(choices.get("china.approvalRate[2]")?.label).not.toBe(choices.get("china.approvalRate[1]")?.label);
});

test("the form's starting values are accepted by a run, for every path and every distribution that fits it", () => {
  const refused = new Set<string>();
  for (const c of inputPathChoices(scenario)) {
    for (const dist of distributionsFor(c.kind)) {
      const raw = distributionFromText(dist, defaultText(dist, c.kind, c.base));
      if (dist === "choice" && c.kind.kind === "number") continue; // no sensible default values for a number choice
      const d = readDistribution(raw, inputProblemPath(c.path));
      if (!d.ok) throw new Error(`${c.path} ${dist}: ${JSON.stringify(d.problems)}`);
      const r = simulate(scenario, { iterations: 1, seed: 1, inputs: [{ path: c.path, distribution: d.value }], outputs: ["totals.shipped"], percentiles: [], bins: 1 });
      if (!r.ok) {
        refused.add(c.path);
        expect(r.problems.map((p) => p.at)).toEqual([inputProblemPath(c.path)]); // shown next to the path select
      }
    }
  }
  // the one exception: a cap on US volume needs us.usShipments, which this scenario leaves unset
  expect([...refused]).toEqual(["us.chinaCapOfUsVolume"]);
});

test("text becomes the document's distribution; problems are located back to the input and parameter", () => {
  expect(distributionFromText("uniform", { min: "0.4", max: " 0.8 " })).toEqual({ dist: "uniform", min: 0.4, max: 0.8 });
  expect(distributionFromText("uniform", { min: "abc", max: "" })).toEqual({ dist: "uniform", min: "abc" });
  expect(distributionFromText("choice", { values: "units, dollars", weights: "70, 30" })).toEqual({ dist: "choice", values: ["units", "dollars"], weights: [70, 30] });
  expect(distributionFromText("choice", { values: "true,false" })).toEqual({ dist: "choice", values: [true, false] });
  expect(locateInputProblem(["uncertainty", "inputs", "buyers[0].requested[1]", "max"])).toEqual({ path: "buyers[0].requested[1]", param: "max" });
  expect(locateInputProblem(inputProblemPath("market.supply[0]"))).toEqual({ path: "market.supply[0]" });
  expect(locateInputProblem(["uncertainty", "seed"])).toBeUndefined();
});

test("numbers and distributions read as an analyst writes them", () => {
  expect(figure("totals.chinaRevenue", 28.1623e9)).toBe("$28.2bn");
  expect(figure("totals.shipped", 605993.3)).toBe("605,993");
  expect(outputLabel("totals.chinaRevenue")).toBe("China revenue, all periods");
  expect(describeDistribution({ dist: "choice", values: ["units", "dollars"], weights: [0.7, 0.3] })).toBe("one of units (70%), dollars (30%)");
  expect(describeDistribution({ dist: "normal", mean: 60000, sd: 10000, min: 40000, max: 80000 })).toBe("normal mean 60,000, sd 10,000, within 40,000 to 80,000");
  expect(describeDistribution(null)).toBe("(not a distribution)");
});
