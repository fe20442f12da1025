/**
 * A tiny benchmark harness: warm up, run several times, report the median. Figures are only
 * compared as ratios against a baseline measured in the same run, so a slow or busy machine
 * moves both sides alike.
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
