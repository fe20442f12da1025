/**
 * Engine problems are values, not exceptions: each adapter (Excel function, CLI, taskpane)
 * translates them once, at its own boundary.
 */

/** What kind of problem; adapters map the code (e.g. to an Excel error type). */
export type ProblemCode =
  | "missing" // a required field or argument is absent or blank
  | "type" // wrong kind of value (text where a number belongs, …)
  | "range" // a number outside its valid range
  | "enum" // a word that is not one of the allowed choices
  | "shape" // arrays of the wrong length, duplicated names, …
  | "unknown" // a field the contract does not define
  | "syntax" // the scenario text does not parse
  | "unsupported" // valid by the contract, but not implemented yet
  | "cancelled"; // a long computation (Monte Carlo) stopped at the caller's request

/** One thing wrong with an input, located by its field path (e.g. `buyers[1].requested`). */
export interface Problem {
  readonly code: ProblemCode;
  readonly path: string;
  readonly message: string;
}

/** A computation that either produced a value or found problems with its inputs. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });
export const problem = (code: ProblemCode, path: string, message: string): Problem => ({ code, path, message });

/** `path: message`, the form the CLI prints and the taskpane shows. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
