/** `chips evaluate`: every example runs, --json follows docs/model.md and equals the engine in-process. */
import * as fs from "fs";
import * as path from "path";
import { STEP_IDS, evaluate, formatOf, parseScenario } from "../../src/engine";
import { ROOT, chips, example } from "./chips";

const EXAMPLES = fs.readdirSync(path.join(ROOT, "examples")).filter((f) => /\.(json|ya?ml)$/.test(f));

/** The engine's evaluation of a file, round-tripped through JSON like the CLI's output. */
function inProcess(file: string): unknown {
  const parsed = parseScenario(fs.readFileSync(path.join(ROOT, file), "utf8"), formatOf(file));
  if (!parsed.ok) throw new Error(`${file} is invalid: ${JSON.stringify(parsed.problems)}`);
  return JSON.parse(JSON.stringify(evaluate(parsed.value)));
}

function jsonOf(args: string[]): any {
  const r = chips(args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

test("the examples directory holds the documented scenarios", () => {
  expect(EXAMPLES.sort()).toEqual(["base.json", "dollar-cap.json", "multi-quarter.yaml", "us-volume-cap.json"]);
});

describe.each(EXAMPLES)("examples/%s", (name) => {
  const file = example(name);

  test("evaluates as a table with exit 0 and nothing on stderr", () => {
    const r = chips(["evaluate", file]);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(r.stdout).toContain("China revenue");
  });

  test("--json prints one document with docs/model.md's fields", () => {
    const out = jsonOf(["evaluate", file, "--json"]);
    expect(typeof out.scenario).toBe("string");
    expect(out.periods.length).toBeGreaterThan(0);
    for (const p of out.periods) {
      expect(p.period).toMatch(/^FY\d{4}Q[1-4]$/);
      expect(p.buyers.length).toBeGreaterThan(0);
      for (const b of p.buyers) {
        expect(typeof b.name).toBe("string");
        for (const k of ["shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent"]) expect(Number.isFinite(b[k])).toBe(true);
        expect(["none", ...STEP_IDS]).toContain(b.binding);
        expect(Object.keys(b.steps)).toEqual([...STEP_IDS]); // in pipeline order
        expect(b.steps.supply).toBe(b.shipped);
      }
      for (const k of ["requested", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "chinaRevenue"]) {
        expect(Number.isFinite(p.totals[k])).toBe(true);
      }
    }
  });

  test("--json equals evaluate() called in-process on the same file", () => {
    expect(jsonOf(["evaluate", file, "--json"])).toEqual(inProcess(file));
  });

  test("the flag may come before the file", () => {
    expect(jsonOf(["evaluate", "--json", file])).toEqual(inProcess(file));
  });
});

describe("YAML input", () => {
  test("multi-quarter.yaml's per-period arrays reach each period", () => {
    const out = jsonOf(["evaluate", example("multi-quarter.yaml"), "--json"]);
    expect(out.periods.map((p: any) => p.period)).toEqual(["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"]);
    // Requests ramp per the file; supply [60k, 150k, 250k, 300k] caps total shipments.
    expect(out.periods.map((p: any) => p.buyers[1].steps.requested)).toEqual([100000, 110000, 120000, 130000]);
    expect(out.periods.map((p: any) => p.totals.baselineChinaRevenue)).toEqual([2.8e9, 2.9e9, 3.0e9, 3.1e9]);
    [60000, 150000, 250000, 300000].forEach((supply, t) => expect(out.periods[t].totals.shipped).toBeLessThanOrEqual(supply + 1e-6));
  });

});
