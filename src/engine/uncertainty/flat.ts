/**
 * A scenario's per-period inputs as two Float64Arrays, laid out from the field catalogue, so
 * the fast loop (frame.ts) reads numbers by index instead of walking objects and lists that
 * mix numbers and nulls. Encoding: numbers as themselves, null (the default or "unset") as
 * NaN, flags as 1/0, words as their index in the row's `values`. A Monte Carlo draw is written
 * into the flat copy by `flatWriter`, which updates that field and the factors derived from it,
 * so nothing is re-read per iteration but the field that changed.
 */
import { FIELDS, FieldRow, segmentsOf } from "../fieldCatalogue";
import { Scenario } from "../scenario";
import { InputValue } from "./distributions";
import { WorkingScenario } from "./inputs";

/** Per-period fields of the policy and market blocks, then each buyer's, in catalogue order. */
const flatRows = (buyer: boolean): readonly FieldRow[] => FIELDS.filter((f) => f.perPeriod && f.kind !== "text" && (f.group === "buyer") === buyer);
export const PERIOD_ROWS = flatRows(false);
export const BUYER_ROWS = flatRows(true);
export const PERIOD_FIELDS = PERIOD_ROWS.length;
export const BUYER_FIELDS = BUYER_ROWS.length;

const indexIn = (rows: readonly FieldRow[], group: string, key: string): number => {
  const i = rows.findIndex((r) => r.group === group && r.key === key);
  if (i < 0) throw new Error(`no per-period field ${group}.${key}`);
  return i;
};
/** A policy or market field's offset within a period's block. */
export const periodField = (group: FieldRow["group"], key: string): number => indexIn(PERIOD_ROWS, group, key);
/** A buyer field's offset within a buyer-period's block. */
export const buyerField = (key: string): number => indexIn(BUYER_ROWS, "buyer", key);
/** The code of an enum word in the flat layout. */
export const wordCode = (group: FieldRow["group"], key: string, word: string): number => {
  const code = PERIOD_ROWS[periodField(group, key)].values?.indexOf(word) ?? -1;
  if (code < 0) throw new Error(`no word ${word} in ${group}.${key}`);
  return code;
};

export interface FlatScenario {
  readonly periodCount: number;
  readonly buyerCount: number;
  /** At t * PERIOD_FIELDS + field. */
  readonly periods: Float64Array;
  /** At (t * buyerCount + b) * BUYER_FIELDS + field. */
  readonly buyers: Float64Array;
  /** At (t * buyerCount + b) * DERIVED_FIELDS + factor: the buyer-period factors (see DERIVED), kept current by `refresh` and `flatWriter`. */
  readonly derived: Float64Array;
  /** At t: the period's PERIOD_RATE. */
  readonly periodDerived: Float64Array;
  /** Whether the scenario books the US share as a cost (not per period). */
  cost: boolean;
}

const encode = (row: FieldRow, v: unknown): number =>
  v === null || v === undefined ? NaN : typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "string" ? (row.values ?? []).indexOf(v) : (v as number);

type Holder = Record<string | number, unknown>;
const seriesAt = (s: WorkingScenario | Scenario, docPath: readonly (string | number)[]): readonly unknown[] | null => {
  let node = s as unknown as Holder;
  for (const k of docPath) node = node?.[k] as Holder;
  return (node as unknown as readonly unknown[] | null) ?? null;
};

/** One field's values (one row, one buyer) copied into `flat`. */
function load(flat: FlatScenario, s: WorkingScenario | Scenario, row: FieldRow, buyer: number): void {
  const values = seriesAt(s, segmentsOf(row, buyer));
  const isBuyer = row.group === "buyer";
  const f = isBuyer ? BUYER_ROWS.indexOf(row) : PERIOD_ROWS.indexOf(row);
  for (let t = 0; t < flat.periodCount; t++) {
    const v = encode(row, values === null ? null : values[t]);
    if (isBuyer) flat.buyers[(t * flat.buyerCount + buyer) * BUYER_FIELDS + f] = v;
    else flat.periods[t * PERIOD_FIELDS + f] = v;
  }
}

/**
 * The flat copy of a scenario.
 * @example flatten(scenario).periods.length === scenario.periods.length * PERIOD_FIELDS // returns true
 */
export function flatten(s: WorkingScenario | Scenario): FlatScenario {
  const periodCount = s.periods.length;
  const buyerCount = s.buyers.length;
  const flat: FlatScenario = {
    periodCount,
    buyerCount,
    periods: new Float64Array(periodCount * PERIOD_FIELDS),
    buyers: new Float64Array(periodCount * buyerCount * BUYER_FIELDS),
    derived: new Float64Array(periodCount * buyerCount * DERIVED_FIELDS),
    periodDerived: new Float64Array(periodCount),
    cost: true,
  };
  refresh(flat, s);
  return flat;
}

/** Re-reads every field of `s` into `flat` (same shape). */
export function refresh(flat: FlatScenario, s: WorkingScenario | Scenario): void {
  for (const row of PERIOD_ROWS) load(flat, s, row, 0);
  for (let b = 0; b < flat.buyerCount; b++) for (const row of BUYER_ROWS) load(flat, s, row, b);
  for (let d = 0; d < DERIVED.length; d++) derive(flat, d, 0, flat.periodCount, 0, flat.buyerCount);
  flat.cost = s.market.usShareTreatment === "cost";
}

/**
 * Writes an input's value into `flat` the way `load` would after the slot's setter ran, for the
 * field at `docPath` (a per-period field whole, or one period's element); undefined for a
 * field the flat layout does not hold (the caller re-reads the whole scenario then).
 */
export function flatWriter(docPath: readonly (string | number)[], buyerCount: number, periodCount: number): ((flat: FlatScenario, v: InputValue) => void) | undefined {
  for (const row of [...PERIOD_ROWS, ...BUYER_ROWS]) {
    for (let b = 0; b < (row.group === "buyer" ? buyerCount : 1); b++) {
      const at = segmentsOf(row, b);
      if (docPath.length < at.length || !at.every((k, i) => docPath[i] === k)) continue;
      if (docPath.length > at.length + 1) return undefined;
      const only = docPath.length === at.length + 1 ? (docPath[at.length] as number) : -1;
      const isBuyer = row.group === "buyer";
      const f = isBuyer ? BUYER_ROWS.indexOf(row) : PERIOD_ROWS.indexOf(row);
      // The periods and buyers the write touches: one period or all, this buyer or all.
      const [t0, t1] = only >= 0 ? [only, only + 1] : [0, periodCount];
      const [b0, b1] = isBuyer ? [b, b + 1] : [0, buyerCount];
      const indexes = Int32Array.from({ length: t1 - t0 }, (_, i) => (isBuyer ? ((t0 + i) * buyerCount + b) * BUYER_FIELDS + f : (t0 + i) * PERIOD_FIELDS + f));
      // The derived factors that read this field.
      const touched = Int32Array.from(DERIVED.flatMap((reads, i) => (reads.includes(row) ? [i] : [])));
      const isNumber = row.kind !== "flag" && row.kind !== "enum";
      return (flat, v) => {
        const code = isNumber ? (v as number) : encode(row, v);
        const target = isBuyer ? flat.buyers : flat.periods;
        for (let i = 0; i < indexes.length; i++) target[indexes[i]] = code;
        for (let d = 0; d < touched.length; d++) derive(flat, touched[d], t0, t1, b0, b1);
      };
    }
  }
  return undefined;
}

/**
 * Factors of the pipeline that depend on inputs only, not on what shipped before: recomputed
 * when a field they read changes, so the fast loop does not redo them every iteration. Each is
 * exact: multiplying by 1 or 0 (a finite quantity) gives what the step's branch gives, so the
 * loop stays bit-identical to the engine. Per buyer-period: us_license's gate (1: the buyer may
 * be licensed), the buyer's own approval rate where it applies (NaN: the period's), the share
 * public_sector keeps, domestic_ratio's limit before cumulative use. Per period: the approval
 * rate of buyers without their own (1 open, 0 blocked). A policy-wide draw then touches one
 * value per period, not one per buyer.
 */
const P = (group: FieldRow["group"], key: string) => PERIOD_ROWS[periodField(group, key)];
const Bu = (key: string) => BUYER_ROWS[buyerField(key)];
export const GATE = 0;
export const OWN_RATE = 1;
export const KEPT = 2;
export const LIMIT = 3;
/** The one per-period factor, stored in `periodDerived`. */
export const PERIOD_RATE = 4;
/** The fields each factor reads, by factor. */
export const DERIVED: readonly (readonly FieldRow[])[] = [
  [P("us", "exportsAllowed"), P("us", "approvedCustomersOnly"), Bu("usApproved")],
  [P("china", "access"), Bu("approvalRate")],
  [P("china", "publicSectorBan"), Bu("publicSectorShare")],
  [P("cap", "basis"), P("cap", "ratio"), P("market", "h200Price"), P("market", "domesticPrice"), Bu("domesticUnits"), Bu("domesticValue")],
  [P("china", "access"), P("china", "approvalRate")],
];
/** Per buyer-period factors (the first four). */
export const DERIVED_FIELDS = 4;

const EXPORTS = periodField("us", "exportsAllowed");
const APPROVED_ONLY = periodField("us", "approvedCustomersOnly");
const ACCESS = periodField("china", "access");
const CHINA_RATE = periodField("china", "approvalRate");
const BAN = periodField("china", "publicSectorBan");
const BASIS = periodField("cap", "basis");
const RATIO = periodField("cap", "ratio");
const PRICE = periodField("market", "h200Price");
const DOMESTIC_PRICE = periodField("market", "domesticPrice");
const US_APPROVED = buyerField("usApproved");
const BUYER_RATE = buyerField("approvalRate");
const PUBLIC_SHARE = buyerField("publicSectorShare");
const DOMESTIC_UNITS = buyerField("domesticUnits");
const DOMESTIC_VALUE = buyerField("domesticValue");
const OPEN = wordCode("china", "access", "open");
const BLOCKED = wordCode("china", "access", "blocked");
const NONE = wordCode("cap", "basis", "none");
const UNITS = wordCode("cap", "basis", "units");

/**
 * Recomputes factor `d` for periods [t0, t1) and buyers [b0, b1), in place: a loop per factor
 * (one call per write, not one per buyer-period), and no number returned, so none is boxed.
 */
function derive(flat: FlatScenario, d: number, t0: number, t1: number, b0: number, b1: number): void {
  const pv = flat.periods;
  const bv = flat.buyers;
  const out = flat.derived;
  const nb = flat.buyerCount;
  for (let t = t0; t < t1; t++) {
    const p = t * PERIOD_FIELDS;
    if (d === PERIOD_RATE) {
      const access = pv[p + ACCESS];
      const china = pv[p + CHINA_RATE];
      flat.periodDerived[t] = access === OPEN ? 1 : access === BLOCKED ? 0 : china === china ? china : 0;
      continue;
    }
    for (let b = b0; b < b1; b++) {
      const tb = t * nb + b;
      const k = tb * BUYER_FIELDS;
      const o = tb * DERIVED_FIELDS + d;
      if (d === GATE) out[o] = pv[p + EXPORTS] === 1 && (pv[p + APPROVED_ONLY] !== 1 || bv[k + US_APPROVED] === 1) ? 1 : 0;
      else if (d === OWN_RATE) {
        const access = pv[p + ACCESS];
        out[o] = access === OPEN || access === BLOCKED ? NaN : bv[k + BUYER_RATE];
      } else if (d === KEPT) out[o] = pv[p + BAN] === 1 ? 1 - bv[k + PUBLIC_SHARE] : 1;
      else {
        const ratio = pv[p + RATIO];
        const basis = ratio !== ratio ? NONE : pv[p + BASIS];
        const value = bv[k + DOMESTIC_VALUE];
        out[o] =
          basis === NONE
            ? Infinity
            : basis === UNITS
              ? ratio * bv[k + DOMESTIC_UNITS]
              : (ratio * (value === value ? value : bv[k + DOMESTIC_UNITS] * pv[p + DOMESTIC_PRICE])) / pv[p + PRICE];
      }
    }
  }
}
