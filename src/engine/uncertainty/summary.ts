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
  const at = percentilesOf(values, [10, 50, 90, ...percentiles], min, max);
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
  const counts = binCounts(values, min, width, bins);
  return Array.from(counts, (count, i) => ({ from: min + i * width, to: i === bins - 1 ? max : min + (i + 1) * width, count }));
}

/**
 * How many values fall in each bin: min(bins - 1, floor((v - min) / width)), with a multiplication
 * by 1 / width instead of the division where that cannot change the floor (the two differ by a
 * few ulps, so only a quotient within 1e-9 of a whole number is divided exactly).
 */
function binCounts(values: Float64Array, min: number, width: number, bins: number): Int32Array {
  const counts = new Int32Array(bins);
  // A subnormal width has no finite inverse: divide every quotient then.
  const inverse = Number.isFinite(1 / width) ? 1 / width : NaN;
  const last = bins - 1;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - min;
    const x = d * inverse;
    let j = Math.floor(x);
    if (!(x - j >= 1e-9 && j + 1 - x >= 1e-9)) j = Math.floor(d / width);
    if (j >= 0) counts[j < last ? j : last]++; // NaN falls in no bin
  }
  return counts;
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
 * Percentiles like percentileOfSorted, without a full sort: the order statistics needed are
 * found by bucket counts (a large sample) or by quickselect on a copy (a small one, or one the
 * buckets cannot order: NaN, infinities); the values keep their iteration order. `min` and
 * `max`, when the caller has them, save a pass.
 * @example percentilesOf(Float64Array.of(4, 1, 3, 2), [50]) // returns [2.5]
 */
export function percentilesOf(values: Float64Array, percentiles: readonly number[], min?: number, max?: number): number[] {
  const n = values.length;
  if (n === 0) return percentiles.map(() => NaN);
  const ranks = new Set<number>();
  for (const p of percentiles) {
    const x = (p / 100) * (n - 1);
    ranks.add(Math.floor(x));
    if (Math.floor(x) + 1 < n) ranks.add(Math.floor(x) + 1);
  }
  const sortedRanks = Int32Array.from(ranks).sort();
  const value = (n >= BUCKETED_FROM && byBuckets(values, sortedRanks, min, max)) || bySelection(values, sortedRanks);
  const at = (rank: number) => value[sortedRanks.indexOf(rank)];
  return percentiles.map((p) => {
    const x = (p / 100) * (n - 1);
    const i = Math.floor(x);
    return i + 1 < n ? at(i) + (x - i) * (at(i + 1) - at(i)) : at(n - 1) ?? at(i);
  });
}

/** Below this many values, quickselect on a copy is as quick as counting buckets. */
const BUCKETED_FROM = 4096;
/** Buckets over [min, max]: a needed rank's bucket holds about n / BUCKETS values. */
const BUCKETS = 4096;

/** The values at `ranks` (increasing) by quickselect on a copy: each selection leaves everything left of it smaller. */
function bySelection(values: Float64Array, ranks: Int32Array): Float64Array {
  const a = Float64Array.from(values);
  const n = a.length;
  const out = new Float64Array(ranks.length);
  for (let r = 0; r < ranks.length; r++) {
    place(a, 0, n - 1, r > 0 ? ranks[r - 1] : -1, ranks[r]);
    out[r] = a[ranks[r]];
  }
  return out;
}

/**
 * Puts in a[k] the value it would have were a[from..to] sorted, where `placed` (below `from`
 * when none) is a rank an earlier call placed in the same segment, so nothing right of it is
 * smaller: the very next rank is then the least of what lies right of it, one scan, not a select.
 */
function place(a: Float64Array, from: number, to: number, placed: number, k: number): void {
  if (placed >= from && k === placed + 1) smallestTo(a, k, to);
  else select(a, placed >= from ? placed : from, to, k);
}

/**
 * The values at `ranks` (increasing) by counting: floor((v - min) * scale) never decreases as v
 * grows, so a rank's value is the right order statistic of the one bucket where the counts pass
 * that rank; one pass counts, one gathers the needed buckets, and quickselect runs on those few
 * values. Undefined when the buckets cannot order the values (NaN or infinite values, all equal).
 */
function byBuckets(values: Float64Array, ranks: Int32Array, lo = NaN, hi = NaN): Float64Array | undefined {
  if (!(lo === lo && hi === hi)) ({ min: lo, max: hi } = extremes(values));
  const scale = BUCKETS / (hi - lo);
  if (!(hi > lo) || !Number.isFinite(scale) || !Number.isFinite(hi - lo)) return undefined;
  const counts = bucketCounts(values, lo, scale);
  if (counts === undefined) return undefined;
  // Where each needed rank falls: its bucket, and its rank within the bucket.
  const bucketOf = new Int32Array(ranks.length);
  const within = new Int32Array(ranks.length);
  let below = 0;
  let j = 0;
  for (let r = 0; r < ranks.length; r++) {
    while (j < BUCKETS && below + counts[j] <= ranks[r]) below += counts[j++];
    bucketOf[r] = j;
    within[r] = ranks[r] - below;
  }
  // Each needed bucket's segment in one buffer, in bucket order.
  const start = new Int32Array(BUCKETS).fill(-1);
  let size = 0;
  for (let r = 0; r < ranks.length; r++) {
    if (start[bucketOf[r]] < 0) {
      start[bucketOf[r]] = size;
      size += counts[bucketOf[r]];
    }
  }
  const gathered = gather(values, lo, scale, start, new Float64Array(size));
  const out = new Float64Array(ranks.length);
  for (let r = 0; r < ranks.length; r++) {
    const from = start[bucketOf[r]];
    const to = from + counts[bucketOf[r]] - 1;
    const k = from + within[r];
    place(gathered, from, to, r > 0 && bucketOf[r] === bucketOf[r - 1] ? from + within[r - 1] : -1, k);
    out[r] = gathered[k];
  }
  return out;
}

/** How many values fall in each bucket; undefined when one falls in none (NaN, or below `lo`). */
function bucketCounts(values: Float64Array, lo: number, scale: number): Int32Array | undefined {
  const counts = new Int32Array(BUCKETS);
  const last = BUCKETS - 1;
  let counted = 0;
  for (let i = 0; i < values.length; i++) {
    const j = Math.floor((values[i] - lo) * scale);
    if (j >= 0) {
      counts[j < last ? j : last]++;
      counted++;
    }
  }
  return counted === values.length ? counts : undefined;
}

/** Copies the values of the buckets with a segment (start >= 0) into `into`, each at the next place of its segment. */
function gather(values: Float64Array, lo: number, scale: number, start: Int32Array, into: Float64Array): Float64Array {
  const next = Int32Array.from(start);
  const last = BUCKETS - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const j = Math.floor((v - lo) * scale);
    const at = next[j < last ? j : last];
    if (at >= 0) {
      into[at] = v;
      next[j < last ? j : last] = at + 1;
    }
  }
  return into;
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
