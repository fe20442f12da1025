/** Summaries of a Monte Carlo output: mean, spread, percentiles and histogram bins. */

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface OutputSummary {
  readonly output: string;
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** The asked percentiles, keyed "P5", "P50", "P97.5", in the order asked. */
  readonly percentiles: Readonly<Record<string, number>>;
  /** Equal-width bins from min to max (one bin when every sample is equal). */
  readonly histogram: readonly HistogramBin[];
}

/**
 * The p-th percentile (0-100) of sorted values, interpolating linearly between order statistics
 * (Excel's PERCENTILE.INC, R's type 7).
 * @example percentileOfSorted(Float64Array.of(1, 2, 3, 4), 50) // returns 2.5
 */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const x = (p / 100) * (n - 1);
  const i = Math.floor(x);
  return i + 1 < n ? sorted[i] + (x - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

/**
 * Mean, standard deviation, extremes, P10/P50/P90, the asked percentiles and `bins` histogram bins.
 * @example summarize("x", Float64Array.of(1, 2, 3), [50]).percentiles.P50 // returns 2
 */
export function summarize(output: string, values: Float64Array, percentiles: readonly number[], bins = 20): OutputSummary {
  const n = values.length;
  // Each pass is a function of its own: one long function of loops was re-optimised on every call.
  const { mean, min, max } = extremes(values);
  const ss = sumOfSquares(values, mean);
  const histogram = equalBins(values, min, max, bins);
  const at = percentilesOf(values, [10, 50, 90, ...percentiles]);
  return {
    output,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    min,
    max,
    p10: at[0],
    p50: at[1],
    p90: at[2],
    percentiles: Object.fromEntries(percentiles.map((p, i) => [`P${p}`, at[3 + i]])),
    histogram,
  };
}

function extremes(values: Float64Array): { mean: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { mean: sum / values.length, min, max };
}

function sumOfSquares(values: Float64Array, mean: number): number {
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) ** 2;
  return ss;
}

/** `bins` equal-width bins from min to max (one bin when every value is equal). */
function equalBins(values: Float64Array, min: number, max: number, bins: number): HistogramBin[] {
  const n = values.length;
  const width = (max - min) / bins;
  if (!(width > 0)) return [{ from: min, to: max, count: n }];
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) counts[Math.min(bins - 1, Math.floor((values[i] - min) / width))]++;
  return counts.map((count, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count }));
}

/** Exact mean, variance and extremes of a stream, without keeping it (Welford's update). */
export class StreamStats {
  count = 0;
  mean = 0;
  private m2 = 0;
  min = Infinity;
  max = -Infinity;

  add(v: number): void {
    this.count++;
    const d = v - this.mean;
    this.mean += d / this.count;
    this.m2 += d * (v - this.mean);
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  get sd(): number {
    return this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) : 0;
  }
}

/**
 * A summary of a long run from a uniform sample of it: mean, sd and extremes exact (from the
 * stream), percentiles from the sample, histogram bins over the exact range with the sample's
 * counts scaled to the run (largest remainders, so they sum to the run's iterations).
 */
export function summarizeSample(output: string, sample: Float64Array, stream: StreamStats, percentiles: readonly number[], bins = 20): OutputSummary {
  const fromSample = summarize(output, sample, percentiles, bins);
  const { min, max, count } = stream;
  const width = (max - min) / bins;
  let histogram: HistogramBin[];
  if (!(width > 0)) histogram = [{ from: min, to: max, count }];
  else {
    const raw = new Array<number>(bins).fill(0);
    for (let i = 0; i < sample.length; i++) raw[Math.min(bins - 1, Math.max(0, Math.floor((sample[i] - min) / width)))]++;
    const scaled = raw.map((c) => (c * count) / sample.length);
    const counts = scaled.map(Math.floor);
    let left = count - counts.reduce((a, c) => a + c, 0);
    for (const i of scaled.map((_, j) => j).sort((a, b) => scaled[b] - counts[b] - (scaled[a] - counts[a]))) {
      if (left-- <= 0) break;
      counts[i]++;
    }
    histogram = counts.map((c, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count: c }));
  }
  return { ...fromSample, mean: stream.mean, sd: stream.sd, min, max, histogram };
}

/**
 * Percentiles like percentileOfSorted, without a full sort: quickselect of the order statistics
 * needed, on a copy (the values keep their iteration order).
 * @example percentilesOf(Float64Array.of(4, 1, 3, 2), [50]) // returns [2.5]
 */
export function percentilesOf(values: Float64Array, percentiles: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return percentiles.map(() => NaN);
  const a = Float64Array.from(values);
  const ranks = new Set<number>();
  for (const p of percentiles) {
    const x = (p / 100) * (n - 1);
    ranks.add(Math.floor(x));
    if (Math.floor(x) + 1 < n) ranks.add(Math.floor(x) + 1);
  }
  // Select ranks in increasing order; each selection leaves everything left of it smaller.
  const sortedRanks = [...ranks].sort((x, y) => x - y);
  let lo = 0;
  const value = new Map<number, number>();
  for (const k of sortedRanks) {
    // The rank just after one already placed is the least of what lies right of it: one scan, not a select.
    if (k === lo + 1 && value.has(lo)) smallestTo(a, k, n - 1);
    else select(a, lo, n - 1, k);
    value.set(k, a[k]);
    lo = k;
  }
  return percentiles.map((p) => {
    const x = (p / 100) * (n - 1);
    const i = Math.floor(x);
    return i + 1 < n ? value.get(i)! + (x - i) * (value.get(i + 1)! - value.get(i)!) : value.get(n - 1) ?? value.get(i)!;
  });
}

/** Rearranges a[lo..hi] so that a[k] is the value it would have in sorted order (Hoare's quickselect, median-of-three). */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Moves the least of a[k..hi] to a[k]. */
function smallestTo(a: Float64Array, k: number, hi: number): void {
  let at = k;
  for (let i = k + 1; i <= hi; i++) if (a[i] < a[at]) at = i;
  swap(a, k, at);
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
