/** From requested to shipped: the units each pipeline step removes, summed over quarters and buyers. */
import { Evaluation } from "../../engine";

export interface Waterfall {
  readonly requested: number;
  /** In pipeline order, after "requested". */
  readonly removed: readonly { readonly step: string; readonly units: number }[];
  readonly shipped: number;
  /**
   * The last step that removes units: the constraint shipments end at (the model contract's
   * `binding`); undefined when nothing is removed.
   */
  readonly binds?: string;
  /** The step that removes the most units (the earlier on a tie). */
  readonly largestCut?: string;
}

/**
 * The waterfall of `periods` (those the evaluation has), over every buyer or the one at `buyer`.
 * @example removedBySteps(evaluate(scenario), ["FY2027Q1"]).binds // returns "supply"
 */
export function removedBySteps(evaluation: Evaluation, periods: readonly string[], buyer?: number): Waterfall {
  const buyers = evaluation.periods.filter((p) => periods.includes(p.period)).flatMap((p) => (buyer === undefined ? p.buyers : [p.buyers[buyer]]));
  const ids = Object.keys(buyers[0]?.steps ?? { requested: 0 });
  const total = (id: string) => buyers.reduce((a, b) => a + (b.steps[id] ?? 0), 0);
  const levels = ids.map(total);
  const removed = ids.slice(1).map((step, k) => ({ step, units: Math.max(0, levels[k] - levels[k + 1]) }));
  const top = removed.reduce<{ step: string; units: number } | undefined>((best, r) => (r.units > 0 && (!best || r.units > best.units) ? r : best), undefined);
  const last = [...removed].reverse().find((r) => r.units > 0);
  return { requested: levels[0] ?? 0, removed, shipped: buyers.reduce((a, b) => a + b.shipped, 0), ...(last ? { binds: last.step } : {}), ...(top ? { largestCut: top.step } : {}) };
}

const WORDS: Readonly<Record<string, readonly [heading: string, words: string]>> = {
  requested: ["Requested", "demand"],
  us_license: ["US licence", "US licensing"],
  china_access: ["Beijing's access", "Beijing's access"],
  orders: ["Orders", "the order rate"],
  public_sector: ["Public-sector ban", "the public-sector ban"],
  domestic_ratio: ["Domestic-ratio cap", "the domestic-ratio cap"],
  supply: ["Supply", "supply"],
};

/**
 * A step in a sentence: "supply", "the public-sector ban", "rule cap_q1" for a custom rule.
 * @example stepWords("domestic_ratio") // returns "the domestic-ratio cap"
 * @example stepWords("orders") // returns "the order rate"
 */
export const stepWords = (id: string): string => WORDS[id]?.[1] ?? `rule ${id}`;

/**
 * A step as a column heading.
 * @example stepHeading("public_sector") // returns "Public-sector ban"
 */
export const stepHeading = (id: string): string => WORDS[id]?.[0] ?? `Rule ${id}`;
