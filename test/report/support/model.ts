/** Finding cells of a report model by sheet and A1 address, as an analyst would in the workbook. */
import { Report, ReportCell, ReportSheet, TableBlock } from "../../../src/report";

export function sheet(report: Report, name: string): ReportSheet {
  const s = report.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${report.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

export const tables = (s: ReportSheet): TableBlock[] => s.blocks.filter((b): b is TableBlock => b.kind === "table");

export function table(report: Report, sheetName: string, title: string | RegExp): TableBlock {
  const t = tables(sheet(report, sheetName)).find((b) => (typeof title === "string" ? b.title === title : title.test(b.title)));
  if (!t) throw new Error(`no table ${title} on ${sheetName}`);
  return t;
}

/** The data cell at an A1 address (e.g. "F21"), or undefined for titles, headers and blanks. */
export function cellAt(report: Report, sheetName: string, address: string): ReportCell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  for (const t of tables(sheet(report, sheetName))) {
    const r = row - t.row - 2;
    if (r >= 0 && r < t.rows.length) return t.rows[r][col - 1];
  }
  return undefined;
}

/** Every data cell with its sheet, row and column. */
export function allCells(report: Report): { sheet: string; row: number; col: number; cell: ReportCell }[] {
  return report.sheets.flatMap((s) => tables(s).flatMap((t) => t.rows.flatMap((r, i) => r.map((cell, c) => ({ sheet: s.name, row: t.row + 2 + i, col: c + 1, cell })))));
}

/** The row of a table whose first cell is `label`. */
export function rowOf(t: TableBlock, label: string): readonly ReportCell[] {
  const r = t.rows.find((row) => row[0].value === label);
  if (!r) throw new Error(`no row ${label} in ${t.title}`);
  return r;
}
