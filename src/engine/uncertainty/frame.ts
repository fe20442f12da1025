/**
 * One evaluation as a flat Float64Array ("frame"), so outputs are read by index and the Monte
 * Carlo loop allocates nothing per iteration. Per period t, at t x periodSize: the 8 period
 * totals, then per buyer the quantity after each built-in step and the buyer's outputs.
 * `evaluateInto` fills a frame with an allocation-free loop over docs/model.md's built-in pipeline,
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
 * Evaluates a scenario without custom rules into `frame`: docs/model.md's pipeline, written out,
 * periods in order with each buyer's shipments so far for the cumulative limits. Callers check
 * `rules` first (see evaluator.ts). With `buyerFigures` false only the period totals are
 * written (the buyer blocks keep whatever they held): fewer writes when no output reads a buyer.
 */
export function evaluateInto(s: WorkingScenario | Scenario, frame: Float64Array, buyerFigures = true): void {
  const { us, china, market, buyers } = s;
  const cap = china.cap;
  const nb = buyers.length;
  const periodSize = T + nb * B;
  const periods = s.periods.length;
  if (scratch.length < 2 * nb) scratch = new Float64Array(2 * nb);
  // scratch[b]: buyer b's units shipped in the periods so far; scratch[nb + b]: its demand before the supply step.
  const before = scratch;
  before.fill(0, 0, nb);
  const full = buyerFigures;
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
    let requestedTotal = 0;
    for (let b = 0; b < nb; b++) {
      const buyer = buyers[b];
      const o = base + T + b * B;
      const r = buyer.requested[t];
      const licensed = buyer.licensedUnits[t];
      const u1 = exportsAllowed && (!approvedOnly || buyer.usApproved[t]) ? (licensed === null ? r : Math.min(r, Math.max(0, licensed - before[b]))) : 0;
      const u2 = access === "open" ? u1 : access === "blocked" ? 0 : u1 * (buyer.approvalRate[t] ?? chinaRate ?? 0);
      const u3 = u2 * (buyer.orderRate[t] ?? chinaOrders);
      const u4 = ban ? u3 * (1 - buyer.publicSectorShare[t]) : u3;
      const limit =
        basis === "none"
          ? Infinity
          : basis === "units"
            ? ratio * buyer.domesticUnits[t]
            : (ratio * (buyer.domesticValue[t] ?? buyer.domesticUnits[t] * (domesticPrice ?? NaN))) / price;
      const u5 = Math.min(u4, capCumulative ? Math.max(0, limit - before[b]) : limit);
      if (full) {
        frame[o] = r;
        frame[o + 1] = u1;
        frame[o + 2] = u2;
        frame[o + 3] = u3;
        frame[o + 4] = u4;
        frame[o + 5] = u5;
      }
      scratch[nb + b] = u5;
      requestedTotal += r;
      demand += u5;
    }
    const capOfUs = us.chinaCapOfUsVolume[t];
    const usCumulative = us.chinaCapScope[t] === "cumulative";
    const usBase = usCumulative ? usThrough : usT;
    const supply = market.supply[t];
    const limit = capOfUs === null || usBase === null ? supply : Math.min(supply, usCumulative ? Math.max(0, capOfUs * usBase - totalBefore) : capOfUs * usBase);
    const within = demand <= limit;
    const share = us.revenueShare[t];
    const multiple = market.h20Multiple[t];
    let shipped = 0;
    let revenue = 0;
    let usShare = 0;
    let net = 0;
    let h20 = 0;
    for (let b = 0; b < nb; b++) {
      const d = scratch[nb + b];
      const q = within ? d : (d * limit) / demand;
      const rev = q * price;
      const toUs = rev * share;
      const n = rev - toUs;
      const e = q * multiple;
      if (full) {
        const o = base + T + b * B;
        frame[o + 6] = q;
        frame[o + 7] = q;
        frame[o + 8] = rev;
        frame[o + 9] = toUs;
        frame[o + 10] = n;
        frame[o + 11] = e;
      }
      shipped += q;
      revenue += rev;
      usShare += toUs;
      net += n;
      h20 += e;
      before[b] += q;
    }
    const baseline = market.baselineChinaRevenue[t];
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

/** evaluateInto's working values per buyer, reused across calls (grown when needed). */
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
