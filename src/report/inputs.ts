/** Every input of a validated scenario as a list of cells: field path, label, period, value. */
import { FIELDS, FieldRow, Scenario, dottedPath, fieldsOf, segmentsOf, valueAt } from "../engine";
import { FORMATS } from "./formats";
import { CellValue } from "./model";

export interface InputSpec {
  /** docs/model.md field path, e.g. `market.supply`, `buyers[0].requested`. */
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
 * The scenario's inputs in the order of docs/model.md, defaults applied. Per-period fields give one
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

/** Which block of the Assumptions sheet a field sits in: US, China (the cap too), market, or one buyer. */
export type InputBlock = { readonly kind: "us" | "china" | "market" } | { readonly kind: "buyer"; readonly buyer: number };

/** One Assumptions row: a field of the scenario (one buyer's, for buyer fields) across the periods. */
export interface InputRow {
  readonly field: FieldRow;
  readonly block: InputBlock;
  /** docs/model.md field path, e.g. `market.supply`, `buyers[0].requested`. */
  readonly path: string;
  /** One value per period (a field that is not per-period repeats its one value). */
  readonly values: readonly CellValue[];
  /**
   * Written once, in the "All periods" column: the catalogue says the field does not vary by
   * period, or its value is the same in every period of this scenario.
   */
  readonly allPeriods: boolean;
  readonly format?: string;
}

const blockOf = (row: FieldRow, buyer: number): InputBlock =>
  row.group === "buyer" ? { kind: "buyer", buyer } : { kind: row.group === "us" ? "us" : row.group === "market" ? "market" : "china" };

/**
 * The scenario's input fields as Assumptions rows, in the catalogue's order, US then China then
 * market then each buyer; names (the buyer's heads its block) and the scenario's name and
 * description are left out. Defaults applied; null stays null (a blank cell).
 * @example inputRows(s).find((r) => r.path === "market.usShareTreatment")?.allPeriods // returns true
 */
export function inputRows(s: Scenario, fields: readonly FieldRow[] = FIELDS): InputRow[] {
  const row = (field: FieldRow, b: number): InputRow => {
    const docPath = segmentsOf(field, b);
    const raw = valueAt(s, docPath);
    const values = field.perPeriod ? s.periods.map((_, t) => ((raw as readonly CellValue[] | null)?.[t] ?? null) as CellValue) : s.periods.map(() => raw as CellValue);
    const allPeriods = !field.perPeriod || values.every((v) => v === values[0]);
    return { field, block: blockOf(field, b), path: dottedPath(docPath), values, allPeriods, format: field.format && FORMATS[field.format] };
  };
  const inputs = (f: FieldRow) => f.step !== "identity";
  const order: FieldRow["group"][][] = [["us"], ["china", "cap"], ["market"]];
  const policy = order.flatMap((groups) => fields.filter((f) => groups.includes(f.group) && inputs(f)).map((f) => row(f, 0)));
  const buyers = s.buyers.flatMap((_, b) => fieldsOf("buyer", fields).filter(inputs).map((f) => row(f, b)));
  return [...policy, ...buyers];
}
