/**
 * The editable scenario as data: which field of the document each input edits (every row of
 * the field catalogue, and every custom-rule field), the value it shows (the engine's default
 * when the document leaves it out), and how typed text becomes a value. Pure: no DOM.
 */
import { FIELDS, FieldGroup, FieldRow, RULE_FIELDS, fieldsOf, pathOf, plainNumber, readAnalystNumber } from "../engine";
export type FieldKind = "number" | "text" | "flag" | "choice";

export interface FieldSpec {
  /** Path in the scenario document, in the engine's problem form (`buyers[1].requested`). */
  readonly path: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly choices?: readonly string[];
  /** The value may differ from period to period: one input, or one per period (see periodLayout). */
  readonly perPeriod?: boolean;
  /** The value the engine uses when the document leaves the field out (null: none). */
  readonly default?: number | boolean | string | null;
}

/** A field of each item of a list (a buyer, a rule): the spec without its path, and its key in the item. */
export type ItemField = Omit<FieldSpec, "path"> & { readonly key: string };

const LEGENDS: Readonly<Record<Exclude<FieldGroup, "buyer">, string>> = { scenario: "Scenario", us: "US policy", china: "China policy", cap: "China policy", market: "Market" };

/**
 * A catalogue row as a form input: its kind of control, its words, its label and default. (Its
 * help is written for the docs and the schema, in field paths: the pane shows labels only.)
 */
function specOf(row: FieldRow): Omit<FieldSpec, "path"> {
  const kind: FieldKind = row.kind === "flag" ? "flag" : row.kind === "enum" ? "choice" : row.kind === "text" ? "text" : "number";
  return {
    label: row.label,
    kind,
    ...(row.values ? { choices: row.values } : {}),
    ...(row.perPeriod ? { perPeriod: true } : {}),
    ...(row.default !== undefined ? { default: row.default } : {}),
  };
}

/** The pane's assumptions form, derived from the field catalogue: every row but the buyers', by legend. */
export function assumptionsOf(fields: readonly FieldRow[] = FIELDS): { legend: string; fields: FieldSpec[] }[] {
  const out: { legend: string; fields: FieldSpec[] }[] = [];
  for (const row of fields) {
    if (row.group === "buyer") continue;
    const legend = LEGENDS[row.group];
    let group = out.find((g) => g.legend === legend);
    if (!group) out.push((group = { legend, fields: [] }));
    group.fields.push({ path: pathOf(row), ...specOf(row) });
  }
  return out;
}

/** A buyer's fields: every buyer row of the catalogue. */
export const buyerFieldsOf = (fields: readonly FieldRow[] = FIELDS): ItemField[] => fieldsOf("buyer", fields).map((f) => ({ key: f.key, ...specOf(f) }));

/** A custom rule's fields (docs/model.md), from the catalogue's rule rows; `after` offers the steps a rule may follow. */
export const ruleFieldsOf = (steps: readonly string[]): ItemField[] =>
  RULE_FIELDS.map((f) => ({
    key: f.key,
    label: f.label,
    kind: f.type === "boolean" ? "flag" : f.key === "after" ? "choice" : "text",
    ...(f.key === "after" ? { choices: steps } : {}),
    ...(f.default !== undefined ? { default: f.default } : {}),
  }));

export const ASSUMPTIONS: readonly { legend: string; fields: readonly FieldSpec[] }[] = assumptionsOf();
export const BUYER_FIELDS: readonly ItemField[] = buyerFieldsOf();

/** A list item's field at index `i` of `list`, labelled with the item's name ("Tencent: H200 requested (units)"). */
export const itemSpec = (list: "buyers" | "rules", i: number, field: ItemField, itemName: string): FieldSpec => ({ ...field, path: `${list}[${i}].${field.key}`, label: `${itemName}: ${field.label}` });

type Json = Record<string, unknown>;
const segments = (path: string): (string | number)[] => path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== "").map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** The value at `path`, or undefined. */
export function getAt(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const s of segments(path)) v = v !== null && typeof v === "object" ? (v as Json)[s as string] : undefined;
  return v;
}

/** Sets (or, for undefined, removes) the value at `path`, creating objects on the way. */
export function setAt(doc: Json, path: string, value: unknown): void {
  const segs = segments(path);
  let o: Json = doc;
  for (const s of segs.slice(0, -1)) {
    const next = o[s as string];
    if (next === null || typeof next !== "object") o[s as string] = {};
    o = o[s as string] as Json;
  }
  const last = segs[segs.length - 1] as string;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

/**
 * The value an input shows for a document value: the value, else (left out or null) the
 * field's default, which is what the engine uses. A flag left out is its default (checked
 * for "US allows H200 exports"), never unchecked by accident.
 * @example shownValue({ path: "us.exportsAllowed", label: "x", kind: "flag", default: true }, undefined) // returns true
 */
export function shownValue(spec: Pick<FieldSpec, "default">, value: unknown): unknown {
  return value === undefined || value === null ? (spec.default ?? null) : value;
}

/** How one input shows a document value: a box ticked or not, a choice, or text with a placeholder. */
export type Display = { readonly checked: boolean } | { readonly choice: string } | { readonly text: string; readonly placeholder: string };

/**
 * What an input shows for a document value: the engine's default when the value is left out
 * (a number's default as its placeholder, so a blank input reads as the default it takes).
 * @example displayOf({ kind: "flag", default: true }, undefined) // returns { checked: true }
 * @example displayOf({ kind: "number", default: 1 }, undefined) // returns { text: "", placeholder: "1" }
 */
export function displayOf(spec: Pick<FieldSpec, "kind" | "default" | "choices">, value: unknown): Display {
  const shown = shownValue(spec, value);
  if (spec.kind === "flag") return { checked: shown === true };
  if (spec.kind === "choice") return { choice: typeof shown === "string" ? shown : (spec.choices?.[0] ?? "") };
  const text = value === undefined || value === null ? "" : formatInput(value);
  return { text, placeholder: text === "" && typeof shown === "number" ? plainNumber(shown) : "" };
}

/** What typed text means for the document. */
export type InputReading =
  /** Write `value` (undefined removes the field); `reads` is the number in plain form when the text was not one already. */
  | { readonly kind: "value"; readonly value: unknown; readonly reads?: string }
  /** The start of a number that would read as something else once finished (`-`, `-0`, `-0.`): keep the last value. */
  | { readonly kind: "typing" };

/** `-`, `-0`, `-0.`, `-.0`, `-$0`: text that is on its way to a negative number. */
const NEGATIVE_SO_FAR = /^-\s*\$?\s*0*\.?0*$/;

/**
 * An input's text as a document value. Blank removes the field (the engine then reports it
 * missing or uses its default); numbers are read the way analysts type them (`27k`, `27,000`,
 * `$27,000`, `1.5bn`, `60%`); other text is kept, so the engine's own message names it.
 * While `typing` (not yet committed), `-0.` is not accepted as zero.
 * @example readInput("number", "27k", false) // returns { kind: "value", value: 27000, reads: "27,000" }
 * @example readInput("number", "-0", true) // returns { kind: "typing" }
 */
export function readInput(kind: FieldKind, text: string, typing: boolean): InputReading {
  const t = text.trim();
  if (kind === "text" || kind === "choice") return { kind: "value", value: t };
  if (t === "") return { kind: "value", value: undefined };
  if (typing && NEGATIVE_SO_FAR.test(t)) return { kind: "typing" };
  const read = readAnalystNumber(t);
  if (!read) return { kind: "value", value: t };
  return read.lenient ? { kind: "value", value: read.value, reads: groupedNumber(read.value) } : { kind: "value", value: read.value };
}

/** A number with thousands separators and its full precision: 27000 → "27,000", 0.6 → "0.6". */
const groupedNumber = (v: number): string => (Math.abs(v) < 1e21 ? v.toLocaleString("en-US", { maximumFractionDigits: 20 }) : plainNumber(v));

/** A document value as input text. */
export function formatInput(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "number" ? plainNumber(value) : String(value);
}

/** The path of one period's element of a per-period field: `market.supply[2]`. */
export const elementPath = (path: string, t: number): string => `${path}[${t}]`;

/**
 * How a per-period field shows: one input while it holds the same value in every period
 * (unless the analyst asked to vary it), else one input per period with that period's value.
 * @example periodLayout(["blocked", "approval"], 2, false) // returns { varies: true, values: ["blocked", "approval"] }
 * @example periodLayout([0.6, 0.6], 2, false) // returns { varies: false, values: [0.6, 0.6] }
 */
export function periodLayout(value: unknown, periods: number, expanded: boolean): { varies: boolean; values: unknown[] } {
  const values = Array.from({ length: periods }, (_, t) => (Array.isArray(value) ? value[t] : value));
  const uniform = !Array.isArray(value) || (value.length === periods && value.every((v) => v === value[0]));
  return { varies: periods > 1 && (expanded || !uniform), values };
}

/**
 * Sets one period's value of a per-period field: a single value is first spread over every
 * period (an absent field as nulls, each period's default), so the other periods keep theirs.
 * A blank (undefined) element is null: that period takes the default.
 */
export function setPeriodValue(doc: Json, path: string, t: number, periods: number, value: unknown): void {
  const list = spreadOver(getAt(doc, path), periods);
  list[t] = value === undefined ? null : value;
  setAt(doc, path, list);
}

/** "Vary by period": the field's single value spread into one value per period. */
export function varyByPeriod(doc: Json, path: string, periods: number): void {
  setAt(doc, path, spreadOver(getAt(doc, path), periods));
}

/** "Same every period": the first period's value for all of them (a blank first period removes the field). */
export function sameEveryPeriod(doc: Json, path: string): void {
  const v = getAt(doc, path);
  const first = Array.isArray(v) ? v[0] : v;
  setAt(doc, path, first === null ? undefined : first);
}

function spreadOver(value: unknown, periods: number): unknown[] {
  if (Array.isArray(value)) return Array.from({ length: periods }, (_, t) => (t < value.length ? value[t] : null));
  return new Array<unknown>(periods).fill(value === undefined ? null : value);
}

/** The document's period labels (empty while it has none). */
export const periodsOf = (doc: unknown): string[] => {
  const p = getAt(doc, "periods");
  return Array.isArray(p) ? p.map(String) : [];
};

/** A DOM id for a field path. */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
