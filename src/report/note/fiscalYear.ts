/** The fiscal year a note is about, and each scenario's China revenue in it. */
import { Evaluation } from "../../engine";

/** The fiscal year a note is about: its label, its quarters (those any scenario models), and the scenarios that model all of them. */
export interface NoteYear {
  readonly label: string;
  readonly periods: string[];
  /** Indexes of the scenarios covering every one of `periods`; the others are left out of the year's totals. */
  readonly complete: number[];
}

/**
 * The fiscal year most scenarios model whole (ties: the earlier year): built-ins that start in
 * different quarters are compared over a year they all cover, never over different quarters.
 * @example fiscalYear([["FY2027Q1", "FY2027Q2"], ["FY2027Q3", "FY2027Q4", "FY2028Q1", "FY2028Q2", "FY2028Q3", "FY2028Q4"]]).label // returns "FY2028"
 * @example fiscalYear([["FY2027Q2", "FY2027Q1", "FY2028Q1"]]) // returns { label: "FY2027", periods: ["FY2027Q1", "FY2027Q2"], complete: [0] }
 */
export function fiscalYear(scenarioPeriods: readonly (readonly string[])[]): NoteYear {
  const labels = [...new Set(scenarioPeriods.flat().map((p) => p.slice(0, 6)))].sort();
  const yearOf = (label: string): NoteYear => {
    const periods = [...new Set(scenarioPeriods.flat().filter((p) => p.startsWith(label)))].sort();
    const complete = scenarioPeriods.flatMap((own, i) => (periods.every((p) => own.includes(p)) ? [i] : []));
    return { label, periods, complete };
  };
  const years = labels.map(yearOf);
  // A year counts whole when it has four quarters; a horizon shorter than a year falls back to the quarters modelled.
  const score = (y: NoteYear) => [y.periods.length === 4 ? y.complete.length : 0, y.complete.length];
  return years.reduce<NoteYear>((best, y) => {
    const [a, b] = [score(y), score(best)];
    return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]) ? y : best;
  }, years[0] ?? { label: "", periods: [], complete: [] });
}

/** A total over the quarters of `periods` the evaluation has; null when it has none of them. */
export function sumOver(evaluation: Evaluation, periods: readonly string[], pick: (t: Evaluation["periods"][number]["totals"]) => number): number | null {
  const found = evaluation.periods.filter((p) => periods.includes(p.period));
  return found.length === 0 ? null : found.reduce((a, p) => a + pick(p.totals), 0);
}
