/** Which percentiles a surface shows: the ones the scenario or user asked for, with the median. */
import { OutputSummary } from "../engine";

/**
 * The asked percentiles of a summary (its `percentiles`, keyed "P5", "P95", …) with P50 among
 * them, in rising order; P10/P50/P90 when none were asked.
 * @example shownPercentiles({ p10: 1, p50: 2, p90: 3, percentiles: { P5: 0.5, P95: 3.5 } }) // returns [["P5", 0.5], ["P50", 2], ["P95", 3.5]]
 */
export function shownPercentiles(summary: Pick<OutputSummary, "p10" | "p50" | "p90" | "percentiles">): [string, number][] {
  const asked = Object.entries(summary.percentiles);
  if (asked.length === 0) return [["P10", summary.p10], ["P50", summary.p50], ["P90", summary.p90]];
  const all = asked.some(([k]) => k === "P50") ? asked : [...asked, ["P50", summary.p50] as [string, number]];
  return all.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)));
}
