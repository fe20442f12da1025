/**
 * The Fill's report with its Monte Carlo run in the worker: the same report as reportFor builds
 * on the pane's thread, and the simulation really went to the worker.
 */
import fs from "fs";
import path from "path";
import { calcClient } from "../../src/functions/calcClient";
import { buildReport } from "../../src/report/buildReport";
import { reportSimulationSpec } from "../../src/report/uncertainty";
import { fillReport } from "../../src/taskpane/fillReport";
import { evaluateDocument, reportFor } from "../../src/taskpane/reportFor";
import { FakeCalcWorker } from "../support/calcWorker";

const DOC = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/uncertainty/monte-carlo.json"), "utf8"));

function evaluated(doc: unknown) {
  const e = evaluateDocument(doc);
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return e;
}

test("the report with the worker's simulation equals the report simulated in place", async () => {
  const e = evaluated(DOC);
  const workers: FakeCalcWorker[] = [];
  const report = await fillReport(e, "native", calcClient(() => (workers.push(new FakeCalcWorker()), workers[workers.length - 1])));
  expect(workers.flatMap((w) => w.received.map((r) => r.work.fn))).toEqual(["simulate"]);
  expect(workers[0].received[0].work.spec).toEqual((reportSimulationSpec(e.scenario) as { value: unknown }).value);
  expect(report).toEqual(reportFor(e, "native"));
  expect(report.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Monte Carlo"]));
});

test("a scenario without an uncertainty block sends nothing to the worker", async () => {
  const plain = { ...DOC };
  delete plain.uncertainty;
  const workers: FakeCalcWorker[] = [];
  const report = await fillReport(evaluated(plain), "values", calcClient(() => (workers.push(new FakeCalcWorker()), workers[workers.length - 1])));
  expect(workers).toEqual([]);
  expect(report).toEqual(reportFor(evaluated(plain), "values"));
});

test("a simulation handed in for another spec is not used: the report runs its own", () => {
  const e = evaluated(DOC);
  const spec = (reportSimulationSpec(e.scenario) as { value: { iterations: number } }).value;
  const wrong = { spec: { ...spec, iterations: 7 }, result: { ok: false as const, problems: [{ code: "unsupported" as const, path: "", message: "must not be shown" }] } };
  const report = buildReport([{ scenario: e.scenario, evaluation: e.evaluation }], { mode: "native", uncertainty: { simulated: new Map([[e.scenario, wrong as never]]) } });
  expect(report).toEqual(reportFor(e, "native"));
});
