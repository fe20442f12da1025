/**
 * Scenario validation: untrusted JSON in, a fully resolved Scenario (MODEL.md defaults
 * applied, per-period fields expanded) or one Problem per thing wrong, each naming its path.
 */
import { FieldReader, Json, MAX_PRICE, MAX_RATIO, MAX_UNITS, MAX_USD, join } from "./fields";
import { messages } from "./messages";
import { Result, fail, ok, problem } from "./problems";
import { ruleProblems } from "./rules/ruleProblems";
import {
  ACCESS_MODES,
  Buyer,
  CAP_BASES,
  ChinaPolicy,
  Market,
  RuleSpec,
  Scenario,
  US_SHARE_TREATMENTS,
  UsPolicy,
} from "./scenario";

// "uncertainty" (Monte Carlo inputs) is passed through unchecked; src/engine/uncertainty reads it, not the pipeline.
const SCENARIO_FIELDS = ["name", "description", "periods", "us", "china", "market", "buyers", "rules", "uncertainty", "probability"];
const US_FIELDS = ["exportsAllowed", "approvedCustomersOnly", "revenueShare", "chinaCapOfUsVolume", "usShipments"];
const CHINA_FIELDS = ["access", "approvalRate", "cap", "publicSectorBan"];
const CAP_FIELDS = ["basis", "ratio"];
const MARKET_FIELDS = ["h200Price", "domesticPrice", "supply", "h20Multiple", "baselineChinaRevenue", "usShareTreatment"];
const BUYER_FIELDS = ["name", "requested", "domesticUnits", "domesticValue", "publicSectorShare", "usApproved", "approvalRate"];
const RULE_FIELDS = ["id", "after", "expression", "label", "source", "enabled"];

/** Nvidia fiscal quarter labels, e.g. FY2027Q1. */
export const PERIOD_LABEL = /^FY\d{4}Q[1-4]$/;

/**
 * Validates a parsed scenario document and applies MODEL.md's defaults.
 * @example validateScenario({}).ok // returns false (name, periods, market and buyers are required)
 */
export function validateScenario(input: unknown): Result<Scenario> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail(problem("type", "", messages.notScenario()));
  }
  const r = new FieldReader();
  const doc = r.object(input, "", SCENARIO_FIELDS) ?? {};

  const name = r.text(doc, "name", "", { required: true, what: "the scenario's name", fallback: "" });
  const description = r.text(doc, "description", "", { required: false, what: "a description", fallback: "" });
  const periods = readPeriods(r, doc);
  const n = periods.length;

  const us = readUs(r, r.object(doc.us, "us", US_FIELDS), n);
  const china = readChina(r, r.object(doc.china, "china", CHINA_FIELDS));
  const market = readMarket(r, r.object(doc.market, "market", MARKET_FIELDS), n);
  const buyers = readBuyers(r, doc, n);
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

  if (r.problems.length > 0 || !us || !market || !buyers) return fail(...r.problems);
  return ok({ name, description, periods, us, china, market, buyers, rules, ...(doc.uncertainty === undefined ? {} : { uncertainty: doc.uncertainty }), ...(probability === undefined ? {} : { probability }) });
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

function readUs(r: FieldReader, us: Json | undefined, n: number): UsPolicy | undefined {
  const chinaCapOfUsVolume = r.nullableNumber(us, "chinaCapOfUsVolume", "us", {
    what: "China's H200 volume as a multiple of US shipments",
    min: 0,
    max: MAX_RATIO,
  });
  let usShipments: number[] | null = null;
  if (us?.usShipments !== undefined && us.usShipments !== null) {
    usShipments = r.perPeriod(us, "usShipments", "us", n, { what: "US H200 shipments in units", min: 0, max: MAX_UNITS }) ?? null;
  } else if (chinaCapOfUsVolume !== null) {
    r.report("missing", "us.usShipments", messages.usShipmentsNeeded());
  }
  return {
    exportsAllowed: r.boolean(us, "exportsAllowed", "us", true),
    approvedCustomersOnly: r.boolean(us, "approvedCustomersOnly", "us", true),
    revenueShare: r.number(us, "revenueShare", "us", { what: "share of sales paid to the US government", fraction: true, fallback: 0.25 }) ?? 0.25,
    chinaCapOfUsVolume,
    usShipments,
  };
}

function readChina(r: FieldReader, china: Json | undefined): ChinaPolicy {
  const capObj = r.object(china?.cap, "china.cap", CAP_FIELDS);
  const basis = r.choice(capObj, "basis", "china.cap", CAP_BASES, "none");
  let ratio: number | null = null;
  if (basis !== "none") {
    ratio = r.number(capObj, "ratio", "china.cap", { what: `H200 allowed per domestic ${basis === "units" ? "chip" : "dollar"}`, min: 0, max: MAX_RATIO }) ?? null;
    if (capObj?.ratio === undefined || capObj.ratio === null) r.report("missing", "china.cap.ratio", messages.capRatioNeeded(basis));
  }
  return {
    access: r.choice(china, "access", "china", ACCESS_MODES, "open"),
    approvalRate: r.nullableNumber(china, "approvalRate", "china", { what: "share of requested volume approved", fraction: true }),
    cap: { basis, ratio },
    publicSectorBan: r.boolean(china, "publicSectorBan", "china", false),
  };
}

function readMarket(r: FieldReader, market: Json | undefined, n: number): Market | undefined {
  if (!market) {
    r.report("missing", "market", messages.required("h200Price and supply at least"));
    return undefined;
  }
  const h200Price = r.number(market, "h200Price", "market", { what: "USD per H200", required: true, above: 0, max: MAX_PRICE });
  const supply = r.perPeriod(market, "supply", "market", n, { what: "H200 units Nvidia can allocate to China", required: true, min: 0, max: MAX_UNITS });
  const baselineChinaRevenue = r.perPeriod(market, "baselineChinaRevenue", "market", n, {
    what: "China revenue without H200, in USD",
    min: 0,
    max: MAX_USD,
    fallback: 0,
  });
  const rest = {
    domesticPrice: r.nullableNumber(market, "domesticPrice", "market", { what: "USD per domestic processor", above: 0, max: MAX_PRICE }),
    h20Multiple: r.number(market, "h20Multiple", "market", { what: "H20s per H200 in compute", min: 0, max: MAX_RATIO, fallback: 6 }) ?? 6,
    usShareTreatment: r.choice(market, "usShareTreatment", "market", US_SHARE_TREATMENTS, "cost"),
  };
  if (h200Price === undefined || !supply || !baselineChinaRevenue) return undefined;
  return { h200Price, supply, baselineChinaRevenue, ...rest };
}

function readBuyers(r: FieldReader, doc: Json, n: number): Buyer[] | undefined {
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
    const b = r.object(item, at, BUYER_FIELDS) ?? {};
    const name = r.text(b, "name", at, { required: true, what: "the buyer's name", fallback: `buyer ${i + 1}` });
    if (names.has(name)) r.report("shape", join(at, "name"), messages.duplicate("buyer name", name));
    names.add(name);
    const requested = r.perPeriod(b, "requested", at, n, { what: "H200 units requested per period", required: true, min: 0, max: MAX_UNITS });
    const domesticUnits = r.number(b, "domesticUnits", at, { what: "domestic AI processors held and planned, in units", required: true, min: 0, max: MAX_UNITS });
    const buyer = {
      name,
      domesticValue: r.nullableNumber(b, "domesticValue", at, { what: "USD value of domestic processors", min: 0, max: MAX_USD }),
      publicSectorShare: r.number(b, "publicSectorShare", at, { what: "public-sector share of demand", fraction: true, fallback: 0 }) ?? 0,
      usApproved: r.boolean(b, "usApproved", at, true),
      approvalRate: r.nullableNumber(b, "approvalRate", at, { what: "share of this buyer's requested volume approved", fraction: true }),
    };
    if (requested && domesticUnits !== undefined) buyers.push({ ...buyer, requested, domesticUnits });
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
    const o = r.object(item, at, RULE_FIELDS) ?? {};
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
