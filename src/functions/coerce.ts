/**
 * Reading raw Excel argument values, written once for every CHIPS function.
 *
 * Blank cells: Excel desktop passes 0 for a blank cell and Excel on the web passes null.
 * We read both the way native Excel arithmetic does (=A1*2 with A1 blank is 0): a blank
 * required number is 0, a blank optional argument takes its default. Numeric text ("5") is
 * read as the number, like =A1*2 does; other text and TRUE/FALSE are #VALUE! with a message.
 */
import { messages } from "../engine/messages";
import { Problem, problem } from "../engine/problems";
import { ExcelError, isExcelError } from "./excelErrors";

/** A raw argument: what Excel can pass to an `any` parameter. */
export type ExcelArg = number | string | boolean | null | undefined | ExcelError;

export type Coerced<T> = { ok: true; value: T } | { ok: false; problem: Problem } | { ok: false; error: ExcelError };

const isBlank = (v: unknown): v is null | undefined => v === null || v === undefined;

/** A number argument; `fallback` is used for a blank (0 for required, the default for optional). */
export function numberArg(value: unknown, name: string, what: string, fallback: number | null): Coerced<number | null> {
  if (isExcelError(value)) return { ok: false, error: value };
  if (isBlank(value)) return { ok: true, value: fallback };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: problem("range", name, messages.notFinite(what)) };
  }
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value.trim());
    if (Number.isFinite(n)) return { ok: true, value: n };
  }
  if (typeof value === "string" && value.trim() === "") return { ok: true, value: fallback };
  return { ok: false, problem: problem("type", name, messages.notNumber(value, what)) };
}

/** A text argument (a blank gives the fallback). */
export function textArg(value: unknown, name: string, fallback: string | null): Coerced<string | null> {
  if (isExcelError(value)) return { ok: false, error: value };
  if (isBlank(value) || value === "") return { ok: true, value: fallback };
  if (typeof value === "string") return { ok: true, value };
  return { ok: false, problem: problem("type", name, messages.notString(value)) };
}
