/**
 * Reading rendered reports back, one reader per renderer, into one shape the contract suite
 * checks: per sheet, each table (title, header, rows of values as the file holds them) and
 * the sheet's text. Readers may use the model for positions (a workbook is a grid, a CSV a
 * list of rows); every value comes from the file.
 */
import ExcelJS from "exceljs";
import { Report, TableBlock, csvFileName } from "../../../src/report";
import { RenderedFile } from "../../../src/report/render";

export interface ReadTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

export interface ReadSheet {
  table(model: TableBlock): ReadTable | undefined;
  /** All text of the sheet (notes included), whitespace collapsed. */
  readonly text: string;
}

export type Reader = (files: readonly RenderedFile[], report: Report) => Promise<Map<string, ReadSheet>>;

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

export const readXlsx: Reader = async (files, report) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(files[0].data as Uint8Array) as unknown as ExcelJS.Buffer);
  const out = new Map<string, ReadSheet>();
  for (const sheet of report.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    const value = (row: number, col: number): unknown => {
      const v = ws.getCell(row, col).value;
      if (v !== null && typeof v === "object" && "hyperlink" in v) return v.text;
      // ExcelJS 4.4 reads a formula's cached <v>0</v> back without a result (the file holds the 0).
      if (v !== null && typeof v === "object" && "formula" in v) return "result" in v ? v.result : 0;
      return v;
    };
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    out.set(sheet.name, {
      text: squash(texts.join(" ")),
      table: (t) => ({
        title: String(value(t.row, 1)),
        header: t.columns.map((_, c) => String(value(t.row + 1, c + 1))),
        rows: t.rows.map((r, i) => r.map((_, c) => value(t.row + 2 + i, c + 1) ?? null)),
      }),
    });
  }
  return out;
};

export const readCsv: Reader = async (files, report) => {
  const out = new Map<string, ReadSheet>();
  for (const sheet of report.sheets) {
    const file = files.find((f) => f.name === csvFileName(sheet));
    if (!file) continue;
    const rows = parseCsv(String(file.data));
    // Tables in model order, each found after the one before (titles may repeat).
    const found = new Map<TableBlock, ReadTable>();
    let from = 0;
    for (const t of sheet.blocks) {
      if (t.kind !== "table") continue;
      const at = rows.findIndex((r, i) => i >= from && r.length === 1 && r[0] === t.title);
      if (at < 0) continue;
      from = at + 2 + t.rows.length;
      found.set(t, { title: rows[at][0], header: rows[at + 1], rows: rows.slice(at + 2, from).map((r) => r.map(csvValue)) });
    }
    out.set(sheet.name, { text: squash(rows.flat().join(" ")), table: (t) => found.get(t) });
  }
  return out;
};

/** RFC 4180 rows; a blank line is a row with one empty field. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endField();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** A CSV field as data: numbers are numbers, "" is blank; the formula guard's apostrophe is dropped. */
function csvValue(field: string): unknown {
  if (field === "") return null;
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(field)) return Number(field);
  return /^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}
