/**
 * Scenarios as spreadsheet tables, for CHIPS.EVALUATE and any grid UI:
 * - a policy table of key/value rows (`china.access | approval`; more value cells = one per period),
 * - a buyers table with a header row of MODEL.md field names (`requested FY2027Q1` for one period),
 * and the evaluation back as a table: one row per buyer and period, plus a totals row per period.
 */
import { Evaluation } from "./evaluate";
import { FIELDS, FieldRow, RULE_FIELDS, fieldsOf, pathOf } from "./fieldCatalogue";
import { closest, join } from "./fields";
import { messages } from "./messages";
import { Problem, Result, fail, joinPath, problem } from "./problems";
import { Scenario } from "./scenario";
import { validateScenario } from "./validate";

export type Cell = number | string | boolean | null;

/** The policy table's keys: the catalogue's paths outside the buyers, with `periods` after the scenario's own fields. */
const policyKeys = (fields: readonly FieldRow[]): string[] => [
  ...fields.filter((f) => f.group === "scenario").map(pathOf),
  "periods",
  ...fields.filter((f) => f.group !== "scenario" && f.group !== "buyer").map(pathOf),
];
const buyerKeys = (fields: readonly FieldRow[]): string[] => fieldsOf("buyer", fields).map((f) => f.key);

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

/**
 * Builds and validates a scenario from a buyers table and a policy table.
 * Problems keep MODEL.md's field paths (`buyers[1].requested`), so they read the same everywhere.
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
  const doc: Record<string, unknown> = {};
  for (const row of policy) {
    if (isBlankRow(row)) continue;
    const key = typeof row[0] === "string" ? row[0].trim() : String(row[0]);
    if (!knownKeys.includes(key)) {
      problems.push(problem("unknown", key.split(".").reduce(joinPath, ""), messages.unknownPolicyKey(key, closest(key, knownKeys))));
      continue;
    }
    const values = row.slice(1).map(cellValue);
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    if (values.length === 0) continue;
    let value: unknown = values.length === 1 ? values[0] : values;
    if (key === "periods") value = values.flatMap((v) => String(v).split(/[,;\s]+/).filter(Boolean));
    setPath(doc, key.split("."), value);
  }
  const periods = Array.isArray(doc.periods) ? (doc.periods as string[]) : [];
  doc.buyers = buyerDocs(buyers, periods, problems, buyerKeys(fields));
  if (rules.length > 0) doc.rules = ruleDocs(rules, problems);
  if (problems.length > 0) return fail(...problems);
  return validateScenario(doc, fields);
}

function buyerDocs(table: readonly (readonly Cell[])[], periods: readonly string[], problems: Problem[], buyerFields: readonly string[]): Record<string, unknown>[] {
  if (table.length === 0) return [];
  // A header is a field name, or "requested <period>" for one period's column.
  const columns = table[0].map((h, col) => {
    const text = typeof h === "string" ? h.trim() : "";
    const [field, period] = text.split(/\s+/, 2);
    if (text === "") return undefined;
    if (!buyerFields.includes(field)) {
      problems.push(problem("unknown", `buyers header ${col + 1}`, messages.unknownField(field, closest(field, buyerFields))));
      return undefined;
    }
    if (period !== undefined && !periods.includes(period)) {
      problems.push(problem("unknown", `buyers header ${col + 1}`, messages.unknownPeriodColumn(text, periods)));
      return undefined;
    }
    return { field, period };
  });
  return table
    .slice(1)
    .filter((row) => !isBlankRow(row))
    .map((row, i) => {
      const buyer: Record<string, unknown> = {};
      const perPeriod: Record<string, Record<string, Cell>> = {};
      columns.forEach((column, col) => {
        const v = cellValue(row[col] ?? null);
        if (!column || v === null) return;
        if (column.period === undefined) buyer[column.field] = v;
        else (perPeriod[column.field] ??= {})[column.period] = v;
      });
      for (const [field, byPeriod] of Object.entries(perPeriod)) {
        const missing = periods.filter((p) => !(p in byPeriod));
        if (missing.length > 0) problems.push(problem("shape", join(join("buyers", i), field), messages.missingPeriodColumns(missing)));
        buyer[field] = periods.map((p) => byPeriod[p] ?? null);
      }
      return buyer;
    });
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

export const EVALUATION_COLUMNS = ["period", "buyer", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "binding", "chinaRevenue"] as const;

/**
 * The evaluation as a table with a header row: per period, one row per buyer then a "Total"
 * row (China revenue only on totals); with `steps`, the quantity after each step as extra columns.
 */
export function evaluationTable(evaluation: Evaluation, options: { steps: boolean }): Cell[][] {
  const stepIds = options.steps ? Object.keys(evaluation.periods[0]?.buyers[0]?.steps ?? {}) : [];
  const rows: Cell[][] = [[...EVALUATION_COLUMNS, ...stepIds]];
  for (const p of evaluation.periods) {
    for (const b of p.buyers) {
      rows.push([p.period, b.name, b.shipped, b.revenue, b.usShare, b.nvidiaNet, b.h20Equivalent, b.binding, "", ...stepIds.map((id) => b.steps[id])]);
    }
    const t = p.totals;
    const stepTotals = stepIds.map((id) => p.buyers.reduce((sum, b) => sum + b.steps[id], 0));
    rows.push([p.period, "Total", t.shipped, t.revenue, t.usShare, t.nvidiaNet, t.h20Equivalent, "", t.chinaRevenue, ...stepTotals]);
  }
  return rows;
}
