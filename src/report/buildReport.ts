/**
 * Builds the report model from evaluated scenarios: Assumptions, one sheet per scenario,
 * Comparison, Sources, and the charts. Pure: the same input gives the same report.
 */
import { ASSUMPTIONS, assumptionsSheet } from "./assumptionsSheet";
import { reportCharts } from "./charts";
import { LATEST_REPORTED_CHINA_REVENUE } from "./citations";
import { COMPARISON, comparisonSheet } from "./comparisonSheet";
import { CellWriter } from "./formulas";
import { Report } from "./model";
import { ReportOptions, ScenarioReportInput } from "./reportInput";
import { scenarioSheet } from "./scenarioSheet";
import { sheetNames } from "./sheetNames";
import { SOURCES, sourcesSheet } from "./sourcesSheet";
import { chartFileName } from "./files";

/**
 * The report for `scenarios` (at least one).
 * @example buildReport([{ scenario, evaluation: evaluate(scenario) }]).sheets.map((s) => s.name) // returns ["Assumptions", "Base", "Comparison", "Sources"]
 */
export function buildReport(scenarios: readonly ScenarioReportInput[], options: ReportOptions = {}): Report {
  if (scenarios.length === 0) throw new Error("buildReport needs at least one scenario");
  const mode = options.mode ?? "native";
  const latest = options.latestReported ?? LATEST_REPORTED_CHINA_REVENUE;
  const writer = new CellWriter(mode);
  const assumptions = assumptionsSheet(scenarios, latest);
  const names = sheetNames(
    scenarios.map((s) => s.scenario.name),
    [ASSUMPTIONS, COMPARISON, SOURCES],
  );
  const perScenario = scenarios.map((s, i) =>
    scenarioSheet({ name: names[i], scenario: s.scenario, evaluation: s.evaluation, file: s.file, input: assumptions.inputRefs[i], writer }),
  );
  const charts = reportCharts(scenarios, latest);
  const comparison = comparisonSheet(
    scenarios.map((input, i) => ({ input, sheetName: names[i], summaryRow: perScenario[i].summaryRow })),
    latest,
    assumptions.latestReportedRef,
    writer,
    charts.map((c) => chartFileName(c)),
  );
  return {
    title: options.title ?? "Chokepoint: Nvidia's China revenue under H200 export policy",
    mode,
    sheets: [assumptions.sheet, ...perScenario.map((s) => s.sheet), comparison, sourcesSheet([latest, ...(options.citations ?? [])], assumptions.cited)],
    charts,
  };
}
