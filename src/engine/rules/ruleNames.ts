/**
 * The names a custom rule's expression sees: `units`, the period, and the buyer's, the
 * policy's and the market's fields, read for one buyer and period. Only numbers and
 * true/false: an enum such as `china.access` appears as one boolean per choice.
 */
import { PeriodContext, approvalRateOf, effectiveSupply, orderRateOf } from "../pipeline";
import { BuyerAt, PolicyAt } from "../scenario";
import { Value, ValueKind, Vocabulary } from "./sandbox";

/** Where a rule runs: one buyer (by index) in one period, with the quantity after the step it follows. */
export interface RuleContext {
  readonly units: number;
  readonly b: number;
  readonly period: PeriodContext;
}

export interface RuleName {
  readonly name: string;
  readonly kind: ValueKind;
  /** What the name holds, in the model's words (for docs and the taskpane). */
  readonly means: string;
  /** Its value for one buyer and period; null when the scenario leaves it unset. */
  readonly read: (c: RuleContext) => Value | null;
  /** How to give it a value, for the message when a rule reads it unset. */
  readonly whenUnset?: string;
}

const label = (c: RuleContext): RegExpMatchArray | null => /^FY(\d{4})Q([1-4])$/.exec(c.period.scenario.periods[c.period.t] ?? "");
const buyer = (c: RuleContext): BuyerAt => c.period.buyers[c.b];
const policy = (c: RuleContext): PolicyAt => c.period.policy;

/** Every name an expression may use, in documentation order; every field is read in the rule's period. */
export const RULE_NAMES: readonly RuleName[] = [
  { name: "units", kind: "number", means: "the quantity after the step the rule follows, in H200 units", read: (c) => c.units },
  // The period.
  { name: "period", kind: "number", means: "the period's index, 0 for the first period", read: (c) => c.period.t },
  { name: "fiscalYear", kind: "number", means: "the period's Nvidia fiscal year, e.g. 2027 for FY2027Q1", read: (c) => (label(c) ? Number(label(c)?.[1]) : null) },
  { name: "quarter", kind: "number", means: "the period's fiscal quarter, 1 to 4", read: (c) => (label(c) ? Number(label(c)?.[2]) : null) },
  { name: "periodCount", kind: "number", means: "how many periods the scenario has", read: (c) => c.period.scenario.periods.length },
  // The buyer.
  { name: "requested", kind: "number", means: "the buyer's requested units this period", read: (c) => buyer(c).requested },
  { name: "domesticUnits", kind: "number", means: "the buyer's domestic AI processors held and planned by this period, in units", read: (c) => buyer(c).domesticUnits },
  {
    name: "domesticValue",
    kind: "number",
    means: "their value in USD: the buyer's domesticValue, else domesticUnits x market.domesticPrice",
    read: (c) => {
      const price = policy(c).market.domesticPrice;
      return buyer(c).domesticValue ?? (price === null ? null : buyer(c).domesticUnits * price);
    },
    whenUnset: "set the buyer's domesticValue or market.domesticPrice",
  },
  { name: "publicSectorShare", kind: "number", means: "the public-sector share of the buyer's demand", read: (c) => buyer(c).publicSectorShare },
  { name: "usApproved", kind: "boolean", means: "the buyer is an approved customer for Washington", read: (c) => buyer(c).usApproved },
  {
    name: "licensedUnits",
    kind: "number",
    means: "the buyer's US licence quantity over all periods",
    read: (c) => buyer(c).licensedUnits,
    whenUnset: "set the buyer's licensedUnits",
  },
  {
    name: "approvalRate",
    kind: "number",
    means: "the buyer's approval rate: its own approvalRate, else china.approvalRate",
    read: (c) => approvalRateOf(buyer(c), policy(c)),
    whenUnset: "set china.approvalRate or the buyer's approvalRate",
  },
  { name: "orderRate", kind: "number", means: "the buyer's order rate: its own orderRate, else china.orderRate", read: (c) => orderRateOf(buyer(c), policy(c)) },
  { name: "shippedBefore", kind: "number", means: "the buyer's H200 units shipped in the periods before this one", read: (c) => c.period.shippedBefore[c.b] },
  { name: "buyerCount", kind: "number", means: "how many buyers the scenario has", read: (c) => c.period.scenario.buyers.length },
  // US policy.
  { name: "exportsAllowed", kind: "boolean", means: "us.exportsAllowed", read: (c) => policy(c).us.exportsAllowed },
  { name: "approvedCustomersOnly", kind: "boolean", means: "us.approvedCustomersOnly", read: (c) => policy(c).us.approvedCustomersOnly },
  { name: "revenueShare", kind: "number", means: "us.revenueShare, the share of sales paid to the US government", read: (c) => policy(c).us.revenueShare },
  {
    name: "chinaCapOfUsVolume",
    kind: "number",
    means: "us.chinaCapOfUsVolume",
    read: (c) => policy(c).us.chinaCapOfUsVolume,
    whenUnset: "set us.chinaCapOfUsVolume",
  },
  { name: "usShipments", kind: "number", means: "us.usShipments this period", read: (c) => policy(c).us.usShipments, whenUnset: "set us.usShipments" },
  { name: "chinaCapCumulative", kind: "boolean", means: 'us.chinaCapScope is "cumulative"', read: (c) => policy(c).us.chinaCapScope === "cumulative" },
  // China policy.
  { name: "accessOpen", kind: "boolean", means: 'china.access is "open"', read: (c) => policy(c).china.access === "open" },
  { name: "accessApproval", kind: "boolean", means: 'china.access is "approval"', read: (c) => policy(c).china.access === "approval" },
  { name: "accessBlocked", kind: "boolean", means: 'china.access is "blocked"', read: (c) => policy(c).china.access === "blocked" },
  { name: "capBasisUnits", kind: "boolean", means: 'china.cap.basis is "units"', read: (c) => policy(c).china.cap.basis === "units" },
  { name: "capBasisDollars", kind: "boolean", means: 'china.cap.basis is "dollars"', read: (c) => policy(c).china.cap.basis === "dollars" },
  { name: "capRatio", kind: "number", means: "china.cap.ratio", read: (c) => policy(c).china.cap.ratio, whenUnset: 'china.cap.basis is "none"; set a basis and ratio' },
  { name: "capCumulative", kind: "boolean", means: 'china.cap.scope is "cumulative"', read: (c) => policy(c).china.cap.scope === "cumulative" },
  { name: "publicSectorBan", kind: "boolean", means: "china.publicSectorBan", read: (c) => policy(c).china.publicSectorBan },
  // The market.
  { name: "h200Price", kind: "number", means: "market.h200Price, USD per H200", read: (c) => policy(c).market.h200Price },
  { name: "domesticPrice", kind: "number", means: "market.domesticPrice, USD per domestic processor", read: (c) => policy(c).market.domesticPrice, whenUnset: "set market.domesticPrice" },
  { name: "supply", kind: "number", means: "market.supply this period", read: (c) => policy(c).market.supply },
  {
    name: "effectiveSupply",
    kind: "number",
    means: "the supply step's limit this period: supply, lowered to chinaCapOfUsVolume x usShipments when that is set (cumulative: what is left of it)",
    read: (c) => effectiveSupply(c.period),
  },
  { name: "h20Multiple", kind: "number", means: "market.h20Multiple", read: (c) => policy(c).market.h20Multiple },
  { name: "baselineChinaRevenue", kind: "number", means: "market.baselineChinaRevenue this period, USD", read: (c) => policy(c).market.baselineChinaRevenue },
];

const BY_NAME: ReadonlyMap<string, RuleName> = new Map(RULE_NAMES.map((n) => [n.name, n]));

/** The rule names and their kinds, as the sandbox takes them. */
export const RULE_VOCABULARY: Vocabulary = new Map(RULE_NAMES.map((n) => [n.name, n.kind]));

/** The entry for a name, or undefined (a Map lookup: no prototype property can answer). */
export const ruleName = (name: string): RuleName | undefined => BY_NAME.get(name);
