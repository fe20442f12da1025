/**
 * The one place engine problems become Excel errors. Excel shows the message on #VALUE!
 * and #N/A; we attach it to every error anyway (it costs nothing and helps other hosts).
 */
import { Problem, ProblemCode, formatProblem, oneLine } from "../engine";

/** The error codes of `CustomFunctions.ErrorCode` (string-valued in Office.js). */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!" | "#NULL!" | "#NAME?" | "#REF!";

/** The shape of a `CustomFunctions.Error`: what Excel receives when a function fails. */
export interface ExcelError extends Error {
  readonly code: ExcelErrorCode | string;
}

const EXCEL_CODE: Record<ProblemCode, ExcelErrorCode> = {
  missing: "#VALUE!",
  type: "#VALUE!",
  range: "#NUM!",
  enum: "#VALUE!",
  shape: "#VALUE!",
  unknown: "#VALUE!",
  syntax: "#VALUE!",
  unsupported: "#N/A",
  cancelled: "#N/A",
};

/** Outside Excel (tests, other hosts) there is no CustomFunctions global: a same-shaped stand-in. */
class StandInExcelError extends Error implements ExcelError {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "ExcelError";
  }
}

type ExcelErrorConstructor = new (code: never, message?: string) => ExcelError;

function excelErrorClass(): ExcelErrorConstructor {
  const host = (globalThis as unknown as { CustomFunctions?: { Error?: ExcelErrorConstructor } }).CustomFunctions;
  return host?.Error ?? (StandInExcelError as unknown as ExcelErrorConstructor);
}

/** A new Excel error with a message for the user. */
export function excelError(code: ExcelErrorCode, message: string): ExcelError {
  const Ctor = excelErrorClass();
  return new Ctor(code as never, message);
}

/** Problems named in one error message; the rest are counted. */
export const MAX_ERROR_PROBLEMS = 3;

/**
 * The Excel error for the first problem, its message naming the argument to fix: the first
 * few problems as `path: message`, a count of the rest, on one line of bounded length.
 */
export function toExcelError(problems: readonly Problem[]): ExcelError {
  const first = problems[0];
  const rest = problems.length - MAX_ERROR_PROBLEMS;
  const text = problems.slice(0, MAX_ERROR_PROBLEMS).map(formatProblem).join("; ") + (rest > 0 ? ` (and ${rest} more problem${rest === 1 ? "" : "s"})` : "");
  return excelError(EXCEL_CODE[first.code], oneLine(text));
}

/** True for an Excel error value passed in as an argument (to be propagated unchanged). */
export function isExcelError(value: unknown): value is ExcelError {
  if (value === null || typeof value !== "object") return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
