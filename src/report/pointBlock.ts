/**
 * A calculation block: the whole docs/model.md pipeline for one scenario, every period, as
 * spreadsheet formulas over an `input(path, period)` function. The Sensitivity sheet builds one
 * per tornado end and grid point, with `input` answering the varied input(s) from the sheet's
 * own cells (a Low/High cell, a grid axis cell) and everything else from Assumptions, so each
 * tornado and grid figure is the pipeline recomputed, not a lookup (and not Excel's TABLE()).
 */
import { Evaluation, Scenario, effectiveSupply, periodContextOf } from "../engine";
import { cellRef, rangeRef } from "./a1";
import { FORMATS } from "./formats";
import { CellWriter, stepFormula, supplyLimitFormula } from "./formulas";
import { SheetLayout, cell, columns } from "./layout";
import { ReportCell } from "./model";
import { stepHeader } from "./periodTables";

/** The cells of a block that outputs read (same-sheet A1 references). */
export interface PointTotals {
  /** China revenue summed over all periods. */
  readonly chinaRevenue: string;
  /** H200 units shipped, all buyers and periods. */
  readonly shipped: string;
}

export interface PointBlockArgs {
  readonly title: string;
  /** The scenario with the point's input values set (for the cached values of every cell). */
  readonly scenario: Scenario;
  readonly evaluation: Evaluation;
  /** Where each input is read: the point's own cells for the varied inputs, Assumptions otherwise. */
  readonly input: (path: string, period?: number) => string;
  readonly writer: CellWriter;
}

/** Rows a block takes: per period its buyers and a total row, then an all-periods row. */
export const pointBlockRows = (scenario: Pick<Scenario, "periods" | "buyers">): number => scenario.periods.length * (scenario.buyers.length + 1) + 1;

/**
 * Places the block (columns: Period, Buyer, each step, Revenue, Supply limit, China revenue)
 * and returns its all-periods total cells.
 */
export function pointBlock(layout: SheetLayout, a: PointBlockArgs): PointTotals {
  const { scenario, evaluation, input, writer } = a;
  const stepIds = Object.keys(evaluation.periods[0]?.buyers[0]?.steps ?? {});
  const nSteps = stepIds.length;
  const col = { step: (k: number) => 3 + k, revenue: 3 + nSteps, limit: 4 + nSteps, chinaRevenue: 5 + nSteps };
  const shippedCol = col.step(nSteps - 1);
  const nBuyers = scenario.buyers.length;
  const periodTotals: number[] = [];
  const slot = layout.reserve(pointBlockRows(scenario));
  const rows: ReportCell[][] = [];
  evaluation.periods.forEach((p, t) => {
    const first = slot.firstRow + t * (nBuyers + 1);
    const last = first + nBuyers - 1;
    const totalRow = last + 1;
    periodTotals.push(totalRow);
    const limit = cellRef(totalRow, col.limit, true);
    // The earlier periods' buyer rows: the cumulative limits subtract their shipped cells.
    const earlier = Array.from({ length: t }, (_, u) => slot.firstRow + u * (nBuyers + 1));
    p.buyers.forEach((b, i) => {
      const row = first + i;
      const steps = stepIds.map((id, k) => {
        const f = stepFormula(id, {
          input,
          buyer: i,
          period: t,
          previous: k > 0 ? cellRef(row, col.step(k - 1)) : "",
          previousColumn: k > 0 ? rangeRef(first, last, col.step(k - 1)) : "",
          supplyLimit: limit,
          shippedBefore: earlier.map((firstOf) => cellRef(firstOf + i, shippedCol)),
          rules: scenario.rules,
        });
        return writer.computed(b.steps[id], "calculation", FORMATS.units, f);
      });
      rows.push([
        cell.label(p.period),
        cell.label(b.name),
        ...steps,
        writer.computed(b.revenue, "calculation", FORMATS.usdBillions, `${cellRef(row, shippedCol)}*${input("market.h200Price", t)}`),
        cell.blank(),
        cell.blank(),
      ]);
    });
    const revenue = cellRef(totalRow, col.revenue);
    rows.push([
      cell.label(p.period),
      { value: "Total", role: "total" },
      ...stepIds.map((_, k) =>
        k === nSteps - 1 ? writer.computed(p.totals.shipped, "total", FORMATS.units, `SUM(${rangeRef(first, last, shippedCol)})`) : ({ value: null, role: "total" } as ReportCell),
      ),
      writer.computed(p.totals.revenue, "total", FORMATS.usdBillions, `SUM(${rangeRef(first, last, col.revenue)})`),
      writer.computed(effectiveSupply(periodContextOf(scenario, evaluation, t)), "total", FORMATS.units, supplyLimitFormula(input, t, earlier.map((firstOf) => rangeRef(firstOf, firstOf + nBuyers - 1, shippedCol)))),
      writer.computed(
        p.totals.chinaRevenue,
        "total",
        FORMATS.usdBillions,
        `${input("market.baselineChinaRevenue", t)}+IF(${input("market.usShareTreatment")}="cost",${revenue},${revenue}-${revenue}*${input("us.revenueShare", t)})`,
      ),
    ]);
  });
  const allRow = slot.firstRow + slot.size - 1;
  const sumOf = (c: number) => `SUM(${periodTotals.map((r) => cellRef(r, c)).join(",")})`;
  const sum = (pick: (t: number) => number) => evaluation.periods.reduce((s, _, t) => s + pick(t), 0);
  rows.push([
    { value: "All periods", role: "total" },
    { value: null, role: "total" },
    ...stepIds.map((_, k) =>
      k === nSteps - 1
        ? writer.computed(sum((t) => evaluation.periods[t].totals.shipped), "total", FORMATS.units, sumOf(shippedCol))
        : ({ value: null, role: "total" } as ReportCell),
    ),
    { value: null, role: "total" },
    { value: null, role: "total" },
    writer.computed(sum((t) => evaluation.periods[t].totals.chinaRevenue), "total", FORMATS.usdBillions, sumOf(col.chinaRevenue)),
  ]);
  layout.fill(slot, {
    title: a.title,
    columns: columns("Period", "Buyer", ...stepIds.map(stepHeader), "Revenue", "Supply limit", "China revenue"),
    rows,
  });
  return { chinaRevenue: cellRef(allRow, col.chinaRevenue), shipped: cellRef(allRow, shippedCol) };
}
