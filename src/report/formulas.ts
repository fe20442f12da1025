/**
 * The pipeline of docs/model.md as Excel formulas, one per step, each over the Assumptions cells
 * and the cell of the step before it. Every formula mirrors the engine's arithmetic in the
 * same order (e.g. (ratio × value) ÷ price), so a spreadsheet recomputes the engine's numbers.
 */
import { RuleSpec, ruleToExcelFormula } from "../engine";
import { CellMode, CellRole, CellValue, ReportCell } from "./model";

/** Where a step formula finds its inputs. */
export interface StepContext {
  /** The absolute reference of a scenario input on the Assumptions sheet (per-period fields: at `period`). */
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
  /**
   * This buyer's shipped cells in the earlier periods' tables (empty in the first period): the
   * cumulative limits (a licence quota, a cumulative domestic-ratio cap) subtract their sum, so
   * editing an early quarter recalculates the later ones.
   */
  readonly shippedBefore?: readonly string[];
  /** The scenario's custom rules, for a custom step's formula. */
  readonly rules?: readonly RuleSpec[];
}

export interface StepFormula {
  readonly native: string;
  /** With the add-in's CHIPS functions, where one fits. */
  readonly live?: string;
}

/**
 * What is left of `limit` after the units in `used` (cells or ranges), never below 0, as the
 * engine's `remaining`; the limit itself when nothing was used before (the first period).
 * @example remainingFormula("$D$9", ["H21", "H31"]) // returns "MAX(0,$D$9-SUM(H21,H31))"
 */
export const remainingFormula = (limit: string, used: readonly string[]): string => (used.length === 0 ? limit : `MAX(0,${limit}-SUM(${used.join(",")}))`);

/** The formulas of docs/model.md's built-in steps; a custom rule id has none. */
export function stepFormula(id: string, c: StepContext): StepFormula | undefined {
  const at = (path: string) => c.input(path, c.period);
  const buyer = (field: string) => at(`buyers[${c.buyer}].${field}`);
  const p = c.previous;
  const before = c.shippedBefore ?? [];
  switch (id) {
    case "requested":
      return { native: buyer("requested") };
    case "us_license": {
      // With a licence quantity: at most what is left of it after the buyer's earlier shipments.
      const lic = buyer("licensedUnits");
      const licensed = `IF(ISBLANK(${lic}),${p},MIN(${p},${remainingFormula(lic, before)}))`;
      return { native: `IF(AND(${at("us.exportsAllowed")},OR(NOT(${at("us.approvedCustomersOnly")}),${buyer("usApproved")})),${licensed},0)` };
    }
    case "china_access": {
      const access = at("china.access");
      const rate = `IF(ISBLANK(${buyer("approvalRate")}),${at("china.approvalRate")},${buyer("approvalRate")})`;
      return { native: `IF(${access}="open",${p},IF(${access}="blocked",0,${p}*${rate}))` };
    }
    case "orders":
      return { native: `${p}*IF(ISBLANK(${buyer("orderRate")}),${at("china.orderRate")},${buyer("orderRate")})` };
    case "public_sector":
      return { native: `IF(${at("china.publicSectorBan")},${p}*(1-${buyer("publicSectorShare")}),${p})` };
    case "domestic_ratio":
      return domesticRatio(c, at, buyer, before);
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
 * policy and market fields are the period's Assumptions cells. Names with no single cell (period,
 * access flags and cap scopes, the resolved approvalRate and orderRate, shippedBefore, fields a
 * blank may leave unset such as licensedUnits…) are undefined, so such a rule stays as engine values.
 */
export function ruleRefs(c: Pick<StepContext, "input" | "buyer" | "period" | "previous">): (name: string) => string | undefined {
  const at = (path: string) => c.input(path, c.period);
  const buyer = (field: string) => at(`buyers[${c.buyer}].${field}`);
  const cells: Record<string, () => string> = {
    units: () => c.previous,
    requested: () => buyer("requested"),
    domesticUnits: () => buyer("domesticUnits"),
    publicSectorShare: () => buyer("publicSectorShare"),
    usApproved: () => buyer("usApproved"),
    exportsAllowed: () => at("us.exportsAllowed"),
    approvedCustomersOnly: () => at("us.approvedCustomersOnly"),
    revenueShare: () => at("us.revenueShare"),
    publicSectorBan: () => at("china.publicSectorBan"),
    h200Price: () => at("market.h200Price"),
    supply: () => at("market.supply"),
    h20Multiple: () => at("market.h20Multiple"),
    baselineChinaRevenue: () => at("market.baselineChinaRevenue"),
  };
  return (name) => cells[name]?.();
}

/** Why a rule's column holds engine values in the workbook, or undefined when it is a formula. */
export function ruleFallbackReason(rule: RuleSpec, c: Pick<StepContext, "input" | "buyer" | "period" | "previous">): string | undefined {
  const translated = ruleToExcelFormula(rule.expression, ruleRefs(c));
  return translated.ok ? undefined : translated.reason;
}

function domesticRatio(c: StepContext, at: (path: string) => string, buyer: (field: string) => string, before: readonly string[]): StepFormula {
  const [basis, ratio, scope, price, domesticPrice] = ["china.cap.basis", "china.cap.ratio", "china.cap.scope", "market.h200Price", "market.domesticPrice"].map(at);
  const [units, value] = [buyer("domesticUnits"), buyer("domesticValue")];
  const p = c.previous;
  // Cumulative scope: what is left of the cap after the buyer's shipments in earlier periods (the first period has none).
  const left = (cap: string) => (before.length === 0 ? cap : `IF(${scope}="cumulative",${remainingFormula(cap, before)},${cap})`);
  const cap = `IF(${basis}="units",${ratio}*${units},${ratio}*IF(ISBLANK(${value}),${units}*${domesticPrice},${value})/${price})`;
  // H200_ALLOWED refuses basis "none" (no cap), and a blank domesticPrice cell arrives as 0
  // in Excel desktop, so each branch passes only the arguments it needs.
  const allowed =
    `IF(${basis}="units",CHIPS.H200_ALLOWED(${units},${ratio}),` +
    `IF(ISBLANK(${value}),CHIPS.H200_ALLOWED(${units},${ratio},"dollars",${price},${domesticPrice}),CHIPS.H200_ALLOWED(${value},${ratio},"dollars",${price})))`;
  return {
    native: `MIN(${p},IF(${basis}="none",${p},${left(cap)}))`,
    live: `IF(${basis}="none",${p},MIN(${p},${left(allowed)}))`,
  };
}

/**
 * The supply available to China in period `t`: supply, lowered to chinaCapOfUsVolume x
 * usShipments when that cap is set; with the cap's scope "cumulative", to chinaCapOfUsVolume x the
 * US shipments summed through t less China's shipments before t (`shippedBefore`: every buyer's
 * shipped cells in the earlier periods), never below 0.
 */
export function supplyLimitFormula(input: StepContext["input"], t: number, shippedBefore: readonly string[] = []): string {
  const [cap, scope, shipments, supply] = [input("us.chinaCapOfUsVolume", t), input("us.chinaCapScope", t), input("us.usShipments", t), input("market.supply", t)];
  const through = Array.from({ length: t + 1 }, (_, u) => input("us.usShipments", u));
  const perPeriod = `IF(OR(ISBLANK(${cap}),ISBLANK(${shipments})),${supply},MIN(${supply},${cap}*${shipments}))`;
  // In the first period the cumulative cap is the period's.
  if (t === 0) return perPeriod;
  const cumulative = `IF(OR(ISBLANK(${cap}),${through.map((s) => `ISBLANK(${s})`).join(",")}),${supply},MIN(${supply},${remainingFormula(`${cap}*SUM(${through.join(",")})`, shippedBefore)}))`;
  return `IF(${scope}="cumulative",${cumulative},${perPeriod})`;
}

/**
 * The binding step as a formula over a row's step cells: "none" if nothing was removed, else
 * the LAST step that removed units (docs/model.md: the constraint the buyer's shipments end at).
 */
export function bindingFormula(stepIds: readonly string[], cells: readonly string[]): string {
  let chain = `"none"`;
  for (let k = 1; k < cells.length; k++) chain = `IF(${cells[k]}<${cells[k - 1]},"${stepIds[k]}",${chain})`;
  return `IF(${cells[cells.length - 1]}=${cells[0]},"none",${chain})`;
}

/**
 * The largest cut as a formula over a row's step cells: "none" if nothing was removed, else the
 * first step that removed the most (docs/model.md: ties go to the earlier step).
 */
export function largestCutFormula(stepIds: readonly string[], cells: readonly string[]): string {
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
    return { value, role, format, formula: flat(this.mode === "live" ? (f.live ?? f.native) : f.native) };
  }
}

/**
 * `text` stored as one flat string. A formula built by concatenation is a tree of pieces, and
 * a large report kept a million such pieces alive until the workbook was written, each copied
 * by every young-generation collection on the way (~15% of the collections' time on the
 * bench's 10k-row report). V8 flattens a string in place to match a regular expression against
 * it, which it must do anyway when the workbook is written; this does it while the pieces are young.
 */
const ANY = /^/;
function flat(text: string): string {
  ANY.test(text);
  return text;
}
