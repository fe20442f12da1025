/** A scenario document laid out as the ranges an analyst would type: policy rows, a buyers table, an uncertainty table. */
type Doc = Record<string, any>;
export type Row = (string | number | boolean | null)[];

/** Policy key/value rows and a buyers table with one "requested PERIOD" column per period. */
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
  const fields = ["name", "domesticUnits", "domesticValue", "publicSectorShare", "usApproved", "approvalRate"];
  const header: Row = [...fields, ...periods.map((p) => `requested ${p}`)];
  const buyers: Row[] = [
    header,
    ...doc.buyers.map((b: Doc) => [...fields.map((f) => b[f] ?? null), ...periods.map((_, t) => (Array.isArray(b.requested) ? b.requested[t] : b.requested))]),
  ];
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
