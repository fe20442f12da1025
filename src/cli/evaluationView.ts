/** The human-readable view of an evaluation: per period, a units trail and a money table. */
import { BuyerOutcome, Evaluation, PIPELINE, PeriodOutcome, Scenario } from "../engine";
import { percentChange, units, usdBillions, usdMillions } from "./format";
import { Column, Row, renderTable } from "./table";

/** Short two-line headers for the built-in steps (the step catalogue's); custom rule ids are shown as written. */
const STEP_HEADERS: ReadonlyMap<string, string> = new Map(PIPELINE.map((s) => [s.id, s.header]));

export interface ViewOptions {
  readonly colour: boolean;
}

/**
 * Renders every period of an evaluation; the scenario supplies context (US-share treatment).
 * @example renderEvaluation(evaluate(s), s, { colour: false }).startsWith("Scenario: ") // returns true
 */
export function renderEvaluation(evaluation: Evaluation, scenario: Scenario, options: ViewOptions): string {
  const bold = (s: string) => (options.colour ? `\x1b[1m${s}\x1b[22m` : s);
  const periods = evaluation.periods;
  const lines = [`Scenario: ${evaluation.scenario} (${periods.length} period${periods.length === 1 ? "" : "s"})`];
  for (const p of periods) {
    lines.push("", bold(`${p.period} - H200 units after each pipeline step`), ...stepsTable(p));
    lines.push("", bold(`${p.period} - money (US$ m) and compute`), ...moneyTable(p));
    lines.push("", chinaRevenueLine(p, scenario));
  }
  if (periods.length > 1) lines.push("", bold("All periods (H200 units; money in US$ m)"), ...summaryTable(periods));
  lines.push("", ...BINDING_NOTE);
  return lines.join("\n") + "\n";
}

function stepsTable(p: PeriodOutcome): string[] {
  const stepIds = Object.keys(p.buyers[0]?.steps ?? {});
  const columns: Column[] = [
    { header: "Buyer", align: "left" },
    ...stepIds.map((id): Column => ({ header: STEP_HEADERS.get(id) ?? id, align: "right" })),
    { header: "Binding\nstep", align: "left" },
    { header: "Largest\ncut", align: "left" },
  ];
  const stepTotal = (id: string) => p.buyers.reduce((acc, b) => acc + b.steps[id], 0);
  const rows: Row[] = [
    ...p.buyers.map((b) => [b.name, ...stepIds.map((id) => units(b.steps[id])), b.binding, b.largestCut]),
    "rule",
    ["Total", ...stepIds.map((id) => units(stepTotal(id))), "", ""],
  ];
  // One space between columns: seven steps and two step names fit 100 columns.
  return renderTable(columns, rows, 1);
}

/** The footnote under every evaluation: what the two step columns mean. */
export const BINDING_NOTE = [
  "Binding step: the last step that removed units, the constraint the buyer's shipments end at.",
  "Largest cut: the step that removed the most units. See docs/model.md.",
];

function moneyTable(p: PeriodOutcome): string[] {
  const columns: Column[] = [
    { header: "Buyer", align: "left" },
    { header: "Shipped\nunits", align: "right" },
    { header: "Revenue\nUS$ m", align: "right" },
    { header: "US share\nUS$ m", align: "right" },
    { header: "Nvidia net\nUS$ m", align: "right" },
    { header: "H20-equiv.\nunits", align: "right" },
  ];
  const cells = (name: string, o: Pick<BuyerOutcome, "shipped" | "revenue" | "usShare" | "nvidiaNet" | "h20Equivalent">) => [
    name,
    units(o.shipped),
    usdMillions(o.revenue),
    usdMillions(o.usShare),
    usdMillions(o.nvidiaNet),
    units(o.h20Equivalent),
  ];
  return renderTable(columns, [...p.buyers.map((b) => cells(b.name, b)), "rule", cells("Total", p.totals)]);
}

function chinaRevenueLine(p: PeriodOutcome, scenario: Scenario): string {
  const t = p.totals;
  const gross = scenario.market.usShareTreatment === "cost";
  const h200 = gross ? `H200 sales ${usdBillions(t.revenue)}` : `H200 sales net of US share ${usdBillions(t.nvidiaNet)}`;
  const change = t.baselineChinaRevenue === 0 ? "no baseline given" : `${percentChange(t.chinaRevenue, t.baselineChinaRevenue)} vs baseline`;
  return `China revenue ${usdBillions(t.chinaRevenue)} = baseline ${usdBillions(t.baselineChinaRevenue)} + ${h200} (${change})`;
}

function summaryTable(periods: readonly PeriodOutcome[]): string[] {
  const columns: Column[] = [
    { header: "Period", align: "left" },
    { header: "Requested\nunits", align: "right" },
    { header: "Shipped\nunits", align: "right" },
    { header: "Revenue\nUS$ m", align: "right" },
    { header: "US share\nUS$ m", align: "right" },
    { header: "Nvidia net\nUS$ m", align: "right" },
    { header: "Baseline\nUS$ m", align: "right" },
    { header: "China rev.\nUS$ m", align: "right" },
    { header: "vs\nbaseline", align: "right" },
  ];
  type Totals = PeriodOutcome["totals"];
  const cells = (label: string, t: Omit<Totals, "h20Equivalent">) => [
    label,
    units(t.requested),
    units(t.shipped),
    usdMillions(t.revenue),
    usdMillions(t.usShare),
    usdMillions(t.nvidiaNet),
    usdMillions(t.baselineChinaRevenue),
    usdMillions(t.chinaRevenue),
    percentChange(t.chinaRevenue, t.baselineChinaRevenue),
  ];
  const sum = (pick: (t: Totals) => number) => periods.reduce((acc, p) => acc + pick(p.totals), 0);
  const overall = {
    requested: sum((t) => t.requested),
    shipped: sum((t) => t.shipped),
    revenue: sum((t) => t.revenue),
    usShare: sum((t) => t.usShare),
    nvidiaNet: sum((t) => t.nvidiaNet),
    baselineChinaRevenue: sum((t) => t.baselineChinaRevenue),
    chinaRevenue: sum((t) => t.chinaRevenue),
  };
  return renderTable(columns, [...periods.map((p) => cells(p.period, p.totals)), "rule", cells("Total", overall)]);
}
