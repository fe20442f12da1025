/**
 * The pipeline of MODEL.md as Excel formulas, one per step, each over the Assumptions cells
 * and the cell of the step before it. Every formula mirrors the engine's arithmetic in the
 * same order (e.g. (ratio × value) ÷ price), so a spreadsheet recomputes the engine's numbers.
 */
import { RuleSpec, ruleToExcelFormula } from "../engine";
import { CellMode, CellRole, CellValue, ReportCell } from "./model";

/** Where a step formula finds its inputs. */
export interface StepContext {
  /** The absolute reference of a scenario input on the Assumptions sheet. */
  readonly input: (path: string, period?: number) => string;
  /** The buyer's row index in the scenario, and the period index. */
  readonly buyer: number;
  readonly period: number;
  /** The cell of the previous step in this row. */
  readonly previous: string;
  /** The previous step's column over every buyer of the period, e.g. $F$5:$F$8. */
  readonly previousColumn: string;
  /** The supply-limit cell of the period. */
  readonly supplyLimit: string;
  /** The scenario's custom rules, for a custom step's formula. */
  readonly rules?: readonly RuleSpec[];
}

export interface StepFormula {
  readonly native: string;
  /** With the add-in's CHIPS functions, where one fits. */
  readonly live?: string;
}

/** The formulas of MODEL.md's built-in steps; a custom rule id has none. */
export function stepFormula(id: string, c: StepContext): StepFormula | undefined {
  const buyer = (field: string) => c.input(`buyers[${c.buyer}].${field}`);
  const p = c.previous;
  switch (id) {
    case "requested":
      return { native: c.input(`buyers[${c.buyer}].requested`, c.period) };
    case "us_license":
      return { native: `IF(AND(${c.input("us.exportsAllowed")},OR(NOT(${c.input("us.approvedCustomersOnly")}),${buyer("usApproved")})),${p},0)` };
    case "china_access": {
      const access = c.input("china.access");
      const rate = `IF(ISBLANK(${buyer("approvalRate")}),${c.input("china.approvalRate")},${buyer("approvalRate")})`;
      return { native: `IF(${access}="open",${p},IF(${access}="blocked",0,${p}*${rate}))` };
    }
    case "public_sector":
      return { native: `IF(${c.input("china.publicSectorBan")},${p}*(1-${buyer("publicSectorShare")}),${p})` };
    case "domestic_ratio":
      return domesticRatio(c, buyer);
    case "supply":
      return { native: `IF(SUM(${c.previousColumn})>${c.supplyLimit},${p}*${c.supplyLimit}/SUM(${c.previousColumn}),${p})` };
    default: {
      const rule = c.rules?.find((r) => r.id === id);
      if (!rule) return undefined;
      const translated = ruleToExcelFormula(rule.expression, ruleRefs(c));
      return translated.ok ? { native: translated.formula } : undefined;
    }
  }
}

/**
 * The cells a rule's names read, in this row and period: `units` is the previous step; buyer,
 * policy and market fields are Assumptions cells. Names with no single cell (period, access
 * flags, the resolved approvalRate…) are undefined, so such a rule stays as engine values.
 */
export function ruleRefs(c: Pick<StepContext, "input" | "buyer" | "period" | "previous">): (name: string) => string | undefined {
  const buyer = (field: string, perPeriod = false) => c.input(`buyers[${c.buyer}].${field}`, perPeriod ? c.period : undefined);
  const cells: Record<string, () => string> = {
    units: () => c.previous,
    requested: () => buyer("requested", true),
    domesticUnits: () => buyer("domesticUnits"),
    publicSectorShare: () => buyer("publicSectorShare"),
    usApproved: () => buyer("usApproved"),
    exportsAllowed: () => c.input("us.exportsAllowed"),
    approvedCustomersOnly: () => c.input("us.approvedCustomersOnly"),
    revenueShare: () => c.input("us.revenueShare"),
    publicSectorBan: () => c.input("china.publicSectorBan"),
    h200Price: () => c.input("market.h200Price"),
    supply: () => c.input("market.supply", c.period),
    h20Multiple: () => c.input("market.h20Multiple"),
    baselineChinaRevenue: () => c.input("market.baselineChinaRevenue", c.period),
  };
  return (name) => cells[name]?.();
}

/** Why a rule's column holds engine values in the workbook, or undefined when it is a formula. */
export function ruleFallbackReason(rule: RuleSpec, c: Pick<StepContext, "input" | "buyer" | "period" | "previous">): string | undefined {
  const translated = ruleToExcelFormula(rule.expression, ruleRefs(c));
  return translated.ok ? undefined : translated.reason;
}

function domesticRatio(c: StepContext, buyer: (field: string) => string): StepFormula {
  const [basis, ratio, price, domesticPrice] = ["china.cap.basis", "china.cap.ratio", "market.h200Price", "market.domesticPrice"].map((k) => c.input(k));
  const [units, value] = [buyer("domesticUnits"), buyer("domesticValue")];
  const p = c.previous;
  const cap = `IF(${basis}="units",${ratio}*${units},${ratio}*IF(ISBLANK(${value}),${units}*${domesticPrice},${value})/${price})`;
  // H200_ALLOWED refuses basis "none" (no cap), and a blank domesticPrice cell arrives as 0
  // in Excel desktop, so each branch passes only the arguments it needs.
  const allowed =
    `IF(${basis}="units",CHIPS.H200_ALLOWED(${units},${ratio}),` +
    `IF(ISBLANK(${value}),CHIPS.H200_ALLOWED(${units},${ratio},"dollars",${price},${domesticPrice}),CHIPS.H200_ALLOWED(${value},${ratio},"dollars",${price})))`;
  return {
    native: `MIN(${p},IF(${basis}="none",${p},${cap}))`,
    live: `IF(${basis}="none",${p},MIN(${p},${allowed}))`,
  };
}

/** The supply available to China in period `t`: supply, lowered to chinaCapOfUsVolume x usShipments when that cap is set. */
export function supplyLimitFormula(input: StepContext["input"], t: number): string {
  const [cap, shipments, supply] = [input("us.chinaCapOfUsVolume"), input("us.usShipments", t), input("market.supply", t)];
  return `IF(OR(ISBLANK(${cap}),ISBLANK(${shipments})),${supply},MIN(${supply},${cap}*${shipments}))`;
}

/**
 * The binding step as a formula over a row's step cells: "none" if nothing was removed, else
 * the first step that removed the most (MODEL.md: ties go to the earlier step).
 */
export function bindingFormula(stepIds: readonly string[], cells: readonly string[]): string {
  const removed = cells.slice(1).map((cellRef, k) => `${cells[k]}-${cellRef}`);
  const most = `MAX(${removed.join(",")})`;
  let chain = `"${stepIds[stepIds.length - 1]}"`;
  for (let k = removed.length - 2; k >= 0; k--) chain = `IF(${removed[k]}=${most},"${stepIds[k + 1]}",${chain})`;
  return `IF(${cells[cells.length - 1]}=${cells[0]},"none",${chain})`;
}

/** value / base - 1, or "n/a" when that is no number (a zero baseline); its formula is changeFormula. */
export function change(value: number, base: number): number | string {
  const r = value / base - 1;
  return Number.isFinite(r) ? r : "n/a";
}

/** The spreadsheet form of `change`: any error (division by zero, overflow) reads "n/a". */
export const changeFormula = (value: string, base: string): string => `IFERROR(${value}/${base}-1,"n/a")`;

/** Makes cells for one cell mode: formulas kept or dropped, CHIPS functions used or not. */
export class CellWriter {
  constructor(readonly mode: CellMode) {}

  /** A computed cell holding `value`, with its formula unless the mode is `values`. */
  computed(value: CellValue, role: CellRole, format: string | undefined, formula: string | StepFormula | undefined): ReportCell {
    const f = typeof formula === "string" ? { native: formula } : formula;
    if (this.mode === "values" || !f) return { value, role, format };
    return { value, role, format, formula: this.mode === "live" ? (f.live ?? f.native) : f.native };
  }
}
