/**
 * One sheet per scenario: a summary by period, then per period the pipeline buyer by buyer
 * (the step trail, binding step and largest cut, shipped, revenue, US share, Nvidia net, H20-equivalent,
 * totals) and the supply limit and China revenue against the baseline; last, H200 units shipped
 * by buyer and period, with a native bar chart beside it.
 */
import { ruleFallbackReason } from "./formulas";
import { warningNotes } from "./warnings";
import { PeriodOutcome, STEP_IDS } from "../engine";
import { cellRef, rangeRef } from "./a1";
import { chartBeside } from "./charts";
import { FORMATS } from "./formats";
import { CellWriter, change, changeFormula } from "./formulas";
import { SheetLayout, Slot, cell, columns } from "./layout";
import { ReportCell, ReportSheet, SheetChart } from "./model";
import { MONEY_ROWS, PeriodSlots, periodTables, pipelineColumns, pipelineRows } from "./periodTables";
import { ScenarioSheetArgs } from "./scenarioSheetArgs";

/** Columns of the summary table, which the Comparison sheet reads. */
export const SUMMARY_COLUMNS = { period: 1, requested: 2, shipped: 3, revenue: 4, usShare: 5, nvidiaNet: 6, h20Equivalent: 7, baseline: 8, chinaRevenue: 9, change: 10 } as const;
export type SummaryMetric = keyof typeof SUMMARY_COLUMNS;

export interface ScenarioSheet {
  readonly sheet: ReportSheet;
  /** The summary row of each period (by label). */
  readonly summaryRow: ReadonlyMap<string, number>;
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

export function scenarioSheet(a: ScenarioSheetArgs): ScenarioSheet {
  const layout = new SheetLayout();
  const { scenario, evaluation, writer } = a;
  layout.note(`${scenario.name}${a.file ? ` (${a.file})` : ""}: ${scenario.description || "no description."}`);
  layout.note(modeNote(writer), 2);
  for (const warning of warningNotes(scenario)) layout.note(warning);
  const custom = Object.keys(evaluation.periods[0]?.buyers[0]?.steps ?? {}).filter((id) => !(STEP_IDS as readonly string[]).includes(id));
  for (const id of custom) {
    const rule = scenario.rules.find((r) => r.id === id);
    // The reason does not depend on the row: probe with the first buyer and period.
    const reason = rule && writer.mode !== "values" ? ruleFallbackReason(rule, { input: a.input, buyer: 0, period: 0, previous: "A1" }) : undefined;
    if (writer.mode === "values") continue;
    layout.note(
      reason === undefined
        ? `Custom rule ${id} is an Excel formula translated from its expression (${rule?.expression}).`
        : `Custom rule ${id} holds the engine's values, not a formula: ${reason}. Edits above its column do not pass through it.`,
      2,
    );
  }
  layout.gap();

  const summary = layout.reserve(evaluation.periods.length + 1);
  const periodRows = evaluation.periods.map((p) => ({ pipeline: layout.reserve(pipelineRows(p.buyers.length)), money: layout.reserve(Object.keys(MONEY_ROWS).length) }));
  // Last on the sheet, so adding it moved no cell above; its chart stands beside it, below nothing.
  const byBuyer = layout.reserve(scenario.buyers.length);
  evaluation.periods.forEach((p, t) => periodTables(layout, a, p, t, periodRows));
  summaryTable(layout, a, summary, periodRows);
  const chart = shippedByBuyerTable(layout, a, byBuyer, periodRows);

  const summaryRow = new Map(evaluation.periods.map((p, t) => [p.period, summary.firstRow + t]));
  return { sheet: { ...layout.sheet(a.name, `Scenario: ${scenario.name}`, { rows: 1, cols: 1 }), charts: [chart] }, summaryRow };
}

function modeNote(writer: CellWriter): string {
  switch (writer.mode) {
    case "values":
      return "Values mode: numbers as computed by the Chokepoint engine; no formulas.";
    case "native":
      return "Every number is a spreadsheet formula over the Assumptions sheet and the step before it: change an input there and this sheet recalculates, no add-in needed.";
    case "live":
      return "Live mode: the domestic-ratio cap uses CHIPS.H200_ALLOWED and the US share CHIPS.US_REVENUE_SHARE (the Chokepoint add-in recalculates them; without it Excel keeps the values saved here). Every other cell is a native formula.";
  }
}

/**
 * H200 units shipped, a row per buyer and a column per period, each cell reading the shipped
 * column of that period's pipeline table; and the bar chart beside it (a series per period).
 */
function shippedByBuyerTable(layout: SheetLayout, a: ScenarioSheetArgs, slot: Slot, periodRows: readonly PeriodSlots[]): SheetChart {
  const { scenario, evaluation, writer } = a;
  const rows = scenario.buyers.map((buyer, i): ReportCell[] => [
    cell.label(buyer.name),
    ...evaluation.periods.map((p, t) => {
      const stepIds = Object.keys(p.buyers[i].steps);
      const shipped = cellRef(periodRows[t].pipeline.firstRow + i, pipelineColumns(stepIds).step(stepIds.length - 1));
      return writer.computed(p.buyers[i].shipped, "output", FORMATS.units, shipped);
    }),
  ]);
  const header = columns("Buyer", ...evaluation.periods.map((p) => p.period));
  layout.fill(slot, { title: "H200 units shipped by buyer", columns: header, rows });
  return {
    chart: a.shippedChart,
    data: { row: slot.row + 1, col: 1, rows: rows.length + 1, cols: header.length },
    seriesBy: "columns",
    at: chartBeside({ row: slot.row, cols: header.length }),
  };
}

function summaryTable(layout: SheetLayout, a: ScenarioSheetArgs, slot: Slot, periodRows: readonly PeriodSlots[]): void {
  const { evaluation, writer } = a;
  const C = SUMMARY_COLUMNS;
  const rows = evaluation.periods.map((p, t): ReportCell[] => {
    const { pipeline, money } = periodRows[t];
    const stepIds = Object.keys(p.buyers[0].steps);
    const col = pipelineColumns(stepIds);
    const totalRow = pipeline.firstRow + p.buyers.length;
    const ref = (c: number) => cellRef(totalRow, c);
    const r = slot.firstRow + t;
    return [
      cell.label(p.period),
      writer.computed(p.totals.requested, "calculation", FORMATS.units, ref(col.step(0))),
      writer.computed(p.totals.shipped, "output", FORMATS.units, ref(col.step(stepIds.length - 1))),
      writer.computed(p.totals.revenue, "output", FORMATS.usdBillions, ref(col.revenue)),
      writer.computed(p.totals.usShare, "output", FORMATS.usdBillions, ref(col.usShare)),
      writer.computed(p.totals.nvidiaNet, "output", FORMATS.usdBillions, ref(col.nvidiaNet)),
      writer.computed(p.totals.h20Equivalent, "output", FORMATS.units, ref(col.h20Equivalent)),
      writer.computed(p.totals.baselineChinaRevenue, "calculation", FORMATS.usdBillions, cellRef(money.firstRow + MONEY_ROWS.baseline, 2)),
      writer.computed(p.totals.chinaRevenue, "output", FORMATS.usdBillions, cellRef(money.firstRow + MONEY_ROWS.chinaRevenue, 2)),
      writer.computed(change(p.totals.chinaRevenue, p.totals.baselineChinaRevenue), "output", FORMATS.change, changeFormula(cellRef(r, C.chinaRevenue), cellRef(r, C.baseline))),
    ];
  });
  const last = slot.firstRow + evaluation.periods.length - 1;
  const totalRow = last + 1;
  const all = (pick: (p: PeriodOutcome) => number) => sum(evaluation.periods.map(pick));
  const total = (c: number, value: number, format: string) => writer.computed(value, "total", format, `SUM(${rangeRef(slot.firstRow, last, c)})`);
  const chinaRevenue = all((p) => p.totals.chinaRevenue);
  const baseline = all((p) => p.totals.baselineChinaRevenue);
  rows.push([
    { value: "All periods", role: "total" },
    total(C.requested, all((p) => p.totals.requested), FORMATS.units),
    total(C.shipped, all((p) => p.totals.shipped), FORMATS.units),
    total(C.revenue, all((p) => p.totals.revenue), FORMATS.usdBillions),
    total(C.usShare, all((p) => p.totals.usShare), FORMATS.usdBillions),
    total(C.nvidiaNet, all((p) => p.totals.nvidiaNet), FORMATS.usdBillions),
    total(C.h20Equivalent, all((p) => p.totals.h20Equivalent), FORMATS.units),
    total(C.baseline, baseline, FORMATS.usdBillions),
    total(C.chinaRevenue, chinaRevenue, FORMATS.usdBillions),
    writer.computed(change(chinaRevenue, baseline), "total", FORMATS.change, changeFormula(cellRef(totalRow, C.chinaRevenue), cellRef(totalRow, C.baseline))),
  ]);
  layout.fill(slot, {
    title: "Summary by period",
    columns: columns("Period", "Requested", "Shipped", "Revenue", "US share", "Nvidia net", "H20-equivalent", "Baseline China revenue", "China revenue", "Change vs baseline"),
    rows,
  });
}
