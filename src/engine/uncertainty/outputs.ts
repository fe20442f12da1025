/**
 * Output addressing: "totals.METRIC" (summed over periods), "totals.METRIC@FY2027Q1" or
 * "totals.METRIC[0]" (one period), "buyers.NAME.METRIC" / "buyers[0].METRIC" with the same
 * period suffixes; a bare "METRIC" means "totals.METRIC". Compiled once into frame indexes.
 */
import { Scenario } from "../scenario";
import { FRAME_BUYER, FRAME_TOTALS, FrameLayout, buyerIndex, frameLayout, totalIndex } from "./frame";
import { uncertaintyMessages as m } from "./messages";

/** An output compiled against one scenario: its value is the sum of the frame at `indexes`, in order. */
export interface OutputSlot {
  /** As asked for. */
  readonly output: string;
  readonly indexes: Int32Array;
}

export const DEFAULT_OUTPUTS: readonly string[] = ["totals.chinaRevenue", "totals.shipped", "totals.usShare"];

/**
 * Compiles an output name against a scenario, or says what is wrong.
 * @example typeof resolveOutput(scenario, "buyers.ByteDance.shipped@FY2027Q1") // returns "object"
 */
export function resolveOutput(scenario: Pick<Scenario, "periods" | "buyers">, output: string, layout: FrameLayout = frameLayout(scenario)): OutputSlot | string {
  let rest = output.trim();
  let periods: number[] = scenario.periods.map((_, t) => t);
  const at = /@([^@]+)$/.exec(rest) ?? /\[(\d+)\]$/.exec(rest);
  if (at) {
    const t = at[0].startsWith("@") ? scenario.periods.indexOf(at[1]) : Number(at[1]);
    if (t < 0 || t >= scenario.periods.length) return at[0].startsWith("@") ? m.outputPeriod(at[1], scenario.periods) : m.periodIndex(t, scenario.periods.length);
    periods = [t];
    rest = rest.slice(0, at.index);
  }
  const names = scenario.buyers.map((b) => b.name);
  let buyer = -1;
  let metric: string;
  const indexed = /^buyers\[(\d+)\]\.([^.]+)$/.exec(rest);
  if (indexed) {
    buyer = Number(indexed[1]);
    if (buyer >= names.length) return m.buyerIndex(`[${buyer}]`, names.length);
    metric = indexed[2];
  } else if (rest.startsWith("buyers.")) {
    const dot = rest.lastIndexOf(".");
    const name = rest.slice("buyers.".length, dot);
    if (dot <= "buyers.".length - 1 || name === "") return m.outputSyntax(output);
    buyer = names.indexOf(name);
    if (buyer < 0) return m.outputBuyer(name, names);
    metric = rest.slice(dot + 1);
  } else if (rest.startsWith("totals.")) metric = rest.slice("totals.".length);
  else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(rest)) metric = rest;
  else return m.outputSyntax(output);

  const list: readonly string[] = buyer < 0 ? FRAME_TOTALS : FRAME_BUYER;
  const k = list.indexOf(metric);
  if (k < 0) return m.outputMetric(metric, list);
  const indexes = Int32Array.from(periods, (t) => (buyer < 0 ? totalIndex(layout, t, k) : buyerIndex(layout, t, buyer, k)));
  return { output, indexes };
}

/** An output's value in a frame: the sum over its indexes, from 0 in period order (as scenarioMetric sums). */
export function outputValue(frame: Float64Array, slot: OutputSlot): number {
  const ix = slot.indexes;
  let sum = 0;
  for (let i = 0; i < ix.length; i++) sum += frame[ix[i]];
  return sum;
}
