/** The fiscal year a note is about, and each scenario's China revenue in it. */
import { Evaluation } from "../../engine";

/**
 * The first fiscal year among the periods and its quarters, in order.
 * @example fiscalYear(["FY2027Q2", "FY2027Q1", "FY2028Q1"]) // returns { label: "FY2027", periods: ["FY2027Q1", "FY2027Q2"] }
 */
export function fiscalYear(periods: readonly string[]): { label: string; periods: string[] } {
  const sorted = [...new Set(periods)].sort();
  const label = sorted[0]?.slice(0, 6) ?? "";
  return { label, periods: sorted.filter((p) => p.startsWith(label)) };
}

/** A total over the quarters of `periods` the evaluation has; null when it has none of them. */
export function sumOver(evaluation: Evaluation, periods: readonly string[], pick: (t: Evaluation["periods"][number]["totals"]) => number): number | null {
  const found = evaluation.periods.filter((p) => periods.includes(p.period));
  return found.length === 0 ? null : found.reduce((a, p) => a + pick(p.totals), 0);
}
