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

/** Calls `f` and returns its number, or the Excel error it threw as { code, message }. */
export function outcome(f: () => number): number | { code: string; message: string } {
  try {
    return f();
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { code: e.code, message: e.message };
    throw e;
  }
}
