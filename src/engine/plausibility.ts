/**
 * Plausibility warnings: values the validator accepts but that are probably in the wrong unit
 * (about 1,000× off, e.g. a price of 27 meant as $27,000). They are warnings beside a valid
 * scenario, never errors; the ranges live in the field catalogue's `plausible` column.
 */
import { FIELDS, FieldRow, pathOf, segmentsOf } from "./fieldCatalogue";
import { valueAt } from "./docPath";
import { messages } from "./messages";
import { joinPath } from "./problems";
import { Scenario } from "./scenario";

/** A value that is valid but looks off; located like a Problem (`market.h200Price`, `market.supply[2]`). */
export interface PlausibilityWarning {
  /** The value's path: the field's when every period is off by the same value, else one period's (`[t]`). */
  readonly path: string;
  /** The same path as segments (as a Problem's `at`). */
  readonly at: readonly (string | number)[];
  /** The field in the docs' form (`market.supply`, `buyers[i].requested`), for surfaces that show it at a field. */
  readonly field: string;
  /** The period's label, when the warning is about one period. */
  readonly period?: string;
  readonly value: number;
  readonly message: string;
}

/**
 * The scenario's implausible values, in catalogue order (empty when all look right).
 * @example plausibilityWarnings(scenario) // returns [] — examples/base.json's values are all in range
 */
export function plausibilityWarnings(scenario: Scenario, fields: readonly FieldRow[] = FIELDS): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  for (const row of fields) {
    if (!row.plausible) continue;
    const owners = row.group === "buyer" ? scenario.buyers.map((_, i) => i) : [0];
    for (const buyer of owners) {
      const segments = segmentsOf(row, buyer);
      const at = segments.reduce<string>(joinPath, "");
      const raw = valueAt(scenario, segments);
      const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
      const off = values.map((v, t) => ({ v, t })).filter((x): x is { v: number; t: number } => typeof x.v === "number" && implausible(row, x.v) !== undefined);
      if (off.length === 0) continue;
      // One warning for a value written once (the same in every period), else one per period.
      const same = off.length === values.length && off.every((x) => x.v === off[0].v);
      for (const { v, t } of same ? off.slice(0, 1) : off) {
        const side = implausible(row, v) as "lo" | "hi";
        const bound = side === "lo" ? (row.plausible.lo as number) : (row.plausible.hi as number);
        out.push({
          path: same || !Array.isArray(raw) ? at : joinPath(at, t),
          at: same || !Array.isArray(raw) ? segments : [...segments, t],
          field: pathOf(row),
          ...(same || !Array.isArray(raw) ? {} : { period: scenario.periods[t] }),
          value: v,
          message: messages.implausible(v, row.what, side, bound),
        });
      }
    }
  }
  return out;
}

/** Which end of the row's plausible range a value falls past; 0 means "none" and is always plausible. */
function implausible(row: FieldRow, v: number): "lo" | "hi" | undefined {
  const range = row.plausible;
  if (!range || v === 0) return undefined;
  if (range.lo !== undefined && v < range.lo) return "lo";
  if (range.hi !== undefined && v > range.hi) return "hi";
  return undefined;
}
