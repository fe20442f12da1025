/**
 * Engine problems are values, not exceptions: each adapter (Excel function, CLI, taskpane)
 * translates them once, at its own boundary.
 */
import type { DocPath } from "./docPath";

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

/**
 * One thing wrong with an input, located by segments (`["buyers", 1, "requested"]`): keys and
 * list indexes of the document, or an adapter's own place (a range, its row and column). Adapters
 * read `at`; `path` is its text (`buyers[1].requested`), kept for printing as `path: message`.
 */
export interface Problem {
  readonly code: ProblemCode;
  readonly at: DocPath;
  readonly path: string;
  readonly message: string;
  /** Where in a scenario's text the problem is, when it came from parsing text (1-based). */
  readonly source?: SourceSpot;
}

/** A line of scenario text and the column a problem points at, for quoting it with a caret. */
export interface SourceSpot {
  readonly line: number;
  readonly column: number;
  /** The offending line as written (cut short by whoever quotes it). */
  readonly text: string;
}

/** A computation that either produced a value or found problems with its inputs. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/**
 * A problem at `at`: segments, or one name as the user sees it (an argument, a header cell), or
 * "" for the whole input. Segments are written as text by formatPath.
 * @example problem("missing", ["buyers", 1, "name"], "required").path // returns "buyers[1].name"
 * @example problem("range", "seed", "too big").at // returns ["seed"]
 */
export function problem(code: ProblemCode, at: DocPath | string, message: string): Problem {
  if (typeof at === "string") return { code, at: at === "" ? [] : [at], path: at, message };
  return { code, at, path: formatPath(at), message };
}

/**
 * The problem moved to `at` (an adapter's place for it), its `path` the place as text.
 * @example relocated(problem("type", ["x"], "bad"), ["inputs", 0]).path // returns "inputs[0]"
 */
export function relocated(p: Problem, at: DocPath, path = formatPath(at)): Problem {
  return { code: p.code, at, path, message: p.message };
}

/**
 * Segments as a path's text, each key written by pathKey.
 * @example formatPath(["buyers", 1, "requested", 2]) // returns "buyers[1].requested[2]"
 * @example formatPath(["uncertainty", "inputs", "china.approvalRate"]) // returns 'uncertainty.inputs["china.approvalRate"]'
 */
export function formatPath(at: DocPath): string {
  let out = "";
  for (const key of at) out = joinPath(out, key);
  return out;
}

/** `path: message`, the form the CLI prints and the taskpane shows. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

/**
 * A key as it appears in a path: `.name` for a plain identifier, `[i]` for a list index, else
 * the key JSON-quoted in brackets (`["a:b"]`, `["a\nb"]`, `[" "]`) with invisible characters
 * escaped, so no key can break a line, hide the `: ` separator or start a path with blanks.
 * Keys longer than 64 characters are cut, with "…" inside the quotes.
 * @example pathKey("supply") // returns ".supply"
 * @example pathKey("a:b") // returns '["a:b"]'
 */
export function pathKey(key: string | number): string {
  if (typeof key === "number") return `[${key}]`;
  if (PLAIN_KEY.test(key)) return `.${key}`;
  return `[${quoteText(key, MAX_KEY_LENGTH)}]`;
}

/**
 * A path with one more key; the first key of a path has no leading dot.
 * @example joinPath("buyers[0]", "name") // returns "buyers[0].name"
 * @example joinPath("", "a b") // returns '["a b"]'
 */
export function joinPath(path: string, key: string | number): string {
  const segment = pathKey(key);
  return path === "" && segment.startsWith(".") ? segment.slice(1) : path + segment;
}

/** Letters, digits, `_`, `$` and `-` (as in `x-sources`), not starting with a digit or `-`. */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
const MAX_KEY_LENGTH = 64;

/**
 * Untrusted text as a JSON string literal, cut to `max` characters (then "…"), with the
 * characters JSON leaves raw but a reader cannot see (BOM, zero-width and bidi controls,
 * C1 controls, line and paragraph separators) escaped as \uXXXX.
 * @example quoteText("a\nb") // returns '"a\\nb"'
 */
export function quoteText(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Characters JSON.stringify leaves as they are but that are invisible or move text around. */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/**
 * Characters in one problem line (CLI stderr, an Excel error's message); a longer line is cut
 * and ends with "…". The longest fixed message, an unknown name in a rule with every name a
 * rule may use, is about 720 at rules[999].
 */
export const MAX_LINE_LENGTH = 800;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Text made safe for one line of a terminal or a cell note: line breaks and other control
 * characters (including the escape that starts terminal colour codes) are written as
 * escapes; trailing blanks dropped; cut to `max` characters.
 * @example oneLine("a\nb") // returns "a\\nb"
 */
export function oneLine(text: string, max = MAX_LINE_LENGTH): string {
  const line = text.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).trimEnd();
  if (line.length <= max) return line;
  let end = max - 1;
  if (/[\ud800-\udbff]/.test(line[end - 1])) end--; // do not split a character in two
  return `${line.slice(0, end)}…`;
}

/**
 * A line of scenario text with a caret under the problem's column (1-based), after a gutter
 * holding the line number (padded to `gutter` characters); a long line is shown around the
 * column, `width` characters of it, cut with "…". Tabs count one column; escapes (a control
 * character shown as \u001b) are measured, so the caret stays under its character. The CLI and
 * the pane each quote with their own width.
 * @example quotedLine({ line: 7, column: 5, text: "  - \tx" }, 100, 5) // returns ["    7 |   -  x", "      |     ^"]
 */
export function quotedLine(spot: SourceSpot, width: number, gutter = 0): [line: string, caret: string] {
  const text = spot.text.replace(/\t/g, " ");
  const at = Math.min(Math.max(spot.column - 1, 0), text.length);
  const start = Math.max(0, Math.min(at - width / 2, text.length - width));
  const head = start > 0 ? "…" : "";
  const shown = head + text.slice(start, start + width) + (start + width < text.length ? "…" : "");
  const before = oneLine(head + text.slice(start, at) + "x").length - 1;
  const number = String(spot.line).padStart(gutter);
  return [oneLine(`${number} | ${shown}`), `${" ".repeat(number.length)} | ${" ".repeat(before)}^`];
}
