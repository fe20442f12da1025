/**
 * A stand-in for the Office `CustomFunctions` global (the Office.js boundary cannot run here):
 * the same Error(code, message) shape and the string-valued ErrorCode enum of office-js.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode };
}

export type Outcome = number | string | boolean | null | { code: string; message: string };

const asOutcome = (v: unknown): Outcome => (v instanceof FakeCustomFunctionsError ? { code: v.code, message: v.message } : (v as Outcome));

/** Calls `f` and returns its result with Excel errors (thrown or in cells) as { code, message }. */
export function outcome<T>(f: () => T): T | { code: string; message: string } {
  try {
    const r = f();
    return (Array.isArray(r) ? r.map((row: unknown[]) => row.map(asOutcome)) : asOutcome(r)) as T;
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { code: e.code, message: e.message };
    throw e;
  }
}

/** `outcome` for a function that may return a Promise (Excel shows a rejection with an Excel error as that error). */
export async function settled(f: () => unknown): Promise<unknown> {
  let r: unknown;
  try {
    r = await f();
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { code: e.code, message: e.message };
    throw e;
  }
  return outcome(() => r);
}

/**
 * Calls a CHIPS function the way Excel does with single values (each wrapped as a 1 x 1
 * matrix; omitted trailing arguments are not passed) and returns the one cell it spills.
 */
export function single(f: (...args: any[]) => unknown, ...args: unknown[]): Outcome {
  const r = outcome(() => f(...args.map((a) => [[a]])));
  return Array.isArray(r) ? (r as Outcome[][])[0][0] : (r as Outcome);
}
