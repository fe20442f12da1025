/**
 * A scenario's per-period inputs as two Float64Arrays, laid out from the field catalogue, so
 * the fast loop (frame.ts) reads numbers by index instead of walking objects and lists that
 * mix numbers and nulls. Encoding: numbers as themselves, null (the default or "unset") as
 * NaN, flags as 1/0, words as their index in the row's `values`. A Monte Carlo draw is written
 * into the flat copy by `flatWriter`, which updates that field and the loop's operands derived from it,
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
const PERIOD_FIELDS = PERIOD_ROWS.length;
const BUYER_FIELDS = BUYER_ROWS.length;

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
  /** At (t * buyerCount + b) * DERIVED_FIELDS + operand: the fast loop's operands (see DERIVED), kept current by `refresh` and `flatWriter`. */
  readonly derived: Float64Array;
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
 * A writer of an input's value into `flat`, the way `load` would after the slot's setter ran, for
 * the field at `docPath` (a per-period field whole, or one period's element); undefined for a
 * field the flat layout does not hold (the caller re-reads the whole scenario then). Bound to
 * `flat`, so a Monte Carlo draw costs one call: the stores and the operands that read the field.
 */
export function flatWriter(docPath: readonly (string | number)[], flat: FlatScenario): ((v: InputValue) => void) | undefined {
  const { buyerCount, periodCount } = flat;
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
      // The operands that read this field.
      const touched = Int32Array.from(DERIVED.flatMap((reads, i) => (reads.includes(row) ? [i] : [])));
      const target = isBuyer ? flat.buyers : flat.periods;
      const isNumber = row.kind !== "flag" && row.kind !== "enum";
      return (v) => {
        const code = isNumber ? (v as number) : encode(row, v);
        for (let i = 0; i < indexes.length; i++) target[indexes[i]] = code;
        for (let d = 0; d < touched.length; d++) derive(flat, touched[d], t0, t1, b0, b1);
      };
    }
  }
  return undefined;
}

/**
 * The fast loop's operands per buyer-period that depend on inputs only, not on what shipped
 * before: recomputed when a field they read changes, so the loop does not redo the steps'
 * branches every iteration. Each is exact: the loop multiplies by a factor where the step
 * multiplies by the value its branch picks, and a factor of 1 or 0 (on a finite quantity) gives
 * what the step's branch gives, so the loop stays bit-identical to the engine. A policy-wide
 * rate (approval, orders) is read by the loop once per period, and a buyer's own rate is an
 * operand or field (NaN: unset, the policy's applies), so a draw of a policy rate is one store
 * per period and recomputes nothing.
 * - GATE: us_license lets the buyer be licensed (1) or not (0);
 * - QUOTA: the buyer's licence quota, Infinity when it has none (min(r, max(0, Infinity - s)) is r);
 * - OWN_RATE: the buyer's own approval rate where it applies (not when access is open or blocked), else NaN;
 * - KEPT: the share public_sector keeps;
 * - LIMIT: domestic_ratio's limit before cumulative use.
 */
const P = (group: FieldRow["group"], key: string) => PERIOD_ROWS[periodField(group, key)];
const Bu = (key: string) => BUYER_ROWS[buyerField(key)];
const GATE = 0;
const QUOTA = 1;
const OWN_RATE = 2;
const KEPT = 3;
const LIMIT = 4;
/** The fields each operand reads, by operand. */
export const DERIVED: readonly (readonly FieldRow[])[] = [
  [P("us", "exportsAllowed"), P("us", "approvedCustomersOnly"), Bu("usApproved")],
  [Bu("licensedUnits")],
  [P("china", "access"), Bu("approvalRate")],
  [P("china", "publicSectorBan"), Bu("publicSectorShare")],
  [P("cap", "basis"), P("cap", "ratio"), P("market", "h200Price"), P("market", "domesticPrice"), Bu("domesticUnits"), Bu("domesticValue")],
];
const DERIVED_FIELDS = DERIVED.length;
// Exported by name, not as `export const`: tsc's CommonJS output reads an exported const through
// the exports object at every use, which the optimiser does not fold in a loop (importers copy
// them into module-level consts for the same reason, frame.ts).
export { BUYER_FIELDS, DERIVED_FIELDS, GATE, KEPT, LIMIT, OWN_RATE, PERIOD_FIELDS, QUOTA };

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
const LICENSED = buyerField("licensedUnits");
const BUYER_RATE = buyerField("approvalRate");
const PUBLIC_SHARE = buyerField("publicSectorShare");
const DOMESTIC_UNITS = buyerField("domesticUnits");
const DOMESTIC_VALUE = buyerField("domesticValue");
const OPEN = wordCode("china", "access", "open");
const BLOCKED = wordCode("china", "access", "blocked");
const NONE = wordCode("cap", "basis", "none");
const UNITS = wordCode("cap", "basis", "units");

/**
 * Recomputes operand `d` for periods [t0, t1) and buyers [b0, b1), in place: one call per
 * write, not one per buyer-period. Each operand is a loop of its own (the dispatch is outside
 * the loops), and nothing is returned, so no number is boxed: a shared loop that branched on the
 * operand inside, or called one closure per operand, was a quarter of a Monte Carlo run.
 * NaN is "unset" (x !== x), as in the flat copy.
 */
function derive(flat: FlatScenario, d: number, t0: number, t1: number, b0: number, b1: number): void {
  if (d === GATE) gate(flat, t0, t1, b0, b1);
  else if (d === QUOTA) quota(flat, t0, t1, b0, b1);
  else if (d === OWN_RATE) ownRate(flat, t0, t1, b0, b1);
  else if (d === KEPT) kept(flat, t0, t1, b0, b1);
  else limit(flat, t0, t1, b0, b1);
}

// One function per operand; in each, p is the period's block, k the buyer-period's buyer block, o its operand.
function gate({ periods: pv, buyers: bv, derived: out, buyerCount: nb }: FlatScenario, t0: number, t1: number, b0: number, b1: number): void {
  for (let t = t0; t < t1; t++) {
    const p = t * PERIOD_FIELDS;
    for (let b = b0; b < b1; b++) {
      const k = (t * nb + b) * BUYER_FIELDS;
      out[(t * nb + b) * DERIVED_FIELDS + GATE] = pv[p + EXPORTS] === 1 && (pv[p + APPROVED_ONLY] !== 1 || bv[k + US_APPROVED] === 1) ? 1 : 0;
    }
  }
}

function quota({ buyers: bv, derived: out, buyerCount: nb }: FlatScenario, t0: number, t1: number, b0: number, b1: number): void {
  for (let t = t0; t < t1; t++) {
    for (let b = b0; b < b1; b++) {
      const licensed = bv[(t * nb + b) * BUYER_FIELDS + LICENSED];
      out[(t * nb + b) * DERIVED_FIELDS + QUOTA] = licensed === licensed ? licensed : Infinity;
    }
  }
}

/**
 * The china_access step's approval rate, in two halves so the fast loop reads the policy once a
 * period: a buyer's own rate applies only while access is "approval" (the OWN_RATE operand,
 * NaN otherwise or when unset); without one, the period's rate below applies.
 */
export function periodApprovalRate(periods: Float64Array, t: number): number {
  const p = t * PERIOD_FIELDS;
  const access = periods[p + ACCESS];
  const policy = periods[p + CHINA_RATE];
  return access === OPEN ? 1 : access === BLOCKED ? 0 : policy === policy ? policy : 0;
}

function ownRate({ periods: pv, buyers: bv, derived: out, buyerCount: nb }: FlatScenario, t0: number, t1: number, b0: number, b1: number): void {
  for (let t = t0; t < t1; t++) {
    const access = pv[t * PERIOD_FIELDS + ACCESS];
    const policyOnly = access === OPEN || access === BLOCKED;
    for (let b = b0; b < b1; b++) out[(t * nb + b) * DERIVED_FIELDS + OWN_RATE] = policyOnly ? NaN : bv[(t * nb + b) * BUYER_FIELDS + BUYER_RATE];
  }
}

function kept({ periods: pv, buyers: bv, derived: out, buyerCount: nb }: FlatScenario, t0: number, t1: number, b0: number, b1: number): void {
  for (let t = t0; t < t1; t++) {
    const ban = pv[t * PERIOD_FIELDS + BAN] === 1;
    for (let b = b0; b < b1; b++) out[(t * nb + b) * DERIVED_FIELDS + KEPT] = ban ? 1 - bv[(t * nb + b) * BUYER_FIELDS + PUBLIC_SHARE] : 1;
  }
}

function limit({ periods: pv, buyers: bv, derived: out, buyerCount: nb }: FlatScenario, t0: number, t1: number, b0: number, b1: number): void {
  for (let t = t0; t < t1; t++) {
    const p = t * PERIOD_FIELDS;
    const ratio = pv[p + RATIO];
    const basis = ratio !== ratio ? NONE : pv[p + BASIS];
    for (let b = b0; b < b1; b++) {
      const k = (t * nb + b) * BUYER_FIELDS;
      const value = bv[k + DOMESTIC_VALUE];
      out[(t * nb + b) * DERIVED_FIELDS + LIMIT] =
        basis === NONE
          ? Infinity
          : basis === UNITS
            ? ratio * bv[k + DOMESTIC_UNITS]
            : (ratio * (value === value ? value : bv[k + DOMESTIC_UNITS] * pv[p + DOMESTIC_PRICE])) / pv[p + PRICE];
    }
  }
}
