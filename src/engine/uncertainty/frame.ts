/**
 * One evaluation as a flat Float64Array ("frame"), so outputs are read by index and the Monte
 * Carlo loop allocates nothing per iteration. Per period t, at t x periodSize: the 8 period
 * totals, then per buyer the quantity after each built-in step and the buyer's outputs.
 * `evaluateInto` fills a frame with an allocation-free loop over MODEL.md's built-in pipeline,
 * doing the same arithmetic in the same order as `evaluate`, so both agree to the last bit;
 * `frameOf` fills one from an Evaluation (the general path, used when custom rules are present).
 */
import { Evaluation } from "../evaluate";
import { STEP_IDS } from "../pipeline";
import { Scenario } from "../scenario";
import { TOTAL_METRICS } from "../scenarioMetric";
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
 * Evaluates a scenario without custom rules into `frame`: MODEL.md's pipeline, written out,
 * periods in order with each buyer's shipments so far for the cumulative limits. Callers check
 * `rules` first (see evaluator.ts). With `buyerFigures` false the buyer blocks are still
 * written (they are the loop's working space); only the period totals are read then.
 */
export function evaluateInto(s: WorkingScenario | Scenario, frame: Float64Array, _buyerFigures = true): void {
  const { us, china, market, buyers } = s;
  const cap = china.cap;
  const nb = buyers.length;
  const periodSize = T + nb * B;
  const periods = s.periods.length;
  if (scratch.length < nb) scratch = new Float64Array(nb);
  // before[b]: buyer b's units shipped in the periods so far.
  const before = scratch;
  before.fill(0, 0, nb);
  let usThrough: number | null = 0;
  const cost = market.usShareTreatment === "cost";
  for (let t = 0; t < periods; t++) {
    const base = t * periodSize;
    const usT = us.usShipments[t];
    usThrough = usThrough === null || usT === null ? null : usThrough + usT;
    let totalBefore = 0;
    for (let b = 0; b < nb; b++) totalBefore += before[b];
    const exportsAllowed = us.exportsAllowed[t];
    const approvedOnly = us.approvedCustomersOnly[t];
    const access = china.access[t];
    const chinaRate = china.approvalRate[t];
    const chinaOrders = china.orderRate[t];
    const ban = china.publicSectorBan[t];
    const basis = cap.ratio[t] === null ? "none" : cap.basis[t];
    const ratio = cap.ratio[t] ?? 0;
    const capCumulative = cap.scope[t] === "cumulative";
    const price = market.h200Price[t];
    const domesticPrice = market.domesticPrice[t];
    let demand = 0;
    for (let b = 0; b < nb; b++) {
      const buyer = buyers[b];
      const o = base + T + b * B;
      let u = buyer.requested[t];
      frame[o] = u;
      const licensed = buyer.licensedUnits[t];
      u = exportsAllowed && (!approvedOnly || buyer.usApproved[t]) ? (licensed === null ? u : Math.min(u, Math.max(0, licensed - before[b]))) : 0;
      frame[o + 1] = u;
      u = access === "open" ? u : access === "blocked" ? 0 : u * (buyer.approvalRate[t] ?? chinaRate ?? 0);
      frame[o + 2] = u;
      u = u * (buyer.orderRate[t] ?? chinaOrders);
      frame[o + 3] = u;
      u = ban ? u * (1 - buyer.publicSectorShare[t]) : u;
      frame[o + 4] = u;
      const limit =
        basis === "none"
          ? Infinity
          : basis === "units"
            ? ratio * buyer.domesticUnits[t]
            : (ratio * (buyer.domesticValue[t] ?? buyer.domesticUnits[t] * (domesticPrice ?? NaN))) / price;
      u = Math.min(u, capCumulative ? Math.max(0, limit - before[b]) : limit);
      frame[o + 5] = u;
      demand += u;
    }
    const capOfUs = us.chinaCapOfUsVolume[t];
    const usCumulative = us.chinaCapScope[t] === "cumulative";
    const usBase = usCumulative ? usThrough : usT;
    const supply = market.supply[t];
    const limit = capOfUs === null || usBase === null ? supply : Math.min(supply, usCumulative ? Math.max(0, capOfUs * usBase - totalBefore) : capOfUs * usBase);
    const within = demand <= limit;
    const share = us.revenueShare[t];
    const multiple = market.h20Multiple[t];
    let requested = 0;
    let shipped = 0;
    let revenue = 0;
    let usShare = 0;
    let net = 0;
    let h20 = 0;
    for (let b = 0; b < nb; b++) {
      const o = base + T + b * B;
      const d = frame[o + 5];
      const q = within ? d : (d * limit) / demand;
      const rev = q * price;
      const toUs = rev * share;
      const n = rev - toUs;
      const e = q * multiple;
      frame[o + 6] = q;
      frame[o + 7] = q;
      frame[o + 8] = rev;
      frame[o + 9] = toUs;
      frame[o + 10] = n;
      frame[o + 11] = e;
      requested += frame[o];
      shipped += q;
      revenue += rev;
      usShare += toUs;
      net += n;
      h20 += e;
      before[b] += q;
    }
    const baseline = market.baselineChinaRevenue[t];
    frame[base] = requested;
    frame[base + 1] = shipped;
    frame[base + 2] = revenue;
    frame[base + 3] = usShare;
    frame[base + 4] = net;
    frame[base + 5] = h20;
    frame[base + 6] = baseline + (cost ? revenue : net);
    frame[base + 7] = baseline;
  }
}

/** Each buyer's shipments so far in evaluateInto, reused across calls (grown when needed). */
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
