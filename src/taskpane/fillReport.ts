/**
 * The report a Fill writes, with its Monte Carlo run in the simulation worker (the same
 * CalcRequest the CHIPS functions send) rather than on the pane's thread; the tornado and the
 * grid (a few dozen evaluations) are computed in place by the report builder as before.
 */
import { Evaluation, Result, Scenario } from "../engine";
import { buildReport } from "../report/buildReport";
import { CellMode, Report } from "../report/model";
import { ReportSimulation, reportSimulationSpec } from "../report/uncertainty";
import { CalcClient } from "../functions/calcClient";
import { reportFor } from "./reportFor";

/**
 * reportFor's report, its simulation run by `client` (none: in place, as reportFor does).
 * @example (await fillReport(evaluated, "native", calcClient(calcWorker))).sheets.map((s) => s.name) // returns reportFor(evaluated, "native").sheets.map((s) => s.name) — the same report as reportFor's
 */
export async function fillReport(e: { scenario: Scenario; evaluation: Evaluation }, mode: CellMode, client?: CalcClient, file?: string): Promise<Report> {
  const spec = reportSimulationSpec(e.scenario);
  if (!client || !spec?.ok) return reportFor(e, mode, undefined, file);
  const result = (await client.submit({ fn: "simulate", scenario: e.scenario, spec: spec.value }).answer) as Result<ReportSimulation>;
  return buildReport([{ scenario: e.scenario, evaluation: e.evaluation, file }], { mode, uncertainty: { simulated: new Map([[e.scenario, { spec: spec.value, result }]]) } });
}
