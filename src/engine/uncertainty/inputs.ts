/**
 * Input addressing: a field path of the scenario document ("china.approvalRate",
 * "market.supply[2]", "buyers[0].requested", "buyers[ByteDance].domesticUnits") resolved once
 * into a slot with a fast setter on a private, mutable copy of the resolved Scenario and the
 * same range checks as validation (../validate.ts), so sampling never re-validates a document.
 */
import { dottedPath } from "../docPath";
import { FIELDS, FieldGroup, FieldRow, boundsOf, pathOf, segmentsOf } from "../fieldCatalogue";
import { rangeMessage } from "../fields";
import { Scenario } from "../scenario";
import { Bounds, InputValue } from "./distributions";
import { uncertaintyMessages as m } from "./messages";

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

/** A private, mutable copy of a resolved Scenario that inputs are written into. */
export type WorkingScenario = DeepMutable<Scenario>;

type Holder = Record<string | number, unknown>;

/** The object holding a field's value in a working scenario, `docPath` minus its last key. */
function containerAt(work: WorkingScenario, docPath: readonly (string | number)[]): Holder {
  let node = work as unknown as Holder;
  for (let i = 0; i < docPath.length - 1; i++) node = node[docPath[i]] as Holder;
  return node;
}

/** containerAt as a closure with its keys fixed: setters run once per Monte Carlo draw. */
function holderOf(docPath: readonly (string | number)[]): (work: WorkingScenario) => Holder {
  const [a, b, c] = docPath;
  if (docPath.length === 2) return (w) => (w as unknown as Holder)[a] as Holder;
  if (docPath.length === 3) return (w) => ((w as unknown as Holder)[a] as Holder)[b] as Holder;
  if (docPath.length === 4) return (w) => (((w as unknown as Holder)[a] as Holder)[b] as Holder)[c] as Holder;
  return (w) => containerAt(w, docPath);
}

/**
 * A deep copy of `scenario` that setters may write into (the caller's scenario is never touched).
 * @example workingCopy(scenario).market.supply !== scenario.market.supply // returns true
 */
export function workingCopy(s: Scenario, fields: readonly FieldRow[] = FIELDS): WorkingScenario {
  const work = {
    ...s,
    periods: [...s.periods],
    us: { ...s.us },
    china: { ...s.china, cap: { ...s.china.cap } },
    market: { ...s.market },
    buyers: s.buyers.map((b) => ({ ...b })),
    rules: s.rules.map((r) => ({ ...r })),
  } as unknown as WorkingScenario;
  // Per-period values are lists: each gets its own copy.
  for (const row of fields.filter((f) => f.perPeriod)) {
    const count = row.group === "buyer" ? s.buyers.length : 1;
    for (let b = 0; b < count; b++) {
      const docPath = segmentsOf(row, b);
      const holder = containerAt(work, docPath);
      const key = docPath[docPath.length - 1];
      if (Array.isArray(holder[key])) holder[key] = [...(holder[key] as number[])];
    }
  }
  return work;
}

export type InputKind =
  | { readonly kind: "number"; readonly bounds: Bounds; readonly what: string }
  | { readonly kind: "boolean" }
  | { readonly kind: "enum"; readonly values: readonly string[] };

/** One input that can vary, resolved against one scenario. */
export interface InputSlot {
  /** Canonical path, buyers by index: e.g. "buyers[0].requested[1]". */
  readonly path: string;
  /** The same path as keys and indexes of the scenario document. */
  readonly docPath: readonly (string | number)[];
  readonly input: InputKind;
  /** The current value (a per-period field read whole: its value when the same in every period, else one per period). */
  get(work: WorkingScenario): InputValue | readonly (InputValue | null)[] | null;
  /** Writes a value that `check` accepted. */
  set(work: WorkingScenario, value: InputValue): void;
  /** Why `value` is not valid for this field, or undefined when it is. */
  check(value: InputValue): string | undefined;
}

/** The input kind of a catalogue row: its bounds, its words, or true/false. */
export function inputKindOf(row: FieldRow): InputKind {
  if (row.kind === "flag") return { kind: "boolean" };
  if (row.kind === "enum") return { kind: "enum", values: row.values ?? [] };
  const b = boundsOf(row);
  return { kind: "number", bounds: { lo: b.above ?? b.min ?? 0, hi: b.fraction ? 1 : (b.max ?? Infinity), loOpen: b.above !== undefined }, what: row.what };
}

/** The catalogue rows that can vary: the pipeline's fields (not the scenario's own: names, its probability), text aside. */
const inputRows = (fields: readonly FieldRow[]): FieldRow[] => fields.filter((f) => f.kind !== "text" && f.group !== "scenario");

/** Every path shape an input can take, for messages and help. */
export const inputPaths = (fields: readonly FieldRow[] = FIELDS): string[] => inputRows(fields).map((f) => pathOf(f) + (f.perPeriod ? "[t]" : ""));
export const INPUT_PATHS: readonly string[] = inputPaths();

type Segment = string | number | { readonly name: string };

function segments(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  const token = /^(?:(^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("?)([^\]"]+)\4\])/;
  let rest = path.trim();
  while (rest.length > 0) {
    const t = token.exec(rest);
    if (!t || (t[2] !== undefined && out.length > 0 && t[1] !== ".")) return undefined;
    out.push(t[2] !== undefined ? t[2] : t[3] !== undefined ? Number(t[3]) : { name: t[5] });
    rest = rest.slice(t[0].length);
  }
  return out.length > 0 ? out : undefined;
}

/** Why `value` is not valid for `input`, or undefined. */
export function checkValue(input: InputKind, value: InputValue): string | undefined {
  if (input.kind === "boolean") return typeof value === "boolean" ? undefined : m.badValue(value, "is not true or false");
  if (input.kind === "enum") return typeof value === "string" && input.values.includes(value) ? undefined : m.badValue(value, `is not one of ${input.values.map((v) => JSON.stringify(v)).join(", ")}`);
  if (typeof value !== "number" || !Number.isFinite(value)) return m.badValue(value, "is not a finite number");
  const { lo, hi, loOpen } = input.bounds;
  return rangeMessage(value, lo === 0 && hi === 1 && !loOpen ? { fraction: true } : { ...(loOpen ? { above: lo } : { min: lo }), max: hi });
}

/**
 * Resolves an input path against a scenario: a slot, or a message saying what is wrong.
 * @example typeof resolveInput(scenario, "china.approvalRate") // returns "object"
 */
export function resolveInput(scenario: Scenario, path: string, fields: readonly FieldRow[] = FIELDS): InputSlot | string {
  const segs = segments(path);
  if (!segs) return m.pathSyntax(path);
  const [head, ...rest] = segs;
  const notInput = () => m.notAnInput(path, inputPaths(fields));
  const periods = scenario.periods.length;

  // The field's group and key, the buyer it belongs to, and what follows it (a period index).
  let group: FieldGroup;
  let key: Segment | undefined;
  let after: Segment[];
  let b = 0;
  if (head === "buyers") {
    const which = rest[0];
    const count = scenario.buyers.length;
    if (which === undefined || typeof which === "string") return notInput();
    b = typeof which === "number" ? which : scenario.buyers.findIndex((x) => x.name === which.name);
    if (b < 0 || b >= count) return m.buyerIndex(typeof which === "number" ? `[${which}]` : JSON.stringify(which.name), count);
    [group, key, after] = ["buyer", rest[1], rest.slice(2)];
  } else if (head === "china" && rest[0] === "cap") [group, key, after] = ["cap", rest[1], rest.slice(2)];
  else if (head === "us" || head === "china" || head === "market") [group, key, after] = [head, rest[0], rest.slice(1)];
  else return notInput();
  const row = inputRows(fields).find((f) => f.group === group && f.key === key);
  if (!row) return notInput();

  const input = inputKindOf(row);
  const check = (v: InputValue) => checkValue(input, v);
  const docPath = segmentsOf(row, b);
  const last = docPath[docPath.length - 1];
  const field = holderOf(docPath);
  if (!row.perPeriod) {
    if (after.length > 0) return notInput();
    return {
      path: dottedPath(docPath),
      docPath,
      input,
      get: (w) => field(w)[last] as InputValue | null,
      set: (w, v) => void (field(w)[last] = v),
      check,
    };
  }
  const series = (w: WorkingScenario) => field(w)[last] as (InputValue | null)[] | null;
  const index = after[0];
  if (after.length > 1 || (index !== undefined && typeof index !== "number")) return notInput();
  if (index === undefined) {
    return {
      path: dottedPath(docPath),
      docPath,
      input,
      // A timeline that holds one value throughout reads as that value.
      get: (w) => {
        const values = series(w);
        return values && values.length > 0 && values.every((x) => x === values[0]) ? values[0] : values;
      },
      set: (w, v) => {
        const values = series(w);
        if (values) values.fill(v);
        // An unset per-period field (us.usShipments without the cap that needs it): set every period.
        else field(w)[last] = new Array<number>(periods).fill(v as number);
      },
      check,
    };
  }
  if (index >= periods) return m.periodIndex(index, periods);
  if (series(workingCopy(scenario, fields)) === null) return m.unsetSeries(dottedPath(docPath));
  return {
    path: dottedPath([...docPath, index]),
    docPath: [...docPath, index],
    input,
    get: (w) => series(w)?.[index] ?? null,
    set: (w, v) => {
      (series(w) as number[])[index] = v as number;
    },
    check,
  };
}

/** Sets `docPath` in a JSON document (objects along the way are created). */
export function setInDocument(doc: Record<string, unknown>, docPath: readonly (string | number)[], value: unknown): void {
  let node = doc as Record<string | number, unknown>;
  for (let i = 0; i < docPath.length - 1; i++) {
    const k = docPath[i];
    if (typeof node[k] !== "object" || node[k] === null) node[k] = typeof docPath[i + 1] === "number" ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  }
  node[docPath[docPath.length - 1]] = value;
}

/** The scenario as a plain document that validateScenario accepts (a resolved Scenario is one), without its uncertainty block. */
export function scenarioDocument(scenario: Scenario): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  delete doc.uncertainty;
  return doc;
}
