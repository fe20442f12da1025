/** A plain-text table: multi-line headers, right-aligned numbers, a rule before totals. */

export interface Column {
  /** May contain "\n" for a two-line header (keeps numeric columns narrow). */
  readonly header: string;
  readonly align: "left" | "right";
}

/** A row of cells, or "rule" for a separator line (drawn before a totals row). */
export type Row = readonly string[] | "rule";

/**
 * Lays out columns to the width of their widest cell, `gap` spaces apart (one for wide tables);
 * trailing spaces are trimmed.
 * @example renderTable([{ header: "A", align: "left" }], [["x"]]) // returns ["A", "-", "x"]
 */
export function renderTable(columns: readonly Column[], rows: readonly Row[], gap = 2): string[] {
  const GAP = " ".repeat(gap);
  const headers = columns.map((c) => c.header.split("\n"));
  const headerHeight = Math.max(...headers.map((h) => h.length));
  const widths = columns.map((_, i) =>
    Math.max(...headers[i].map((h) => h.length), ...rows.map((r) => (r === "rule" ? 0 : (r[i] ?? "").length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i].align === "right" ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join(GAP)
      .trimEnd();
  const rule = "-".repeat(widths.reduce((a, w) => a + w, 0) + GAP.length * (widths.length - 1));

  const out: string[] = [];
  for (let k = 0; k < headerHeight; k++) {
    // Bottom-align headers so one-line headers sit on the last header line.
    out.push(line(headers.map((h) => h[k - (headerHeight - h.length)] ?? "")));
  }
  out.push(rule);
  for (const r of rows) out.push(r === "rule" ? rule : line(columns.map((_, i) => r[i] ?? "")));
  return out;
}
