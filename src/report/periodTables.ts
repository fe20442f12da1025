/**
 * The tables of one period on a scenario sheet: the pipeline buyer by buyer (step trail,
 * binding step, money, totals) and the supply limit with China revenue against the baseline.
 */
import { PIPELINE, PeriodOutcome, effectiveSupply, periodContextOf } from "../engine";
import { cellRef, rangeRef } from "./a1";
import { FORMATS } from "./formats";
import { bindingFormula, change, changeFormula, largestCutFormula, stepFormula, supplyLimitFormula } from "./formulas";
import { SheetLayout, Slot, cell, columns } from "./layout";
import { ReportCell } from "./model";
import type { ScenarioSheetArgs } from "./scenarioSheetArgs";

/** A pipeline column's header: the step catalogue's label, or "Rule ID" for a user rule. */
export const stepHeader = (id: string): string => PIPELINE.find((s) => s.id === id)?.label ?? `Rule ${id}`;

/** The reserved tables of a period: the pipeline (a row per buyer, a total and a footnote) and the money (5 rows). */
export interface PeriodSlots {
  readonly pipeline: Slot;
  readonly money: Slot;
}

/** The money table's rows, from its first row: supply limit, demand, baseline, China revenue, change. */
export const MONEY_ROWS = { supplyLimit: 0, demand: 1, baseline: 2, chinaRevenue: 3, change: 4 } as const;

/** The footnote row under each pipeline table: what its two step columns mean. */
export const BINDING_FOOTNOTE =
  "Binding step: the last step that removed units — the constraint this buyer's shipments end at. Largest cut: the step that removed the most units.";

/** Rows of a period's pipeline table: a row per buyer, the total, the footnote. */
export const pipelineRows = (buyers: number): number => buyers + 2;

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

/** The columns of a period's pipeline table, after the buyer column. */
export function pipelineColumns(stepIds: readonly string[]) {
  const n = stepIds.length;
  return { step: (k: number) => 2 + k, binding: 2 + n, largestCut: 3 + n, revenue: 4 + n, usShare: 5 + n, nvidiaNet: 6 + n, h20Equivalent: 7 + n };
}

/**
 * Period t's tables. `slots` holds every period's (same order as the periods): the cumulative
 * limits of period t read the shipped cells of the earlier periods' tables.
 */
export function periodTables(layout: SheetLayout, a: ScenarioSheetArgs, p: PeriodOutcome, t: number, slots: readonly PeriodSlots[]): void {
  const { pipeline, money } = slots[t];
  const { scenario, writer, input } = a;
  const stepIds = Object.keys(p.buyers[0].steps);
  const col = pipelineColumns(stepIds);
  const lastBuyerRow = pipeline.firstRow + p.buyers.length - 1;
  const totalRow = lastBuyerRow + 1;
  const limitCell = cellRef(money.firstRow + MONEY_ROWS.supplyLimit, 2, true);
  const supplyIndex = stepIds.indexOf("supply");
  const beforeSupply = supplyIndex > 0 ? supplyIndex - 1 : stepIds.length - 1;
  const shippedCol = col.step(stepIds.length - 1);
  const earlier = slots.slice(0, t).map((s) => s.pipeline.firstRow);
  // Every buyer's shipped cells of the earlier periods, for the cumulative China-to-US cap.
  const allShippedBefore = earlier.map((first) => rangeRef(first, first + p.buyers.length - 1, shippedCol));

  const buyerRows = p.buyers.map((b, i): ReportCell[] => {
    const row = pipeline.firstRow + i;
    const at = (c: number) => cellRef(row, c);
    const steps = stepIds.map((id, k) => {
      const formula = stepFormula(id, {
        input,
        buyer: i,
        period: t,
        previous: k > 0 ? at(col.step(k - 1)) : "",
        previousColumn: k > 0 ? rangeRef(pipeline.firstRow, lastBuyerRow, col.step(k - 1)) : "",
        supplyLimit: limitCell,
        shippedBefore: earlier.map((first) => cellRef(first + i, shippedCol)),
        rules: scenario.rules,
      });
      const role = k === stepIds.length - 1 ? "output" : "calculation";
      return writer.computed(b.steps[id], role, FORMATS.units, formula);
    });
    const shipped = at(shippedCol);
    const revenue = at(col.revenue);
    const trail = stepIds.map((_, k) => at(col.step(k)));
    return [
      cell.label(b.name),
      ...steps,
      writer.computed(b.binding, "output", undefined, bindingFormula(stepIds, trail)),
      writer.computed(b.largestCut, "output", undefined, largestCutFormula(stepIds, trail)),
      writer.computed(b.revenue, "output", FORMATS.usdBillions, `${shipped}*${input("market.h200Price", t)}`),
      writer.computed(b.usShare, "output", FORMATS.usdBillions, {
        native: `${revenue}*${input("us.revenueShare", t)}`,
        live: `CHIPS.US_REVENUE_SHARE(${revenue},${input("us.revenueShare", t)})`,
      }),
      writer.computed(b.nvidiaNet, "output", FORMATS.usdBillions, `${revenue}-${at(col.usShare)}`),
      writer.computed(b.h20Equivalent, "output", FORMATS.units, `${shipped}*${input("market.h20Multiple", t)}`),
    ];
  });
  const total = (c: number, value: number, format: string) => writer.computed(value, "total", format, `SUM(${rangeRef(pipeline.firstRow, lastBuyerRow, c)})`);
  const totals: ReportCell[] = [
    { value: "Total", role: "total" },
    ...stepIds.map((id, k) => total(col.step(k), sum(p.buyers.map((b) => b.steps[id])), FORMATS.units)),
    { value: null, role: "total" },
    { value: null, role: "total" },
    total(col.revenue, p.totals.revenue, FORMATS.usdBillions),
    total(col.usShare, p.totals.usShare, FORMATS.usdBillions),
    total(col.nvidiaNet, p.totals.nvidiaNet, FORMATS.usdBillions),
    total(col.h20Equivalent, p.totals.h20Equivalent, FORMATS.units),
  ];
  const header = columns("Buyer", ...stepIds.map(stepHeader), "Binding step", "Largest cut", "Revenue", "US share", "Nvidia net", "H20-equivalent");
  const footnote = [cell.label(BINDING_FOOTNOTE), ...header.slice(1).map(() => cell.blank())];
  layout.fill(pipeline, {
    title: `${p.period}: H200 units after each pipeline step, and money`,
    columns: header,
    rows: [...buyerRows, totals, footnote],
  });

  const baseline = input("market.baselineChinaRevenue", t);
  const chinaRevenueCell = cellRef(money.firstRow + MONEY_ROWS.chinaRevenue, 2);
  const baselineCell = cellRef(money.firstRow + MONEY_ROWS.baseline, 2);
  const demand = sum(p.buyers.map((b) => b.steps[stepIds[beforeSupply]]));
  const moneyRows: ReportCell[][] = [
    [
      cell.label("Supply limit (H200 units)"),
      writer.computed(effectiveSupply(periodContextOf(scenario, a.evaluation, t)), "calculation", FORMATS.units, supplyLimitFormula(input, t, allShippedBefore)),
      cell.label("Supply, lowered to chinaCapOfUsVolume x usShipments when that cap is set (cumulative scope: x US shipments so far, less China's shipments before)"),
    ],
    [
      cell.label(`Demand before the supply step (units)`),
      writer.computed(demand, "calculation", FORMATS.units, `SUM(${rangeRef(pipeline.firstRow, lastBuyerRow, col.step(beforeSupply))})`),
      cell.label("Above the limit, each buyer ships limit x its demand / this total (pro rata)"),
    ],
    [cell.label("Baseline China revenue"), writer.computed(p.totals.baselineChinaRevenue, "calculation", FORMATS.usdBillions, baseline), cell.label("China revenue without H200")],
    [
      cell.label("China revenue"),
      writer.computed(
        p.totals.chinaRevenue,
        "output",
        FORMATS.usdBillions,
        `${baselineCell}+IF(${input("market.usShareTreatment")}="cost",${cellRef(totalRow, col.revenue)},${cellRef(totalRow, col.nvidiaNet)})`,
      ),
      cell.label("Baseline + H200 revenue (US share as a cost) or + Nvidia net (contra-revenue)"),
    ],
    [
      cell.label("Change vs baseline"),
      writer.computed(change(p.totals.chinaRevenue, p.totals.baselineChinaRevenue), "output", FORMATS.change, changeFormula(chinaRevenueCell, baselineCell)),
      cell.label("China revenue / baseline - 1"),
    ],
  ];
  layout.fill(money, { title: `${p.period}: supply and China revenue`, columns: columns("Item", "Value", "How"), rows: moneyRows });
}
