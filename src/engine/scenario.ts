/** The scenario after validation: every default applied, every per-period field one value per period. */

export const ACCESS_MODES = ["open", "approval", "blocked"] as const;
export type Access = (typeof ACCESS_MODES)[number];

export const CAP_BASES = ["none", "units", "dollars"] as const;
export type CapBasis = (typeof CAP_BASES)[number];

export const US_SHARE_TREATMENTS = ["cost", "contra-revenue"] as const;
export type UsShareTreatment = (typeof US_SHARE_TREATMENTS)[number];

export interface UsPolicy {
  readonly exportsAllowed: boolean;
  readonly approvedCustomersOnly: boolean;
  readonly revenueShare: number;
  readonly chinaCapOfUsVolume: number | null;
  /** Units per period, or null when no China-to-US volume cap is set. */
  readonly usShipments: readonly number[] | null;
}

export interface DomesticRatioCapRule {
  readonly basis: CapBasis;
  /** H200 allowed per domestic unit (units basis) or per domestic dollar (dollars basis); null on basis "none". */
  readonly ratio: number | null;
}

export interface ChinaPolicy {
  readonly access: Access;
  readonly approvalRate: number | null;
  readonly cap: DomesticRatioCapRule;
  readonly publicSectorBan: boolean;
}

export interface Market {
  readonly h200Price: number;
  readonly domesticPrice: number | null;
  readonly supply: readonly number[];
  readonly h20Multiple: number;
  readonly baselineChinaRevenue: readonly number[];
  readonly usShareTreatment: UsShareTreatment;
}

export interface Buyer {
  readonly name: string;
  readonly requested: readonly number[];
  readonly domesticUnits: number;
  readonly domesticValue: number | null;
  readonly publicSectorShare: number;
  readonly usApproved: boolean;
  readonly approvalRate: number | null;
}

/**
 * A custom rule (MODEL.md "Custom rules"): a buyer step inserted after the step or rule `after`
 * names, whose expression gives the new quantity from `units` and the scenario's fields.
 */
export interface RuleSpec {
  /** Its step id in the pipeline, the trail (`steps`) and `binding`. */
  readonly id: string;
  /** A built-in step id, or the id of a rule listed before this one. */
  readonly after: string;
  /** A restricted mathjs expression giving the new quantity, at most `units` (see docs/scenario-format.md). */
  readonly expression: string;
  /** false: validated but left out of the pipeline (toggled off). Defaults to true. */
  readonly enabled: boolean;
  readonly label?: string;
  readonly source?: string;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly periods: readonly string[];
  readonly us: UsPolicy;
  readonly china: ChinaPolicy;
  readonly market: Market;
  readonly buyers: readonly Buyer[];
  readonly rules: readonly RuleSpec[];
  /** The document's `uncertainty` block, passed through unchecked; read by src/engine/uncertainty (readUncertainty). */
  readonly uncertainty?: unknown;
  /** An analyst's probability of this scenario (0 to 1), for the report's probability-weighted view. */
  readonly probability?: number;
}
