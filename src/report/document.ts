/**
 * What a scenario file says about its own inputs beyond the values: the `x-sources` map
 * (field path → citation) and, in YAML, the comment written on or just above a field.
 * The validated Scenario drops both, so they are read from the text again.
 */
import { Document, Node, isMap, isScalar, isSeq, parseDocument } from "yaml";

/** Field path (`market.supply`, `buyers[0].requested`, `buyers[*].domesticUnits`) → source text. */
export type SourceNotes = Readonly<Record<string, string>>;

/** A source resolved against the baseline data set: readable text, with its date and confidence. */
export interface SourceCitation {
  readonly text: string;
  /** ISO date from the data set ("" when undated). */
  readonly date: string;
  /** H, M or L from the data set; "illustrative" for an assumption; "" when unknown. */
  readonly confidence: string;
  /** Data-set fact ids the source names: the fact cited, or those an illustrative note leans on. */
  readonly facts: readonly string[];
}

export interface ScenarioDocument {
  /** The parsed document, to tell fields written in the file from defaults. */
  readonly data: unknown;
  /** `x-sources` first, then YAML comments for paths it does not cover. */
  readonly notes: SourceNotes;
  /** Field path → resolved source (built-in scenarios); used in preference to reading `notes`. */
  readonly citations?: Readonly<Record<string, SourceCitation>>;
}

/**
 * Reads a scenario file's text (JSON is YAML too) for its sources. Never fails: text that does
 * not parse has no notes (validation reports it elsewhere).
 * @example scenarioDocument('{"x-sources": {"us.revenueShare": "Truth Social [H]"}}').notes["us.revenueShare"] // returns "Truth Social [H]"
 */
export function scenarioDocument(text: string): ScenarioDocument {
  let doc: Document;
  try {
    doc = parseDocument(text, { schema: "core" });
    if (doc.errors.length > 0) return { data: undefined, notes: {} };
  } catch {
    return { data: undefined, notes: {} };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const notes: Record<string, string> = {};
  collectComments(doc.contents, "", notes, true);
  const xSources = isRecord(data) && isRecord(data["x-sources"]) ? data["x-sources"] : {};
  for (const [path, text] of Object.entries(xSources)) if (typeof text === "string") notes[path] = text;
  return { data, notes };
}

function collectComments(node: unknown, path: string, out: Record<string, string>, root: boolean): void {
  if (isMap(node)) {
    node.items.forEach((pair, i) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (key.startsWith("x-") || key.startsWith("$")) return;
      const at = path ? `${path}.${key}` : key;
      // The first key's comment-before of the document is the file's header, not about that key.
      const before = root && i === 0 ? null : commentOf(pair.key, "commentBefore");
      // A comment above a block list's first item sits on the list: it is about that item.
      const above = commentOf(pair.value, "commentBefore");
      const note = commentOf(pair.value, "comment") ?? before ?? (isSeq(pair.value) ? null : above);
      if (note) out[at] = note;
      if (isSeq(pair.value) && above) out[`${at}[0]`] = above;
      collectComments(pair.value, at, out, false);
    });
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const at = `${path}[${i}]`;
      const note = commentOf(item, "comment") ?? commentOf(item, "commentBefore");
      if (note) out[at] = note;
      collectComments(item, at, out, false);
    });
  }
}

function commentOf(node: unknown, which: "comment" | "commentBefore"): string | null {
  const text = node && typeof node === "object" ? (node as Node)[which] : null;
  return typeof text === "string" && text.trim() !== "" ? text.trim().replace(/\s*\n\s*/g, " ") : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether the document writes a field, null included (else the scenario holds docs/model.md's default).
 * @example isWritten({ us: { revenueShare: 0.25 } }, "us.revenueShare") // returns true
 */
export function isWritten(data: unknown, path: string): boolean {
  let node: unknown = data;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isRecord(node)) node = node[part];
    else return false;
    if (node === undefined) return false;
  }
  return true;
}
