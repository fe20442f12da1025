/**
 * The Summary sheet, first in the workbook: the note's headline, then its exhibits as tables
 * whose numbers are formulas linked to the scenario sheets' summaries (so they follow any input
 * changed on Assumptions), each with its chart beside it as a picture.
 */
import { sheetCellRef, cellRef } from "./a1";
import { SHEET_CHART_SIZE } from "./charts";
import { FORMATS } from "./formats";
import { CellWriter } from "./formulas";
import { SheetLayout, cell, columns } from "./layout";
import { CellArea, ReportCell, ReportSheet } from "./model";
import { Note } from "./note/model";
import { ScenarioWeights, weighted } from "./note/weights";
import { removedBySteps, stepWords } from "./note/waterfall";
import { ScenarioReportInput } from "./reportInput";
import { SUMMARY_COLUMNS, SummaryMetric } from "./scenarioSheet";
import { RESULT_SHEETS } from "./sheetNames";

export const SUMMARY = RESULT_SHEETS.summary;

export interface SummaryScenario {
  readonly input: ScenarioReportInput;
  /** The scenario's sheet and the row of each period on its summary table. */
  readonly sheetName: string;
  readonly summaryRow: ReadonlyMap<string, number>;
}

export interface SummaryArgs {
  readonly note: Note;
  readonly scenarios: readonly SummaryScenario[];
  /** The fiscal year the note is about (note/fiscalYear.ts). */
  readonly fy: { readonly label: string; readonly periods: readonly string[]; readonly complete: readonly number[] };
  readonly weights?: ScenarioWeights;
  readonly writer: CellWriter;
  /** Chart ids: China revenue by quarter, and requested to shipped. */
  readonly revenueChart: string;
  readonly waterfallChart: string;
}

const nothing = (id: string | undefined) => (id === undefined ? "nothing" : stepWords(id));

export function summarySheet(a: SummaryArgs): ReportSheet {
  const layout = new SheetLayout();
  const { writer, fy } = a;
  for (const sentence of a.note.headline) layout.note(sentence);
  layout.note(
    writer.mode === "values"
      ? "The headline is written from the engine's numbers; the tables below hold the same numbers as values."
      : "The headline is written from the engine's numbers when the report was made; the tables below are formulas linked to the scenario sheets (green), so they follow any input changed on Assumptions.",
    2, // the same rows in every cell mode
  );
  layout.gap();
  const ref = (s: SummaryScenario, period: string, metric: SummaryMetric): string | undefined => {
    const row = s.summaryRow.get(period);
    return row === undefined ? undefined : sheetCellRef(s.sheetName, row, SUMMARY_COLUMNS[metric]);
  };
  const totalsOf = (s: SummaryScenario, period: string) => s.input.evaluation.periods.find((p) => p.period === period)?.totals;

  // Exhibit 1: China revenue by scenario and quarter of the fiscal year, with its total.
  const w = a.weights;
  const lead = w ? 2 : 1;
  const quarterCol = (q: number) => lead + 1 + q;
  const totalCol = quarterCol(fy.periods.length);
  const revenue = layout.table(
    `Exhibit 1: Nvidia China revenue by scenario, ${fy.label} (US$ bn)`,
    columns("Scenario", ...(w ? ["Probability"] : []), ...fy.periods, `${fy.label} total`),
    (firstRow) => {
      const rows = a.scenarios.map((s, i): ReportCell[] => {
        const r = firstRow + i;
        const quarters = fy.periods.map((p) => {
          const t = totalsOf(s, p);
          return t ? writer.computed(t.chinaRevenue, "output", FORMATS.usdBillions, ref(s, p, "chinaRevenue")) : cell.blank();
        });
        const known = fy.periods.map((p) => totalsOf(s, p)).filter((t) => t !== undefined);
        const total = known.reduce((x, t) => x + t.chinaRevenue, 0);
        return [
          cell.label(s.input.scenario.name),
          ...(w ? [{ value: w[s.input.scenario.name] ?? 0, role: "label" as const, format: FORMATS.percent }] : []),
          ...quarters,
          // A year total only for a scenario that models the whole year (as in the note).
          !fy.complete.includes(i) ? cell.blank() : writer.computed(total, "total", FORMATS.usdBillions, `SUM(${cellRef(r, quarterCol(0))}:${cellRef(r, totalCol - 1)})`),
        ];
      });
      if (!w) return rows;
      const last = firstRow + a.scenarios.length - 1;
      const byColumn = (col: number, values: readonly (number | null)[]): ReportCell => {
        const v = weighted(
          w,
          a.scenarios.map((s, i) => ({ name: s.input.scenario.name, value: values[i] })),
        );
        // A weighted scenario without the quarter has no weighted figure (as in the note).
        return v === null ? cell.blank() : writer.computed(v, "total", FORMATS.usdBillions, `SUMPRODUCT(${cellRef(firstRow, 2, true)}:${cellRef(last, 2, true)},${cellRef(firstRow, col)}:${cellRef(last, col)})`);
      };
      const quarterValues = (p: string) => a.scenarios.map((s) => totalsOf(s, p)?.chinaRevenue ?? null);
      const totalValues = a.scenarios.map((s, i) => {
        const known = fy.periods.map((p) => totalsOf(s, p)).filter((t) => t !== undefined);
        return !fy.complete.includes(i) ? null : known.reduce((x, t) => x + t.chinaRevenue, 0);
      });
      rows.push([
        { value: "Probability-weighted", role: "total" },
        { value: 1, role: "total", format: FORMATS.percent },
        ...fy.periods.map((p, q) => byColumn(quarterCol(q), quarterValues(p))),
        byColumn(totalCol, totalValues),
      ]);
      return rows;
    },
  );

  // The chart beside Exhibit 1 is taller than the table: the next table starts below it.
  for (let row = revenue.row + revenue.rows.length + 3; row <= revenue.row + SHEET_CHART_SIZE.rows; row++) layout.gap();

  // Exhibit: requested to shipped over the fiscal year (the chart beside it shows each step's cut).
  const flow = layout.table(`Exhibit: from requested to shipped, ${fy.label} (H200 units, every buyer)`, columns("Scenario", "Requested", "Shipped", "Removed", "Largest cut", "What binds"), (firstRow) =>
    a.scenarios.map((s, i): ReportCell[] => {
      const fall = removedBySteps(s.input.evaluation, fy.periods);
      const had = fy.periods.filter((p) => s.summaryRow.has(p));
      const sum = (metric: SummaryMetric, value: number) =>
        had.length === 0 ? cell.blank() : writer.computed(value, "output", FORMATS.units, had.map((p) => ref(s, p, metric)).join("+"));
      const r = firstRow + i;
      return [
        cell.label(s.input.scenario.name),
        sum("requested", fall.requested),
        sum("shipped", fall.shipped),
        had.length === 0 ? cell.blank() : writer.computed(fall.requested - fall.shipped, "calculation", FORMATS.units, `${cellRef(r, 2)}-${cellRef(r, 3)}`),
        cell.label(nothing(fall.largestCut)),
        cell.label(nothing(fall.binds)),
      ];
    }),
  );
  const beside = (table: { row: number; columns: readonly unknown[] }): CellArea => ({ row: table.row, col: table.columns.length + 2, ...SHEET_CHART_SIZE });
  return {
    ...layout.sheet(SUMMARY, "Summary: Nvidia's China revenue under H200 export policy", { rows: 0, cols: 0 }),
    images: [
      { chart: a.revenueChart, at: beside(revenue) },
      { chart: a.waterfallChart, at: beside(flow) },
    ],
  };
}
