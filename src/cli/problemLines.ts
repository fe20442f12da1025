/**
 * The CLI's one problem printer: one `path: message` line per problem on stderr (a problem in
 * the text's syntax adds its line, quoted, and a caret under the column), each line escaped (no
 * key, message or file name can break it), cut to a bounded length, and at most
 * MAX_PROBLEM_LINES lines a run, then one line counting the rest. Warnings print the same way,
 * as `path: warning: message`.
 */
import { PlausibilityWarning, Problem, SourceSpot, formatProblem, oneLine, quotedLine } from "../engine";
import { EXIT, ExitCode } from "./exitCodes";
import { Output } from "./io";

/** Problem lines printed per run; a file with more gets one more line saying how many were left out. */
export const MAX_PROBLEM_LINES = 200;

/**
 * A problem's line: `path: message`; a whole-document problem (no path, e.g. syntax) takes
 * `fallbackPath` (the file name) as its path; `prefix` goes first (the file, in a multi-file report).
 * @example problemLine({ code: "missing", path: "name", message: "required: a name" }, "f.json") // returns "name: required: a name"
 */
export function problemLine(p: Problem, fallbackPath: string, prefix = ""): string {
  return oneLine(prefix + formatProblem(p.path || !fallbackPath ? p : { ...p, path: fallbackPath }));
}

/**
 * A problem's lines: its `path: message` line, then the line of text it points at, if known.
 * @example problemLines({ code: "syntax", path: "", message: "bad", source: { line: 2, column: 3, text: "a:b" } }, "f.yaml") // returns ["f.yaml: bad", "    2 | a:b", "      |   ^"]
 */
export function problemLines(p: Problem, fallbackPath: string, prefix = ""): string[] {
  return [problemLine(p, fallbackPath, prefix), ...(p.source ? quotedSource(p.source) : [])];
}

/** Characters of the quoted line shown around the caret. */
const QUOTE_WIDTH = 100;

/**
 * A line of the scenario's text with a caret under the column, in a gutter with the line number.
 * @example quotedSource({ line: 7, column: 5, text: "  - \tx" }) // returns ["    7 |   -  x", "      |     ^"]
 */
export const quotedSource = (spot: SourceSpot): string[] => quotedLine(spot, QUOTE_WIDTH, 5);

/**
 * Warnings beside a valid scenario: `path: warning: message` lines on stderr; the exit status is not changed.
 * @example warningLines([{ path: "market.h200Price", field: "market.h200Price", value: 27, message: "looks small" }]) // returns ["market.h200Price: warning: looks small"]
 */
export function warningLines(warnings: readonly PlausibilityWarning[], prefix = ""): string[] {
  return warnings.map((w) => oneLine(`${prefix}${w.path}: warning: ${w.message}`));
}

/**
 * The lines to print: the first MAX_PROBLEM_LINES, then `label: N more problems …` for the rest.
 * @example boundLines(["a: x"], "f.json") // returns ["a: x"]
 */
export function boundLines(lines: readonly string[], label: string): string[] {
  if (lines.length <= MAX_PROBLEM_LINES) return [...lines];
  const rest = lines.length - MAX_PROBLEM_LINES;
  return [...lines.slice(0, MAX_PROBLEM_LINES), oneLine(`${label}: ${rest} more problem${rest === 1 ? "" : "s"} not shown; fix those above and run again`)];
}

/** Prints the problems of one file (bounded) and returns the input-error exit status. */
export function printProblems(problems: readonly Problem[], label: string, output: Output): ExitCode {
  output.err(boundLines(problems.flatMap((p) => problemLines(p, label)), label).map((line) => line + "\n").join(""));
  return EXIT.input;
}
