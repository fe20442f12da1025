/**
 * A second, independent reading of the model's contract (version 2): a plain, slow evaluator
 * written from the contract's text alone, for the contract law (test/engine/contract.test.ts)
 * and the model document's example (test/docs/modelDoc.test.ts).
 *
 * It reads the RAW scenario document, applies its own defaults table, expands per-period
 * values itself and keeps its own cumulative state. It imports nothing from src/: sharing a
 * helper with the engine would let one mistake agree with itself. It assumes a valid document
 * without custom rules (validation is the engine's job, and the law checks the engine accepts).
 */

/** A parsed JSON document, read loosely. */
type Doc = { readonly [key: string]: unknown };

/** The built-in steps, in pipeline order. */
export const REFERENCE_STEPS = ["requested", "us_license", "china_access", "orders", "public_sector", "domestic_ratio", "supply"] as const;
export type ReferenceStep = (typeof REFERENCE_STEPS)[number];

export interface ReferenceBuyer {
  name: string;
  shipped: number;
  revenue: number;
  usShare: number;
  nvidiaNet: number;
  h20Equivalent: number;
  /** The last step that removed units; "none" if nothing was removed. */
  binding: ReferenceStep | "none";
  /** The step that removed the most units (the earlier on a tie); "none" if nothing was removed. */
  largestCut: ReferenceStep | "none";
  steps: Record<ReferenceStep, number>;
}

export interface ReferenceTotals {
  requested: number;
  shipped: number;
  revenue: number;
  usShare: number;
  nvidiaNet: number;
  h20Equivalent: number;
  chinaRevenue: number;
}

export interface ReferencePeriod {
  period: string;
  buyers: ReferenceBuyer[];
  totals: ReferenceTotals;
}

export interface ReferenceEvaluation {
  scenario: string;
  periods: ReferencePeriod[];
}

/** Marks a field without a default: the document must give it. */
const REQUIRED = Symbol("required");
type Default = number | boolean | string | null | typeof REQUIRED;

/** Every per-period field's default, by group, as the contract lists them. */
const DEFAULTS: Record<"us" | "china" | "cap" | "market" | "buyer", Record<string, Default>> = {
  us: { exportsAllowed: true, approvedCustomersOnly: true, revenueShare: 0.25, chinaCapOfUsVolume: null, usShipments: null, chinaCapScope: "period" },
  china: { access: "open", approvalRate: null, orderRate: 1, publicSectorBan: false },
  cap: { basis: "none", ratio: null, scope: "period" },
  market: { h200Price: REQUIRED, domesticPrice: null, supply: REQUIRED, h20Multiple: 6, baselineChinaRevenue: 0 },
  buyer: {
    requested: REQUIRED,
    domesticUnits: REQUIRED,
    domesticValue: null,
    publicSectorShare: 0,
    usApproved: true,
    licensedUnits: null,
    approvalRate: null,
    orderRate: null,
  },
};

const asDoc = (v: unknown): Doc => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Doc) : {});

/**
 * A field's value in each of n periods: one value repeats, a list gives one per period, and a
 * missing value or a per-period null is the field's default.
 */
function expand(obj: Doc, group: keyof typeof DEFAULTS, key: string, n: number): unknown[] {
  const fallback = DEFAULTS[group][key];
  const raw = obj[key];
  const values = Array.isArray(raw) ? raw : Array.from({ length: n }, () => raw);
  if (values.length !== n) throw new Error(`reference: ${group}.${key} has ${values.length} values for ${n} periods`);
  return values.map((v) => {
    if (v !== undefined && v !== null) return v;
    if (fallback === REQUIRED) throw new Error(`reference: ${group}.${key} is required`);
    return fallback;
  });
}

/** Every default-carrying field of a group, expanded: field name -> one value per period. */
function expandGroup(obj: Doc, group: keyof typeof DEFAULTS, n: number): Record<string, unknown[]> {
  return Object.fromEntries(Object.keys(DEFAULTS[group]).map((key) => [key, expand(obj, group, key, n)]));
}

const num = (v: unknown): number => v as number;
const numOrNull = (v: unknown): number | null => (v === null ? null : (v as number));

/** Buyer b's quantity after each step in period t, before the supply step (which needs every buyer). */
interface BuyerTrail {
  requested: number;
  us_license: number;
  china_access: number;
  orders: number;
  public_sector: number;
  domestic_ratio: number;
}

/**
 * Evaluates a valid scenario document (no custom rules) by the contract, period by period,
 * into the shape `chips evaluate --json` prints.
 */
export function referenceEvaluate(document: unknown): ReferenceEvaluation {
  const doc = asDoc(document);
  const periods = (doc.periods as unknown[]).map(String);
  const n = periods.length;
  const usDoc = asDoc(doc.us);
  const chinaDoc = asDoc(doc.china);
  const marketDoc = asDoc(doc.market);
  const us = expandGroup(usDoc, "us", n);
  const china = expandGroup(chinaDoc, "china", n);
  const cap = expandGroup(asDoc(chinaDoc.cap), "cap", n);
  const market = expandGroup(marketDoc, "market", n);
  const usShareTreatment = (marketDoc.usShareTreatment ?? "cost") as string;
  const buyerDocs = (doc.buyers as unknown[]).map(asDoc);
  const buyers = buyerDocs.map((b) => expandGroup(b, "buyer", n));

  // The cumulative state: what each buyer, and all buyers, shipped before the current period,
  // and the US shipments through it.
  const shippedBefore = buyers.map(() => 0);
  let allShippedBefore = 0;
  let usShipmentsSoFar = 0;

  /** Buyer b's domestic-ratio cap in period t, in H200 units; less what it already shipped when the cap counts cumulatively. */
  const domesticAllowance = (t: number, b: number): number => {
    const basis = cap.basis[t];
    if (basis === "none") return Infinity;
    const buyer = buyers[b];
    const ratio = num(cap.ratio[t]);
    const value = (): number => numOrNull(buyer.domesticValue[t]) ?? num(buyer.domesticUnits[t]) * num(market.domesticPrice[t]);
    const limit = basis === "units" ? ratio * num(buyer.domesticUnits[t]) : (ratio * value()) / num(market.h200Price[t]);
    return cap.scope[t] === "cumulative" ? Math.max(0, limit - shippedBefore[b]) : limit;
  };

  const out: ReferencePeriod[] = [];
  for (let t = 0; t < n; t++) {
    const trails: BuyerTrail[] = buyers.map((buyer, b) => {
      const R = num(buyer.requested[t]);

      // us_license: Washington's licence, and its unit quota over all periods together.
      const licensed = us.exportsAllowed[t] === true && (us.approvedCustomersOnly[t] !== true || buyer.usApproved[t] === true);
      const quota = numOrNull(buyer.licensedUnits[t]);
      const U = !licensed ? 0 : quota === null ? R : Math.max(0, Math.min(R, quota - shippedBefore[b]));

      // china_access: Beijing's gate.
      const access = china.access[t];
      const approvalRate = numOrNull(buyer.approvalRate[t]) ?? numOrNull(china.approvalRate[t]);
      const A = access === "open" ? U : access === "blocked" ? 0 : U * num(approvalRate);

      // orders: the approved volume that turns into firm orders.
      const orderRate = numOrNull(buyer.orderRate[t]) ?? num(china.orderRate[t]);
      const O = A * orderRate;

      // public_sector: the ban removes the public-sector share.
      const P = china.publicSectorBan[t] === true ? O * (1 - num(buyer.publicSectorShare[t])) : O;

      // domestic_ratio: the cap tied to the domestic processors held and planned by period t.
      const C = Math.min(P, domesticAllowance(t, b));
      return { requested: R, us_license: U, china_access: A, orders: O, public_sector: P, domestic_ratio: C };
    });

    // supply: Nvidia's allocation to China, lowered by the BIS cap on China vs US volume.
    let L = num(market.supply[t]);
    const capOfUs = numOrNull(us.chinaCapOfUsVolume[t]);
    const usShipments = numOrNull(us.usShipments[t]);
    usShipmentsSoFar += usShipments ?? 0;
    if (capOfUs !== null) {
      const bis = us.chinaCapScope[t] === "cumulative" ? Math.max(0, capOfUs * usShipmentsSoFar - allShippedBefore) : capOfUs * num(usShipments);
      L = Math.min(L, bis);
    }
    let D = 0;
    for (const trail of trails) D += trail.domestic_ratio;
    const shipped = trails.map((trail) => (D > L ? (trail.domestic_ratio * L) / D : trail.domestic_ratio));

    const buyerOutcomes = buyers.map((_, b): ReferenceBuyer => {
      const steps: Record<ReferenceStep, number> = { ...trails[b], supply: shipped[b] };
      const S = shipped[b];
      const revenue = S * num(market.h200Price[t]);
      const usShare = revenue * num(us.revenueShare[t]);
      return {
        name: String(buyerDocs[b].name),
        shipped: S,
        revenue,
        usShare,
        nvidiaNet: revenue - usShare,
        h20Equivalent: S * num(market.h20Multiple[t]),
        binding: lastCut(steps),
        largestCut: largestCut(steps),
        steps,
      };
    });

    const sum = (pick: (o: ReferenceBuyer) => number): number => buyerOutcomes.reduce((acc, o) => acc + pick(o), 0);
    const revenue = sum((o) => o.revenue);
    const nvidiaNet = sum((o) => o.nvidiaNet);
    out.push({
      period: periods[t],
      buyers: buyerOutcomes,
      totals: {
        requested: sum((o) => o.steps.requested),
        shipped: sum((o) => o.shipped),
        revenue,
        usShare: sum((o) => o.usShare),
        nvidiaNet,
        h20Equivalent: sum((o) => o.h20Equivalent),
        chinaRevenue: num(market.baselineChinaRevenue[t]) + (usShareTreatment === "cost" ? revenue : nvidiaNet),
      },
    });

    shipped.forEach((s, b) => (shippedBefore[b] += s));
    for (const s of shipped) allShippedBefore += s;
  }
  return { scenario: String(doc.name), periods: out };
}

/** Units each step removed from the quantity before it, in pipeline order (from us_license on). */
const cuts = (steps: Record<ReferenceStep, number>): { step: ReferenceStep; removed: number }[] =>
  REFERENCE_STEPS.slice(1).map((step, k) => ({ step, removed: steps[REFERENCE_STEPS[k]] - steps[step] }));

/** The last step that removed units: where the buyer's shipments end. */
function lastCut(steps: Record<ReferenceStep, number>): ReferenceStep | "none" {
  if (steps.supply === steps.requested) return "none";
  const removing = cuts(steps).filter((c) => c.removed > 0);
  return removing.length === 0 ? "none" : removing[removing.length - 1].step;
}

/** The step that removed the most units; the earlier step wins a tie. */
function largestCut(steps: Record<ReferenceStep, number>): ReferenceStep | "none" {
  if (steps.supply === steps.requested) return "none";
  let best: ReferenceStep | "none" = "none";
  let most = 0;
  for (const { step, removed } of cuts(steps)) {
    if (removed > most) {
      best = step;
      most = removed;
    }
  }
  return best;
}
