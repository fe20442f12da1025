/** Several argument reads checked together, so one Excel error names every problem. */
import { Result } from "../engine";
import { toExcelError } from "./excelErrors";

type Values<T extends readonly Result<unknown>[]> = { [K in keyof T]: T[K] extends Result<infer V> ? V : never };

/** The values when all reads succeeded; else throws the Excel error for all their problems. */
export function all<T extends readonly Result<unknown>[]>(...results: T): Values<T> {
  const problems = results.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length > 0) throw toExcelError(problems);
  return results.map((r) => (r.ok ? r.value : undefined)) as Values<T>;
}
