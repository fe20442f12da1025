/**
 * Work-arounds for ExcelJS 4.4, applied once per process by patchExcelJs() before a workbook is
 * built: internal links written as Excel writes them, and defined names written in time linear
 * in their number.
 */

/** Applies every patch (each is idempotent). */
export function patchExcelJs(): void {
  patchInternalLinks();
  patchDefinedNames();
}

/**
 * ExcelJS 4.4 writes an internal link ("#Sheet!A1") both as an external relationship and as a
 * location, which LibreOffice (checked) and Excel (exceljs issue #3027) read as
 * "Sheet!A1##Sheet!A1", and reads location-only links back as plain text (#920). Patched once
 * per process: an internal link is written as Excel writes one (location only; the unused
 * relationship ExcelJS still lists is harmless), and read back as "#location".
 */
function patchInternalLinks(): void {
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

/**
 * ExcelJS keeps each defined name's cells in a matrix of rows, a sparse array indexed by row
 * number, and walks it with Array.forEach, which visits every hole below the last row: writing
 * n names on rows up to r costs n × r steps (20,000 names on the Assumptions sheet of a
 * 2,500-buyer report took longer than the rest of the file). Patched to visit only the rows and
 * cells present, in the same ascending order with the same arguments.
 */
function patchDefinedNames(): void {
  type Matrix = { sheets: Record<string, unknown[][] | undefined>; forEachInSheet(sheet: string, callback: (cell: unknown, row: number, col: number) => void): void };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cellMatrix = require("exceljs/lib/utils/cell-matrix") as { prototype: Matrix & { __chips?: true } };
  const proto = cellMatrix.prototype;
  if (proto.__chips) return;
  proto.__chips = true;
  proto.forEachInSheet = function (this: Matrix, sheetName, callback) {
    const sheet = this.sheets[sheetName];
    if (!sheet) return;
    // Object.keys lists an array's indices in ascending order, holes left out.
    for (const r of Object.keys(sheet)) {
      const row = sheet[Number(r)];
      if (row) for (const c of Object.keys(row)) if (row[Number(c)]) callback(row[Number(c)], Number(r), Number(c));
    }
  };
}
