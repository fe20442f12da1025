/**
 * The scenario after validation: every default applied, and every field that may vary by period
 * (all but names and `usShareTreatment`) one value per period, so the pipeline reads `field[t]`.
 * `scenarioAt` gives one period's slice in the shape of a single-valued scenario.
 */

export const ACCESS_MODES = ["open", "approval", "blocked"] as const;
export type Access = (typeof ACCESS_MODES)[number];

export const CAP_BASES = ["none", "units", "dollars"] as const;
export type CapBasis = (typeof CAP_BASES)[number];

/** "period": a cap holds in each period; "cumulative": over the periods so far (shipped so far counts against it). */
export const CAP_SCOPES = ["period", "cumulative"] as const;
export type CapScope = (typeof CAP_SCOPES)[number];

export const US_SHARE_TREATMENTS = ["cost", "contra-revenue"] as const;
export type UsShareTreatment = (typeof US_SHARE_TREATMENTS)[number];

/** One value per period, aligned with `Scenario.periods`. */
export type PerPeriod<T> = readonly T[];

export interface UsPolicy {
  readonly exportsAllowed: PerPeriod<boolean>;
  readonly approvedCustomersOnly: PerPeriod<boolean>;
  readonly revenueShare: PerPeriod<number>;
  /** null in a period: no China-to-US volume cap then. */
  readonly chinaCapOfUsVolume: PerPeriod<number | null>;
  /** US H200 shipments in units; null where none were given (only needed where the cap is set). */
  readonly usShipments: PerPeriod<number | null>;
  readonly chinaCapScope: PerPeriod<CapScope>;
}

export interface DomesticRatioCapRule {
  readonly basis: PerPeriod<CapBasis>;
  /** H200 allowed per domestic unit (units basis) or per domestic dollar (dollars basis); null where the basis is "none". */
  readonly ratio: PerPeriod<number | null>;
  readonly scope: PerPeriod<CapScope>;
}

export interface ChinaPolicy {
  readonly access: PerPeriod<Access>;
  readonly approvalRate: PerPeriod<number | null>;
  readonly orderRate: PerPeriod<number>;
  readonly cap: DomesticRatioCapRule;
  readonly publicSectorBan: PerPeriod<boolean>;
}

export interface Market {
  readonly h200Price: PerPeriod<number>;
  readonly domesticPrice: PerPeriod<number | null>;
  readonly supply: PerPeriod<number>;
  readonly h20Multiple: PerPeriod<number>;
  readonly baselineChinaRevenue: PerPeriod<number>;
  readonly usShareTreatment: UsShareTreatment;
}

export interface Buyer {
  readonly name: string;
  readonly requested: PerPeriod<number>;
  /** Domestic AI processors held and planned as of each period (a stock, not a flow). */
  readonly domesticUnits: PerPeriod<number>;
  readonly domesticValue: PerPeriod<number | null>;
  readonly publicSectorShare: PerPeriod<number>;
  readonly usApproved: PerPeriod<boolean>;
  /** The most H200 the buyer's US licence allows over all periods together; null = no quantity limit. */
  readonly licensedUnits: PerPeriod<number | null>;
  readonly approvalRate: PerPeriod<number | null>;
  readonly orderRate: PerPeriod<number | null>;
}

/**
 * A custom rule (docs/model.md "Custom rules"): a buyer step inserted after the step or rule `after`
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
  /** The workbook's sheet name for the scenario ("" or absent: its name, shortened at a word). */
  readonly shortName?: string;
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

/** A block of per-period fields read at one period: every list replaced by its element. */
export type At<T> = { readonly [K in keyof T]: T[K] extends PerPeriod<infer U> ? U : T[K] extends object ? At<T[K]> : T[K] };

export type UsAt = At<UsPolicy>;
export type ChinaAt = At<ChinaPolicy>;
export type MarketAt = At<Market>;
export type BuyerAt = At<Buyer>;

/** The policy and market in force in one period. */
export interface PolicyAt {
  readonly us: UsAt;
  readonly china: ChinaAt;
  readonly market: MarketAt;
}

/**
 * A block's values at period t (lists by element, nested blocks likewise, anything else as is).
 * @example sliceAt({ access: ["blocked", "approval"], cap: { ratio: [null, 1] }, usShareTreatment: "cost" }, 1) // returns { access: "approval", cap: { ratio: 1 }, usShareTreatment: "cost" }
 */
export function sliceAt<T extends object>(block: T, t: number): At<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block)) {
    out[key] = Array.isArray(value) ? value[t] : typeof value === "object" && value !== null ? sliceAt(value as object, t) : value;
  }
  return out as At<T>;
}

/** The policy and market in force in period t. */
export const policyAt = (s: Pick<Scenario, "us" | "china" | "market">, t: number): PolicyAt => ({ us: sliceAt(s.us, t), china: sliceAt(s.china, t), market: sliceAt(s.market, t) });

/** Each buyer's values at period t. */
export const buyersAt = (s: Pick<Scenario, "buyers">, t: number): BuyerAt[] => s.buyers.map((b) => sliceAt(b, t));
