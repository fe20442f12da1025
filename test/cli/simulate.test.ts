/** `chips simulate` and `chips sensitivity`, in-process through main(), against the engine. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseScenario, readUncertainty, sensitivity, simulate } from "../../src/engine";
import { ROOT, chips, example } from "./chips";

const MC = example("uncertainty/monte-carlo.json");


function scenario() {
  const parsed = parseScenario(fs.readFileSync(path.join(ROOT, MC), "utf8"), "json");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

test("chips simulate is reproducible from its seed, the seed matters, and it equals the engine", () => {
  const a = chips(["simulate", MC, "--iterations", "500", "--seed", "9", "--percentiles", "5,50,95", "--json"]);
  const b = chips(["simulate", MC, "--iterations=500", "--seed=9", "--percentiles=5,50,95", "--json"]);
  const c = chips(["simulate", MC, "--iterations", "500", "--seed", "10", "--percentiles", "5,50,95", "--json"]);
  expect(a).toMatchObject({ status: 0, stderr: "" });
  expect(a.stdout).toBe(b.stdout);
  expect(c.stdout).not.toBe(a.stdout);
  const out = JSON.parse(a.stdout);
  expect(out).toMatchObject({ iterations: 500, seed: 9, mode: "fast" });
  expect(Object.keys(out.outputs[0].percentiles)).toEqual(["P5", "P50", "P95"]);
  const s = scenario();
  const spec = readUncertainty(s.uncertainty, { iterations: 500, seed: 9, percentiles: [5, 50, 95] });
  if (!spec.ok) throw new Error("spec");
  const engine = simulate(s, spec.value);
  if (!engine.ok) throw new Error("engine");
  expect(out.outputs).toEqual(JSON.parse(JSON.stringify(engine.value.outputs)));
});

test("chips simulate prints a table with one row per output; --output picks outputs", () => {
  const r = chips(["simulate", MC, "--iterations", "200", "--output", "totals.shipped", "--output", "buyers.Alibaba.revenue@FY2027Q2"]);
  expect(r).toMatchObject({ status: 0, stderr: "" });
  expect(r.stdout).toMatch(/200 iterations, seed 2026/);
  expect(r.stdout).toMatch(/^totals\.shipped +[\d,.]+/m);
  expect(r.stdout).toMatch(/^buyers\.Alibaba\.revenue@FY2027Q2 +\$/m);
});

test("chips simulate: problems are path: message lines on stderr, exit 2", () => {
  const none = chips(["simulate", example("base.json")]);
  expect(none).toMatchObject({ status: 2, stdout: "" });
  expect(none.stderr).toMatch(/^uncertainty\.inputs: needs at least one uncertain input/);
  const bad = chips(["simulate", MC, "--output", "totals.nope"]);
  expect(bad).toMatchObject({ status: 2, stdout: "" });
  expect(bad.stderr).toMatch(/^uncertainty\.outputs\[0\]: unknown metric "nope"/);
  expect(chips(["simulate", MC, "--seed", "x"]).status).toBe(2);
});

test("chips sensitivity: tornado equals the engine; grid prints a matrix", () => {
  const r = chips(["sensitivity", MC, "--input", "china.approvalRate=0.4:0.8", "--input", "market.supply=1e5:4e5", "--output", "totals.shipped", "--json"]);
  expect(r).toMatchObject({ status: 0, stderr: "" });
  const engine = sensitivity(scenario(), {
    inputs: [
      { path: "china.approvalRate", low: 0.4, high: 0.8 },
      { path: "market.supply", low: 1e5, high: 4e5 },
    ],
    outputs: ["totals.shipped"],
  });
  if (!engine.ok) throw new Error("engine");
  expect(JSON.parse(r.stdout).tornado).toEqual(JSON.parse(JSON.stringify(engine.value)));

  const g = chips(["sensitivity", MC, "--grid", "china.approvalRate=0.4,0.8", "--grid", "china.cap.basis=units,dollars", "--output", "totals.shipped"]);
  expect(g).toMatchObject({ status: 0, stderr: "" });
  expect(g.stdout).toMatch(/china\.approvalRate \\ china\.cap\.basis +units +dollars/);

  const fromFile = chips(["sensitivity", MC]);
  expect(fromFile).toMatchObject({ status: 0, stderr: "" });
  expect(fromFile.stdout).toMatch(/largest swing first/);

  const bad = chips(["sensitivity", MC, "--input", "china.approvalRate=0.4:1.4"]);
  expect(bad).toMatchObject({ status: 2, stdout: "" });
  expect(bad.stderr).toMatch(/^--input\[0\]\.high: /);
});

test("chips sensitivity: a bad output from the file is named where the file has it, not as an --output never passed", () => {
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, MC), "utf8"));
  doc.uncertainty.outputs = ["totals.chinaRevenue", "shipped:ByteDance@FY2027Q1"];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chips-outputs-")), "outputs.json");
  fs.writeFileSync(file, JSON.stringify(doc));
  const r = chips(["sensitivity", file]);
  expect(r).toMatchObject({ status: 2, stdout: "" });
  expect(r.stderr).toMatch(/^uncertainty\.outputs\[1\]: unknown output "shipped:ByteDance@FY2027Q1"/m);
  expect(r.stderr).not.toContain("--output");
  expect(chips(["sensitivity", file, "--output", "totals.nope"]).stderr).toMatch(/^--output\[0\]: unknown metric "nope"/m);
});
