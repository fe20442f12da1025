/**
 * A tiny benchmark harness. Figures are claimed as ratios against a baseline measured in the same
 * run, and subject and baseline are interleaved (A B A B …): each round times both back to back and
 * gives one ratio, and the figure is the median of those ratios with their min–max spread. Whatever
 * else the machine is doing then weighs on both sides of each ratio alike.
 */
import { performance } from "perf_hooks";

export interface Measure {
  readonly name: string;
  readonly medianMs: number;
}

export function measure(name: string, body: () => unknown, opts: { warmup: number; runs: number }): Measure {
  let sink: unknown;
  for (let i = 0; i < opts.warmup; i++) sink = body();
  const times: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    sink = body();
    times.push(performance.now() - t0);
  }
  if (sink === Symbol.for("never")) console.log(sink); // keep the result alive
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)] };
}

export interface Comparison {
  /** Median time of the subject and of the baseline over the rounds. */
  readonly subjectMs: number;
  readonly baselineMs: number;
  /** Median, lowest and highest of the per-round ratios subject ÷ baseline. */
  readonly ratio: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarise(pairs: readonly (readonly [number, number])[]): Comparison {
  const ratios = pairs.map(([a, b]) => a / b);
  return { subjectMs: median(pairs.map((p) => p[0])), baselineMs: median(pairs.map((p) => p[1])), ratio: median(ratios), ratioMin: Math.min(...ratios), ratioMax: Math.max(...ratios) };
}

/**
 * A full garbage collection (`npm run bench` runs node with --expose-gc), before each timed body
 * of a comparison that asks (`collect`): for bodies that leave hundreds of MB behind, else one
 * side pays for the garbage of the other (a report's heap made the plain grid after it look
 * twice as slow in some rounds). Not for short bodies: a full collection just before a few
 * milliseconds of work slows that work (sweeping still under way), and by chance.
 */
const fullGc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Subject and baseline interleaved: `warmup` unrecorded rounds, then `rounds` rounds of A then B (B then A on odd rounds). */
export function compare(subject: () => unknown, baseline: () => unknown, opts: { warmup: number; rounds: number; collect?: boolean }): Comparison {
  const time = (body: () => unknown) => {
    if (opts.collect) fullGc();
    const t0 = performance.now();
    keep(body());
    return performance.now() - t0;
  };
  const pairs: [number, number][] = [];
  for (let i = 0; i < opts.warmup + opts.rounds; i++) {
    const pair: [number, number] = i % 2 ? (([b, a]) => [a, b])([time(baseline), time(subject)]) as [number, number] : [time(subject), time(baseline)];
    if (i >= opts.warmup) pairs.push(pair);
  }
  return summarise(pairs);
}

/** The same for asynchronous bodies. */
export async function compareAsync(subject: () => Promise<unknown>, baseline: () => Promise<unknown>, opts: { warmup: number; rounds: number; collect?: boolean }): Promise<Comparison> {
  const time = async (body: () => Promise<unknown>) => {
    if (opts.collect) fullGc();
    const t0 = performance.now();
    keep(await body());
    return performance.now() - t0;
  };
  const pairs: [number, number][] = [];
  for (let i = 0; i < opts.warmup + opts.rounds; i++) {
    let pair: [number, number];
    if (i % 2) {
      const b = await time(baseline);
      pair = [await time(subject), b];
    } else {
      const a = await time(subject);
      pair = [a, await time(baseline)];
    }
    if (i >= opts.warmup) pairs.push(pair);
  }
  return summarise(pairs);
}

let sinkHole: unknown;
/** Keeps a result alive so the optimiser cannot drop the work that made it. */
function keep(value: unknown): void {
  sinkHole = value;
  if (sinkHole === Symbol.for("never")) console.log(sinkHole);
}

/** "2.80x (2.61–3.02)": the median ratio and the spread of the per-round ratios. */
export const ratioText = (c: Comparison, digits = 2, invert = false): string => {
  const f = (x: number) => (invert ? 1 / x : x).toFixed(digits);
  const [lo, hi] = invert ? [f(c.ratioMax), f(c.ratioMin)] : [f(c.ratioMin), f(c.ratioMax)];
  return `${f(c.ratio)}x (${lo}–${hi})`;
};

export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly goal: string;
  readonly ok: boolean | null;
  /** A deterministic budget (sizes, counts): enforced in --quick mode, unlike wall-clock goals. */
  readonly budget?: boolean;
}

export function printTable(rows: readonly Row[]): void {
  const head = ["figure", "value", "baseline (same run)", "ratio", "goal", ""];
  const cells = rows.map((r) => [r.figure, r.value, r.baseline, r.ratio, r.goal, r.ok === null ? "" : r.ok ? "ok" : "MISSED"]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
