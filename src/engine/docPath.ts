/**
 * A location in a scenario document as segments (`["buyers", 1, "requested", 2]`): keys and
 * list indexes. Rendered as text in one place, so no adapter parses a path back.
 */
export type Segment = string | number;
export type DocPath = readonly Segment[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The dotted form: identifiers joined by dots, indexes as `[n]`, any other key JSON-quoted in
 * brackets (so no key can break a line or pass for another path).
 * @example dottedPath(["buyers", 1, "requested", 2]) // returns "buyers[1].requested[2]"
 * @example dottedPath(["x-notes", "a.b"]) // returns "[\"x-notes\"][\"a.b\"]"
 */
export function dottedPath(path: DocPath): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else if (IDENTIFIER.test(k)) out += out === "" ? k : `.${k}`;
    else out += `[${JSON.stringify(k)}]`;
  }
  return out;
}

/**
 * The value at `path` in a document, or undefined when any step of the way is missing.
 * @example valueAt({ market: { supply: [1, 2] } }, ["market", "supply", 1]) // returns 2
 */
export function valueAt(doc: unknown, path: DocPath): unknown {
  let v: unknown = doc;
  for (const k of path) {
    if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<Segment, unknown>)[k];
  }
  return v;
}
