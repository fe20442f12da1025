/**
 * Places blocks down a sheet. Formulas need the rows of cells that are built later (a
 * supply formula names the supply-limit cell below it), so a table's rows are reserved
 * first and filled afterwards.
 */
import { Block, CellArea, Column, ReportCell, ReportSheet, TableBlock } from "./model";
import { wrapText } from "./text";

/** A reserved table: its title row and first data row. */
export interface Slot {
  readonly row: number;
  readonly firstRow: number;
  readonly size: number;
}

export class SheetLayout {
  private next = 3; // row 1: the sheet title; row 2: blank
  private readonly placed: Block[] = [];

  /**
   * A paragraph, wrapped into lines of at most 140 characters for hosts that do not wrap.
   * `rows` reserves at least that many rows, so text that differs between cell modes does
   * not move the cells below it.
   */
  note(text: string, rows = 1): void {
    const lines = wrapText(text);
    this.placed.push({ kind: "note", row: this.next, lines });
    this.next += Math.max(rows, lines.length);
  }

  /** Leaves a blank row. */
  gap(): void {
    this.next += 1;
  }

  /** Reserves a table of `size` data rows (title and header come first) and a blank row after it. */
  reserve(size: number): Slot {
    const slot = { row: this.next, firstRow: this.next + 2, size };
    this.next += size + 3;
    return slot;
  }

  /** Fills a reserved slot. */
  fill(slot: Slot, table: { title: string; columns: readonly Column[]; rows: readonly (readonly ReportCell[])[]; filter?: boolean; colorScale?: CellArea }): TableBlock {
    if (table.rows.length !== slot.size) throw new Error(`table "${table.title}": ${table.rows.length} rows built for ${slot.size} reserved`);
    const block: TableBlock = { kind: "table", row: slot.row, ...table };
    this.placed.push(block);
    return block;
  }

  /** Reserves and fills at once, for tables whose cells need no rows below them. */
  table(title: string, columns: readonly Column[], build: (firstRow: number) => readonly (readonly ReportCell[])[], filter = false): TableBlock {
    const rows = build(this.next + 2);
    return this.fill(this.reserve(rows.length), { title, columns, rows, filter });
  }

  /**
   * The sheet. Frozen rows (when `freeze.rows` > 0) run down to the first table's header, so
   * the header stays in view rather than only the title.
   */
  sheet(name: string, title: string, freeze: ReportSheet["freeze"]): ReportSheet {
    const blocks = [...this.placed].sort((a, b) => a.row - b.row);
    const first = blocks.find((b): b is TableBlock => b.kind === "table");
    const rows = freeze.rows > 0 && first ? Math.max(freeze.rows, first.row + 1) : freeze.rows;
    return { name, title, freeze: { ...freeze, rows }, blocks };
  }
}

/** Cell constructors, so builders read as the table they make. */
export const cell = {
  header: (value: string): ReportCell => ({ value, role: "header" }),
  label: (value: string | null): ReportCell => ({ value, role: "label" }),
  input: (value: ReportCell["value"], format?: string): ReportCell => ({ value, role: "input", format }),
  blank: (): ReportCell => ({ value: null, role: "label" }),
};

/** Column headers from plain strings. */
export const columns = (...headers: string[]): Column[] => headers.map((header) => ({ header }));
