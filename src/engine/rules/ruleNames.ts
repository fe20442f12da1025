/**
 * The names a custom rule's expression sees: `units`, the period, and the buyer's, the
 * policy's and the market's fields, read for one buyer and period — the fields derived from
 * the field catalogue, so a new field is readable by rules as it lands. Only numbers and
 * true/false: an enum such as `china.access` appears as one boolean per choice (accessOpen…).
 */
import { FIELDS, FieldRow, pathOf } from "../fieldCatalogue";
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

/** The name a field has in expressions: its key; the cap's fields prefixed "cap" (capRatio). */
const nameOf = (row: FieldRow): string => (row.group === "cap" ? "cap" + capital(row.key) : row.key);
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
/** An enum value as a name's tail: "contra-revenue" → "ContraRevenue". */
const camel = (word: string): string => word.split(/[^A-Za-z0-9]+/).map(capital).join("");

/** A field's value for the rule's buyer in the rule's period. */
function valueOf(row: FieldRow, c: RuleContext): unknown {
  // Read once per buyer, period and rule while a scenario evaluates: no object is built per read.
  const p = policy(c);
  const block = row.group === "buyer" ? buyer(c) : row.group === "us" ? p.us : row.group === "china" ? p.china : row.group === "cap" ? p.china.cap : row.group === "market" ? p.market : undefined;
  return (block as Record<string, unknown> | undefined)?.[row.key];
}

/** Names whose value is not the field's own (a buyer's override falls back to China's; domesticValue to units x price), or whose unset value needs its own advice. */
const FALLBACKS: Readonly<Record<string, Partial<Pick<RuleName, "means" | "read" | "whenUnset">>>> = {
  capRatio: { whenUnset: 'china.cap.basis is "none"; set a basis and ratio' },
  approvalRate: {
    means: "the buyer's approvalRate, else china.approvalRate",
    read: (c) => approvalRateOf(buyer(c), policy(c)),
    whenUnset: "set china.approvalRate or the buyer's approvalRate",
  },
  orderRate: { means: "the buyer's orderRate, else china.orderRate", read: (c) => orderRateOf(buyer(c), policy(c)), whenUnset: undefined },
  domesticValue: {
    means: "the buyer's domesticValue, else domesticUnits × market.domesticPrice",
    read: (c) => {
      const price = policy(c).market.domesticPrice;
      return buyer(c).domesticValue ?? (price === null ? null : buyer(c).domesticUnits * price);
    },
    whenUnset: "set the buyer's domesticValue or market.domesticPrice",
  },
};

/** The names of one catalogue field: itself (a number or flag), or one true/false per word of an enum. */
function fieldNames(row: FieldRow): RuleName[] {
  const name = nameOf(row);
  const where = row.group === "buyer" ? `the buyer's ${row.key}` : `\`${pathOf(row)}\``;
  if (row.kind === "enum") {
    return (row.values ?? []).map((v) => ({ name: name + camel(v), kind: "boolean", means: `true when ${where} is "${v}"`, read: (c) => valueOf(row, c) === v }));
  }
  // Only a field that can be null (no value, or not needed) can be unset when a rule reads it.
  const unset = row.default === null || typeof row.required === "string" ? { whenUnset: `set ${row.group === "buyer" ? where : pathOf(row)}` } : {};
  const means = row.group === "buyer" ? row.help : `${where}: ${row.help}`;
  const own: RuleName = { name, kind: row.kind === "flag" ? "boolean" : "number", means, read: (c) => valueOf(row, c) as Value | null, ...unset };
  return [{ ...own, ...FALLBACKS[name] }];
}

/** Every catalogue field a rule can read, once: a buyer's override and China's field share one name (the buyer's, falling back). */
function catalogueNames(fields: readonly FieldRow[]): RuleName[] {
  const buyerKeys = new Set(fields.filter((f) => f.group === "buyer").map((f) => f.key));
  const readable = fields.filter((f) => f.kind !== "text" && f.group !== "scenario" && !(f.group === "china" && buyerKeys.has(f.key)));
  // Buyer fields first: they are what most rules read.
  return [...readable.filter((f) => f.group === "buyer"), ...readable.filter((f) => f.group !== "buyer")].flatMap(fieldNames);
}

/** Every name an expression may use, in documentation order: the rule's place, then the catalogue's fields, then derived limits. */
export const RULE_NAMES: readonly RuleName[] = [
  { name: "units", kind: "number", means: "the quantity after the step the rule follows, in H200 units", read: (c) => c.units },
  { name: "period", kind: "number", means: "the period's index, 0 for the first period", read: (c) => c.period.t },
  { name: "fiscalYear", kind: "number", means: "the period's Nvidia fiscal year, e.g. 2027 for FY2027Q1", read: (c) => (label(c) ? Number(label(c)?.[1]) : null) },
  { name: "quarter", kind: "number", means: "the period's fiscal quarter, 1 to 4", read: (c) => (label(c) ? Number(label(c)?.[2]) : null) },
  { name: "periodCount", kind: "number", means: "how many periods the scenario has", read: (c) => c.period.scenario.periods.length },
  { name: "buyerCount", kind: "number", means: "how many buyers the scenario has", read: (c) => c.period.scenario.buyers.length },
  { name: "shippedBefore", kind: "number", means: "the buyer's H200 units shipped in the periods before this one", read: (c) => c.period.shippedBefore[c.b] },
  ...catalogueNames(FIELDS),
  {
    name: "effectiveSupply",
    kind: "number",
    means: "the supply step's limit this period: supply, lowered to chinaCapOfUsVolume × usShipments when set (cumulative scope: what is left of it)",
    read: (c) => effectiveSupply(c.period),
  },
];

/**
 * The Markdown table of every name a rule may use, for docs/scenario-format.md (between its markers).
 * @example ruleNameTable()[2] // returns "| `units` | number | the quantity after the step the rule follows, in H200 units |"
 */
export function ruleNameTable(): string[] {
  return ["| name | kind | value (this buyer, this period) |", "|---|---|---|", ...RULE_NAMES.map((n) => `| \`${n.name}\` | ${n.kind === "boolean" ? "true/false" : n.kind} | ${n.means} |`)];
}

const BY_NAME: ReadonlyMap<string, RuleName> = new Map(RULE_NAMES.map((n) => [n.name, n]));

/** The rule names and their kinds, as the sandbox takes them. */
export const RULE_VOCABULARY: Vocabulary = new Map(RULE_NAMES.map((n) => [n.name, n.kind]));

/** The entry for a name, or undefined (a Map lookup: no prototype property can answer). */
export const ruleName = (name: string): RuleName | undefined => BY_NAME.get(name);
