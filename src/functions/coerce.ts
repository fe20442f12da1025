/**
 * Reading raw Excel argument values, written once for every CHIPS function.
 *
 * Blank cells: Excel desktop passes 0 for a blank cell and Excel on the web passes null.
 * We read both the way native Excel arithmetic does (=A1*2 with A1 blank is 0): a blank
 * required number is 0, a blank optional argument takes its default. Numeric text is read as
 * the number, like =A1*2 does, and the way analysts type it too ("27k", "$27,000", "1.5bn",
 * "60%" → 27000, 27000, 1.5e9, 0.6); other text gives #VALUE!. TRUE/FALSE are flags:
 * where a number is expected they give #VALUE! (a number typed as TRUE is usually a mistake);
 * where a flag is expected, 1/0 and the words TRUE/FALSE are read too.
 */
import { ArgValue, ParamSpec, Problem, messages, problem, readAnalystNumber } from "../engine";
import { ExcelError, isExcelError } from "./excelErrors";

/** A coerced argument: a value, a problem to report, or an Excel error to pass through. */
export type Coerced = { value: ArgValue; problem?: undefined; error?: undefined } | { problem: Problem; error?: undefined } | { error: ExcelError; problem?: undefined };

const BLANK: Coerced = { value: null };

/** Reads one raw Excel value as the kind the parameter expects. */
export function coerceArg(raw: unknown, spec: ParamSpec): Coerced {
  if (raw === null || raw === undefined) return BLANK;
  if (isExcelError(raw)) return { error: raw };
  switch (spec.kind) {
    case "number":
      if (typeof raw === "number") return { value: raw };
      if (typeof raw === "string") {
        if (raw.trim() === "") return BLANK;
        const read = readAnalystNumber(raw);
        if (read) return { value: read.value };
      }
      return { problem: problem("type", spec.name, messages.notAnalystNumber(raw, spec.what)) };
    case "boolean":
      if (typeof raw === "boolean") return { value: raw };
      if (raw === 1 || raw === 0) return { value: raw === 1 };
      if (typeof raw === "string" && /^\s*(true|false)\s*$/i.test(raw)) return { value: raw.trim().toLowerCase() === "true" };
      if (raw === "") return BLANK;
      return { problem: problem("type", spec.name, messages.notBoolean(raw)) };
    case "text":
      if (typeof raw === "string") return raw === "" ? BLANK : { value: raw };
      return { problem: problem("type", spec.name, messages.notString(raw)) };
  }
}
