/**
 * A report sheet laid out as a dense grid (row 1 = the title, blocks at their rows, from
 * column A): the one picture both sheet writers draw, so Excel and the preview show the same
 * cells in the same places. Pure: no DOM, no Office.
 */
import { HexColor, colorScaleFills, readableText } from "../report/colorScale";
import { CellRole, CellValue, ReportSheet, TableBlock } from "../report/model";

/** How a grid cell reads; report roles plus the sheet title, table titles and notes. */
export type GridRole = CellRole | "title" | "tableTitle" | "note";

export interface GridCell {
  /** The engine's value (a formula cell's cached result). */
  readonly value: CellValue;
  /** Excel formula without "=", if any. */
  readonly formula?: string;
  readonly format?: string;
  readonly role: GridRole;
  /** An input's allowed values (ReportCell.choices), offered as a drop-down list. */
  readonly choices?: readonly string[];
}

export interface SheetGrid {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** rows × cols; null = empty. */
  readonly cells: readonly (readonly (GridCell | null)[])[];
  /** Tables as 0-based rectangles (header row first), for Excel tables and filters. */
  readonly tables: readonly { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number; readonly filter: boolean; readonly headers: readonly string[] }[];
  readonly freeze: ReportSheet["freeze"];
  /** Areas shaded by the report's three-colour scale (TableBlock.colorScale), 0-based. */
  readonly colorScales: readonly GridArea[];
}

/** A 0-based rectangle of grid cells. */
export interface GridArea {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export function sheetGrid(sheet: ReportSheet): SheetGrid {
  const placed: { row: number; col: number; cell: GridCell }[] = [{ row: 0, col: 0, cell: { value: sheet.title, role: "title" } }];
  const tables: SheetGrid["tables"][number][] = [];
  const colorScales: GridArea[] = [];
  for (const b of sheet.blocks) {
    if (b.kind === "note") {
      b.lines.forEach((line, i) => placed.push({ row: b.row - 1 + i, col: 0, cell: { value: line, role: "note" } }));
      continue;
    }
    placeTable(b, placed);
    tables.push({ row: b.row, col: 0, rows: b.rows.length + 1, cols: b.columns.length, filter: b.filter === true, headers: b.columns.map((c) => c.header) });
    if (b.colorScale) colorScales.push({ row: b.colorScale.row - 1, col: b.colorScale.col - 1, rows: b.colorScale.rows, cols: b.colorScale.cols });
  }
  const rows = Math.max(...placed.map((p) => p.row + 1));
  const cols = Math.max(...placed.map((p) => p.col + 1));
  const cells: (GridCell | null)[][] = Array.from({ length: rows }, () => new Array<GridCell | null>(cols).fill(null));
  for (const p of placed) cells[p.row][p.col] = p.cell;
  return { name: sheet.name, rows, cols, cells, tables, freeze: sheet.freeze, colorScales };
}

function placeTable(t: TableBlock, placed: { row: number; col: number; cell: GridCell }[]): void {
  const top = t.row - 1; // 0-based title row
  placed.push({ row: top, col: 0, cell: { value: t.title, role: "tableTitle" } });
  t.columns.forEach((c, j) => placed.push({ row: top + 1, col: j, cell: { value: c.header, role: "header" } }));
  t.rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (c.value === null && !c.formula) return;
      placed.push({ row: top + 2 + i, col: j, cell: { value: c.value, formula: c.formula, format: c.format, role: c.role, ...(c.choices ? { choices: c.choices } : {}) } });
    }),
  );
}

/** A cell's shading under a colour scale: its fill and the text colour that reads on it. */
export interface CellShade {
  readonly fill: HexColor;
  readonly text: "#000000" | "#FFFFFF";
}

/**
 * The shading the grid's colour scales give its cells, as Excel draws the conditional format
 * from the cells' (cached) values, keyed by A1 address. Cells that are not numbers get none.
 */
export function colorScaleShades(grid: SheetGrid): Map<string, CellShade> {
  const out = new Map<string, CellShade>();
  for (const area of grid.colorScales) {
    const at: [number, number][] = [];
    for (let i = area.row; i < area.row + area.rows; i++) for (let j = area.col; j < area.col + area.cols; j++) at.push([i, j]);
    const fills = colorScaleFills(at.map(([i, j]) => grid.cells[i]?.[j]?.value ?? null));
    at.forEach(([i, j], k) => {
      const fill = fills[k];
      if (fill) out.set(a1(i, j), { fill, text: readableText(fill) });
    });
  }
  return out;
}

/** What to send to Excel for a cell: "=formula", the value, or "" for empty. */
export function cellInput(c: GridCell | null): string | number | boolean {
  if (!c) return "";
  if (c.formula) return `=${c.formula}`;
  if (c.value === null) return "";
  if (typeof c.value === "number") return Number.isFinite(c.value) ? c.value : String(c.value);
  // Text starting with "=" would become a formula: Excel's apostrophe keeps it text.
  if (typeof c.value === "string" && c.value.startsWith("=")) return `'${c.value}`;
  return c.value;
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address of a 0-based cell. */
export const a1 = (row: number, col: number): string => `${columnName(col)}${row + 1}`;
