/**
 * The CLI's one problem printer: one `path: message` line per problem on stderr, each line
 * escaped (no key, message or file name can break it), cut to a bounded length, and at most
 * MAX_PROBLEM_LINES lines a run, then one line counting the rest.
 */
import { Problem, formatProblem, oneLine } from "../engine";
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
  output.err(boundLines(problems.map((p) => problemLine(p, label)), label).map((line) => line + "\n").join(""));
  return EXIT.input;
}
