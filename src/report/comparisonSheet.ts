/**
 * The Comparison sheet: scenarios side by side, one table per measure, one row per period,
 * each cell read from the scenario sheet's summary, and China revenue against the latest
 * reported quarter.
 */
import { cellRef, sheetCellRef } from "./a1";
import { CHINA_REVENUE_CHART, allPeriods, chartBeside } from "./charts";
import { LatestReported, citationLine } from "./citations";
import { FORMATS, display } from "./formats";
import { CellWriter, change, changeFormula } from "./formulas";
import { SheetLayout, cell, columns } from "./layout";
import { ReportCell, ReportSheet, SheetChart } from "./model";
import { ScenarioReportInput } from "./reportInput";
import { SUMMARY_COLUMNS, SummaryMetric } from "./scenarioSheet";
import { RESULT_SHEETS } from "./sheetNames";

export const COMPARISON = RESULT_SHEETS.comparison;

/**
 * The fiscal years among `periods` (sorted), each with the indexes of its quarters.
 * @example fiscalYears(["FY2027Q1", "FY2027Q2", "FY2028Q1"]) // returns [{ label: "FY2027", rows: [0, 1] }, { label: "FY2028", rows: [2] }]
 */
export function fiscalYears(periods: readonly string[]): { label: string; rows: number[] }[] {
  const out: { label: string; rows: number[] }[] = [];
  periods.forEach((p, i) => {
    const label = p.slice(0, 6);
    const last = out[out.length - 1];
    if (last?.label === label) last.rows.push(i);
    else out.push({ label, rows: [i] });
  });
  return out;
}

export interface ComparedScenario {
  readonly input: ScenarioReportInput;
  readonly sheetName: string;
  readonly summaryRow: ReadonlyMap<string, number>;
}

type Measure = { readonly title: string; readonly metric: SummaryMetric; readonly format: string };

const MEASURES: readonly Measure[] = [
  { title: "H200 units shipped to China", metric: "shipped", format: FORMATS.units },
  { title: "H200 revenue from China (gross)", metric: "revenue", format: FORMATS.usdBillions },
  { title: "US government share", metric: "usShare", format: FORMATS.usdBillions },
  { title: "China revenue (baseline + H200)", metric: "chinaRevenue", format: FORMATS.usdBillions },
];

export function comparisonSheet(compared: readonly ComparedScenario[], latest: LatestReported, latestRef: string, writer: CellWriter, chartFiles: readonly string[]): ReportSheet {
  const layout = new SheetLayout();
  const periods = allPeriods(compared.map((c) => c.input));
  layout.note("Scenarios side by side; a blank cell is a period the scenario does not model.");
  layout.note(`Latest reported: ${latest.figure} ${display(latest.value, latest.format)} (${citationLine(latest)}).`);
  layout.note(
    chartFiles.length > 0
      ? `Charts: the Excel add-in draws them as native charts beside their tables; \`chips report\` pictures them in its .xlsx file and writes them beside it as SVG and PNG files: ${chartFiles.join(", ")}.`
      : "Charts: the Excel add-in draws them as native charts beside their tables; `chips report` pictures them in its .xlsx file and writes them beside it as SVG and PNG files.",
  );
  layout.gap();
  const header = columns("Period", ...compared.map((c) => c.input.scenario.name));

  const valueOf = (c: ComparedScenario, period: string, metric: SummaryMetric): number | undefined => {
    const totals = c.input.evaluation.periods.find((p) => p.period === period)?.totals;
    if (!totals) return undefined;
    return metric === "chinaRevenue" ? totals.chinaRevenue : metric === "shipped" ? totals.shipped : metric === "revenue" ? totals.revenue : totals.usShare;
  };
  const refOf = (c: ComparedScenario, period: string, metric: SummaryMetric): string => sheetCellRef(c.sheetName, c.summaryRow.get(period) as number, SUMMARY_COLUMNS[metric]);

  const firstRows = new Map<SummaryMetric, number>();
  const charts: SheetChart[] = [];
  for (const m of MEASURES) {
    const table = layout.table(m.title, header, (firstRow) => {
      firstRows.set(m.metric, firstRow);
      const byPeriod = periods.map((period): ReportCell[] => [
        cell.label(period),
        ...compared.map((c) => {
          const v = valueOf(c, period, m.metric);
          return v === undefined ? cell.blank() : writer.computed(v, "output", m.format, refOf(c, period, m.metric));
        }),
      ]);
      // Below the quarters, a total per fiscal year covered (after them, so the chart's range and the rows read below stay put).
      const years = fiscalYears(periods).map(({ label, rows }): ReportCell[] => [
        { value: `${label} total`, role: "total" },
        ...compared.map((c, j) => {
          const known = rows.map((i) => valueOf(c, periods[i], m.metric)).filter((v): v is number => v !== undefined);
          if (known.length === 0) return cell.blank();
          const refs = rows.filter((i) => valueOf(c, periods[i], m.metric) !== undefined).map((i) => cellRef(firstRow + i, 2 + j));
          return writer.computed(known.reduce((x, v) => x + v, 0), "total", m.format, `SUM(${refs.join(",")})`);
        }),
      ]);
      return [...byPeriod, ...years];
    });
    if (m.metric !== "chinaRevenue") continue;
    // China revenue by quarter per scenario: periods down column A, a series per scenario column.
    const data = { row: table.row + 1, col: 1, rows: periods.length + 1, cols: header.length };
    charts.push({ chart: CHINA_REVENUE_CHART, data, seriesBy: "columns", at: chartBeside({ row: table.row, cols: header.length }) });
  }

  layout.table(`China revenue vs the latest reported quarter (${latest.period}, ${display(latest.value, latest.format)})`, header, () =>
    periods.map((period, i): ReportCell[] => [
      cell.label(period),
      ...compared.map((c, j) => {
        const v = valueOf(c, period, "chinaRevenue");
        if (v === undefined) return cell.blank();
        // The China revenue table above holds the same figure: reference it, so the chain is short.
        const chinaRevenue = cellRef((firstRows.get("chinaRevenue") as number) + i, 2 + j);
        return writer.computed(change(v, latest.value), "output", FORMATS.change, changeFormula(chinaRevenue, latestRef));
      }),
    ]),
  );
  return { ...layout.sheet(COMPARISON, "Comparison: scenarios side by side", { rows: 1, cols: 1 }), charts };
}
