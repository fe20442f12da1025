/**
 * The taskpane's way into the report module: a scenario document in, an evaluation and a
 * report out (or located problems). A thin adapter so the UI does not depend on the
 * report builder's options beyond the cell mode and the sheets chosen.
 */
import { Evaluation, Problem, Scenario, evaluateScenario, validateScenario } from "../engine";
import { buildReport } from "../report/buildReport";
import { CellMode, Report } from "../report/model";

export type Evaluated = { ok: true; scenario: Scenario; evaluation: Evaluation } | { ok: false; problems: readonly Problem[] };

/** Validates and evaluates a scenario document (as written: JSON-shaped, possibly invalid). */
export function evaluateDocument(doc: unknown): Evaluated {
  const valid = validateScenario(doc);
  if (!valid.ok) return { ok: false, problems: valid.problems };
  const evaluated = evaluateScenario(valid.value);
  return evaluated.ok ? { ok: true, scenario: valid.value, evaluation: evaluated.value } : { ok: false, problems: evaluated.problems };
}

/** The report for one evaluated scenario, keeping only the sheets named in `sheets` (all when omitted). */
export function reportFor(e: { scenario: Scenario; evaluation: Evaluation }, mode: CellMode, sheets?: ReadonlySet<string>, file?: string): Report {
  const report = buildReport([{ scenario: e.scenario, evaluation: e.evaluation, file }], { mode });
  return sheets ? { ...report, sheets: report.sheets.filter((s) => sheets.has(s.name)) } : report;
}

/**
 * The sheet names reportFor would give, cheaply: the pane lists them on every edit, so the
 * Monte Carlo runs one iteration here (names do not depend on the count; Fill runs the real one).
 */
export function sheetNamesFor(e: { scenario: Scenario; evaluation: Evaluation }, mode: CellMode, file?: string): string[] {
  return buildReport([{ scenario: e.scenario, evaluation: e.evaluation, file }], { mode, uncertainty: { iterations: 1 } }).sheets.map((s) => s.name);
}
