/**
 * The rule pipeline of MODEL.md as data: an ordered list of named steps. Buyer steps map one
 * buyer's quantity; allocation steps see every buyer of the period at once (supply pro-rata).
 * Later extensions (custom rules) insert steps into this list rather than rewrite evaluation.
 */
import { domesticRatioCap } from "./domesticRatioCap";
import { Buyer, Scenario } from "./scenario";
import { allocateSupply, chinaAccess, publicSector, supplyLimit, usLicense } from "./steps";

export type StepId = string;

/** The quantity after a buyer-level step, from the quantity before it. */
export interface BuyerStep {
  readonly id: StepId;
  readonly kind: "buyer";
  apply(units: number, buyer: Buyer, period: number, scenario: Scenario): number;
}

/** The quantities after a step that allocates across all buyers of one period (writes `units` in place). */
export interface AllocationStep {
  readonly id: StepId;
  readonly kind: "allocation";
  apply(units: number[], period: number, scenario: Scenario): void;
}

export type Step = BuyerStep | AllocationStep;

export const STEP_IDS = ["requested", "us_license", "china_access", "public_sector", "domestic_ratio", "supply"] as const;
export type BuiltInStepId = (typeof STEP_IDS)[number];

const requestedStep: BuyerStep = {
  id: "requested",
  kind: "buyer",
  apply: (_units, buyer, t) => buyer.requested[t],
};

const usLicenseStep: BuyerStep = {
  id: "us_license",
  kind: "buyer",
  apply: (units, buyer, _t, { us }) => usLicense(units, { ...us, usApproved: buyer.usApproved }),
};

const chinaAccessStep: BuyerStep = {
  id: "china_access",
  kind: "buyer",
  apply: (units, buyer, _t, { china }) => chinaAccess(units, china.access, buyer.approvalRate ?? china.approvalRate ?? 0),
};

const publicSectorStep: BuyerStep = {
  id: "public_sector",
  kind: "buyer",
  apply: (units, buyer, _t, { china }) => publicSector(units, buyer.publicSectorShare, china.publicSectorBan),
};

const domesticRatioStep: BuyerStep = {
  id: "domestic_ratio",
  kind: "buyer",
  apply: (units, buyer, _t, { china, market }) =>
    Math.min(
      units,
      domesticRatioCap(china.cap, {
        domesticUnits: buyer.domesticUnits,
        domesticValue: buyer.domesticValue,
        domesticPrice: market.domesticPrice,
        h200Price: market.h200Price,
      }),
    ),
};

/**
 * The H200 units Nvidia can allocate to China in period t: `supply`, lowered to
 * chinaCapOfUsVolume x usShipments when that cap is set.
 */
export function effectiveSupply(scenario: Scenario, t: number): number {
  const { us, market } = scenario;
  return supplyLimit(market.supply[t], us.chinaCapOfUsVolume, us.usShipments ? us.usShipments[t] : null);
}

const supplyStep: AllocationStep = {
  id: "supply",
  kind: "allocation",
  apply: (units, t, scenario) => {
    allocateSupply(units, effectiveSupply(scenario, t), units);
  },
};

/** MODEL.md's pipeline, in order. */
export const PIPELINE: readonly Step[] = [requestedStep, usLicenseStep, chinaAccessStep, publicSectorStep, domesticRatioStep, supplyStep];
