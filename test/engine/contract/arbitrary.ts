/**
 * Random VALID scenario documents, as a user would write them (raw JSON, not the engine's
 * validated type), for the contract law. `v2Arbitrary` covers the whole of version 2: every
 * field sometimes left out, sometimes one value, sometimes one value per period (with per-period
 * nulls where the field has a default). `v1Arbitrary` keeps to what version 1 allowed.
 *
 * Amounts are drawn mostly from round numbers, so exact ties happen often (two steps removing
 * the same units, supply equal to demand, a licence used up to the unit, a cap of exactly 0),
 * and otherwise from free doubles.
 */
import fc from "fast-check";

type Json = Record<string, unknown>;
type Version = 1 | 2;

/** Marks a field the document leaves out. */
const OMIT = Symbol("omit");

const weighted = <T>(...pairs: [fc.Arbitrary<T>, number][]): fc.Arbitrary<T> => fc.oneof(...pairs.map(([arbitrary, weight]) => ({ arbitrary, weight })));

const round = (values: number[]) => fc.constantFrom(...values);
const units = weighted<number>(
  [fc.constant(0), 1],
  [fc.integer({ min: 1, max: 20 }).map((k) => k * 10000), 12],
  [fc.double({ min: 1e-3, max: 1e6, noNaN: true }), 5],
  [fc.constant(1e7), 2], // more than any buyer asks: supply that does not bind
);
const fraction = weighted<number>([fc.constant(0), 1], [round([1, 0.5, 0.25, 0.6]), 6], [fc.double({ min: 1e-6, max: 1, noNaN: true }), 3]);
const price = weighted<number>([round([27000, 17000, 13500, 10000]), 3], [fc.integer({ min: 100, max: 100000 }), 1], [fc.double({ min: 100, max: 1e5, noNaN: true }), 1]);
const capRatio = weighted<number>([fc.constant(0), 1], [round([0.5, 1, 2]), 6], [fc.double({ min: 0, max: 5, noNaN: true }), 3]);
const capOfUsVolume = weighted<number>([fc.constant(0), 1], [round([0.5, 1]), 6], [fc.double({ min: 0, max: 2, noNaN: true }), 3]);
const money = weighted<number>([round([0, 1e9, 3e9, 2.7e9]), 3], [fc.double({ min: 0, max: 1e10, noNaN: true }), 1]);
const multiple = weighted<number>([round([0, 6]), 3], [fc.double({ min: 0, max: 10, noNaN: true }), 1]);
const mostlyTrue = weighted<boolean>([fc.constant(true), 12], [fc.constant(false), 1]);
const access = weighted<string>([fc.constant("open"), 4], [fc.constant("approval"), 4], [fc.constant("blocked"), 1]);
const basis = fc.constantFrom("none", "units", "dollars");
const scope = fc.constantFrom("period", "cumulative");

const BUYER_NAMES = ["ByteDance", "Alibaba", "Tencent", "Baidu", "DeepSeek", "Others"];

/** Fiscal-quarter labels FY2026Q1 … FY2031Q4, by index. */
const quarter = (i: number): string => `FY${2026 + Math.floor(i / 4)}Q${(i % 4) + 1}`;
/** 1–8 distinct quarters in chronological order (gaps allowed). */
const periodLabels = fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 8 }).map((is) => [...is].sort((a, b) => a - b).map(quarter));

interface FieldShape {
  /** The document must give it (no default). */
  readonly required?: boolean;
  /** Its default is null, so a single null is a value a user may write. */
  readonly nullDefault?: boolean;
  /** Version 1 already took a per-period list for it. */
  readonly v1PerPeriod?: boolean;
  /** Only version 2 knows it. */
  readonly v2Only?: boolean;
}

/**
 * How one field appears in a document of n periods: left out, one value, or a list of n values
 * (version 2: with per-period nulls when the field has a default).
 */
function field<T>(version: Version, n: number, arb: fc.Arbitrary<T>, shape: FieldShape = {}): fc.Arbitrary<unknown> {
  if (shape.v2Only && version === 1) return fc.constant(OMIT);
  const shapes: fc.Arbitrary<unknown>[] = [arb];
  if (version === 2 || shape.v1PerPeriod) {
    const item = version === 2 && !shape.required ? fc.option(arb, { nil: null, freq: 4 }) : arb;
    shapes.push(fc.array(item, { minLength: n, maxLength: n }));
  }
  if (!shape.required) shapes.push(fc.constant(OMIT));
  if (shape.nullDefault) shapes.push(fc.constant(null));
  return fc.oneof(...shapes);
}

/** A record whose OMIT fields are left out. */
const object = (model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Json> =>
  fc.record(model).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== OMIT)));

/** Values the repairs below fill in where the contract requires a field in some period. */
const spares = fc.record({ fraction, price, units, capRatio });

function documents(version: Version): fc.Arbitrary<Json> {
  return periodLabels.chain((periods) => {
    const n = periods.length;
    const f = <T>(arb: fc.Arbitrary<T>, shape?: FieldShape) => field(version, n, arb, shape);
    const perPeriodInV1 = { v1PerPeriod: true };
    const buyer = (name: string) =>
      object({
        name: fc.constant(name),
        requested: f(units, { required: true, ...perPeriodInV1 }),
        domesticUnits: f(units, { required: true }),
        domesticValue: f(money, { nullDefault: true }),
        publicSectorShare: f(fraction),
        usApproved: f(mostlyTrue),
        licensedUnits: f(units, { nullDefault: true, v2Only: true }),
        approvalRate: f(fraction, { nullDefault: true }),
        orderRate: f(fraction, { nullDefault: true, v2Only: true }),
      });
    const document = fc.record({
      name: fc.constant("Arbitrary"),
      periods: fc.constant(periods),
      us: object({
        exportsAllowed: f(mostlyTrue),
        approvedCustomersOnly: f(fc.boolean()),
        revenueShare: f(fraction),
        chinaCapOfUsVolume: f(capOfUsVolume, { nullDefault: true }),
        usShipments: f(units, { nullDefault: true, ...perPeriodInV1 }),
        chinaCapScope: f(scope, { v2Only: true }),
      }),
      china: object({
        access: f(access),
        approvalRate: f(fraction, { nullDefault: true }),
        orderRate: f(fraction, { v2Only: true }),
        cap: fc.oneof(
          fc.constant(OMIT),
          object({ basis: f(basis), ratio: f(capRatio), scope: f(scope, { v2Only: true }) }),
        ),
        publicSectorBan: f(fc.boolean()),
      }),
      market: object({
        h200Price: f(price, { required: true }),
        domesticPrice: f(price, { nullDefault: true }),
        supply: f(units, { required: true, ...perPeriodInV1 }),
        h20Multiple: f(multiple),
        baselineChinaRevenue: f(money, perPeriodInV1),
        usShareTreatment: fc.constantFrom<unknown>(OMIT, "cost", "contra-revenue"),
      }),
      buyers: fc.uniqueArray(fc.constantFrom(...BUYER_NAMES), { minLength: 1, maxLength: 6 }).chain((names) => fc.tuple(...names.map(buyer))),
    });
    return fc.tuple(document, spares).map(([doc, spare]) => repaired(doc, n, spare));
  });
}

/** A field's value in period t as written: a list's entry or the one value; null when absent. */
function writtenAt(obj: Json | undefined, key: string, t: number): unknown {
  const raw = obj?.[key];
  return (Array.isArray(raw) ? raw[t] : raw) ?? null;
}

/** Gives a field a value in period t: the list's entry if it is a list, else the one value. */
function fillAt(obj: Json, key: string, t: number, value: unknown): void {
  const raw = obj[key];
  if (Array.isArray(raw)) raw[t] = value;
  else obj[key] = value;
}

/**
 * The document with the fields the contract requires in each period filled in: an approval rate
 * where access is "approval" and a buyer has none of its own; a cap ratio where the basis is not
 * "none"; a domestic price where the dollars basis needs one; US shipments where the China-vs-US
 * cap is set, and in every period before one where it counts cumulatively.
 */
function repaired(generated: Json, n: number, spare: { fraction: number; price: number; units: number; capRatio: number }): Json {
  // fast-check reuses generated values while shrinking: repair a copy (a JSON one: structuredClone's
  // objects come from another realm under Jest, and fast-check would print them as [object Object]).
  const doc = JSON.parse(JSON.stringify(generated)) as Json & { us: Json; china: Json; market: Json; buyers: Json[] };
  const { us, china, market, buyers } = doc;
  const cap = china.cap as Json | undefined;
  const capOfUsSet = Array.from({ length: n }, (_, t) => writtenAt(us, "chinaCapOfUsVolume", t) !== null);
  const cumulativeAt = Array.from({ length: n }, (_, t) => writtenAt(us, "chinaCapScope", t) === "cumulative");
  for (let t = 0; t < n; t++) {
    if (writtenAt(china, "access", t) === "approval" && writtenAt(china, "approvalRate", t) === null && buyers.some((b) => writtenAt(b, "approvalRate", t) === null)) {
      fillAt(china, "approvalRate", t, spare.fraction);
    }
    const capBasis = writtenAt(cap, "basis", t) ?? "none";
    if (cap && capBasis !== "none" && writtenAt(cap, "ratio", t) === null) fillAt(cap, "ratio", t, spare.capRatio);
    if (capBasis === "dollars" && writtenAt(market, "domesticPrice", t) === null && buyers.some((b) => writtenAt(b, "domesticValue", t) === null)) {
      fillAt(market, "domesticPrice", t, spare.price);
    }
    // A cumulative cap in period u sums US shipments from the first period through u.
    const usShipmentsNeeded = capOfUsSet.some((set, u) => set && (u === t || (u > t && cumulativeAt[u])));
    if (usShipmentsNeeded && writtenAt(us, "usShipments", t) === null) fillAt(us, "usShipments", t, spare.units);
  }
  return doc;
}

/** Valid version-2 scenario documents, raw. */
export const v2Arbitrary: fc.Arbitrary<Json> = documents(2);

/** Valid version-1 scenario documents: per-period lists only for supply, baseline revenue, US shipments and requested; no orderRate, licensedUnits or scopes. */
export const v1Arbitrary: fc.Arbitrary<Json> = documents(1);
