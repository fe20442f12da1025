/**
 * Excel argument shapes, written once: every CHIPS parameter is declared as a matrix (a range
 * or a single value), so any scalar function takes ranges and spills a result of the broadcast
 * shape — the same rules as Excel's own array arithmetic: equal shapes pair up, a single cell
 * repeats, a column and a row make a grid. Mismatched shapes are #VALUE! with a message.
 */
import { messages, problem } from "../engine";
import { ExcelError, toExcelError } from "./excelErrors";

/** A raw Excel argument as the matrix it stands for (a scalar or an omitted argument is 1 x 1). */
export function asMatrix(arg: unknown): unknown[][] {
  if (Array.isArray(arg)) {
    if (arg.length > 0 && Array.isArray(arg[0])) return arg as unknown[][];
    return [arg];
  }
  return [[arg ?? null]];
}

/** The broadcast shape of several matrices, or the #VALUE! error that names the mismatch. */
export function broadcastShape(names: readonly string[], matrices: readonly unknown[][][]): { rows: number; cols: number } | ExcelError {
  let rows = 1;
  let cols = 1;
  let rowsFrom = "";
  let colsFrom = "";
  for (let i = 0; i < matrices.length; i++) {
    const r = matrices[i].length;
    const c = matrices[i][0]?.length ?? 0;
    if (r === 0 || c === 0) return toExcelError([problem("shape", names[i], messages.emptyRange())]);
    if (r !== 1) {
      if (rows !== 1 && r !== rows) return toExcelError([problem("shape", names[i], messages.shapeMismatch(names[i], r, "rows", rowsFrom, rows))]);
      rows = r;
      rowsFrom = names[i];
    }
    if (c !== 1) {
      if (cols !== 1 && c !== cols) return toExcelError([problem("shape", names[i], messages.shapeMismatch(names[i], c, "columns", colsFrom, cols))]);
      cols = c;
      colsFrom = names[i];
    }
  }
  return { rows, cols };
}
