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
 * Evaluates a scenario without custom rules into `frame`: MODEL.md's pipeline, written out.
 * Callers check `rules` first (see evaluator.ts). With `buyerFigures` false only the period
 * totals are written (the buyer blocks keep whatever they held).
 */
export function evaluateInto(s: WorkingScenario | Scenario, frame: Float64Array, buyerFigures = true): void {
  if (!buyerFigures) return evaluateTotalsInto(s, frame);
  const { us, china, market, buyers } = s;
  const nb = buyers.length;
  const periodSize = T + nb * B;
  const periods = s.periods.length;
  if (scratch.length < 4 * nb) scratch = new Float64Array(4 * nb);
  const sc = scratch;
  buyerConstantsInto(s, sc);
  const price = market.h200Price;
  const access = china.access;
  const ban = china.publicSectorBan;
  const accessCode = access === "open" ? 0 : access === "blocked" ? 1 : 2;
  const share = us.revenueShare;
  const multiple = market.h20Multiple;
  const cost = market.usShareTreatment === "cost";
  const capOfUs = us.chinaCapOfUsVolume;
  const usShipments = us.usShipments;
  for (let t = 0; t < periods; t++) {
    const base = t * periodSize;
    let demand = 0;
    for (let b = 0; b < nb; b++) {
      const o = base + T + b * B;
      let u = buyers[b].requested[t];
      frame[o] = u;
      u = sc[4 * b] === 1 ? u : 0;
      frame[o + 1] = u;
      u = accessCode === 0 ? u : accessCode === 1 ? 0 : u * sc[4 * b + 1];
      frame[o + 2] = u;
      u = ban ? u * sc[4 * b + 2] : u;
      frame[o + 3] = u;
      u = Math.min(u, sc[4 * b + 3]);
      frame[o + 4] = u;
      demand += u;
    }
    const supply = market.supply[t];
    const limit = capOfUs === null || usShipments === null ? supply : Math.min(supply, capOfUs * usShipments[t]);
    const within = demand <= limit;
    let requested = 0;
    let shipped = 0;
    let revenue = 0;
    let usShare = 0;
    let net = 0;
    let h20 = 0;
    for (let b = 0; b < nb; b++) {
      const o = base + T + b * B;
      const d = frame[o + 4];
      const q = within ? d : (d * limit) / demand;
      const rev = q * price;
      const toUs = rev * share;
      const n = rev - toUs;
      const e = q * multiple;
      frame[o + 5] = q;
      frame[o + 6] = q;
      frame[o + 7] = rev;
      frame[o + 8] = toUs;
      frame[o + 9] = n;
      frame[o + 10] = e;
      requested += frame[o];
      shipped += q;
      revenue += rev;
      usShare += toUs;
      net += n;
      h20 += e;
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

/** What does not change across periods, per buyer b: sc[4b] licensed (1/0), sc[4b+1] approval rate, sc[4b+2] 1 - public share, sc[4b+3] the cap. */
function buyerConstantsInto(s: WorkingScenario | Scenario, sc: Float64Array): void {
  const { us, china, market, buyers } = s;
  const basis = china.cap.ratio === null ? "none" : china.cap.basis;
  const ratio = china.cap.ratio ?? 0;
  const price = market.h200Price;
  for (let b = 0; b < buyers.length; b++) {
    const buyer = buyers[b];
    sc[4 * b] = us.exportsAllowed && (!us.approvedCustomersOnly || buyer.usApproved) ? 1 : 0;
    sc[4 * b + 1] = buyer.approvalRate ?? china.approvalRate ?? 0;
    sc[4 * b + 2] = 1 - buyer.publicSectorShare;
    sc[4 * b + 3] =
      basis === "none"
        ? Infinity
        : basis === "units"
          ? ratio * buyer.domesticUnits
          : (ratio * (buyer.domesticValue ?? buyer.domesticUnits * (market.domesticPrice ?? NaN))) / price;
  }
}

/** evaluateInto without the per-buyer figures: the same totals, fewer writes (when no output reads a buyer). */
function evaluateTotalsInto(s: WorkingScenario | Scenario, frame: Float64Array): void {
  const { us, china, market, buyers } = s;
  const nb = buyers.length;
  const periodSize = T + nb * B;
  const periods = s.periods.length;
  if (scratch.length < 5 * nb) scratch = new Float64Array(5 * nb);
  const sc = scratch;
  buyerConstantsInto(s, sc);
  const price = market.h200Price;
  const access = china.access;
  const ban = china.publicSectorBan;
  const accessCode = access === "open" ? 0 : access === "blocked" ? 1 : 2;
  const share = us.revenueShare;
  const multiple = market.h20Multiple;
  const cost = market.usShareTreatment === "cost";
  const capOfUs = us.chinaCapOfUsVolume;
  const usShipments = us.usShipments;
  for (let t = 0; t < periods; t++) {
    const base = t * periodSize;
    let demand = 0;
    for (let b = 0; b < nb; b++) {
      let u = buyers[b].requested[t];
      u = sc[4 * b] === 1 ? u : 0;
      u = accessCode === 0 ? u : accessCode === 1 ? 0 : u * sc[4 * b + 1];
      u = ban ? u * sc[4 * b + 2] : u;
      u = Math.min(u, sc[4 * b + 3]);
      sc[4 * nb + b] = u;
      demand += u;
    }
    const supply = market.supply[t];
    const limit = capOfUs === null || usShipments === null ? supply : Math.min(supply, capOfUs * usShipments[t]);
    const within = demand <= limit;
    let requested = 0;
    let shipped = 0;
    let revenue = 0;
    let usShare = 0;
    let net = 0;
    let h20 = 0;
    for (let b = 0; b < nb; b++) {
      const d = sc[4 * nb + b];
      const q = within ? d : (d * limit) / demand;
      const rev = q * price;
      const toUs = rev * share;
      const n = rev - toUs;
      const e = q * multiple;
      requested += buyers[b].requested[t];
      shipped += q;
      revenue += rev;
      usShare += toUs;
      net += n;
      h20 += e;
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

/** Per-buyer working values of evaluateInto, reused across calls (grown when needed). */
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
      frame[at + 6] = o.shipped;
      frame[at + 7] = o.revenue;
      frame[at + 8] = o.usShare;
      frame[at + 9] = o.nvidiaNet;
      frame[at + 10] = o.h20Equivalent;
    });
  });
}
