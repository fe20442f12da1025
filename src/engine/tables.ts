/**
 * Scenarios as spreadsheet tables, for CHIPS.EVALUATE and any grid UI:
 * - a policy table of key/value rows (`china.access | approval`; more value cells = one per period),
 * - a buyers table with a header row of field names, one column for all periods or one per period
 *   (`approvalRate FY2027Q3`),
 * and the evaluation back as a table: one row per buyer and period, plus a totals row per period.
 */
import { Evaluation } from "./evaluate";
import { FIELDS, FieldRow, RULE_FIELDS, fieldsOf, pathOf } from "./fieldCatalogue";
import type { DocPath } from "./docPath";
import { closest, join } from "./fields";
import { messages } from "./messages";
import { Problem, Result, fail, formatPath, problem } from "./problems";
import { Scenario } from "./scenario";
import { validateScenario } from "./validate";

export type Cell = number | string | boolean | null;

/** The policy table's keys: the catalogue's paths outside the buyers, with `periods` after the scenario's own fields. */
const policyKeys = (fields: readonly FieldRow[]): string[] => [
  ...fields.filter((f) => f.group === "scenario").map(pathOf),
  "periods",
  ...fields.filter((f) => f.group !== "scenario" && f.group !== "buyer").map(pathOf),
];

/** A cell as a scenario value: numeric text is a number (as Excel arithmetic reads it), blanks are absent. */
function cellValue(c: Cell): Cell {
  if (typeof c === "string") {
    const t = c.trim();
    if (t === "") return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : t;
  }
  return c;
}

const isBlankRow = (row: readonly Cell[]) => row.every((c) => cellValue(c) === null);

/** 1-based places in the ranges, as an analyst finds them: "policy row 3, column 4". */
type Place = { readonly table: "policy" | "buyers"; readonly row: number; readonly col?: number };
const placeText = (p: Place): string => `${p.table} row ${p.row}${p.col === undefined ? "" : `, column ${p.col}`}`;

/** The table readers' own messages (the field checks' messages come from validation). */
const tableMessages = {
  at: (message: string, place: Place) => `${message} (${placeText(place)})`,
  duplicateColumn: (header: string, first: number) => `the column ${JSON.stringify(header)} appears twice (first in column ${first}); give each column once`,
  mixedColumns: (field: string) => `${JSON.stringify(field)} has both a column for all periods and a column per period; keep one or the other`,
  headerWords: (header: string) => `unknown column ${JSON.stringify(header)}: a header is a field name, or a field name and a period such as "requested FY2027Q1"`,
  notPerPeriod: (field: string) => `${JSON.stringify(field)} is the same in every period: give it one column, without a period`,
};

/**
 * Builds and validates a scenario from a buyers table and a policy table.
 * Problems keep docs/model.md's field paths (`buyers[1].requested[0]`), so they read the same everywhere,
 * and end with the cell to fix, counted from the range's top-left cell: `(policy row 3, column 4)`.
 * @example scenarioFromTables([["name", "requested", "domesticUnits"], ["A", 100, 50]], [["name", "T"], ["periods", "FY2027Q1"], ["market.h200Price", 27000], ["market.supply", 1000]]).ok // returns true
 */
export function scenarioFromTables(
  buyers: readonly (readonly Cell[])[],
  policy: readonly (readonly Cell[])[],
  rules: readonly (readonly Cell[])[] = [],
  fields: readonly FieldRow[] = FIELDS,
): Result<Scenario> {
  const knownKeys = policyKeys(fields);
  const problems: Problem[] = [];
  const places = new Map<string, Place>();
  const doc: Record<string, unknown> = {};
  policy.forEach((row, r) => {
    if (isBlankRow(row)) return;
    const key = typeof row[0] === "string" ? row[0].trim() : String(row[0]);
    const path: DocPath = key.split(".");
    if (!knownKeys.includes(key)) {
      problems.push(problem("unknown", path, tableMessages.at(messages.unknownPolicyKey(key, closest(key, knownKeys)), { table: "policy", row: r + 1, col: 1 })));
      return;
    }
    const values = row.slice(1).map(cellValue);
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    if (values.length === 0) return;
    places.set(formatPath(path), { table: "policy", row: r + 1, ...(values.length === 1 ? { col: 2 } : {}) });
    // Several value cells: one per period, in the columns the periods row gives them.
    if (values.length > 1) values.forEach((_, t) => places.set(formatPath(join(path, t)), { table: "policy", row: r + 1, col: t + 2 }));
    let value: unknown = values.length === 1 ? values[0] : values;
    if (key === "periods") value = values.flatMap((v) => String(v).split(/[,;\s]+/).filter(Boolean));
    setPath(doc, key.split("."), value);
  });
  const periods = Array.isArray(doc.periods) ? (doc.periods as string[]) : [];
  doc.buyers = buyerDocs(buyers, periods, problems, fieldsOf("buyer", fields), places);
  if (rules.length > 0) doc.rules = ruleDocs(rules, problems);
  if (problems.length > 0) return fail(...problems);
  const result = validateScenario(doc, fields);
  return result.ok ? result : fail(...result.problems.map((p) => located(p, places)));
}

/** A problem with the cell its path (or the nearest enclosing path) was read from. */
function located(p: Problem, places: ReadonlyMap<string, Place>): Problem {
  for (let n = p.at.length; n > 0; n--) {
    const place = places.get(formatPath(p.at.slice(0, n)));
    if (place) return { ...p, message: tableMessages.at(p.message, place) };
  }
  return p;
}

/** A buyers-table column: the field it holds, and its period (undefined: the same value in every period). */
type Column = { readonly field: string; readonly period?: string } | undefined;

function buyerColumns(header: readonly Cell[], periods: readonly string[], problems: Problem[], buyerFields: readonly FieldRow[]): Column[] {
  const keys = buyerFields.map((f) => f.key);
  const seen = new Map<string, number>();
  // A header is a field name (one column for all periods) or "approvalRate FY2027Q3" (that period's column).
  const columns = header.map((h, col): Column => {
    const text = typeof h === "string" ? h.trim().replace(/\s+/g, " ") : "";
    if (text === "") return undefined;
    const [field, period, ...rest] = text.split(" ");
    const at = `buyers header ${col + 1}`;
    if (rest.length > 0) {
      problems.push(problem("unknown", at, tableMessages.headerWords(text)));
      return undefined;
    }
    const row = buyerFields.find((f) => f.key === field);
    if (!row) {
      problems.push(problem("unknown", at, messages.unknownField(field, closest(field, keys))));
      return undefined;
    }
    if (period !== undefined && !periods.includes(period)) {
      problems.push(problem("unknown", at, messages.unknownPeriodColumn(text, periods)));
      return undefined;
    }
    if (period !== undefined && !row.perPeriod) {
      problems.push(problem("shape", at, tableMessages.notPerPeriod(field)));
      return undefined;
    }
    const first = seen.get(text);
    if (first !== undefined) {
      problems.push(problem("shape", at, tableMessages.duplicateColumn(text, first)));
      return undefined;
    }
    seen.set(text, col + 1);
    return { field, period };
  });
  for (const field of new Set(columns.filter((c) => c?.period !== undefined).map((c) => c?.field as string))) {
    if (columns.some((c) => c?.field === field && c.period === undefined)) problems.push(problem("shape", "buyers header", tableMessages.mixedColumns(field)));
  }
  return columns;
}

function buyerDocs(table: readonly (readonly Cell[])[], periods: readonly string[], problems: Problem[], buyerFields: readonly FieldRow[], places: Map<string, Place>): Record<string, unknown>[] {
  if (table.length === 0) return [];
  const columns = buyerColumns(table[0], periods, problems, buyerFields);
  const periodColumns = new Map<string, Map<string, number>>();
  columns.forEach((c, col) => {
    if (c?.period !== undefined) {
      if (!periodColumns.has(c.field)) periodColumns.set(c.field, new Map());
      periodColumns.get(c.field)?.set(c.period, col);
    }
  });
  const out: Record<string, unknown>[] = [];
  table.slice(1).forEach((row, r) => {
    if (isBlankRow(row)) return;
    const i = out.length;
    const at = join(["buyers"], i);
    const range = r + 2; // the header is row 1
    places.set(formatPath(at), { table: "buyers", row: range });
    const buyer: Record<string, unknown> = {};
    columns.forEach((column, col) => {
      if (!column || column.period !== undefined) return;
      const field = join(at, column.field);
      places.set(formatPath(field), { table: "buyers", row: range, col: col + 1 });
      periods.forEach((_, t) => places.set(formatPath(join(field, t)), { table: "buyers", row: range, col: col + 1 }));
      const v = cellValue(row[col] ?? null);
      if (v !== null) buyer[column.field] = v;
    });
    for (const [field, byPeriod] of periodColumns) {
      const path = join(at, field);
      places.set(formatPath(path), { table: "buyers", row: range });
      const values = periods.map((p, t) => {
        const col = byPeriod.get(p);
        if (col === undefined) return null;
        places.set(formatPath(join(path, t)), { table: "buyers", row: range, col: col + 1 });
        return cellValue(row[col] ?? null);
      });
      // All blank: the field is left out (its default, or "required"); a blank period is null (that period's default).
      if (values.every((v) => v === null)) continue;
      const missing = periods.filter((p) => !byPeriod.has(p));
      if (missing.length > 0) problems.push(problem("shape", path, tableMessages.at(messages.missingPeriodColumns(missing), { table: "buyers", row: range })));
      buyer[field] = values;
    }
    out.push(buyer);
  });
  return out;
}

const RULE_KEYS = RULE_FIELDS.map((f) => f.key);

/** A rules table: a header row of rule fields (id, after, expression, label, source, enabled), one row per rule. */
function ruleDocs(table: readonly (readonly Cell[])[], problems: Problem[]): Record<string, unknown>[] {
  const header = table[0].map((h) => (typeof h === "string" ? h.trim() : ""));
  header.forEach((h, col) => {
    if (h !== "" && !RULE_KEYS.includes(h)) problems.push(problem("unknown", `rules header ${col + 1}`, messages.unknownField(h, closest(h, RULE_KEYS))));
  });
  return table
    .slice(1)
    .filter((row) => !isBlankRow(row))
    .map((row) => {
      const rule: Record<string, unknown> = {};
      header.forEach((h, col) => {
        // Expressions stay text even when they look like numbers ("0" is a rule too).
        const v = h === "expression" ? (row[col] === null ? null : String(row[col])) : cellValue(row[col] ?? null);
        if (RULE_KEYS.includes(h) && v !== null) rule[h] = v;
      });
      return rule;
    });
}

function setPath(doc: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = doc;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

export const EVALUATION_COLUMNS = ["period", "buyer", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "binding", "largestCut", "chinaRevenue"] as const;

/**
 * The evaluation as a table with a header row: per period, one row per buyer then a "Total"
 * row (China revenue only on totals); with `steps`, the quantity after each step as extra columns.
 */
export function evaluationTable(evaluation: Evaluation, options: { steps: boolean }): Cell[][] {
  const stepIds = options.steps ? Object.keys(evaluation.periods[0]?.buyers[0]?.steps ?? {}) : [];
  const rows: Cell[][] = [[...EVALUATION_COLUMNS, ...stepIds]];
  for (const p of evaluation.periods) {
    for (const b of p.buyers) {
      rows.push([p.period, b.name, b.shipped, b.revenue, b.usShare, b.nvidiaNet, b.h20Equivalent, b.binding, b.largestCut, "", ...stepIds.map((id) => b.steps[id])]);
    }
    const t = p.totals;
    const stepTotals = stepIds.map((id) => p.buyers.reduce((sum, b) => sum + b.steps[id], 0));
    rows.push([p.period, "Total", t.shipped, t.revenue, t.usShare, t.nvidiaNet, t.h20Equivalent, "", "", t.chinaRevenue, ...stepTotals]);
  }
  return rows;
}
