/**
 * The editable assumptions as data: which field of the scenario document each input edits,
 * how its text becomes a value, and which input shows a problem the engine located by path.
 * Pure: the DOM wiring is in app.ts.
 */
export type FieldKind = "number" | "list" | "text" | "flag" | "choice";

export interface FieldSpec {
  /** Path in the scenario document, in the engine's problem form (`buyers[1].requested`). */
  readonly path: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly choices?: readonly string[];
  readonly hint?: string;
}

export const ASSUMPTIONS: readonly { legend: string; fields: readonly FieldSpec[] }[] = [
  {
    legend: "US policy",
    fields: [
      { path: "us.exportsAllowed", label: "Exports allowed", kind: "flag" },
      { path: "us.revenueShare", label: "US revenue share (0–1)", kind: "number" },
    ],
  },
  {
    legend: "China policy",
    fields: [
      { path: "china.access", label: "Access", kind: "choice", choices: ["open", "approval", "blocked"] },
      { path: "china.approvalRate", label: "Approval rate (0–1)", kind: "number" },
      { path: "china.cap.basis", label: "Cap basis", kind: "choice", choices: ["none", "units", "dollars"] },
      { path: "china.cap.ratio", label: "Cap ratio", kind: "number" },
      { path: "china.publicSectorBan", label: "Public-sector ban", kind: "flag" },
    ],
  },
  {
    legend: "Market",
    fields: [
      { path: "market.h200Price", label: "H200 price (US$)", kind: "number" },
      { path: "market.supply", label: "Supply per quarter (units)", kind: "list", hint: "One number, or one per period separated by commas." },
    ],
  },
];

export const BUYER_FIELDS: readonly (Omit<FieldSpec, "path"> & { key: string })[] = [
  { key: "name", label: "Name", kind: "text" },
  { key: "requested", label: "Requested", kind: "list" },
  { key: "domesticUnits", label: "Domestic units", kind: "number" },
  { key: "publicSectorShare", label: "Public-sector share", kind: "number" },
  { key: "usApproved", label: "US approved", kind: "flag" },
];

/** Custom rules (MODEL.md): validated as you type, like every other field. */
export const RULE_FIELDS: readonly (Omit<FieldSpec, "path"> & { key: string })[] = [
  { key: "id", label: "Rule id", kind: "text" },
  { key: "after", label: "Runs after", kind: "choice", choices: ["requested", "us_license", "china_access", "public_sector", "domestic_ratio", "supply"] },
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
  const num = (s: string): number | string => (s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : s.trim());
  if (kind === "list" && t.includes(",")) return t.split(",").map(num);
  return num(t);
}

/** A document value as input text. */
export function formatInput(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

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
