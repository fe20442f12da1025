/** A range with a header row of known column names (any case), read into rows keyed by column. */
import { Cell, Problem, Result, closest, fail, ok } from "../engine";
import { readCells } from "./cells";
import { asMatrix } from "./excelArgs";
import { isBlank } from "./inputCells";
import { rangeProblem } from "./rangePlaces";

export interface TableRow {
  /** 1-based row in the range (the header is row 1). */
  readonly row: number;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface HeadedTable {
  /** The columns the header names. */
  readonly header: ReadonlySet<string>;
  readonly rows: readonly TableRow[];
}

/**
 * Reads the range `name`: its header row names `columns` (`required` among them), blank rows are
 * skipped; problems are at `[name]`, `[name, "header", column]`. `example` shows a header in messages.
 */
export function readHeadedTable(name: string, arg: unknown, columns: readonly string[], required: readonly string[], example: string): Result<HeadedTable> {
  const grid = readCells(asMatrix(arg));
  const problems: Problem[] = [];
  const headerRow = grid[0] ?? [];
  if (headerRow.every(isBlank)) return fail(rangeProblem("missing", [name], `needs a header row (${example}) and one row per input`));
  const keys = headerRow.map((h, col): string | undefined => {
    if (isBlank(h)) return undefined;
    const text = String(h).trim();
    const key = columns.find((c) => c.toLowerCase() === text.toLowerCase());
    if (!key) {
      const guess = closest(text, columns);
      problems.push(rangeProblem("unknown", [name, "header", col + 1], `unknown column ${JSON.stringify(text)}${guess ? `; did you mean ${JSON.stringify(guess)}?` : ""}; the columns are: ${columns.join(", ")}`));
    }
    return key;
  });
  const seen = new Set<string>();
  keys.forEach((k, col) => {
    if (k === undefined) return;
    if (seen.has(k)) problems.push(rangeProblem("shape", [name, "header", col + 1], `the column ${JSON.stringify(k)} appears twice`));
    seen.add(k);
  });
  for (const k of required) if (!seen.has(k)) problems.push(rangeProblem("missing", [name], `needs a ${JSON.stringify(k)} column in its header row (${example})`));
  const rows: TableRow[] = [];
  grid.slice(1).forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const out: Record<string, Cell> = {};
    keys.forEach((k, col) => {
      if (k !== undefined) out[k] = isBlank(cells[col] ?? null) ? null : (cells[col] ?? null);
    });
    rows.push({ row: i + 2, cells: out });
  });
  if (problems.length === 0 && rows.length === 0) problems.push(rangeProblem("missing", [name], `has a header row but no input rows; add one row per input below it (${example})`));
  return problems.length > 0 ? fail(...problems) : ok({ header: seen, rows });
}
