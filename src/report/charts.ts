/** The charts for notes: China revenue by quarter per scenario, and shipped units by buyer. */
import { LatestReported, citationLine } from "./citations";
import { FORMATS, display } from "./formats";
import { CellArea, ChartSpec } from "./model";
import { ScenarioReportInput } from "./reportInput";
import { slug } from "./text";
import { fiscalYear } from "./note/fiscalYear";
import { removedBySteps, stepHeading } from "./note/waterfall";

/** Every period of any scenario, in order (FY labels sort as text). */
export const allPeriods = (scenarios: readonly ScenarioReportInput[]): string[] => [...new Set(scenarios.flatMap((s) => s.scenario.periods))].sort();

/** The id of the China revenue chart, drawn beside the Comparison sheet's China revenue table. */
export const CHINA_REVENUE_CHART = "china-revenue";

/** The size of a chart anchored on a sheet, in columns and rows (about 8 x 64 by 18 x 20 pixels). */
export const SHEET_CHART_SIZE = { cols: 8, rows: 18 } as const;

/**
 * Where a sheet chart goes: beside a table (one blank column after its last column), from the
 * table's title row; e.g. a 3-column table titled on row 5 gets a chart from E5, 8 columns by 18 rows.
 */
export function chartBeside(table: { readonly row: number; readonly cols: number }): CellArea {
  return { row: table.row, col: table.cols + 2, ...SHEET_CHART_SIZE };
}

/**
 * The id of a scenario's "shipped by buyer" chart; `earlier` are the names of the scenarios before it
 * (a repeated slug gets the scenario's 1-based position): "US volume cap" → "shipped-us-volume-cap".
 */
function shippedChartId(name: string, earlier: readonly string[]): string {
  return `shipped-${slug(name)}${earlier.some((e) => slug(e) === slug(name)) ? `-${earlier.length + 1}` : ""}`;
}

export function reportCharts(scenarios: readonly ScenarioReportInput[], latest: LatestReported): ChartSpec[] {
  const periods = allPeriods(scenarios);
  const named = scenarios.map((s) => s.file ?? s.scenario.name);
  const files = named.every((f) => f.startsWith("built-in: ")) ? `built-in scenarios ${named.map((f) => f.slice("built-in: ".length)).join(", ")}` : named.join(", ");
  const source = `Source: Chokepoint model (${files}); inputs and citations in the report's Assumptions and Sources.`;
  const revenue: ChartSpec = {
    id: CHINA_REVENUE_CHART,
    kind: "line",
    title: "Nvidia China revenue by quarter, per scenario",
    xLabel: "Nvidia fiscal quarter",
    yLabel: "China revenue (US$)",
    yFormat: FORMATS.usdBillions,
    categories: periods,
    series: scenarios.map(({ scenario, evaluation }) => ({
      name: scenario.name,
      values: periods.map((p) => evaluation.periods.find((o) => o.period === p)?.totals.chinaRevenue ?? null),
    })),
    reference: { value: latest.value, label: `${latest.period} reported ${display(latest.value, latest.format)}` },
    source: `${source} Reported: ${latest.shortSource ?? citationLine(latest)}.`,
  };
  const shipped = scenarios.map(
    ({ scenario, evaluation }, i): ChartSpec => ({
      id: shippedChartId(
        scenario.name,
        scenarios.slice(0, i).map((s) => s.scenario.name),
      ),
      kind: "bar",
      title: `H200 units shipped by buyer: ${scenario.name}`,
      xLabel: "Buyer",
      yLabel: "H200 units shipped",
      yFormat: FORMATS.units,
      categories: scenario.buyers.map((b) => b.name),
      series: evaluation.periods.map((p) => ({ name: p.period, values: p.buyers.map((b) => b.shipped) })),
      source,
      emptyText: "No H200 shipped",
    }),
  );
  return [revenue, ...shipped];
}

/** The id of the note's requested-to-shipped chart. */
export const WATERFALL_CHART = "requested-to-shipped";

/**
 * From requested to shipped for the first fiscal year, per scenario: what was requested, what
 * each step removes (below zero) and what ships, as grouped bars.
 */
export function waterfallChart(scenarios: readonly ScenarioReportInput[]): ChartSpec {
  const fy = fiscalYear(scenarios.map((s) => s.scenario.periods));
  const falls = scenarios.map((s) => removedBySteps(s.evaluation, fy.periods));
  const steps = [...new Set(falls.flatMap((w) => w.removed.map((r) => r.step)))];
  return {
    id: WATERFALL_CHART,
    kind: "bar",
    title: `From requested to shipped, ${fy.label}: H200 units each step removes`,
    xLabel: "Pipeline step (removed units below zero)",
    yLabel: "H200 units",
    yFormat: FORMATS.units,
    categories: ["Requested", ...steps.map(stepHeading), "Shipped"],
    series: scenarios.map((s, i) => ({
      name: s.scenario.name,
      values: [falls[i].requested, ...steps.map((id) => -(falls[i].removed.find((r) => r.step === id)?.units ?? 0)), falls[i].shipped],
    })),
    source: `Source: Chokepoint model; units summed over ${fy.periods.join(", ")} and every buyer.`,
    emptyText: "No H200 requested",
  };
}
