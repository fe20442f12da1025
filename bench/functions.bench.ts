/** A custom function over a 100k-row range against the raw engine loop doing the same work. */
import { deepStrictEqual } from "assert";
import { domesticRatioCap, usRevenueShare } from "../src/engine";
import { H200_ALLOWED, US_REVENUE_SHARE } from "../src/functions/functions";
import { Comparison, Row, compare, ms, ratioText } from "./harness";

export function functionsBench(quick: boolean): Row[] {
  const n = 100_000;
  const opts = quick ? { warmup: 2, rounds: 5 } : { warmup: 5, rounds: 21 };
  const sales = Array.from({ length: n }, (_, i) => [1e6 + i * 10]);
  const domestic = Array.from({ length: n }, (_, i) => [1000 + (i % 5000)]);
  const rows: Row[] = [];

  const rawShare = () => {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = [usRevenueShare(sales[i][0], 0.25)];
    return out;
  };
  rows.push(row("CHIPS.US_REVENUE_SHARE over 100k rows", honest(() => US_REVENUE_SHARE(sales, [[0.25]]), rawShare, opts)));

  const rule = { basis: "units" as const, ratio: 1.5 };
  const rawCap = () => {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = [domesticRatioCap(rule, { domesticUnits: domestic[i][0], domesticValue: null, domesticPrice: null, h200Price: 27000 })];
    return out;
  };
  rows.push(row("CHIPS.H200_ALLOWED over 100k rows", honest(() => H200_ALLOWED(domestic, [[1.5]]), rawCap, opts)));
  return rows;
}

/** The comparison, once the function is seen to spill exactly the raw loop's 100k x 1 result. */
function honest(subject: () => unknown, raw: () => unknown, opts: { warmup: number; rounds: number }): Comparison {
  deepStrictEqual(subject(), raw());
  return compare(subject, raw, opts);
}

/** Throughput ratio = raw time / function time (1 = as fast as the raw loop). Goals: ≤ 50 ms, ratio ≥ 0.8. */
function row(figure: string, c: Comparison): Row {
  const throughput = 1 / c.ratio;
  return { figure, value: ms(c.subjectMs), baseline: `raw loop ${ms(c.baselineMs)}`, ratio: `${ratioText(c, 2, true)} throughput`, goal: "≤ 50 ms, ≥ 0.8x", ok: c.subjectMs <= 50 && throughput >= 0.8 };
}
