/**
 * ExcelJS → .xlsx. Plain ranges with one autofilter per sheet rather than Excel tables (tables
 * next to formulas are a known source of repair prompts), no merged cells, frozen headers,
 * number formats, role styles, column widths and print setup. Formula cells carry the
 * engine's value as their cached result.
 */
import ExcelJS from "exceljs";
import { display } from "../formats";
import { cellRef } from "../a1";
import { COLOR_SCALE } from "../colorScale";
import { isLink, nameReference } from "../definedNames";
import { CellArea, CellLink, CellRole, Report, ReportCell, ReportSheet, TableBlock } from "../model";
import { Renderer } from "./renderer";

export const XLSX_FILE = "chokepoint.xlsx";

export const xlsxRenderer: Renderer = {
  format: "xlsx",
  render: async (report) => [{ name: XLSX_FILE, data: new Uint8Array(await toWorkbook(report).xlsx.writeBuffer()) }],
};

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

/** The workbook for a report (exported so tests can inspect or alter it before writing). */
export function toWorkbook(report: Report): ExcelJS.Workbook {
  patchInternalLinks();
  const wb = new ExcelJS.Workbook();
  wb.creator = "chips report";
  wb.title = report.title;
  // Native formulas need no add-in: let any spreadsheet recompute them on open. Live formulas
  // must keep their saved values until the add-in is there to compute them.
  if (report.mode === "native") wb.calcProperties.fullCalcOnLoad = true;
  const names = new Set((report.names ?? []).map((n) => n.name.toLowerCase()));
  for (const sheet of report.sheets) writeSheet(wb, sheet, report.title, names);
  // Workbook-level names (ExcelJS: definedNames.add(range, name)); the formulas read inputs through them.
  for (const n of report.names ?? []) wb.definedNames.add(nameReference(n), n.name);
  return wb;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: ReportSheet, reportTitle: string, names: ReadonlySet<string>): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }],
    // ExcelJS's default DPI is 4294967295; write an ordinary value.
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalDpi: 300, verticalDpi: 300 },
    headerFooter: { oddFooter: `&L${footerText(reportTitle)} - &A&RPage &P of &N` },
  });
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 14 };
  const widths: number[] = [];
  const widen = (col: number, text: string, cap: number) => (widths[col] = Math.min(cap, Math.max(widths[col] ?? 8, text.length + 2)));

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
      writeCell(ws.getCell(block.row + 1, i + 1), { value: col.header, role: "header" });
      widen(i + 1, col.header, 24);
    });
    block.rows.forEach((row, r) =>
      row.forEach((cell, i) => {
        const target = ws.getCell(block.row + 2 + r, i + 1);
        writeCell(target, cell, names);
        if (block.columns[i]?.footnotes) target.alignment = { wrapText: true, vertical: "top" };
        // Text in a table's last column may run on into the empty cells to its right.
        const overflows = i === block.columns.length - 1 && !block.columns[i].footnotes && typeof cell.value === "string";
        if (!overflows) widen(i + 1, display(cell.value, cell.format), block.columns[i]?.footnotes ? 60 : 40);
      }),
    );
    if (block.filter) setFilter(ws, block);
    if (block.colorScale) setColorScale(ws, block.colorScale);
  }
  widths.forEach((w, col) => w !== undefined && (ws.getColumn(col).width = w));
  const filtered = sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.filter === true);
  ws.pageSetup.printTitlesRow = filtered ? `${filtered.row + 1}:${filtered.row + 1}` : "1:1";
}

function writeCell(target: ExcelJS.Cell, cell: ReportCell, names: ReadonlySet<string> = new Set()): void {
  if (cell.link && cell.formula === undefined && cell.value !== null) {
    target.value = { text: String(cell.value), hyperlink: `#${linkTarget(cell.link)}` };
    target.font = { color: { argb: "FF0563C1" }, underline: true };
  } else target.value = cell.formula === undefined ? cell.value : { formula: fileFormula(cell.formula), result: cell.value ?? undefined };
  Object.assign(target, ROLE_STYLES[cell.role]);
  if (cell.formula !== undefined) target.font = { ...(ROLE_STYLES[cell.role].font ?? {}), color: { argb: isLink(cell.formula, names) ? FONT_COLOURS.link : FONT_COLOURS.formula } };
  if (cell.format) target.numFmt = cell.format;
  if (cell.choices) target.dataValidation = { type: "list", allowBlank: true, formulae: [`"${cell.choices.join(",")}"`], showErrorMessage: true, errorTitle: "Not an allowed value", error: `One of: ${cell.choices.join(", ")}` };
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

/**
 * ExcelJS 4.4 writes an internal link ("#Sheet!A1") both as an external relationship and as a
 * location, which LibreOffice (checked) and Excel (exceljs issue #3027) read as
 * "Sheet!A1##Sheet!A1", and reads location-only links back as plain text (#920). Patched once
 * per process: an internal link is written as Excel writes one (location only; the unused
 * relationship ExcelJS still lists is harmless), and read back as "#location".
 */
export function patchInternalLinks(): void {
  type XmlStream = { leafNode(name: string, attributes: Record<string, unknown>): void };
  type LinkModel = { address: string; target?: string; tooltip?: string; rId?: string };
  type Rel = { Id: string; Type: string; Target: string; TargetMode?: string };
  /* eslint-disable @typescript-eslint/no-require-imports */
  const hyperlinkXform = require("exceljs/lib/xlsx/xform/sheet/hyperlink-xform") as { prototype: { render(x: XmlStream, m: LinkModel): void; __chips?: true } };
  const worksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as { prototype: { reconcile(m: { hyperlinks?: LinkModel[]; relationships?: Rel[] }, o: unknown): void } };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const proto = hyperlinkXform.prototype;
  if (proto.__chips) return;
  proto.__chips = true;
  const render = proto.render;
  proto.render = function (xml, model) {
    if (model.target?.startsWith("#")) xml.leafNode("hyperlink", { ref: model.address, location: model.target.slice(1), tooltip: model.tooltip });
    else render.call(this, xml, model);
  };
  const reconcile = worksheetXform.prototype.reconcile;
  worksheetXform.prototype.reconcile = function (model, options) {
    (model.hyperlinks ?? []).forEach((link, i) => {
      if (link.rId || !link.target) return;
      link.rId = `chipsLocation${i}`;
      (model.relationships ??= []).push({ Id: link.rId, Type: HYPERLINK_REL, Target: `#${link.target}` });
    });
    reconcile.call(this, model, options);
  };
}

const HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/** "&" starts a code in Excel header and footer text. */
const footerText = (text: string): string => text.replace(/&/g, "&&");

/**
 * A formula as Excel stores it. Excel saves an add-in's custom function CHIPS.X as
 * _xldudf_CHIPS_X and shows it as CHIPS.X once the add-in is loaded (office-js issues #5611,
 * #2568). Quoted sheet names and string literals are left alone.
 * @example fileFormula("MIN(A1,CHIPS.H200_ALLOWED(B1,1))") // returns "MIN(A1,_xldudf_CHIPS_H200_ALLOWED(B1,1))"
 */
export function fileFormula(formula: string): string {
  return formula
    .split(/('(?:[^']|'')*'|"(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\bCHIPS\.([A-Z0-9_]+)\(/g, "_xldudf_CHIPS_$1(")))
    .join("");
}
