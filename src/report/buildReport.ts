/**
 * Builds the report model from evaluated scenarios: Summary, Assumptions, one sheet per
 * scenario, Comparison, Sensitivity, Monte Carlo, Rules, Sources, and the charts. Pure: the
 * same input gives the same report.
 */
import { assumptionsSheet } from "./assumptionsSheet";
import { CHINA_REVENUE_CHART, reportCharts, waterfallChart } from "./charts";
import { fiscalYear } from "./note/fiscalYear";
import { buildNote } from "./note/buildNote";
import { LATEST_REPORTED_CHINA_REVENUE } from "./citations";
import { comparisonSheet } from "./comparisonSheet";
import { CellWriter } from "./formulas";
import { baselineCited } from "./baselineSources";
import { Block, CellLink, Report, ReportSheet, firstDataRow } from "./model";
import { ReportOptions, ScenarioReportInput } from "./reportInput";
import { scenarioSheet } from "./scenarioSheet";
import { RESULT_SHEETS, scenarioSheetNames, sheetNames } from "./sheetNames";
import { rulesSheet } from "./rulesSheet";
import { summarySheet } from "./summarySheet";
import { SOURCES, sourcesSheet } from "./sourcesSheet";
import { chartFileName } from "./files";
import { sheetCellRef } from "./a1";
import { ChartSpec } from "./model";
import { monteCarloSheet } from "./monteCarloSheet";
import { SUMMARY_COLUMNS } from "./scenarioSheet";
import { sensitivitySheet } from "./sensitivitySheet";
import { slug } from "./text";
import { reportedSheet } from "./reportedSheet";
import { UncertaintyPlan, uncertaintyPlan } from "./uncertainty";

/**
 * The report for `scenarios` (at least one).
 * @example buildReport([{ scenario, evaluation: evaluate(scenario) }]).sheets.map((s) => s.name) // returns ["Summary", "Assumptions", "Base", "Comparison", "Reported vs modelled", "Sources"]
 */
export function buildReport(scenarios: readonly ScenarioReportInput[], options: ReportOptions = {}): Report {
  if (scenarios.length === 0) throw new Error("buildReport needs at least one scenario");
  const mode = options.mode ?? "native";
  const latest = options.latestReported ?? LATEST_REPORTED_CHINA_REVENUE;
  const writer = new CellWriter(mode);
  const assumptions = assumptionsSheet(scenarios, latest);
  const names = scenarioSheetNames(scenarios.map((s) => s.scenario));
  const charts = reportCharts(scenarios, latest);
  // charts[1 + i] is scenario i's "shipped by buyer" chart; its id already tells repeated names apart.
  const perScenario = scenarios.map((s, i) =>
    scenarioSheet({ name: names[i], scenario: s.scenario, evaluation: s.evaluation, file: s.file, input: assumptions.inputRefs[i], writer, shippedChart: charts[1 + i].id }),
  );
  const plans = scenarios.map((s) => (options.uncertainty?.include === false ? undefined : uncertaintyPlan(s.scenario, options.uncertainty)));
  const uncertain = uncertaintySheets(scenarios, plans, names, perScenario, assumptions.inputRefs, writer, charts);
  const fy = fiscalYear(scenarios.map((s) => s.scenario.periods));
  const waterfall = waterfallChart(scenarios);
  const title = options.title ?? "Chokepoint: Nvidia's China revenue under H200 export policy";
  const note = buildNote({
    title,
    scenarios,
    latest,
    plans,
    tornadoCharts: uncertain.tornadoCharts,
    revenueChart: CHINA_REVENUE_CHART,
    waterfallChart: waterfall.id,
    ...(options.weights ? { weights: options.weights } : {}),
  });
  const comparison = comparisonSheet(
    scenarios.map((input, i) => ({ input, sheetName: names[i], summaryRow: perScenario[i].summaryRow })),
    latest,
    assumptions.latestReportedRef,
    writer,
    charts.map((c) => chartFileName(c)),
  );
  const reported = reportedSheet(
    scenarios.map((input, i) => ({ input, sheetName: names[i], summaryRow: perScenario[i].summaryRow })),
    writer,
  );
  const sources = sourcesSheet(
    [latest, ...(options.citations ?? [])],
    assumptions.cited,
    baselineCited(assumptions.cited.flatMap((c) => c.facts)),
  );
  // Every cited Source cell on Assumptions links to its row on Sources.
  const links = new Map<string, CellLink>([
    [at(assumptions.latestSourceAt), { sheet: SOURCES, row: sources.citationRows[0], col: 1 }],
    // A row whose quarters cite different sources links to its first (reversed: the first set wins).
    ...assumptions.cited.map((c, i): [string, CellLink] => [at(c.at), { sheet: SOURCES, row: sources.citedRows[i], col: 1 }]).reverse(),
  ]);
  const summary = summarySheet({
    note,
    scenarios: scenarios.map((input, i) => ({ input, sheetName: names[i], summaryRow: perScenario[i].summaryRow })),
    fy,
    ...(options.weights ? { weights: options.weights } : {}),
    writer,
    revenueChart: CHINA_REVENUE_CHART,
    waterfallChart: waterfall.id,
  });
  const reportedVsModelled: ReportSheet[] = optional(reported);
  return {
    title,
    mode,
    sheets: [
      summary,
      withLinks(assumptions.sheet, links),
      ...perScenario.map((s) => s.sheet),
      comparison,
      ...uncertain.sheets,
      ...reportedVsModelled,
      ...optional(rulesSheet(scenarios.map((s) => s.scenario))),
      sources.sheet,
    ],
    charts: [...charts, ...uncertain.charts, waterfall],
    note,
    names: assumptions.names,
  };
}

/**
 * A Sensitivity and a Monte Carlo sheet per scenario with an `uncertainty` block, in scenario
 * order. Names: "Sensitivity" / "Monte Carlo" when one scenario has a block, else suffixed
 * with the scenario's name; unique against every other sheet.
 */
function uncertaintySheets(
  scenarios: readonly ScenarioReportInput[],
  plans: readonly (UncertaintyPlan | undefined)[],
  scenarioNames: readonly string[],
  perScenario: readonly { summaryRow: ReadonlyMap<string, number> }[],
  inputRefs: readonly ((path: string, period?: number) => string)[],
  writer: CellWriter,
  charts: readonly ChartSpec[],
): { sheets: ReportSheet[]; charts: ChartSpec[]; tornadoCharts: (string | undefined)[] } {
  const tornadoCharts: (string | undefined)[] = scenarios.map(() => undefined);
  const planned = scenarios
    .map((s, i) => ({ s, i, plan: plans[i] }))
    .filter((x): x is { s: ScenarioReportInput; i: number; plan: UncertaintyPlan } => x.plan !== undefined);
  if (planned.length === 0) return { sheets: [], charts: [], tornadoCharts };
  const several = planned.length > 1;
  const { sensitivity, monteCarlo } = RESULT_SHEETS;
  // With several, each is named after its scenario's sheet (shortened at a word); none takes a results sheet's or a scenario's name.
  const names = several
    ? sheetNames(
        planned.flatMap(({ i }) => [`${sensitivity} - ${scenarioNames[i]}`, `${monteCarlo} - ${scenarioNames[i]}`]),
        [...Object.values(RESULT_SHEETS), ...scenarioNames],
      )
    : [sensitivity, monteCarlo];
  const ids = new Set(charts.map((c) => c.id));
  const chartId = (scenario: string) => (stem: string) => {
    const want = `${stem}-${slug(scenario)}`;
    let id = want;
    for (let k = 2; ids.has(id); k++) id = `${want}-${k}`;
    ids.add(id);
    return id;
  };
  const sheets: ReportSheet[] = [];
  const out: ChartSpec[] = [];
  planned.forEach(({ s, i, plan }, k) => {
    const totalRow = Math.max(...perScenario[i].summaryRow.values()) + 1;
    const source = `Source: Chokepoint model (${s.file ?? s.scenario.name}), engine sensitivity and seeded simulation; inputs in the report's Assumptions.`;
    const common = { scenario: s.scenario, file: s.file, plan, writer, chartId: chartId(s.scenario.name), source };
    const sens = sensitivitySheet({
      ...common,
      name: names[2 * k],
      input: inputRefs[i],
      base: { chinaRevenue: sheetCellRef(scenarioNames[i], totalRow, SUMMARY_COLUMNS.chinaRevenue), shipped: sheetCellRef(scenarioNames[i], totalRow, SUMMARY_COLUMNS.shipped) },
    });
    const mc = monteCarloSheet({ ...common, name: names[2 * k + 1] });
    sheets.push(sens.sheet, mc.sheet);
    out.push(...sens.charts, ...mc.charts);
    // The sheet draws one tornado per TORNADO_OUTPUTS entry, China revenue first.
    if (plan.tornado && sens.charts.length > 0) tornadoCharts[i] = sens.charts[0].id;
  });
  return { sheets, charts: out, tornadoCharts };
}

const at = (c: { row: number; col: number }): string => `${c.row}:${c.col}`;
const optional = <T>(x: T | undefined): T[] => (x === undefined ? [] : [x]);

/** The sheet with `links` (keyed "row:col") set on its table cells. */
function withLinks(sheet: ReportSheet, links: ReadonlyMap<string, CellLink>): ReportSheet {
  return {
    ...sheet,
    blocks: sheet.blocks.map((b): Block => {
      if (b.kind !== "table") return b;
      const rows = b.rows.map((r, i) =>
        r.map((c, j) => {
          const link = links.get(at({ row: firstDataRow(b) + i, col: j + 1 }));
          return link ? { ...c, link } : c;
        }),
      );
      return { ...b, rows };
    }),
  };
}
