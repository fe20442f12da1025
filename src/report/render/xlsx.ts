/**
 * ExcelJS → .xlsx. Plain ranges with one autofilter per sheet rather than Excel tables (tables
 * next to formulas are a known source of repair prompts), no merged cells, frozen headers,
 * number formats, role styles, column widths and print setup. Formula cells carry the
 * engine's value as their cached result.
 */
import type ExcelJS from "exceljs";
import { display, displayLengthBound } from "../formats";
import { cellRef } from "../a1";
import { COLOR_SCALE } from "../colorScale";
import { isLink, nameReference } from "../definedNames";
import { CellArea, CellLink, CellRole, Report, ReportCell, ReportSheet, TableBlock } from "../model";
import { wrapText } from "../text";
import { patchExcelJs } from "./exceljsPatches";
import { Renderer } from "./renderer";
import type { ChartImage, ChartImages } from "./pictures";
export type { ChartImage, ChartImages } from "./pictures";

/*
 * ExcelJS's document model alone: its index also loads the streaming reader and writer and CSV
 * support, which a report never uses and which took a third of `chips report`'s start-up. The
 * browser build resolves "exceljs" to this same file (webpack.config.js).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Workbook } = require("exceljs/lib/exceljs.bare.js") as typeof ExcelJS;

export const XLSX_FILE = "chokepoint.xlsx";

export const xlsxRenderer: Renderer = xlsxRendererWith(new Map());

/** How the file is zipped: ExcelJS passes these to its zip writer (e.g. nodeZip.ts's nodeZipOptions). */
export type ZipOptions = { readonly compression: string };

/**
 * The xlsx renderer that embeds `images` beside their tables (a chart without one is left out).
 * The cells are written first, so pictures still rendering (a promise) overlap that work.
 */
export function xlsxRendererWith(images: ChartImages | Promise<ChartImages>, zip?: ZipOptions): Renderer {
  return {
    format: "xlsx",
    render: async (report) => {
      const wb = toWorkbook(report);
      addImages(wb, report, await images);
      // ExcelJS types name only JSZip's built-in compressions; nodeZip.ts installs another.
      const options = zip ? ({ zip: { ...zip } } as unknown as Partial<ExcelJS.XlsxWriteOptions>) : undefined;
      return [{ name: XLSX_FILE, data: new Uint8Array(await wb.xlsx.writeBuffer(options)) }];
    },
  };
}

/** The banking convention's font colours: inputs blue, formulas black, links to other sheets green. */
export const FONT_COLOURS = { input: "FF0000FF", formula: "FF000000", link: "FF008000" } as const;

const ROLE_STYLES: Record<CellRole, Partial<ExcelJS.Style>> = {
  header: {
    font: { bold: true, color: { argb: "FFFFFFFF" } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } },
    alignment: { vertical: "middle", wrapText: true },
  },
  label: {},
  // Inputs in blue on light yellow, the usual modelling convention (formulas black, links green: FONT_COLOURS).
  input: { font: { color: { argb: FONT_COLOURS.input } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } },
  calculation: {},
  output: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } } },
  total: { font: { bold: true }, border: { top: { style: "thin" } }, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } } },
};

/**
 * The workbook for a report (exported so tests can inspect or alter it before writing). Cells
 * with the same look share one style object (Styles): to restyle one cell, give it a new one.
 */
export function toWorkbook(report: Report, images: ChartImages = new Map()): ExcelJS.Workbook {
  patchExcelJs();
  const wb = new Workbook();
  wb.creator = "chips report";
  wb.title = report.title;
  // Native formulas need no add-in: let any spreadsheet recompute them on open. Live formulas
  // must keep their saved values until the add-in is there to compute them.
  if (report.mode === "native") wb.calcProperties.fullCalcOnLoad = true;
  const names = new Set((report.names ?? []).map((n) => n.name.toLowerCase()));
  const styles = new Styles();
  for (const sheet of report.sheets) writeSheet(wb, sheet, report.title, names, styles);
  // Workbook-level names (ExcelJS: definedNames.add(range, name)); the formulas read inputs through them.
  for (const n of report.names ?? []) wb.definedNames.add(nameReference(n), n.name);
  addImages(wb, report, images);
  // The workbook opens on its first sheet (Summary).
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return wb;
}

/** Each chart's picture where its sheet anchors it (a sheet chart's place, or a picture-only anchor). */
function addImages(wb: ExcelJS.Workbook, report: Report, images: ChartImages): void {
  const imageIds = new Map<string, number>();
  const imageId = (chart: string, image: ChartImage) => {
    // The PNG bytes as they are: ExcelJS hands them to the zip (a Uint8Array in Node and browsers alike).
    if (!imageIds.has(chart)) imageIds.set(chart, wb.addImage({ buffer: image.png as unknown as NonNullable<ExcelJS.Image["buffer"]>, extension: "png" }));
    return imageIds.get(chart) as number;
  };
  for (const sheet of report.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    for (const { chart, at } of [...(sheet.charts ?? []), ...(sheet.images ?? [])]) {
      const image = images.get(chart);
      if (image) placeImage(ws, imageId(chart, image), at, image);
    }
  }
}

function writeSheet(wb: ExcelJS.Workbook, sheet: ReportSheet, reportTitle: string, names: ReadonlySet<string>, styles: Styles): ExcelJS.Worksheet {
  const frozen = sheet.freeze.rows > 0 || sheet.freeze.cols > 0;
  const ws = wb.addWorksheet(sheet.name, {
    views: [frozen ? { state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows } : { state: "normal" }],
    // ExcelJS's default DPI is 4294967295; write an ordinary value.
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalDpi: 300, verticalDpi: 300 },
    // The footer names the sheet (a scenario's sheet: the scenario) and the page.
    headerFooter: { oddFooter: `&L${footerText(reportTitle)} - &A&RPage &P of &N` },
  });
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 14 };
  const widths: number[] = [];
  // A column is as wide as its widest cell needs, up to that cell's cap; a later table's narrower cap never narrows it.
  const widen = (col: number, text: string, cap: number) => (widths[col] = Math.max(widths[col] ?? 8, Math.min(cap, text.length + 2)));

  for (const block of sheet.blocks) {
    if (block.kind === "note") {
      block.lines.forEach((line, i) => {
        const c = ws.getCell(block.row + i, 1);
        c.value = line;
        c.font = { italic: true, color: { argb: "FF595959" } };
      });
      continue;
    }
    const t = ws.getCell(block.row, 1);
    t.value = block.title;
    t.font = { bold: true, size: 12 };
    block.columns.forEach((col, i) => {
      writeCell(ws.getCell(block.row + 1, i + 1), { value: col.header, role: "header" }, styles);
      widen(i + 1, longestWord(col.header), HEADER_WIDTH);
    });
    block.rows.forEach((row, r) => {
      const line = ws.getRow(block.row + 2 + r);
      row.forEach((cell, i) => {
        writeCell(line.getCell(i + 1), cell, styles, names, block.columns[i]?.footnotes === true);
        // Text in a table's last column may run on into the empty cells to its right.
        const overflows = i === block.columns.length - 1 && !block.columns[i].footnotes && typeof cell.value === "string";
        if (overflows) return;
        const cap = block.columns[i]?.footnotes ? 60 : 40;
        // A number too short to widen its column (judged by a bound on its text) is not formatted.
        const current = widths[i + 1];
        if (typeof cell.value === "number" && current !== undefined && Math.min(cap, displayLengthBound(cell.value, cell.format) + 2) <= current) return;
        widen(i + 1, display(cell.value, cell.format), cap);
      });
    });
    if (block.filter) setFilter(ws, block);
    if (block.colorScale) setColorScale(ws, block.colorScale);
  }
  widths.forEach((w, col) => w !== undefined && (ws.getColumn(col).width = w));
  fitWrappedRows(ws, sheet, widths);
  // Repeated on every printed page: the filtered table's header, else the frozen table header (the last frozen row), else the title.
  const filtered = sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.filter === true);
  const titles = filtered ? filtered.row + 1 : Math.max(1, sheet.freeze.rows);
  ws.pageSetup.printTitlesRow = `${titles}:${titles}`;
  // ExcelJS 4.4 writes the print area's defined name without doubling a quote in the sheet name, and
  // then cannot read its own file: such a sheet prints its used range (the default) instead.
  if (!sheet.name.includes("'")) ws.pageSetup.printArea = `A1:${cellRef(lastRow(sheet), printedColumns(sheet, widths))}`;
  return ws;
}

/** Header cells wrap at this width (characters); a longer header takes more lines. */
const HEADER_WIDTH = 24;
/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

const longestWord = (text: string): string => text.split(/\s+/).reduce((a, w) => (w.length > a.length ? w : a), "");

/**
 * The lines `text` takes in a wrapping cell `width` characters wide (words kept whole, a little
 * narrower than the width since proportional text is uneven).
 * @example wrappedLines("China revenue vs the latest quarter", 12) // returns 4
 */
export function wrappedLines(text: string, width: number): number {
  return text.split("\n").reduce((n, part) => n + Math.max(1, wrapText(part, Math.max(1, Math.floor(width - 2))).length), 0);
}

/**
 * Explicit heights for rows with wrapping cells (headers, footnote columns), one line each of
 * LINE_HEIGHT, so a printout (LibreOffice's PDF) does not draw the text over the row below.
 */
function fitWrappedRows(ws: ExcelJS.Worksheet, sheet: ReportSheet, widths: readonly number[]): void {
  const lines = new Map<number, number>();
  const need = (row: number, n: number) => lines.set(row, Math.max(lines.get(row) ?? 1, n));
  for (const block of sheet.blocks) {
    if (block.kind !== "table") continue;
    block.columns.forEach((col, i) => {
      const width = widths[i + 1] ?? DEFAULT_WIDTH;
      need(block.row + 1, wrappedLines(col.header, width));
      if (!col.footnotes) return;
      block.rows.forEach((row, r) => {
        const v = row[i]?.value;
        if (typeof v === "string") need(block.row + 2 + r, wrappedLines(v, width));
      });
    });
  }
  for (const [row, n] of lines) if (n > 1) ws.getRow(row).height = n * LINE_HEIGHT;
}

function lastRow(sheet: ReportSheet): number {
  const ends = sheet.blocks.map((b) => (b.kind === "note" ? b.row + b.lines.length - 1 : b.row + 1 + b.rows.length));
  const pictures = [...(sheet.charts ?? []), ...(sheet.images ?? [])].map((c) => c.at.row + c.at.rows - 1);
  return Math.max(1, ...ends, ...pictures);
}

/**
 * The columns a printout takes: every table's, every picture's, and enough for the longest
 * note line, which runs on over the empty cells to its right.
 */
function printedColumns(sheet: ReportSheet, widths: readonly number[]): number {
  let cols = 1;
  const lines: string[] = [sheet.title];
  for (const b of sheet.blocks) {
    if (b.kind === "table") {
      cols = Math.max(cols, b.columns.length);
      lines.push(b.title);
      // Text in a table's last column runs on too.
      for (const row of b.rows) {
        const v = row[b.columns.length - 1]?.value;
        if (typeof v === "string" && !b.columns[b.columns.length - 1].footnotes) cols = Math.max(cols, b.columns.length - 1 + columnsFor(v, widths, b.columns.length));
      }
    } else lines.push(...b.lines);
  }
  for (const line of lines) cols = Math.max(cols, columnsFor(line, widths, 1));
  for (const c of [...(sheet.charts ?? []), ...(sheet.images ?? [])]) cols = Math.max(cols, c.at.col + c.at.cols - 1);
  return cols;
}

/** How many columns from `from` text of this length covers (about 1.1 width units per character). */
function columnsFor(text: string, widths: readonly number[], from: number): number {
  let room = 0;
  let n = 0;
  while (room < text.length * 1.1) room += widths[from + n++] ?? DEFAULT_WIDTH;
  return n;
}

/**
 * A chart's picture with its top-left at `at`, at its own proportions, scaled to the
 * cells reserved for it (about 64 x 20 pixels per cell).
 */
function placeImage(ws: ExcelJS.Worksheet, id: number, at: CellArea, image: ChartImage): void {
  const scale = Math.min((at.cols * 64) / image.width, (at.rows * 20) / image.height);
  ws.addImage(id, { tl: { col: at.col - 1, row: at.row - 1 }, ext: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) } });
}

/** How a cell's text is drawn beyond its role: a hyperlink, a formula's font colour, a wrapping footnote. */
type CellLook = { readonly role: CellRole; readonly format?: string; readonly font?: "hyperlink" | "link" | "formula"; readonly wrap?: boolean };

/**
 * One style object per distinct look, shared by every cell that has it, so ExcelJS resolves
 * each look once per file (it keys styles by object) and a large sheet does not allocate a
 * style per cell. Per workbook: a cell's style is then another cell's too, so code that alters
 * one cell after toWorkbook assigns it a new style object (`cell.style = { ...cell.style, … }`).
 */
class Styles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();

  of(look: CellLook): Partial<ExcelJS.Style> {
    const key = `${look.role}|${look.font ?? ""}|${look.wrap ? "w" : ""}|${look.format ?? ""}`;
    let style = this.made.get(key);
    if (!style) this.made.set(key, (style = lookStyle(look)));
    return style;
  }
}

/** The style of a look, field by field as the cell setters used to build it. */
function lookStyle(look: CellLook): Partial<ExcelJS.Style> {
  const role = ROLE_STYLES[look.role];
  const style: Partial<ExcelJS.Style> = {};
  if (look.font === "hyperlink") style.font = { color: { argb: "FF0563C1" }, underline: true };
  Object.assign(style, role);
  if (look.font === "link" || look.font === "formula") style.font = { ...(role.font ?? {}), color: { argb: FONT_COLOURS[look.font] } };
  if (look.format) style.numFmt = look.format;
  if (look.wrap) style.alignment = { wrapText: true, vertical: "top" };
  return style;
}

function writeCell(target: ExcelJS.Cell, cell: ReportCell, styles: Styles, names: ReadonlySet<string> = new Set(), wrap = false): void {
  const hyperlink = cell.link !== undefined && cell.formula === undefined && cell.value !== null;
  if (hyperlink) target.value = { text: String(cell.value), hyperlink: `#${linkTarget(cell.link as CellLink)}` };
  else target.value = cell.formula === undefined ? shownValue(cell) : { formula: fileFormula(cell.formula), result: cell.value ?? undefined };
  const font = cell.formula !== undefined ? (isLink(cell.formula, names) ? "link" : "formula") : hyperlink ? "hyperlink" : undefined;
  target.style = styles.of({ role: cell.role, format: cell.format, font, wrap });
  if (cell.choices) target.dataValidation = { type: "list", allowBlank: true, formulae: [`"${cell.choices.join(",")}"`], showErrorMessage: true, errorTitle: "Not an allowed value", error: `One of: ${cell.choices.join(", ")}` };
}

/**
 * The value written for a cell without a formula: a true/false that labels something (not an
 * input to edit, nor a formula's result) reads as Yes/No rather than printing as 1/0.
 * @example shownValue({ value: true, role: "label" }) // returns "Yes"
 */
export function shownValue(cell: ReportCell): ReportCell["value"] {
  if (typeof cell.value !== "boolean" || cell.role === "input") return cell.value;
  return cell.value ? "Yes" : "No";
}

function setFilter(ws: ExcelJS.Worksheet, block: TableBlock): void {
  ws.autoFilter = { from: { row: block.row + 1, column: 1 }, to: { row: block.row + 1 + block.rows.length, column: block.columns.length } };
}

/** The Red - Yellow - Green colour scale of TableBlock.colorScale, as a conditional format (it follows recalculation). */
function setColorScale(ws: ExcelJS.Worksheet, area: CellArea): void {
  const ref = `${cellRef(area.row, area.col)}:${cellRef(area.row + area.rows - 1, area.col + area.cols - 1)}`;
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: "colorScale",
        priority: 1,
        cfvo: [{ type: "min" }, { type: "percentile", value: COLOR_SCALE.midpointPercentile }, { type: "max" }],
        color: [COLOR_SCALE.minimum, COLOR_SCALE.midpoint, COLOR_SCALE.maximum].map((c) => ({ argb: `FF${c.slice(1)}` })),
      },
    ],
  });
}

/**
 * A link's place in the workbook as Excel writes it.
 * @example linkTarget({ sheet: "Sources", row: 12, col: 1 }) // returns "'Sources'!A12"
 */
export function linkTarget(link: CellLink): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${cellRef(link.row, link.col)}`;
}

/** "&" starts a code in Excel header and footer text. */
const footerText = (text: string): string => text.replace(/&/g, "&&");

/**
 * A formula as Excel stores it. Excel saves an add-in's custom function CHIPS.X as
 * _xldudf_CHIPS_X and shows it as CHIPS.X once the add-in is loaded (office-js issues #5611,
 * #2568). Quoted sheet names and string literals are left alone.
 * @example fileFormula("MIN(A1,CHIPS.H200_ALLOWED(B1,1))") // returns "MIN(A1,_xldudf_CHIPS_H200_ALLOWED(B1,1))"
 */
export function fileFormula(formula: string): string {
  if (!formula.includes("CHIPS.")) return formula;
  return formula
    .split(/('(?:[^']|'')*'|"(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\bCHIPS\.([A-Z0-9_]+)\(/g, "_xldudf_CHIPS_$1(")))
    .join("");
}
