/**
 * The rule pipeline of docs/model.md as data: an ordered list of named steps. Buyer steps map one
 * buyer's quantity; allocation steps see every buyer of the period at once (supply pro-rata).
 * Steps read the policy in force in the period and what was shipped before it (cumulative
 * limits). Custom rules insert steps into this list rather than rewrite evaluation.
 */
import type { ArgValue, CoreName } from "./cores";
import { domesticRatioCap } from "./domesticRatioCap";
import { BuyerAt, PolicyAt, Scenario } from "./scenario";
import { allocateSupply, chinaAccess, domesticRatio, orders, publicSector, supplyLimit, usLicense } from "./steps";

export type StepId = string;

/** What the steps of period t see: the policy and buyers in force, and what shipped before t. */
export interface PeriodContext {
  readonly t: number;
  readonly scenario: Scenario;
  readonly policy: PolicyAt;
  readonly buyers: readonly BuyerAt[];
  /** Each buyer's shipped units in the periods before t (cumulative limits subtract these). */
  readonly shippedBefore: readonly number[];
  /** All buyers' shipped units in the periods before t. */
  readonly totalShippedBefore: number;
  /** US shipments summed over the periods through t (the cumulative China-to-US cap); null when one is unset. */
  readonly usShipmentsThrough: number | null;
}

/** The quantity after a buyer-level step, from the quantity before it. */
export interface BuyerStep {
  readonly id: StepId;
  readonly kind: "buyer";
  apply(units: number, b: number, period: PeriodContext): number;
}

/** The quantities after a step that allocates across all buyers of one period (writes `units` in place). */
export interface AllocationStep {
  readonly id: StepId;
  readonly kind: "allocation";
  apply(units: number[], period: PeriodContext): void;
}

export type Step = BuyerStep | AllocationStep;

/**
 * A row of the step catalogue: a built-in step with its label, its short (two-line) header, and
 * the CHIPS step function that mirrors it with the arguments it takes from the scenario (a law
 * checks the two agree on random scenarios, for every row).
 */
export type BuiltInStep = Step & {
  readonly label: string;
  readonly header: string;
  /** The mirroring core: for a buyer step, its value; for the allocation step, the supply it shares out. */
  readonly core?: CoreName;
  coreArgs?(units: number, b: number, period: PeriodContext): ArgValue[];
};

export const STEP_IDS = ["requested", "us_license", "china_access", "orders", "public_sector", "domestic_ratio", "supply"] as const;
export type BuiltInStepId = (typeof STEP_IDS)[number];

const requestedStep: BuiltInStep = {
  id: "requested",
  label: "Requested",
  header: "\nRequested",
  kind: "buyer",
  apply: (_units, b, p) => p.buyers[b].requested,
};

const usLicenseStep: BuiltInStep = {
  id: "us_license",
  label: "US license",
  header: "US\nlicense",
  kind: "buyer",
  apply: (units, b, p) => usLicense(units, { ...p.policy.us, usApproved: p.buyers[b].usApproved, licensedUnits: p.buyers[b].licensedUnits, shippedBefore: p.shippedBefore[b] }),
  core: "US_LICENSE",
  coreArgs: (units, b, { policy: { us }, buyers, shippedBefore }) => [
    units,
    buyers[b].usApproved,
    us.exportsAllowed,
    us.approvedCustomersOnly,
    buyers[b].licensedUnits,
    buyers[b].licensedUnits === null ? null : shippedBefore[b],
  ],
};

/** A buyer's approval rate in force: its own, else Beijing's. */
export const approvalRateOf = (buyer: BuyerAt, p: PolicyAt): number | null => buyer.approvalRate ?? p.china.approvalRate;
/** A buyer's order rate in force: its own, else China's. */
export const orderRateOf = (buyer: BuyerAt, p: PolicyAt): number => buyer.orderRate ?? p.china.orderRate;

const chinaAccessStep: BuiltInStep = {
  id: "china_access",
  label: "China access",
  header: "China\naccess",
  kind: "buyer",
  apply: (units, b, p) => chinaAccess(units, p.policy.china.access, approvalRateOf(p.buyers[b], p.policy) ?? 0),
  core: "CHINA_ACCESS",
  coreArgs: (units, b, p) => [units, p.policy.china.access, approvalRateOf(p.buyers[b], p.policy)],
};

const ordersStep: BuiltInStep = {
  id: "orders",
  label: "Orders",
  header: "\nOrders",
  kind: "buyer",
  apply: (units, b, p) => orders(units, orderRateOf(p.buyers[b], p.policy)),
  core: "ORDERS",
  coreArgs: (units, b, p) => [units, orderRateOf(p.buyers[b], p.policy)],
};

const publicSectorStep: BuiltInStep = {
  id: "public_sector",
  label: "Public sector",
  header: "Public\nsector",
  kind: "buyer",
  apply: (units, b, p) => publicSector(units, p.buyers[b].publicSectorShare, p.policy.china.publicSectorBan),
  core: "PUBLIC_SECTOR",
  coreArgs: (units, b, p) => [units, p.buyers[b].publicSectorShare, p.policy.china.publicSectorBan],
};

/** A buyer's domestic-ratio cap in period t, in H200 units (+Infinity on basis "none"), before any cumulative subtraction. */
export function buyerCap(buyer: BuyerAt, { china, market }: PolicyAt): number {
  return domesticRatioCap(china.cap, { domesticUnits: buyer.domesticUnits, domesticValue: buyer.domesticValue, domesticPrice: market.domesticPrice, h200Price: market.h200Price });
}

const domesticRatioStep: BuiltInStep = {
  id: "domestic_ratio",
  label: "Domestic ratio",
  header: "Domestic\nratio",
  kind: "buyer",
  apply: (units, b, p) => domesticRatio(units, buyerCap(p.buyers[b], p.policy), p.policy.china.cap.scope === "cumulative" ? p.shippedBefore[b] : null),
  core: "DOMESTIC_RATIO",
  // The holdings are worth domesticValue when given, else domesticUnits x domesticPrice (dollars basis).
  coreArgs: (units, b, p) => {
    const { china, market } = p.policy;
    const buyer = p.buyers[b];
    const before = china.cap.scope === "cumulative" ? p.shippedBefore[b] : null;
    return china.cap.basis === "dollars" && buyer.domesticValue !== null
      ? [units, buyer.domesticValue, china.cap.ratio, china.cap.basis, market.h200Price, null, before]
      : [units, buyer.domesticUnits, china.cap.ratio, china.cap.basis, market.h200Price, china.cap.basis === "dollars" ? market.domesticPrice : null, before];
  },
};

/**
 * The H200 units Nvidia can allocate to China in a period: `supply`, lowered to
 * chinaCapOfUsVolume x usShipments when that cap is set (cumulative scope: x the US shipments
 * so far, less China's shipments so far).
 */
export function effectiveSupply(p: PeriodContext): number {
  const { us, market } = p.policy;
  const cumulative = us.chinaCapScope === "cumulative";
  return supplyLimit(market.supply, us.chinaCapOfUsVolume, cumulative ? p.usShipmentsThrough : us.usShipments, cumulative ? p.totalShippedBefore : null);
}

const supplyStep: BuiltInStep = {
  id: "supply",
  label: "Supply = shipped",
  header: "Supply\n=shipped",
  kind: "allocation",
  apply: (units, p) => {
    allocateSupply(units, effectiveSupply(p), units);
  },
  core: "SUPPLY_LIMIT",
  coreArgs: (_units, _b, p) => {
    const { us, market } = p.policy;
    const cumulative = us.chinaCapScope === "cumulative";
    return [market.supply, us.chinaCapOfUsVolume, cumulative ? p.usShipmentsThrough : us.usShipments, cumulative && us.chinaCapOfUsVolume !== null ? p.totalShippedBefore : null];
  },
};

/** docs/model.md's pipeline, in order: the step catalogue. */
export const PIPELINE: readonly BuiltInStep[] = [requestedStep, usLicenseStep, chinaAccessStep, ordersStep, publicSectorStep, domesticRatioStep, supplyStep];
