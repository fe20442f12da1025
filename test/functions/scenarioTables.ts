/** A scenario document laid out as the ranges an analyst would type: policy rows, a buyers table, an uncertainty table. */
import { fieldsOf } from "../../src/engine";

type Doc = Record<string, any>;
export type Row = (string | number | boolean | null)[];

/** Policy key/value rows (one cell per period for a timeline) and a buyers table ("requested FY2027Q1" columns for a field given by period). */
export function tablesFromDoc(doc: Doc): { policy: Row[]; buyers: Row[] } {
  const policy: Row[] = [];
  const walk = (node: Doc, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (["buyers", "rules", "uncertainty"].includes(key) || key.startsWith("x-") || key.startsWith("$")) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === "object" && !Array.isArray(value)) walk(value, path);
      else if (value !== null) policy.push([path, ...(Array.isArray(value) ? value : [value])]);
    }
  };
  walk(doc, "");
  const periods: string[] = doc.periods;
  // Every buyer field of the catalogue: one column, or one column per period where a buyer lists values by period.
  const columns = fieldsOf("buyer").flatMap((f) =>
    doc.buyers.some((b: Doc) => Array.isArray(b[f.key])) ? periods.map((p, t) => ({ header: `${f.key} ${p}`, key: f.key, t })) : [{ header: f.key, key: f.key, t: -1 }],
  );
  const cell = (b: Doc, key: string, t: number) => {
    const v = b[key];
    return (Array.isArray(v) ? v[t] : v) ?? null;
  };
  const buyers: Row[] = [columns.map((c) => c.header), ...doc.buyers.map((b: Doc) => columns.map((c) => cell(b, c.key, c.t)))];
  return { policy, buyers };
}

export const DISTRIBUTION_HEADER: Row = ["input", "dist", "min", "mode", "max", "mean", "sd", "p", "values", "weights"];

/** An uncertainty block's inputs as a distributions range: one row per input, lists as comma text. */
export function distributionsFromBlock(inputs: Record<string, Doc>): Row[] {
  const rows: Row[] = [DISTRIBUTION_HEADER];
  for (const [path, d] of Object.entries(inputs)) {
    if (path.startsWith("x-")) continue;
    rows.push(DISTRIBUTION_HEADER.map((h) => (h === "input" ? path : Array.isArray(d[h as string]) ? d[h as string].join(", ") : (d[h as string] ?? null))));
  }
  return rows;
}

/** Pads rows to a rectangle with blanks, as a sheet range is. */
export const rect = (rows: Row[]): Row[] => {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array(width - r.length).fill(null)]);
};
