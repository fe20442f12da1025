/** Every input of a validated scenario as a list of cells: field path, label, period, value. */
import { FIELDS, FieldRow, Scenario, dottedPath, fieldsOf, segmentsOf, valueAt } from "../engine";
import { FORMATS } from "./formats";
import { CellValue } from "./model";

export interface InputSpec {
  /** MODEL.md field path, e.g. `market.supply`, `buyers[0].requested`. */
  readonly path: string;
  readonly label: string;
  /** Index into scenario.periods for a per-period input; absent for one value for all periods. */
  readonly period?: number;
  readonly value: CellValue;
  readonly format?: string;
}

/** The key of an input cell: the path, plus `@t` for period t of a per-period input. */
export const inputKey = (path: string, period?: number): string => (period === undefined ? path : `${path}@${period}`);

/**
 * The scenario's inputs in the order of MODEL.md, defaults applied. Per-period fields give one
 * input per period; null stays null (a blank cell).
 * @example scenarioInputs(s).find((i) => i.path === "us.revenueShare")?.format // returns "0.0%"
 */
export function scenarioInputs(s: Scenario, fields: readonly FieldRow[] = FIELDS): InputSpec[] {
  const out: InputSpec[] = [];
  const one = (path: string, label: string, value: CellValue, format?: string) => out.push({ path, label, value, format });
  const add = (row: FieldRow, b: number, label: string) => {
    const docPath = segmentsOf(row, b);
    const path = dottedPath(docPath);
    const value = valueAt(s, docPath);
    const format = row.format && FORMATS[row.format];
    if (!row.perPeriod) return one(path, label, value as CellValue, format);
    const values = value as readonly number[] | null;
    s.periods.forEach((_, t) => out.push({ path, label, period: t, value: values ? values[t] : null, format }));
  };
  // The scenario's name and description head every sheet; the assumptions are the rest.
  for (const row of fields.filter((f) => f.group !== "scenario" && f.group !== "buyer")) add(row, 0, row.label);
  s.buyers.forEach((b, i) => {
    for (const row of fieldsOf("buyer", fields)) add(row, i, row.step === "identity" ? row.label : `${b.name}: ${row.label}`);
  });
  s.rules.forEach((r, i) => {
    one(`rules[${i}].after`, `Custom rule ${r.id}: runs after`, r.after);
    one(`rules[${i}].expression`, `Custom rule ${r.id}: expression${r.label ? ` (${r.label})` : ""}`, r.expression);
  });
  return out;
}
