/** The note renderer contract's shared parts: what each exhibit table must show, and the Markdown reader. */
import { Note, display } from "../../../src/report";

/** Every exhibit table row as the texts its cells must show (the one formatter's output). */
export function exhibitRows(note: Note): { exhibit: string; rows: string[][] }[] {
  return note.exhibits
    .filter((e) => e.table)
    .map((e) => ({ exhibit: `${e.label}: ${e.title}`, rows: e.table!.rows.map((r) => r.map((c) => display(c.value, c.format))) }));
}

/** The tables of a Markdown note, by the heading above them: rows of cell texts, bold and footnote marks removed. */
export function markdownTables(md: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let heading = "";
  for (const line of md.split("\n")) {
    if (/^#{2,4} /.test(line)) heading = line.replace(/^#+ /, "");
    else if (line.startsWith("| ")) {
      const cells = line.slice(2, -2).split(" | ").map((c) => c.replace(/\*\*/g, "").replace(/\[\^\d+\]/g, "").replace(/\\(.)/g, "$1"));
      const rows = out.get(heading) ?? [];
      out.set(heading, [...rows, cells]);
    }
  }
  // Drop each table's header row.
  for (const [k, rows] of out) out.set(k, rows.slice(1));
  return out;
}
