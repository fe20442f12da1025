/** A custom function over a 100k-row range against the raw engine loop doing the same work. */
import { domesticRatioCap, usRevenueShare } from "../src/engine";
import { H200_ALLOWED, US_REVENUE_SHARE } from "../src/functions/functions";
import { Row, measure, ms } from "./harness";

export function functionsBench(quick: boolean): Row[] {
  const n = 100_000;
  const opts = quick ? { warmup: 2, runs: 5 } : { warmup: 5, runs: 21 };
  const sales = Array.from({ length: n }, (_, i) => [1e6 + i * 10]);
  const domestic = Array.from({ length: n }, (_, i) => [1000 + (i % 5000)]);
  const rows: Row[] = [];

  const raw1 = measure("raw usRevenueShare loop", () => {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = [usRevenueShare(sales[i][0], 0.25)];
    return out;
  }, opts);
  const fn1 = measure("CHIPS.US_REVENUE_SHARE(100k rows)", () => US_REVENUE_SHARE(sales, [[0.25]]), opts);
  rows.push(row("CHIPS.US_REVENUE_SHARE over 100k rows", fn1.medianMs, raw1.medianMs));

  const rule = { basis: "units" as const, ratio: 1.5 };
  const raw2 = measure("raw domesticRatioCap loop", () => {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = [domesticRatioCap(rule, { domesticUnits: domestic[i][0], domesticValue: null, domesticPrice: null, h200Price: 27000 })];
    return out;
  }, opts);
  const fn2 = measure("CHIPS.H200_ALLOWED(100k rows)", () => H200_ALLOWED(domestic, [[1.5]]), opts);
  rows.push(row("CHIPS.H200_ALLOWED over 100k rows", fn2.medianMs, raw2.medianMs));
  return rows;
}

/** Throughput ratio = raw time / function time (1 = as fast as the raw loop). Goals: ≤ 50 ms, ratio ≥ 0.5. */
function row(figure: string, fnMs: number, rawMs: number): Row {
  const ratio = rawMs / fnMs;
  return { figure, value: ms(fnMs), baseline: `raw loop ${ms(rawMs)}`, ratio: `${ratio.toFixed(2)}x throughput`, goal: "≤ 50 ms, ≥ 0.5x", ok: fnMs <= 50 && ratio >= 0.5 };
}
