/**
 * One evaluation as a flat Float64Array ("frame"), so outputs are read by index and the Monte
 * Carlo loop allocates nothing per iteration. Per period t, at t x periodSize: the 8 period
 * totals, then per buyer the quantity after each built-in step and the buyer's outputs.
 * `evaluateFlat` fills a frame with an allocation-free loop over docs/model.md's built-in pipeline
 * (on the flat copy of a scenario, flat.ts), doing the same arithmetic in the same order as
 * `evaluate`, so both agree to the last bit;
 * `frameOf` fills one from an Evaluation (the general path, used when custom rules are present).
 */
import { Evaluation } from "../evaluate";
import { STEP_IDS } from "../pipeline";
import { Scenario } from "../scenario";
import { TOTAL_METRICS } from "../scenarioMetric";
import * as flatLayout from "./flat";
import { FlatScenario, buyerField, flatten, periodField, wordCode } from "./flat";
import { WorkingScenario } from "./inputs";

export const FRAME_TOTALS = TOTAL_METRICS;
/** A buyer's figures in a frame: the quantity after each built-in step, then its outputs. */
export const FRAME_BUYER = [...STEP_IDS, "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent"] as const;

const T = FRAME_TOTALS.length;
const B = FRAME_BUYER.length;

export interface FrameLayout {
  readonly periodSize: number;
  readonly size: number;
}

export function frameLayout(scenario: Pick<Scenario, "periods" | "buyers">): FrameLayout {
  const periodSize = T + scenario.buyers.length * B;
  return { periodSize, size: periodSize * scenario.periods.length };
}

/** Index of a period total in the frame. */
export const totalIndex = (layout: FrameLayout, t: number, metric: number): number => t * layout.periodSize + metric;
/** Index of a buyer figure in the frame. */
export const buyerIndex = (layout: FrameLayout, t: number, buyer: number, metric: number): number => t * layout.periodSize + T + buyer * B + metric;

/**
 * Evaluates a scenario without custom rules into `frame` (see evaluateFlat); callers check
 * `rules` first (see evaluator.ts).
 */
export function evaluateInto(s: WorkingScenario | Scenario, frame: Float64Array, buyerFigures = true): void {
  evaluateFlat(flatten(s), frame, buyerFigures ? READS_ALL : READS_TOTALS);
}

/** The buyer blocks' bit in a `reads` mask; a period total's bit is 1 << its index in FRAME_TOTALS. */
export const READS_BUYERS = 1 << FRAME_TOTALS.length;
export const READS_TOTALS = READS_BUYERS - 1;
export const READS_ALL = READS_TOTALS | READS_BUYERS;
const readBit = (metric: (typeof FRAME_TOTALS)[number]): number => 1 << FRAME_TOTALS.indexOf(metric);
const SHARE_READ = readBit("usShare");
const NET_READ = readBit("nvidiaNet");
const CHINA_READ = readBit("chinaRevenue");
const H20_READ = readBit("h20Equivalent");

/** The `reads` mask of frame indexes: the buyer blocks if any index is in one, else the totals at those indexes. */
export function readsOf(layout: FrameLayout, indexes: Iterable<number>): number {
  let reads = 0;
  for (const i of indexes) {
    const at = i % layout.periodSize;
    reads |= at < T ? 1 << at : READS_BUYERS;
  }
  return reads;
}

/** Units shipped to all buyers in the periods so far (the cumulative China-to-US cap's base), summed in buyer order. */
function shippedSoFar(before: Float64Array, nb: number): number {
  let total = 0;
  for (let b = 0; b < nb; b++) total += before[b];
  return total;
}

// Offsets in the flat layout (flat.ts), fixed once from the field catalogue. Module-level copies:
// an imported binding compiles (tsc, CommonJS: the CLI and the bench) to a property read of the
// module object at every use, which the optimiser does not fold; in the loop it cost ~20%.
const { PERIOD_FIELDS: P, BUYER_FIELDS: BF, DERIVED_FIELDS: DF, GATE, QUOTA, OWN_RATE, KEPT, LIMIT, periodApprovalRate: approvalRateOf } = flatLayout;
const SHARE = periodField("us", "revenueShare");
const CAP_OF_US = periodField("us", "chinaCapOfUsVolume");
const US_SHIPMENTS = periodField("us", "usShipments");
const US_SCOPE = periodField("us", "chinaCapScope");
const CAP_SCOPE = periodField("cap", "scope");
const PRICE = periodField("market", "h200Price");
const SUPPLY = periodField("market", "supply");
const MULTIPLE = periodField("market", "h20Multiple");
const BASELINE = periodField("market", "baselineChinaRevenue");
const REQUESTED = buyerField("requested");
const BUYER_ORDERS = buyerField("orderRate");
const CHINA_ORDERS = periodField("china", "orderRate");
const CUMULATIVE = wordCode("cap", "scope", "cumulative");
const US_CUMULATIVE = wordCode("us", "chinaCapScope", "cumulative");

/**
 * docs/model.md's pipeline, written out over a flat scenario: periods in order, with each
 * buyer's shipments so far for the cumulative limits; the same arithmetic in the same order as
 * `evaluate`, so both agree to the last bit (null is NaN here: `x !== x` reads "unset").
 * `reads` (readsOf) says what the caller reads: without READS_BUYERS the buyer blocks keep
 * whatever they held, and the US share, net and H20 sums are skipped unless a total read needs
 * them (those totals then hold 0); requested, shipped, revenue and the baselines are always right.
 */
export function evaluateFlat(flat: FlatScenario, frame: Float64Array, reads = READS_ALL): void {
  const pv = flat.periods;
  const bv = flat.buyers;
  const dv = flat.derived;
  const nb = flat.buyerCount;
  const periodSize = T + nb * B;
  const periods = flat.periodCount;
  if (scratch.length < 2 * nb) scratch = new Float64Array(2 * nb);
  // scratch[b]: buyer b's units shipped in the periods so far; scratch[nb + b]: its demand before the supply step.
  const before = scratch;
  // A loop, not before.fill(0, 0, nb): the builtin's call costs more than the stores at this size.
  for (let b = 0; b < nb; b++) before[b] = 0;
  const full = (reads & READS_BUYERS) !== 0;
  // The US share and net only when read (chinaRevenue reads net when the share is contra-revenue); H20 equivalents only when read.
  const split = full || (reads & (SHARE_READ | NET_READ)) !== 0 || (!flat.cost && (reads & CHINA_READ) !== 0);
  const equivalents = full || (reads & H20_READ) !== 0;
  // NaN once a period's US shipments are unset: the cumulative base is then unset too.
  let usThrough = 0;
  const cost = flat.cost;
  for (let t = 0; t < periods; t++) {
    const base = t * periodSize;
    const p = t * P;
    const usT = pv[p + US_SHIPMENTS];
    usThrough += usT;
    const capCumulative = pv[p + CAP_SCOPE] === CUMULATIVE;
    // The approval rate of buyers without their own (flat.ts, with the OWN_RATE operand).
    const periodRate = approvalRateOf(pv, t);
    const policyOrders = pv[p + CHINA_ORDERS];
    let demand = 0;
    let requestedTotal = 0;
    // k and d: the buyer-period's blocks in the flat copy's buyer fields and operands (flat.ts).
    for (let b = 0, k = t * nb * BF, d = t * nb * DF; b < nb; b++, k += BF, d += DF) {
      const r = bv[k + REQUESTED];
      // The operands (flat.ts DERIVED) stand for the steps' branches: factors of 1 or 0 are exact.
      const u1 = dv[d + GATE] === 1 ? Math.min(r, Math.max(0, dv[d + QUOTA] - before[b])) : 0;
      const ownRate = dv[d + OWN_RATE];
      const u2 = u1 * (ownRate === ownRate ? ownRate : periodRate);
      const ownOrders = bv[k + BUYER_ORDERS];
      const u3 = u2 * (ownOrders === ownOrders ? ownOrders : policyOrders);
      const u4 = u3 * dv[d + KEPT];
      const limit = dv[d + LIMIT];
      const u5 = Math.min(u4, capCumulative ? Math.max(0, limit - before[b]) : limit);
      if (full) {
        const o = base + T + b * B;
        frame[o] = r;
        frame[o + 1] = u1;
        frame[o + 2] = u2;
        frame[o + 3] = u3;
        frame[o + 4] = u4;
        frame[o + 5] = u5;
      }
      before[nb + b] = u5;
      requestedTotal += r;
      demand += u5;
    }
    const capOfUs = pv[p + CAP_OF_US];
    const usCumulative = pv[p + US_SCOPE] === US_CUMULATIVE;
    const usBase = usCumulative ? usThrough : usT;
    const supply = pv[p + SUPPLY];
    const limit = capOfUs !== capOfUs || usBase !== usBase ? supply : Math.min(supply, usCumulative ? Math.max(0, capOfUs * usBase - shippedSoFar(before, nb)) : capOfUs * usBase);
    const within = demand <= limit;
    const share = pv[p + SHARE];
    const price = pv[p + PRICE];
    const multiple = pv[p + MULTIPLE];
    let shipped = 0;
    let revenue = 0;
    let usShare = 0;
    let net = 0;
    let h20 = 0;
    for (let b = 0; b < nb; b++) {
      const wanted = before[nb + b];
      const q = within ? wanted : (wanted * limit) / demand;
      const rev = q * price;
      shipped += q;
      revenue += rev;
      before[b] += q;
      if (split) {
        const toUs = rev * share;
        usShare += toUs;
        net += rev - toUs;
      }
      if (equivalents) h20 += q * multiple;
      if (full) {
        const o = base + T + b * B;
        const toUs = rev * share;
        frame[o + 6] = q;
        frame[o + 7] = q;
        frame[o + 8] = rev;
        frame[o + 9] = toUs;
        frame[o + 10] = rev - toUs;
        frame[o + 11] = q * multiple;
      }
    }
    const baseline = pv[p + BASELINE];
    frame[base] = requestedTotal;
    frame[base + 1] = shipped;
    frame[base + 2] = revenue;
    frame[base + 3] = usShare;
    frame[base + 4] = net;
    frame[base + 5] = h20;
    frame[base + 6] = baseline + (cost ? revenue : net);
    frame[base + 7] = baseline;
  }
}

/** evaluateFlat's working values per buyer, reused across calls (grown when needed). */
let scratch = new Float64Array(64);

/** Fills `frame` from an evaluation (any pipeline; the built-in steps' quantities from each buyer's trail). */
export function frameOf(evaluation: Evaluation, frame: Float64Array): void {
  const periodSize = T + (evaluation.periods[0]?.buyers.length ?? 0) * B;
  evaluation.periods.forEach((p, t) => {
    const base = t * periodSize;
    FRAME_TOTALS.forEach((k, i) => (frame[base + i] = p.totals[k]));
    p.buyers.forEach((o, b) => {
      const at = base + T + b * B;
      STEP_IDS.forEach((id, i) => (frame[at + i] = o.steps[id]));
      const k = STEP_IDS.length;
      frame[at + k] = o.shipped;
      frame[at + k + 1] = o.revenue;
      frame[at + k + 2] = o.usShare;
      frame[at + k + 3] = o.nvidiaNet;
      frame[at + k + 4] = o.h20Equivalent;
    });
  });
}
