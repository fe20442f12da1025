/**
 * Scenario validation: untrusted JSON in, a fully resolved Scenario (the model's defaults
 * applied, per-period fields expanded) or one Problem per thing wrong, each naming its path.
 */
import { FIELDS, FieldGroup, FieldRow, RULE_FIELDS, boundsOf, fieldsOf } from "./fieldCatalogue";
import { FieldReader, Json, join } from "./fields";
import { messages } from "./messages";
import { Result, fail, ok, problem } from "./problems";
import { ruleProblems } from "./rules/ruleProblems";
import { Buyer, ChinaPolicy, Market, RuleSpec, Scenario, UsPolicy } from "./scenario";

// "uncertainty" (Monte Carlo inputs) is passed through unchecked; src/engine/uncertainty reads it, not the pipeline.
// "probability" (the analyst's weight of the scenario, for the report's weighted view) is read below, outside the pipeline.
const LISTS = ["periods", "us", "china", "market", "buyers", "rules", "uncertainty", "probability"];
const RULE_KEYS = RULE_FIELDS.map((f) => f.key);

/** Nvidia fiscal quarter labels, e.g. FY2027Q1. */
export const PERIOD_LABEL = /^FY\d{4}Q[1-4]$/;

/**
 * Validates a parsed scenario document and applies MODEL.md's defaults.
 * @example validateScenario({}).ok // returns false — name, periods, market and buyers are required
 */
export function validateScenario(input: unknown, fields: readonly FieldRow[] = FIELDS): Result<Scenario> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(problem("type", "", messages.notScenario()));
  }
  const r = new FieldReader();
  const doc = r.object(input, "", knownKeys("scenario", fields, LISTS)) ?? {};

  const top = readGroup(r, doc, "", "scenario", 0, fields);
  const periods = readPeriods(r, doc);
  const n = periods.length;

  const us = readUs(r, r.object(doc.us, "us", knownKeys("us", fields)), n, fields);
  const china = readChina(r, r.object(doc.china, "china", knownKeys("china", fields, ["cap"])), fields);
  const market = readMarket(r, r.object(doc.market, "market", knownKeys("market", fields)), n, fields);
  const buyers = readBuyers(r, doc, n, fields);
  const rules = readRules(r, doc);
  // An analyst's probability of this scenario, for the report's weighted view (not used by the pipeline).
  const probability = r.number(doc, "probability", "", { what: "the scenario's probability", fraction: true });

  // Cross-field checks read the raw buyer list, so they are reported even when a buyer has other problems.
  const rawBuyers = Array.isArray(doc.buyers) ? doc.buyers.map((b, i) => rawBuyer(b, i)) : [];
  if (china.access === "approval" && china.approvalRate === null) {
    const without = rawBuyers.filter((b) => b.approvalRate === null).map((b) => b.name);
    if (without.length > 0) r.report("missing", "china.approvalRate", messages.approvalRateNeeded(without));
  }
  const marketDoc = isObject(doc.market) ? doc.market : {};
  if (china.cap.basis === "dollars" && (marketDoc.domesticPrice === undefined || marketDoc.domesticPrice === null)) {
    const without = rawBuyers.filter((b) => b.domesticValue === null).map((b) => b.name);
    if (without.length > 0) r.report("missing", "market.domesticPrice", messages.domesticPriceNeeded(without));
  }

  if (r.problems.length > 0 || !market || !buyers) return fail(...r.problems);
  return ok({
    ...(top as { name: string; description: string }),
    periods,
    us,
    china,
    market,
    buyers,
    rules,
    ...(doc.uncertainty === undefined ? {} : { uncertainty: doc.uncertainty }),
    ...(probability === undefined ? {} : { probability }),
  });
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A buyer's name and optional overrides as written, for cross-field checks. */
function rawBuyer(b: unknown, i: number): { name: string; approvalRate: unknown; domesticValue: unknown } {
  const o = isObject(b) ? b : {};
  return {
    name: typeof o.name === "string" && o.name !== "" ? o.name : `buyers[${i}]`,
    approvalRate: o.approvalRate ?? null,
    domesticValue: o.domesticValue ?? null,
  };
}

function readPeriods(r: FieldReader, doc: Json): string[] {
  const list = r.list(doc, "periods", "", "the fiscal quarters to model, e.g. [\"FY2027Q1\"]");
  if (!list) return [];
  if (list.length === 0) r.report("shape", "periods", messages.emptyList("period"));
  const seen = new Set<string>();
  list.forEach((p, i) => {
    const at = join("periods", i);
    if (typeof p !== "string") return r.report("type", at, messages.notString(p));
    if (!PERIOD_LABEL.test(p)) return r.report("enum", at, messages.periodLabel(p));
    if (seen.has(p)) r.report("shape", at, messages.duplicate("period", p));
    seen.add(p);
  });
  return list.map(String);
}

/** One field of `obj` read by its catalogue row: its default, bounds and message words. */
function readField(r: FieldReader, obj: Json | undefined, at: string, row: FieldRow, n: number, siblings: Record<string, unknown>): unknown {
  const { key } = row;
  if (row.unusedWhen && siblings[row.unusedWhen.key] === row.unusedWhen.value) return null;
  const required = row.required === true;
  if (row.kind === "flag") return r.boolean(obj, key, at, row.default as boolean);
  if (row.kind === "enum") return r.choice(obj, key, at, row.values ?? [], row.default as string);
  if (row.kind === "text") return r.text(obj, key, at, { required, what: row.what, fallback: (row.default as string | undefined) ?? "" });
  const fallback = typeof row.default === "number" ? row.default : undefined;
  const spec = { what: row.what, required, fallback, ...boundsOf(row) };
  if (row.default === null) {
    const absent = obj?.[key] === undefined || obj[key] === null;
    if (!row.perPeriod) return r.nullableNumber(obj, key, at, spec);
    return absent ? null : (r.perPeriod(obj, key, at, n, spec) ?? null);
  }
  // A missing required number is reported; null stands in so the other fields are still read.
  return (row.perPeriod ? r.perPeriod(obj, key, at, n, spec) : r.number(obj, key, at, spec)) ?? null;
}

/** Every catalogue field of `group`, read from `obj`, as an object keyed by field name. */
function readGroup(r: FieldReader, obj: Json | undefined, at: string, group: FieldGroup, n: number, fields: readonly FieldRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of fieldsOf(group, fields)) out[row.key] = readField(r, obj, at, row, n, out);
  return out;
}

/** The catalogue's field names of `group`, plus the nested objects it holds. */
const knownKeys = (group: FieldGroup, fields: readonly FieldRow[], nested: readonly string[] = []): string[] => [...fieldsOf(group, fields).map((f) => f.key), ...nested];

function readUs(r: FieldReader, us: Json | undefined, n: number, fields: readonly FieldRow[]): UsPolicy {
  const read = readGroup(r, us, "us", "us", n, fields);
  if (read.chinaCapOfUsVolume !== null && read.usShipments === null && (us?.usShipments === undefined || us.usShipments === null)) {
    r.report("missing", "us.usShipments", messages.usShipmentsNeeded());
  }
  return read as unknown as UsPolicy;
}

function readChina(r: FieldReader, china: Json | undefined, fields: readonly FieldRow[]): ChinaPolicy {
  const capObj = r.object(china?.cap, "china.cap", knownKeys("cap", fields));
  const cap = readGroup(r, capObj, "china.cap", "cap", 0, fields);
  if (cap.basis !== "none" && (capObj?.ratio === undefined || capObj.ratio === null)) r.report("missing", "china.cap.ratio", messages.capRatioNeeded(String(cap.basis)));
  const read = readGroup(r, china, "china", "china", 0, fields);
  // The cap sits among the China fields where the catalogue lists its rows.
  const out: Record<string, unknown> = {};
  for (const row of fields) {
    if (row.group === "china") out[row.key] = read[row.key];
    else if (row.group === "cap" && !("cap" in out)) out.cap = cap;
  }
  return out as unknown as ChinaPolicy;
}

function readMarket(r: FieldReader, market: Json | undefined, n: number, fields: readonly FieldRow[]): Market | undefined {
  if (!market) {
    r.report("missing", "market", messages.required("h200Price and supply at least"));
    return undefined;
  }
  return readGroup(r, market, "market", "market", n, fields) as unknown as Market;
}

function readBuyers(r: FieldReader, doc: Json, n: number, fields: readonly FieldRow[]): Buyer[] | undefined {
  const list = r.list(doc, "buyers", "", "the Chinese buyers, each with name, requested and domesticUnits");
  if (!list) return undefined;
  if (list.length === 0) r.report("shape", "buyers", messages.emptyList("buyer"));
  const names = new Set<string>();
  const buyers: Buyer[] = [];
  list.forEach((item, i) => {
    const at = join("buyers", i);
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      r.report("type", at, messages.notObject(item));
      return;
    }
    const b = r.object(item, at, knownKeys("buyer", fields)) ?? {};
    const buyer = readGroup(r, b, at, "buyer", n, fields) as unknown as Buyer;
    if (typeof b.name !== "string" || b.name.trim() === "") (buyer as { name: string }).name = `buyer ${i + 1}`;
    if (names.has(buyer.name)) r.report("shape", join(at, "name"), messages.duplicate("buyer name", buyer.name));
    names.add(buyer.name);
    buyers.push(buyer);
  });
  return buyers;
}

/** Custom rules: each one's fields here; ids, `after` targets and expressions (compiled now, once) in ruleProblems. */
function readRules(r: FieldReader, doc: Json): RuleSpec[] {
  const list = r.list(doc, "rules", "", undefined) ?? [];
  const read = list.map((item, i) => {
    const at = join("rules", i);
    if (!isObject(item)) {
      r.report("type", at, messages.notObject(item));
      return { id: undefined, after: undefined, expression: undefined, enabled: true };
    }
    const o = r.object(item, at, RULE_KEYS) ?? {};
    // A field of the wrong type is reported by r.text and becomes undefined, so it is not reported twice.
    const text = (key: string, what: string): string | undefined => {
      const v = r.text(o, key, at, { required: false, what, fallback: "" });
      return o[key] === undefined || o[key] === null || typeof o[key] === "string" ? v : undefined;
    };
    const label = text("label", "a short label for reports");
    const source = text("source", "where the rule comes from");
    return {
      id: text("id", "the rule's id"),
      after: text("after", "the step or rule it follows"),
      expression: text("expression", "the new quantity"),
      enabled: r.boolean(o, "enabled", at, true),
      ...(typeof o.label === "string" ? { label } : {}),
      ...(typeof o.source === "string" ? { source } : {}),
    };
  });
  for (const p of ruleProblems(read)) r.report(p.code, p.path, p.message);
  return read.filter((rule): rule is RuleSpec => rule.id !== undefined && rule.after !== undefined && rule.expression !== undefined);
}
