/**
 * Scenario validation: untrusted JSON in, a fully resolved Scenario (the model's defaults
 * applied, per-period fields expanded) or one Problem per thing wrong, each naming its path.
 */
import { FIELDS, FieldGroup, FieldRow, RULE_FIELDS, boundsOf, fieldsOf, pathOf } from "./fieldCatalogue";
import type { DocPath } from "./docPath";
import { FieldReader, Json, join } from "./fields";
import { withoutFollowOns } from "./followOns";
import { messages } from "./messages";
import { Result, fail, ok, problem } from "./problems";
import { ruleProblems } from "./rules/ruleProblems";
import { Buyer, ChinaPolicy, Market, RuleSpec, Scenario, UsPolicy } from "./scenario";

// "uncertainty" (Monte Carlo inputs) is passed through unchecked; src/engine/uncertainty reads it, not the pipeline.
const LISTS = ["periods", "us", "china", "market", "buyers", "rules", "uncertainty"];
const RULE_KEYS = RULE_FIELDS.map((f) => f.key);

/** Nvidia fiscal quarter labels, e.g. FY2027Q1. */
export const PERIOD_LABEL = /^FY\d{4}Q[1-4]$/;

/**
 * Validates a parsed scenario document and applies docs/model.md's defaults.
 * @example validateScenario({}).ok // returns false — name, periods, market and buyers are required
 */
export function validateScenario(input: unknown, fields: readonly FieldRow[] = FIELDS): Result<Scenario> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(problem("type", "", messages.notScenario()));
  }
  const r = new FieldReader();
  const doc = r.object(input, [], knownKeys("scenario", fields, LISTS), homesOf("scenario", fields)) ?? {};

  // An analyst's probability of the scenario (for the report's weighted view) is a catalogue field the pipeline does not read; absent, it stays absent.
  const { probability, ...top } = readGroup(r, doc, [], "scenario", 0, fields);
  shortNameProblems(r, top.shortName);
  const periods = readPeriods(r, doc);
  const n = periods.length;

  const usDoc = r.object(doc.us, ["us"], knownKeys("us", fields), homesOf("us", fields));
  const chinaDoc = r.object(doc.china, ["china"], knownKeys("china", fields, ["cap"]), homesOf("china", fields));
  const us = readGroup(r, usDoc, ["us"], "us", n, fields) as unknown as UsPolicy;
  const china = readChina(r, chinaDoc, n, fields);
  const market = readMarket(r, r.object(doc.market, ["market"], knownKeys("market", fields), homesOf("market", fields)), n, fields);
  const buyers = readBuyers(r, doc, n, fields);
  const rules = readRules(r, doc);

  if (n > 0) crossChecks(r, doc, periods, us, china);

  if (r.problems.length > 0 || !market || !buyers) return fail(...withoutFollowOns(r.problems));
  return ok({
    ...(top as { name: string; description: string }),
    periods,
    us,
    china,
    market,
    buyers,
    rules,
    ...(doc.uncertainty === undefined ? {} : { uncertainty: doc.uncertainty }),
    ...(probability === null || probability === undefined ? {} : { probability: probability as number }),
  });
}

/** A short name is a sheet name: Excel's length and characters (uniqueness among a report's scenarios is the report's to check). */
function shortNameProblems(r: FieldReader, v: unknown): void {
  if (typeof v !== "string" || v === "") return;
  if (v.length > 31) r.report("range", ["shortName"], messages.shortNameTooLong(v));
  else if (/[[\]:*?/\\]/.test(v) || /^'|'$/.test(v) || v.trim() === "") r.report("shape", ["shortName"], messages.shortNameCharacters(v));
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a field is written (right or wrong) for period t: a value, or a list whose element t is not null. */
function givenAt(raw: unknown, t: number): boolean {
  if (raw === undefined || raw === null) return false;
  return Array.isArray(raw) ? raw[t] !== undefined && raw[t] !== null : true;
}

/**
 * The requirements that depend on other fields, period by period, judged on what is written (so
 * a wrong value is reported once, as wrong, not again as missing). A field written as a list is
 * blamed at its elements; a single value or a missing field once, naming the periods.
 */
function crossChecks(r: FieldReader, doc: Json, periods: readonly string[], us: UsPolicy, china: ChinaPolicy): void {
  const chinaDoc = isObject(doc.china) ? doc.china : {};
  const capDoc = isObject(chinaDoc.cap) ? chinaDoc.cap : {};
  const marketDoc = isObject(doc.market) ? doc.market : {};
  const usDoc = isObject(doc.us) ? doc.us : {};
  const rawBuyers = Array.isArray(doc.buyers) ? doc.buyers.map((b, i) => rawBuyer(b, i)) : [];

  /** Reports `path` where `need(t)` holds and the field is not written, with `message(t)`. */
  const require = (path: DocPath, raw: unknown, need: (t: number) => boolean, message: (ts: number[]) => string): void => {
    const missing = periods.map((_, t) => t).filter((t) => need(t) && !givenAt(raw, t));
    if (missing.length === 0) return;
    if (Array.isArray(raw) && raw.length === periods.length) {
      for (const t of missing) r.report("missing", join(path, t), message([t]));
      return;
    }
    const base = message(missing);
    r.report("missing", path, messages.neededInPeriods(base, missing.map((t) => periods[t]), missing.length === periods.length));
  };

  const withoutRate = (t: number) => rawBuyers.filter((b) => !givenAt(b.approvalRate, t)).map((b) => b.name);
  require(
    ["china", "approvalRate"],
    chinaDoc.approvalRate,
    (t) => china.access[t] === "approval" && withoutRate(t).length > 0,
    (ts) => messages.approvalRateNeeded([...new Set(ts.flatMap(withoutRate))]),
  );
  require(
    ["china", "cap", "ratio"],
    capDoc.ratio,
    (t) => china.cap.basis[t] !== "none",
    (ts) => messages.capRatioNeeded(String(china.cap.basis[ts[0]])),
  );
  const withoutValue = (t: number) => rawBuyers.filter((b) => !givenAt(b.domesticValue, t)).map((b) => b.name);
  require(
    ["market", "domesticPrice"],
    marketDoc.domesticPrice,
    (t) => china.cap.basis[t] === "dollars" && withoutValue(t).length > 0,
    (ts) => messages.domesticPriceNeeded([...new Set(ts.flatMap(withoutValue))]),
  );
  // The cumulative cap sums US shipments from the first period, so every one up to a capped period is needed.
  const lastCapped = (t: number): boolean => us.chinaCapOfUsVolume.some((cap, u) => cap !== null && (u === t || (u > t && us.chinaCapScope[u] === "cumulative")));
  require(["us", "usShipments"], usDoc.usShipments, lastCapped, () => messages.usShipmentsNeeded());
}

/** A buyer's name and optional overrides as written, for cross-field checks. */
function rawBuyer(b: unknown, i: number): { name: string; approvalRate: unknown; domesticValue: unknown } {
  const o = isObject(b) ? b : {};
  return {
    name: typeof o.name === "string" && o.name !== "" ? o.name : `buyers[${i}]`,
    approvalRate: o.approvalRate ?? null,
    domesticValue: o.domesticValue ?? null,
  };
}

/** The index of a fiscal quarter label in time (FY2027Q1 → 2027 x 4). */
const quarterIndex = (label: string): number => Number(label.slice(2, 6)) * 4 + Number(label.slice(7)) - 1;

function readPeriods(r: FieldReader, doc: Json): string[] {
  const list = r.list(doc, "periods", [], "the fiscal quarters to model, e.g. [\"FY2027Q1\"]");
  if (!list) return [];
  if (list.length === 0) r.report("shape", ["periods"], messages.emptyList("period"));
  const seen = new Set<string>();
  let latest: string | undefined;
  list.forEach((p, i) => {
    const at = join(["periods"], i);
    if (typeof p !== "string") return r.report("type", at, messages.notString(p));
    if (!PERIOD_LABEL.test(p)) return r.report("enum", at, messages.periodLabel(p));
    if (seen.has(p)) return r.report("shape", at, messages.duplicate("period", p));
    seen.add(p);
    // Cumulative caps count earlier periods, so the timeline must run forwards.
    if (latest !== undefined && quarterIndex(p) < quarterIndex(latest)) return r.report("shape", at, messages.periodOrder(p, latest));
    latest = p;
  });
  return list.map(String);
}

/** The default of a missing value or a null element: the row's default; a placeholder null where another field decides whether it is needed; undefined where it is always required. */
const fallbackOf = (row: FieldRow): unknown => (row.default !== undefined ? row.default : row.required === true ? undefined : null);

/** One value of a field, checked by its catalogue row (undefined, with a problem, when wrong). */
function readValue(r: FieldReader, row: FieldRow, v: unknown, at: DocPath): unknown {
  if (row.kind === "flag") return r.booleanValue(v, at);
  if (row.kind === "enum") return r.choiceValue(v, at, row.values ?? []);
  return r.numberValue(v, at, { what: row.what, ...boundsOf(row) });
}

/** One field of `obj` read by its catalogue row: its default, bounds and message words; per-period rows as one value per period. */
function readField(r: FieldReader, obj: Json | undefined, at: DocPath, row: FieldRow, n: number, siblings: Record<string, unknown>): unknown {
  const { key } = row;
  const required = row.required === true;
  if (row.kind === "text") return r.text(obj, key, at, { required, what: row.what, fallback: (row.default as string | undefined) ?? "" });
  if (!row.perPeriod) {
    if (row.kind === "enum") return r.choice(obj, key, at, row.values ?? [], row.default as string);
    if (row.kind === "flag") return r.boolean(obj, key, at, row.default as boolean);
    const spec = { what: row.what, required, fallback: typeof row.default === "number" ? row.default : undefined, ...boundsOf(row) };
    return row.default === null ? r.nullableNumber(obj, key, at, spec) : (r.number(obj, key, at, spec) ?? null);
  }
  // Unused (read as null) in the periods where a sibling says so, e.g. the cap ratio on basis "none"; not read at all when that holds throughout.
  const unused = row.unusedWhen ? (siblings[row.unusedWhen.key] as readonly unknown[] | undefined) : undefined;
  const idle = (t: number) => unused !== undefined && unused[t] === row.unusedWhen?.value;
  if (unused && n > 0 && unused.every((_, t) => idle(t))) return new Array(n).fill(null);
  const fallback = fallbackOf(row);
  const values = r.timeline(obj, key, at, n, { what: row.what, required, fallback, one: (v, where) => readValue(r, row, v, where) });
  // A value that failed is reported; the fallback (or null) stands in so the other fields are still read.
  const list = values ?? new Array(n).fill(fallback ?? null);
  return unused ? list.map((v, t) => (idle(t) ? null : v)) : list;
}

/** Every catalogue field of `group`, read from `obj`, as an object keyed by field name. */
function readGroup(r: FieldReader, obj: Json | undefined, at: DocPath, group: FieldGroup, n: number, fields: readonly FieldRow[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of fieldsOf(group, fields)) out[row.key] = readField(r, obj, at, row, n, out);
  return out;
}

/**
 * Where else a key belongs, for an unknown key in `group`'s block: the blocks whose catalogue rows
 * have that name (`china.cap` for "basis"), "china" for "cap", the top level ("") for its blocks.
 */
const homesOf =
  (group: FieldGroup, fields: readonly FieldRow[]) =>
  (key: string): string[] => {
    const homes = fields.filter((f) => f.key === key && f.group !== group).map((f) => pathOf(f).slice(0, -key.length - 1));
    if (key === "cap" && group !== "china") homes.push("china");
    if (LISTS.includes(key) && group !== "scenario") homes.push("");
    return [...new Set(homes)];
  };

/** The catalogue's field names of `group`, plus the nested objects it holds. */
const knownKeys = (group: FieldGroup, fields: readonly FieldRow[], nested: readonly string[] = []): string[] => [...fieldsOf(group, fields).map((f) => f.key), ...nested];

function readChina(r: FieldReader, china: Json | undefined, n: number, fields: readonly FieldRow[]): ChinaPolicy {
  const capObj = r.object(china?.cap, ["china", "cap"], knownKeys("cap", fields), homesOf("cap", fields));
  const cap = readGroup(r, capObj, ["china", "cap"], "cap", n, fields);
  const read = readGroup(r, china, ["china"], "china", n, fields);
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
    r.report("missing", ["market"], messages.required("h200Price and supply at least"));
    return undefined;
  }
  return readGroup(r, market, ["market"], "market", n, fields) as unknown as Market;
}

function readBuyers(r: FieldReader, doc: Json, n: number, fields: readonly FieldRow[]): Buyer[] | undefined {
  const list = r.list(doc, "buyers", [], "the Chinese buyers, each with name, requested and domesticUnits");
  if (!list) return undefined;
  if (list.length === 0) r.report("shape", ["buyers"], messages.emptyList("buyer"));
  const names = new Set<string>();
  const buyers: Buyer[] = [];
  list.forEach((item, i) => {
    const at = join(["buyers"], i);
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      r.report("type", at, messages.notObject(item));
      return;
    }
    const b = r.object(item, at, knownKeys("buyer", fields), homesOf("buyer", fields)) ?? {};
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
  const list = r.list(doc, "rules", [], undefined) ?? [];
  const read = list.map((item, i) => {
    const at = join(["rules"], i);
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
  for (const p of ruleProblems(read)) r.report(p.code, p.at, p.message);
  return read.filter((rule): rule is RuleSpec => rule.id !== undefined && rule.after !== undefined && rule.expression !== undefined);
}
