/** The shared body of every CHIPS function: coerce the arguments, call the engine, map the result. */
import { Problem, Result } from "../engine/problems";
import { Coerced } from "./coerce";
import { ExcelError, toExcelError } from "./excelErrors";

type Values<T extends Record<string, Coerced<unknown>>> = { [K in keyof T]: T[K] extends Coerced<infer V> ? V : never };

/**
 * Runs `compute` on the coerced arguments. An error value passed in is propagated as is;
 * problems become one Excel error whose message names each argument to fix.
 * Throws the Excel error, which is how custom functions hand Excel an error with a message.
 */
export function excelCall<T extends Record<string, Coerced<unknown>>, R>(args: T, compute: (values: Values<T>) => Result<R>): R {
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, coerced] of Object.entries(args)) {
    if (coerced.ok) values[name] = coerced.value;
    else if ("error" in coerced) throw coerced.error;
    else problems.push(coerced.problem);
  }
  if (problems.length > 0) throw toExcelError(problems);
  let result: Result<R>;
  try {
    result = compute(values as Values<T>);
  } catch (e) {
    // An engine bug must still reach the user as an Excel error, never as an uncaught exception.
    throw asExcelError(e);
  }
  if (!result.ok) throw toExcelError(result.problems);
  return result.value;
}

function asExcelError(e: unknown): ExcelError {
  return toExcelError([{ code: "unsupported", path: "", message: `internal error: ${e instanceof Error ? e.message : String(e)}` }]);
}
