/**
 * The report model: host-agnostic data that every renderer (xlsx, Markdown, CSV) draws.
 * A sheet is a list of blocks placed at fixed rows, so formulas can name cells in A1 form
 * and every renderer shows the same cells in the same places.
 */
import type { DefinedName } from "./definedNames";
import type { Note } from "./note/model";

/** How a cell reads to an analyst; renderers map roles to styles (inputs blue on yellow, …). */
export type CellRole = "header" | "label" | "input" | "calculation" | "output" | "total";

export type CellValue = number | string | boolean | null;

/** How computed cells are written, chosen per report. */
export const CELL_MODES = ["values", "native", "live"] as const;
export type CellMode = (typeof CELL_MODES)[number];

export interface ReportCell {
  /** The value shown; for a formula cell, the engine's result (the cached value). */
  readonly value: CellValue;
  readonly role: CellRole;
  /** An Excel number format code (see formats.ts); none = General. */
  readonly format?: string;
  /** Excel A1 formula without the leading "="; absent in `values` mode and on input cells. */
  readonly formula?: string;
  /** A cell this one links to (e.g. an input's row on the Sources sheet); hosts without links show the text only. */
  readonly link?: CellLink;
  /** An input's allowed values (enum words, TRUE/FALSE for flags): hosts with data validation offer them as a list. */
  readonly choices?: readonly string[];
}

/** An in-report link target: a sheet and a 1-based row and column. */
export interface CellLink {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface Column {
  readonly header: string;
  /** Long text (sources): hosts with footnotes may show it as a footnote. */
  readonly footnotes?: boolean;
}

/** A titled table: the title on `row`, the header on `row + 1`, data from `row + 2`, from column A. */
export interface TableBlock {
  readonly kind: "table";
  readonly title: string;
  readonly row: number;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** Give the table a filter (at most one per sheet: Excel allows one autofilter). */
  readonly filter?: boolean;
  /**
   * Cells (1-based sheet coordinates, inside this table's data rows) to shade with a
   * three-colour scale: lowest value red (#F8696B), the 50th percentile yellow (#FFEB84),
   * highest green (#63BE7B), as the spreadsheet preset "Red - Yellow - Green". Hosts that
   * can (xlsx: a colour-scale conditional format; the add-in's workbook writer: a
   * colorScale conditional format on the range) keep it live, so the shading follows the
   * numbers when they recalculate; the taskpane preview shades the cells the same way once
   * (colorScale.ts holds the colours and the rule); text hosts (Markdown, CSV) ignore it.
   */
  readonly colorScale?: CellArea;
}

/** A paragraph of text in column A, one line per row from `row` (hosts that wrap text may join them). */
export interface NoteBlock {
  readonly kind: "note";
  readonly row: number;
  readonly lines: readonly string[];
}

export type Block = TableBlock | NoteBlock;

export interface ReportSheet {
  /** Unique, at most 31 characters, none of []:*?/\ (Excel's rules). */
  readonly name: string;
  /** Shown on row 1. */
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Rows and columns kept in view when scrolling. */
  readonly freeze: { readonly rows: number; readonly cols: number };
  /** Native charts drawn from this sheet's cells, for hosts that draw them (the add-in's workbook writer). */
  readonly charts?: readonly SheetChart[];
  /**
   * Charts shown as pictures only (no cells of this sheet behind them), for hosts that embed
   * pictures (the .xlsx file); the add-in draws its native charts from `charts` alone.
   */
  readonly images?: readonly SheetImage[];
}

/** A report chart (a ChartSpec id) pictured on a sheet, its top-left cell and size in cells. */
export interface SheetImage {
  readonly chart: string;
  readonly at: CellArea;
}

/** A 1-based rectangle of cells on the same sheet. */
export interface CellArea {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * A chart that lives on a sheet and reads its cells, so it follows the numbers when inputs
 * change. `data` includes its header row and its first column: with `seriesBy` "columns" the
 * first column holds the categories and each further column is a series named by its header;
 * with "rows", the header row holds the categories and each further row is a series.
 */
export interface SheetChart {
  /** The ChartSpec (Report.charts) it draws: kind, title and axis titles come from there. */
  readonly chart: string;
  readonly data: CellArea;
  readonly seriesBy: "columns" | "rows";
  /** The cell at the chart's top-left corner (1-based), and its size in columns and rows. */
  readonly at: CellArea;
}

export interface ChartSeries {
  readonly name: string;
  /** One per category; null = no value (a gap). */
  readonly values: readonly (number | null)[];
}

/** A chart for the notes; rendered to SVG beside the report. */
export interface ChartSpec {
  /** File-name part, e.g. "china-revenue". */
  readonly id: string;
  readonly kind: "line" | "bar";
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Format code of the y values (formats.ts). */
  readonly yFormat: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** A dashed horizontal line, e.g. the latest reported quarter. */
  readonly reference?: { readonly value: number; readonly label: string };
  readonly source: string;
  /**
   * "horizontal": categories down the side, values across (a tornado: two series, change at the
   * input's low and high end, largest swing first). Default: categories across.
   */
  readonly orientation?: "horizontal";
  /** Per category, the text at the end of each series' bar (a tornado's low and high input values). */
  readonly ends?: readonly (readonly string[])[];
  /** What the chart says when every value is zero or missing, e.g. "No H200 shipped". */
  readonly emptyText?: string;
}

export interface Report {
  readonly title: string;
  readonly mode: CellMode;
  readonly sheets: readonly ReportSheet[];
  readonly charts: readonly ChartSpec[];
  /** The investor note drawn by the Markdown and Word renderers; absent in reports built by hand. */
  readonly note?: Note;
  /** Workbook defined names, one per Assumptions input cell (definedNames.ts); formulas read inputs through them. */
  readonly names?: readonly DefinedName[];
}

/** The first data row of a table. */
export const firstDataRow = (t: TableBlock): number => t.row + 2;
