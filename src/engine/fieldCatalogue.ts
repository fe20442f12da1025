/**
 * The field catalogue: one declarative row per scenario field, the single source that the
 * validator, the JSON Schema, the docs table, the uncertainty inputs, CHIPS.EVALUATE's table
 * readers, the report's Assumptions rows and the task pane form are derived from. Adding an
 * input is adding a row (and reading it in the step that uses it).
 */
import { MAX_PRICE, MAX_RATIO, MAX_UNITS, MAX_USD } from "./fields";
import { ACCESS_MODES, CAP_BASES, CAP_SCOPES, US_SHARE_TREATMENTS } from "./scenario";

/** Where a field sits in the document: top level, a policy block, the cap, or each buyer. */
export type FieldGroup = "scenario" | "us" | "china" | "cap" | "market" | "buyer";

/** What a field holds; numbers carry their unit, which sets their default bounds. */
export type FieldKind = "fraction" | "units" | "usd" | "price" | "ratio" | "enum" | "flag" | "text";

/** How a report shows the value (the report maps these names to number formats). */
export type DisplayFormat = "units" | "usd" | "usdBillions" | "percent" | "ratio";

export interface NumberBounds {
  readonly min?: number;
  /** Strictly greater than this (prices). */
  readonly above?: number;
  readonly max?: number;
  readonly fraction?: boolean;
}

export interface FieldRow {
  readonly group: FieldGroup;
  /** The field's name inside its group. */
  readonly key: string;
  readonly kind: FieldKind;
  /** The allowed words of an enum. */
  readonly values?: readonly string[];
  /** The value when the field is left out; undefined when there is none (required or conditional). */
  readonly default?: number | boolean | string | null;
  /** Whether the value may differ from period to period (one value, or one per period). */
  readonly perPeriod: boolean;
  /** true: always required; a string: required under that condition (in the docs' words); absent: optional. */
  readonly required?: true | string;
  /** Plain words for messages: what the value is, with its unit. */
  readonly what: string;
  /** The one label every surface shows (report, note, pane, tornado, Monte Carlo). */
  readonly label: string;
  readonly format?: DisplayFormat;
  /** One line of help: what it means (docs, schema hover text). */
  readonly help: string;
  /** The pipeline step that reads it ("outputs": the revenue figures; "identity": names). */
  readonly step: string;
  /** Unused since the task pane offers every field (remove it from the rows). */
  readonly pane?: boolean;
  /** Ignored (read as null) while this sibling field has this value, e.g. the cap ratio on basis "none". */
  readonly unusedWhen?: { readonly key: string; readonly value: string };
  /** A valid value outside this range is probably in the wrong unit (about 1,000× off): a warning, not an error; 0 is never warned about. */
  readonly plausible?: PlausibleRange;
}

/** Where real values of a field lie; either end may be open. */
export interface PlausibleRange {
  readonly lo?: number;
  readonly hi?: number;
}

const BOUNDS: Readonly<Record<FieldKind, NumberBounds>> = {
  fraction: { fraction: true },
  units: { min: 0, max: MAX_UNITS },
  usd: { min: 0, max: MAX_USD },
  price: { above: 0, max: MAX_PRICE },
  ratio: { min: 0, max: MAX_RATIO },
  enum: {},
  flag: {},
  text: {},
};

/** The number bounds of a row's kind (empty for words, flags and text). */
export const boundsOf = (row: Pick<FieldRow, "kind">): NumberBounds => BOUNDS[row.kind];

export const isNumberKind = (kind: FieldKind): boolean => kind !== "enum" && kind !== "flag" && kind !== "text";

const PREFIX: Readonly<Record<FieldGroup, string>> = { scenario: "", us: "us.", china: "china.", cap: "china.cap.", market: "market.", buyer: "buyers[i]." };

/** The field's path in the docs' form: `market.supply`, `buyers[i].requested`. */
export const pathOf = (row: Pick<FieldRow, "group" | "key">): string => PREFIX[row.group] + row.key;

/** The field's location in a document as segments, buyers by index: ["buyers", 2, "requested"]. */
export function segmentsOf(row: Pick<FieldRow, "group" | "key">, buyer = 0): (string | number)[] {
  switch (row.group) {
    case "scenario":
      return [row.key];
    case "cap":
      return ["china", "cap", row.key];
    case "buyer":
      return ["buyers", buyer, row.key];
    default:
      return [row.group, row.key];
  }
}

/** docs/model.md's scenario fields, in its order; every one but the names and usShareTreatment may vary by period. */
export const FIELDS: readonly FieldRow[] = [
  { group: "scenario", key: "name", kind: "text", perPeriod: false, required: true, what: "the scenario's name", label: "Scenario", help: "the scenario's name, shown in every output", step: "identity" },
  { group: "scenario", key: "shortName", kind: "text", default: "", perPeriod: false, what: "the scenario's short name", label: "Short name", help: "optional: the workbook's sheet name for the scenario (at most 31 characters, none of []:*?/\\, unique among the report's scenarios); else the name, shortened at a word", step: "identity" },
  { group: "scenario", key: "description", kind: "text", default: "", perPeriod: false, what: "a description", label: "Description", help: "what the scenario says and where its numbers come from", step: "identity" },
  {
    group: "scenario", key: "probability", kind: "fraction", perPeriod: false, what: "the scenario's probability", label: "Scenario probability", format: "percent",
    help: "optional: the analyst's probability of this scenario (0 to 1), for the note's probability-weighted view; the pipeline does not read it", step: "weights",
  },
  {
    group: "us", key: "exportsAllowed", kind: "flag", default: true, perPeriod: true, what: "whether Washington lets H200 ship", label: "US allows H200 exports to China",
    help: "Washington lets H200 ship at all", step: "us_license", pane: true,
  },
  {
    group: "us", key: "approvedCustomersOnly", kind: "flag", default: true, perPeriod: true, what: "whether only approved customers get licences", label: "Only US-approved customers licensed",
    help: "only buyers with usApproved: true get licences", step: "us_license",
  },
  {
    group: "us", key: "revenueShare", kind: "fraction", default: 0.25, perPeriod: true, what: "share of sales paid to the US government", label: "Share of H200 China sales paid to the US government",
    format: "percent", help: "share of H200 China sales paid to the US government", step: "outputs", pane: true,
  },
  {
    group: "us", key: "chinaCapOfUsVolume", kind: "ratio", default: null, perPeriod: true, what: "China's H200 volume as a multiple of US shipments", label: "China volume cap, multiple of US shipments (blank: none)",
    format: "ratio", help: "China total ≤ this × usShipments (BIS rule, Jan 2026: 0.5); null: no cap", step: "supply", pane: true,
  },
  {
    group: "us", key: "usShipments", kind: "units", default: null, perPeriod: true, required: "the cap above is set", what: "US H200 shipments in units", label: "US H200 shipments (units)",
    format: "units", help: "US H200 shipments per period, units", step: "supply", pane: true,
  },
  {
    group: "us", key: "chinaCapScope", kind: "enum", values: CAP_SCOPES, default: "period", perPeriod: true, what: "the scope of the China-to-US volume cap", label: "China volume cap scope: period or cumulative",
    help: "period: the cap holds each quarter; cumulative: China's H200 so far ≤ the multiple × US shipments so far", step: "supply", pane: true,
  },
  {
    group: "china", key: "access", kind: "enum", values: ACCESS_MODES, default: "open", perPeriod: true, what: "Beijing's access rule", label: "Beijing access: open, approval or blocked",
    help: "Beijing lets buyers in (open), through an approval process (approval), or not at all (blocked)", step: "china_access", pane: true,
  },
  {
    group: "china", key: "approvalRate", kind: "fraction", default: null, perPeriod: true, required: "access is approval and a buyer has no approvalRate of its own", what: "share of requested volume approved",
    label: "Share of requested volume Beijing approves", format: "percent", help: "share of requested volume Beijing approves (access = approval)", step: "china_access", pane: true,
  },
  {
    group: "china", key: "orderRate", kind: "fraction", default: 1, perPeriod: true, what: "share of approved volume that becomes firm orders", label: "Share of approved volume ordered and delivered",
    format: "percent", help: "share of approved volume that becomes firm, delivered orders (0: approved but paused)", step: "orders", pane: true,
  },
  {
    group: "cap", key: "basis", kind: "enum", values: CAP_BASES, default: "none", perPeriod: true, what: "the cap's basis", label: "Domestic-ratio cap basis: none, units or dollars",
    help: "cap relative to domestic processors: by chip count (units), by dollar value (dollars), or none", step: "domestic_ratio", pane: true,
  },
  {
    group: "cap", key: "ratio", kind: "ratio", perPeriod: true, required: "basis is not none", what: "H200 allowed per domestic chip or dollar", label: "H200 allowed per domestic chip or dollar",
    format: "ratio", help: "H200 allowed per domestic chip (units) or per domestic dollar (dollars)", step: "domestic_ratio", pane: true, unusedWhen: { key: "basis", value: "none" },
  },
  {
    group: "cap", key: "scope", kind: "enum", values: CAP_SCOPES, default: "period", perPeriod: true, what: "the domestic-ratio cap's scope", label: "Domestic-ratio cap scope: period or cumulative",
    help: "period: the cap holds each quarter; cumulative: H200 bought so far ≤ the ratio × domestic chips held so far", step: "domestic_ratio", pane: true,
  },
  {
    group: "china", key: "publicSectorBan", kind: "flag", default: false, perPeriod: true, what: "whether the public-sector ban applies", label: "Public-sector purchases barred",
    help: "remove each buyer's public-sector share", step: "public_sector", pane: true,
  },
  {
    group: "market", key: "h200Price", kind: "price", perPeriod: true, required: true, what: "USD per H200", label: "H200 price (USD)", format: "usd", help: "USD per H200", step: "outputs", pane: true,
    plausible: { lo: 1e3, hi: 1e6 },
  },
  {
    group: "market", key: "domesticPrice", kind: "price", default: null, perPeriod: true, required: "the basis is dollars and a buyer has no domesticValue", what: "USD per domestic processor",
    label: "Domestic processor price (USD)", format: "usd", help: "USD per domestic processor; values domesticUnits on the dollars basis", step: "domestic_ratio",
  },
  {
    group: "market", key: "supply", kind: "units", perPeriod: true, required: true, what: "H200 units Nvidia can allocate to China", label: "H200 supply Nvidia can allocate to China (units)",
    format: "units", help: "H200 units Nvidia can allocate to China per period", step: "supply", pane: true, plausible: { hi: 1e7 },
  },
  { group: "market", key: "h20Multiple", kind: "ratio", default: 6, perPeriod: true, what: "H20s per H200 in compute", label: "H20s per H200 in compute", format: "ratio", help: "one H200 ≈ this many H20 in compute", step: "outputs" },
  {
    group: "market", key: "baselineChinaRevenue", kind: "usd", default: 0, perPeriod: true, what: "China revenue without H200, in USD", label: "China revenue without H200 (USD)",
    format: "usdBillions", help: "China revenue per period without H200, USD", step: "outputs", plausible: { lo: 1e6 },
  },
  {
    group: "market", key: "usShareTreatment", kind: "enum", values: US_SHARE_TREATMENTS, default: "cost", perPeriod: false, what: "how the US share is booked", label: "US share treatment: cost or contra-revenue",
    help: "cost: China revenue counts gross sales; contra-revenue: net of the US share", step: "outputs",
  },
  { group: "buyer", key: "name", kind: "text", perPeriod: false, required: true, what: "the buyer's name", label: "Buyer", help: "buyer name, unique", step: "identity", pane: true },
  {
    group: "buyer", key: "requested", kind: "units", perPeriod: true, required: true, what: "H200 units requested per period", label: "H200 requested (units)",
    format: "units", help: "H200 units requested per period", step: "requested", pane: true,
  },
  {
    group: "buyer", key: "domesticUnits", kind: "units", perPeriod: true, required: true, what: "domestic AI processors held and planned, in units", label: "domestic AI processors held and planned (units)",
    format: "units", help: "domestic AI processors held and planned", step: "domestic_ratio", pane: true,
  },
  {
    group: "buyer", key: "domesticValue", kind: "usd", default: null, perPeriod: true, what: "USD value of domestic processors", label: "their value (USD; blank: units x domestic price)",
    format: "usdBillions", help: "their value in USD; null = domesticUnits × market.domesticPrice", step: "domestic_ratio",
  },
  {
    group: "buyer", key: "publicSectorShare", kind: "fraction", default: 0, perPeriod: true, what: "public-sector share of demand", label: "public-sector share of demand",
    format: "percent", help: "share of this buyer's demand that is public sector", step: "public_sector", pane: true,
  },
  { group: "buyer", key: "usApproved", kind: "flag", default: true, perPeriod: true, what: "whether Washington approved this buyer", label: "US-approved customer", help: 'an "approved customer" for Washington', step: "us_license", pane: true },
  {
    group: "buyer", key: "licensedUnits", kind: "units", default: null, perPeriod: true, what: "H200 units the buyer's US licence allows over all periods", label: "US licence quantity, all periods (units; blank: no limit)",
    format: "units", help: "the most H200 its US licence allows over all periods together; null = no quantity limit", step: "us_license", pane: true,
  },
  {
    group: "buyer", key: "approvalRate", kind: "fraction", default: null, perPeriod: true, what: "share of this buyer's requested volume approved", label: "own approval share (blank: Beijing's)",
    format: "percent", help: "this buyer's own approval rate; null = china.approvalRate", step: "china_access",
  },
  {
    group: "buyer", key: "orderRate", kind: "fraction", default: null, perPeriod: true, what: "share of this buyer's approved volume ordered", label: "own order share (blank: China's)",
    format: "percent", help: "this buyer's own order rate; null = china.orderRate", step: "orders", pane: true,
  },
];

/** The rows of one group, in catalogue order. */
export const fieldsOf = (group: FieldGroup, fields: readonly FieldRow[] = FIELDS): FieldRow[] => fields.filter((f) => f.group === group);

/** A custom rule's fields (docs/model.md "Custom rules"), with their help for the schema and the rules table, and their label in the pane. */
export const RULE_FIELDS: readonly {
  readonly key: string;
  readonly type: "string" | "boolean";
  readonly required: boolean;
  readonly help: string;
  readonly label: string;
  readonly default?: boolean;
}[] = [
  { key: "id", type: "string", required: true, help: "the rule's step id in steps and binding", label: "Rule id" },
  { key: "after", type: "string", required: true, help: "the built-in step or earlier rule it follows", label: "Runs after" },
  { key: "expression", type: "string", required: true, help: "the new quantity, from units and the scenario's fields; at most units", label: "Expression" },
  { key: "label", type: "string", required: false, help: "a short label for reports", label: "Label" },
  { key: "source", type: "string", required: false, help: "where the rule comes from", label: "Source" },
  { key: "enabled", type: "boolean", required: false, help: "false switches the rule off (it is still checked)", label: "On", default: true },
];
