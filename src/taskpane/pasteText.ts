/**
 * The paste box and the file picker: text → a scenario document as written, or the problems
 * that stop it. The engine tells the format (formatOfText, as for the CLI's standard input) and
 * parses it, so the pane refuses what the CLI refuses, in the same words.
 */
import { Problem, formatOfText, parseScenarioText, problem, withScenarioTextHints } from "../engine";

export type Json = Record<string, unknown>;

export type Pasted =
  /** `hints`: adds to the document's validation problems what only the text can say (a list its commas split). */
  | { readonly ok: true; readonly doc: Json; readonly hints: (problems: readonly Problem[]) => Problem[] }
  | { readonly ok: false; readonly title: string; readonly problems: readonly Problem[] };

/**
 * Reads pasted or opened text; `source` names it in the notice ("pasted text", a file name).
 * @example readPastedText("name: A", "pasted text").ok // returns true
 */
export function readPastedText(text: string, source: string): Pasted {
  const format = formatOfText(text);
  const parsed = parseScenarioText(text, format);
  if (!parsed.ok) return { ok: false, title: `Could not read the ${source}`, problems: parsed.problems };
  const doc = parsed.value;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { ok: false, title: `The ${source} is not a scenario`, problems: [problem("shape", "", "expected an object with name, periods, us, china, market and buyers")] };
  }
  return { ok: true, doc: doc as Json, hints: (problems) => withScenarioTextHints(text, format, problems) };
}
