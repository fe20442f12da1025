/**
 * The rule pipeline of MODEL.md as data: an ordered list of named steps. Buyer steps map one
 * buyer's quantity; allocation steps see every buyer of the period at once (supply pro-rata).
 * Later extensions (custom rules) insert steps into this list rather than rewrite evaluation.
 */
import type { ArgValue, CoreName } from "./cores";
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
  coreArgs?(units: number, buyer: Buyer, period: number, scenario: Scenario): ArgValue[];
};

export const STEP_IDS = ["requested", "us_license", "china_access", "public_sector", "domestic_ratio", "supply"] as const;
export type BuiltInStepId = (typeof STEP_IDS)[number];

const requestedStep: BuiltInStep = {
  id: "requested",
  label: "Requested",
  header: "\nRequested",
  kind: "buyer",
  apply: (_units, buyer, t) => buyer.requested[t],
};

const usLicenseStep: BuiltInStep = {
  id: "us_license",
  label: "US license",
  header: "US\nlicense",
  kind: "buyer",
  apply: (units, buyer, _t, { us }) => usLicense(units, { ...us, usApproved: buyer.usApproved }),
  core: "US_LICENSE",
  coreArgs: (units, buyer, _t, { us }) => [units, buyer.usApproved, us.exportsAllowed, us.approvedCustomersOnly],
};

const chinaAccessStep: BuiltInStep = {
  id: "china_access",
  label: "China access",
  header: "China\naccess",
  kind: "buyer",
  apply: (units, buyer, _t, { china }) => chinaAccess(units, china.access, buyer.approvalRate ?? china.approvalRate ?? 0),
  core: "CHINA_ACCESS",
  coreArgs: (units, buyer, _t, { china }) => [units, china.access, buyer.approvalRate ?? china.approvalRate],
};

const publicSectorStep: BuiltInStep = {
  id: "public_sector",
  label: "Public sector",
  header: "Public\nsector",
  kind: "buyer",
  apply: (units, buyer, _t, { china }) => publicSector(units, buyer.publicSectorShare, china.publicSectorBan),
  core: "PUBLIC_SECTOR",
  coreArgs: (units, buyer, _t, { china }) => [units, buyer.publicSectorShare, china.publicSectorBan],
};

const domesticRatioStep: BuiltInStep = {
  id: "domestic_ratio",
  label: "Domestic ratio",
  header: "Domestic\nratio",
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
  core: "DOMESTIC_RATIO",
  // The holdings are worth domesticValue when given, else domesticUnits x domesticPrice (dollars basis).
  coreArgs: (units, buyer, _t, { china, market }) =>
    china.cap.basis === "dollars" && buyer.domesticValue !== null
      ? [units, buyer.domesticValue, china.cap.ratio, china.cap.basis, market.h200Price, null]
      : [units, buyer.domesticUnits, china.cap.ratio, china.cap.basis, market.h200Price, china.cap.basis === "dollars" ? market.domesticPrice : null],
};

/**
 * The H200 units Nvidia can allocate to China in period t: `supply`, lowered to
 * chinaCapOfUsVolume x usShipments when that cap is set.
 */
export function effectiveSupply(scenario: Scenario, t: number): number {
  const { us, market } = scenario;
  return supplyLimit(market.supply[t], us.chinaCapOfUsVolume, us.usShipments ? us.usShipments[t] : null);
}

const supplyStep: BuiltInStep = {
  id: "supply",
  label: "Supply = shipped",
  header: "Supply\n=shipped",
  kind: "allocation",
  apply: (units, t, scenario) => {
    allocateSupply(units, effectiveSupply(scenario, t), units);
  },
  core: "SUPPLY_LIMIT",
  coreArgs: (_units, _buyer, t, { us, market }) => [market.supply[t], us.chinaCapOfUsVolume, us.usShipments?.[t] ?? null],
};

/** MODEL.md's pipeline, in order: the step catalogue. */
export const PIPELINE: readonly BuiltInStep[] = [requestedStep, usLicenseStep, chinaAccessStep, publicSectorStep, domesticRatioStep, supplyStep];
