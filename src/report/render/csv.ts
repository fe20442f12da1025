/** CSV: one file per sheet; each block a run of rows (title, header, data) with a blank line after. */
import { csvFileName } from "../files";
import { Block, CellValue, ReportSheet } from "../model";
import { RenderedFile, Renderer } from "./renderer";

export const csvRenderer: Renderer = {
  format: "csv",
  render: async (report) => {
    const seen = new Set<string>();
    return report.sheets.map((sheet) => {
      let name = csvFileName(sheet);
      for (let k = 2; seen.has(name); k++) name = csvFileName({ name: `${sheet.name} ${k}` });
      seen.add(name);
      return { name, data: sheetCsv(sheet) } satisfies RenderedFile;
    });
  },
};

/** Raw values (full precision), so the CSV is data, not a picture of the workbook. */
export function sheetCsv(sheet: ReportSheet): string {
  const lines = [line([sheet.title]), ""];
  for (const block of sheet.blocks) lines.push(...blockLines(block));
  return lines.join("\r\n") + "\r\n";
}

function blockLines(block: Block): string[] {
  if (block.kind === "note") return [line([block.lines.join(" ")])];
  return ["", line([block.title]), line(block.columns.map((c) => c.header)), ...block.rows.map((r) => line(r.map((c) => c.value)))];
}

const line = (values: readonly CellValue[]): string => values.map(field).join(",");

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @) gets a
 * leading apostrophe: scenario and buyer names come from user files.
 */
export function field(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
