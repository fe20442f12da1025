/** A1 references for report formulas. Rows and columns are 1-based. */

/**
 * The column letters of a column number.
 * @example columnLetters(28) // returns "AB"
 */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A cell on the same sheet; `absolute` pins row and column ($B$5).
 * @example cellRef(5, 2) // returns "B5"
 */
export function cellRef(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row}` : `${columnLetters(col)}${row}`;
}

/**
 * A column range on the same sheet, absolute.
 * @example rangeRef(5, 8, 2) // returns "$B$5:$B$8"
 */
export function rangeRef(fromRow: number, toRow: number, col: number): string {
  return `${cellRef(fromRow, col, true)}:${cellRef(toRow, col, true)}`;
}

/**
 * An absolute reference to a cell of another sheet; the name is always quoted.
 * @example sheetCellRef("Dollar cap", 7, 4) // returns "'Dollar cap'!$D$7"
 */
export function sheetCellRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${cellRef(row, col, true)}`;
}
