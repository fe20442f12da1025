/**
 * The editable assumptions as data: which field of the scenario document each input edits,
 * how its text becomes a value, and which input shows a problem the engine located by path.
 * Pure: the DOM wiring is in app.ts.
 */
import { FIELDS, FieldGroup, FieldRow, STEP_IDS, fieldsOf, pathOf } from "../engine";
export type FieldKind = "number" | "text" | "flag" | "choice";

export interface FieldSpec {
  /** Path in the scenario document, in the engine's problem form (`buyers[1].requested`). */
  readonly path: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly choices?: readonly string[];
  readonly hint?: string;
  /** The value may differ from period to period: one input, or one per period (see periodLayout). */
  readonly perPeriod?: boolean;
  /** What a blank number input means: the field's default. */
  readonly placeholder?: string;
}

const LEGENDS: Readonly<Partial<Record<FieldGroup, string>>> = { us: "US policy", china: "China policy", cap: "China policy", market: "Market" };
/** A catalogue row as a form input: its kind of control, its words, its label and help. */
function specOf(row: FieldRow): Omit<FieldSpec, "path"> {
  const kind: FieldKind = row.kind === "flag" ? "flag" : row.kind === "enum" ? "choice" : row.kind === "text" ? "text" : "number";
  const placeholder = kind === "number" && typeof row.default === "number" ? { placeholder: String(row.default) } : {};
  return { label: row.label, kind, ...(row.values ? { choices: row.values } : {}), ...(row.perPeriod ? { perPeriod: true } : {}), ...placeholder };
}

/** The pane's assumptions form, derived from the field catalogue: its rows marked for the pane, by legend. */
export function assumptionsOf(fields: readonly FieldRow[] = FIELDS): { legend: string; fields: FieldSpec[] }[] {
  const out: { legend: string; fields: FieldSpec[] }[] = [];
  for (const row of fields.filter((f) => f.pane && LEGENDS[f.group])) {
    const legend = LEGENDS[row.group] as string;
    let group = out.find((g) => g.legend === legend);
    if (!group) out.push((group = { legend, fields: [] }));
    group.fields.push({ path: pathOf(row), ...specOf(row) });
  }
  return out;
}

/** The buyers table's columns: the buyer rows of the catalogue marked for the pane. */
export const buyerFieldsOf = (fields: readonly FieldRow[] = FIELDS): (Omit<FieldSpec, "path"> & { key: string })[] =>
  fieldsOf("buyer", fields)
    .filter((f) => f.pane)
    .map((f) => ({ key: f.key, ...specOf(f) }));

export const ASSUMPTIONS: readonly { legend: string; fields: readonly FieldSpec[] }[] = assumptionsOf();
export const BUYER_FIELDS: readonly (Omit<FieldSpec, "path"> & { key: string })[] = buyerFieldsOf();

/** Custom rules (docs/model.md): validated as you type, like every other field. */
export const RULE_FIELDS: readonly (Omit<FieldSpec, "path"> & { key: string })[] = [
  { key: "id", label: "Rule id", kind: "text" },
  { key: "after", label: "Runs after", kind: "choice", choices: STEP_IDS },
  { key: "expression", label: "Expression", kind: "text" },
  { key: "label", label: "Label", kind: "text" },
  { key: "enabled", label: "On", kind: "flag" },
];

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
 * An input's text as a document value. Blank removes the field (the engine then reports it
 * missing or uses its default); text that is not a number is kept, so the engine's own
 * message names it.
 */
export function parseInput(kind: FieldKind, text: string): unknown {
  const t = text.trim();
  if (kind === "text" || kind === "choice") return t;
  if (t === "") return undefined;
  return Number.isFinite(Number(t)) ? Number(t) : t;
}

/** A document value as input text. */
export function formatInput(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
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

/** The field path that shows a problem at `problemPath`: the path itself or its nearest listed parent. */
export function fieldFor(problemPath: string, fields: ReadonlySet<string>): string | undefined {
  for (let p = problemPath; p !== ""; ) {
    if (fields.has(p)) return p;
    // The last key: `[0]`, `.name`, or a quoted odd key `["a:b"]` (see the engine's pathKey).
    const parent = p.replace(/(\[\d+\]|\["(?:[^"\\]|\\.)*"\]|\.[^.[]+)$/, "");
    if (parent === p) break;
    p = parent;
  }
  return undefined;
}

/** A DOM id for a field path. */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
