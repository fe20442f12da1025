/** The results of CHIPS.SIMULATE, SENSITIVITY and SENSITIVITY_GRID laid out as spills. */
import { GridResult, InputValue, SimulationResult, Tornado } from "../engine";
import { Spill } from "./adapter";

export const TORNADO_HEADER = ["input", "low", "high", "at low", "at high", "swing"] as const;

/**
 * The simulation as a spill: a header row (statistic, then one column per output), then mean,
 * sd, min, max, one row per asked percentile (P10…), iterations and seed.
 */
export function simulationTable(result: Pick<SimulationResult, "outputs" | "iterations" | "seed">, percentiles: readonly number[]): Spill {
  const outs = result.outputs;
  return [
    ["statistic", ...outs.map((o) => o.output)],
    ["mean", ...outs.map((o) => o.mean)],
    ["sd", ...outs.map((o) => o.sd)],
    ["min", ...outs.map((o) => o.min)],
    ["max", ...outs.map((o) => o.max)],
    ...percentiles.map((p) => [`P${p}`, ...outs.map((o) => o.percentiles[`P${p}`])]),
    ["iterations", ...outs.map(() => result.iterations)],
    ["seed", ...outs.map(() => result.seed)],
  ];
}

/** An input value as a cell: flags as the text TRUE/FALSE. */
const shown = (v: InputValue): number | string => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v);

/** The tornado as a spill: header, one row per input (largest swing first), then the base row. */
export function tornadoTable(t: Tornado): Spill {
  return [[...TORNADO_HEADER], ...t.bars.map((b) => [b.path, shown(b.low), shown(b.high), b.atLow, b.atHigh, b.swing]), ["base", "", "", t.base, t.base, 0]];
}

/** The grid as a spill: the corner names both inputs, the first row the column values, the first column the row values. */
export function gridTable(g: GridResult): Spill {
  const t = g.outputs[0];
  return [[`${g.rows.path} \\ ${g.columns.path}`, ...g.columns.values.map(shown)], ...g.rows.values.map((v, i) => [shown(v), ...t.values[i]])];
}
