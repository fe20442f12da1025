import { CapBasis } from "./scenario";

/** What a buyer holds of domestic AI processors, and the prices that value them. */
export interface DomesticHoldings {
  readonly domesticUnits: number;
  /** USD; null = domesticUnits x domesticPrice. */
  readonly domesticValue: number | null;
  readonly domesticPrice: number | null;
  readonly h200Price: number;
}

/**
 * The cap of step `domestic_ratio`, in H200 units: +Infinity on basis "none",
 * ratio x domesticUnits on "units", ratio x domestic value / h200Price on "dollars".
 * Inputs are validated beforehand; a dollars basis without a value or price gives NaN.
 * @example domesticRatioCap({ basis: "units", ratio: 1.5 }, { domesticUnits: 1000, domesticValue: null, domesticPrice: null, h200Price: 27000 }) // returns 1500
 * @example domesticRatioCap({ basis: "dollars", ratio: 1 }, { domesticUnits: 0, domesticValue: 27e6, domesticPrice: null, h200Price: 27000 }) // returns 1000
 */
export function domesticRatioCap(rule: { readonly basis: CapBasis; readonly ratio: number | null }, holdings: DomesticHoldings): number {
  if (rule.basis === "none" || rule.ratio === null) return Infinity;
  if (rule.basis === "units") return rule.ratio * holdings.domesticUnits;
  const value = holdings.domesticValue ?? holdings.domesticUnits * (holdings.domesticPrice ?? NaN);
  return (rule.ratio * value) / holdings.h200Price;
}
