/**
 * A sheet grid as a list of Excel commands, each with its estimated request size, so the
 * writer can pack them into as few `context.sync` calls as the 5 MB request limit allows.
 * Order inside a sheet: values, then number formats and styles, then tables, then colour scales.
 */
import { COLOR_SCALE } from "../../report/colorScale";
import { isLink } from "../../report/definedNames";
import { GridCell, GridRole, SheetGrid, a1, cellInput } from "../grid";
import { XlColorScaleCriteria, XlRange, XlScalar, XlWorksheet } from "./port";
import { ALL_FEATURES, HostFeatures } from "./requirements";

export interface Command {
  /** Estimated bytes this command adds to the request. */
  readonly bytes: number;
  readonly apply: (sheet: XlWorksheet) => void;
}

/** Largest matrix sent in one assignment; keeps any single request well below 5 MB. */
export const MAX_CHUNK_BYTES = 512 * 1024;
const OP_BYTES = 120; // a command's own envelope

const size = (m: unknown): number => JSON.stringify(m).length + OP_BYTES;

/** Role styles, as in the report's xlsx renderer: inputs blue on yellow, headers shaded. */
const STYLE: Partial<Record<GridRole, { bold?: boolean; italic?: boolean; color?: string; fill?: string; size?: number }>> = {
  title: { bold: true, size: 14, color: "#1B5E3B" },
  tableTitle: { bold: true },
  header: { bold: true, fill: "#E2EFE6" },
  input: { fill: "#FFF2CC" },
  total: { bold: true },
  note: { italic: true, color: "#444444" },
};

/** The banking convention's font colours, as in the xlsx renderer: inputs blue, formulas black, links to other sheets green. */
export const FONT_COLOURS = { input: "#0000FF", formula: "#000000", link: "#008000" } as const;

/** A cell's font colour under that convention; undefined for text and headers (their role style decides). */
export function fontColour(c: GridCell | null, names: ReadonlySet<string>): string | undefined {
  if (!c) return undefined;
  if (c.formula) return isLink(c.formula, names) ? FONT_COLOURS.link : FONT_COLOURS.formula;
  return c.role === "input" ? FONT_COLOURS.input : undefined;
}

/**
 * TableBlock.colorScale as Excel's conditional format, with the xlsx renderer's colours and
 * criteria: lowest value, 50th percentile, highest value. A live format, so the shading follows
 * the formulas when they recalculate.
 */
export const COLOR_SCALE_CRITERIA: XlColorScaleCriteria = {
  minimum: { type: "LowestValue", color: COLOR_SCALE.minimum },
  midpoint: { type: "Percentile", formula: String(COLOR_SCALE.midpointPercentile), color: COLOR_SCALE.midpoint },
  maximum: { type: "HighestValue", color: COLOR_SCALE.maximum },
};

/** Row bands of a matrix, each at most MAX_CHUNK_BYTES. */
function bands<T>(rows: readonly T[][], first: number): { row: number; rows: T[][] }[] {
  const out: { row: number; rows: T[][] }[] = [];
  let current: T[][] = [];
  let bytes = 0;
  rows.forEach((r, i) => {
    const b = JSON.stringify(r).length + 1;
    if (current.length > 0 && bytes + b > MAX_CHUNK_BYTES) {
      out.push({ row: first + i - current.length, rows: current });
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += b;
  });
  if (current.length > 0) out.push({ row: first + rows.length - current.length, rows: current });
  return out;
}

/** Writes a matrix at (row, col) in row bands. */
function matrixCommands(row: number, col: number, matrix: XlScalar[][], property: "values" | "formulas"): Command[] {
  return bands(matrix, row).map((band) => ({
    bytes: size(band.rows),
    apply: (s) => {
      s.getRangeByIndexes(band.row, col, band.rows.length, band.rows[0].length)[property] = band.rows;
    },
  }));
}

/** Runs down each column of equal key (non-null), as rectangles one column wide. */
function columnRuns<K>(grid: SheetGrid, key: (c: GridCell | null) => K | null): { row: number; col: number; count: number; key: K }[] {
  const runs: { row: number; col: number; count: number; key: K }[] = [];
  for (let j = 0; j < grid.cols; j++) {
    let start = -1;
    let current: K | null = null;
    for (let i = 0; i <= grid.rows; i++) {
      const k = i < grid.rows ? key(grid.cells[i][j]) : null;
      if (k !== current) {
        if (current !== null) runs.push({ row: start, col: j, count: i - start, key: current });
        start = i;
        current = k;
      }
    }
  }
  return runs;
}

/**
 * Values (formula cells hold their cached results until formulas are written), formats, tables;
 * colour scales and frozen panes where the host has them.
 */
export function buildCommands(grid: SheetGrid, features: HostFeatures = ALL_FEATURES, names: ReadonlySet<string> = new Set()): Command[] {
  const values = grid.cells.map((r) => r.map((c) => (c?.formula ? cellInput({ ...c, formula: undefined }) : cellInput(c))));
  const commands = matrixCommands(0, 0, values, "values");
  for (const run of columnRuns(grid, (c) => c?.format ?? null)) {
    const formats = Array.from({ length: run.count }, () => [run.key]);
    commands.push({ bytes: size(formats), apply: (s) => void (s.getRangeByIndexes(run.row, run.col, run.count, 1).numberFormat = formats) });
  }
  for (const run of columnRuns(grid, (c) => (c && STYLE[c.role] ? c.role : null))) {
    const style = STYLE[run.key];
    if (!style) continue;
    commands.push({ bytes: OP_BYTES * 2, apply: (s) => styleRange(s.getRangeByIndexes(run.row, run.col, run.count, 1), style) });
  }
  for (const run of columnRuns(grid, (c) => fontColour(c, names) ?? null)) {
    commands.push({ bytes: OP_BYTES, apply: (s) => void (s.getRangeByIndexes(run.row, run.col, run.count, 1).format.font.color = run.key) });
  }
  for (const run of features.dataValidation ? columnRuns(grid, (c) => (c?.choices ? c.choices.join(",") : null)) : []) {
    commands.push({ bytes: OP_BYTES + run.key.length, apply: (s) => void (s.getRangeByIndexes(run.row, run.col, run.count, 1).dataValidation.rule = { list: { inCellDropDown: true, source: run.key } }) });
  }
  for (const t of grid.tables) {
    const unique = new Set(t.headers.map((h) => h.trim().toLowerCase()));
    // Excel renames blank or repeated headers, which would change the sheet under us.
    if (!t.filter || unique.size !== t.headers.length || unique.has("")) continue;
    const address = `${a1(t.row, t.col)}:${a1(t.row + t.rows - 1, t.col + t.cols - 1)}`;
    commands.push({ bytes: OP_BYTES, apply: (s) => void (s.tables.add(address, true).style = "TableStyleLight1") });
  }
  for (const area of features.colorScales ? grid.colorScales : []) {
    commands.push({
      bytes: size(COLOR_SCALE_CRITERIA),
      apply: (s) => void (s.getRangeByIndexes(area.row, area.col, area.rows, area.cols).conditionalFormats.add("ColorScale").colorScale.criteria = COLOR_SCALE_CRITERIA),
    });
  }
  commands.push({ bytes: OP_BYTES, apply: (s) => s.getRangeByIndexes(0, 0, grid.rows, grid.cols).format.autofitColumns() });
  const { rows, cols } = grid.freeze;
  if (features.freezePanes && (rows > 0 || cols > 0)) {
    commands.push({
      bytes: OP_BYTES,
      apply: (s) => {
        if (rows > 0 && cols > 0) s.freezePanes.freezeAt(s.getRangeByIndexes(0, 0, rows, cols));
        else if (rows > 0) s.freezePanes.freezeRows(rows);
        else s.freezePanes.freezeColumns(cols);
      },
    });
  }
  return commands;
}

function styleRange(r: XlRange, style: NonNullable<(typeof STYLE)[GridRole]>): void {
  if (style.bold) r.format.font.bold = true;
  if (style.italic) r.format.font.italic = true;
  if (style.size) r.format.font.size = style.size;
  if (style.color) r.format.font.color = style.color;
  if (style.fill) r.format.fill.color = style.fill;
}

/**
 * The formulas, written once the sheets have their final names (a formula naming a sheet
 * that does not exist yet, or a temp sheet, would break): one matrix per table holding any.
 */
export function formulaCommands(grid: SheetGrid): Command[] {
  return grid.tables.flatMap((t) => {
    const rows = grid.cells.slice(t.row, t.row + t.rows).map((r) => r.slice(t.col, t.col + t.cols));
    if (!rows.some((r) => r.some((c) => c?.formula))) return [];
    return matrixCommands(t.row, t.col, rows.map((r) => r.map(cellInput)), "formulas");
  });
}

/** Packs commands into batches of at most `budget` bytes (one `context.sync` each). */
export function pack<T extends { bytes: number }>(commands: readonly T[], budget: number): T[][] {
  const out: T[][] = [[]];
  let bytes = 0;
  for (const c of commands) {
    if (bytes + c.bytes > budget && out[out.length - 1].length > 0) {
      out.push([]);
      bytes = 0;
    }
    out[out.length - 1].push(c);
    bytes += c.bytes;
  }
  return out;
}
