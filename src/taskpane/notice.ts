/**
 * The lines of a notice in the pane: each on one bounded line, at most MAX_NOTICE_LINES of
 * them, then a count of the rest; a problem found in scenario text quotes its line with a caret.
 */
import { Problem, SourceSpot, formatProblem, oneLine, quotedLine } from "../engine";

/** A notice lists this many lines; a longer list ends with "…and N more". */
export const MAX_NOTICE_LINES = 20;

/** The widest quoted line: a longer one is cut around the caret. */
const QUOTE_WIDTH = 60;

/**
 * The lines to show, bounded; the pane's notice renders them as a list.
 * @example noticeLines(["a", "b", "c"], 2) // returns ["a", "b", "…and 1 more"]
 */
export function noticeLines(lines: readonly string[], max = MAX_NOTICE_LINES): string[] {
  const shown = lines.slice(0, max).map((l) => oneLine(l));
  return lines.length > max ? [...shown, `…and ${lines.length - max} more`] : shown;
}

/** One problem in a notice: its `path: message` line and, from scenario text, the line it is on. */
export interface NoticeItem {
  readonly text: string;
  readonly quote?: readonly [line: string, caret: string];
}

/**
 * The items of a notice about `problems`, bounded like noticeLines.
 * @example noticeItems([{ code: "syntax", path: "", message: "bad", source: { line: 3, column: 2, text: "a:b" } }]) // returns [{ text: "bad", quote: ["3 | a:b", "  |  ^"] }]
 */
export function noticeItems(problems: readonly Problem[], max = MAX_NOTICE_LINES): NoticeItem[] {
  const lines = noticeLines(problems.map(formatProblem), max);
  return lines.map((text, i) => {
    const spot = i < max ? problems[i]?.source : undefined;
    return spot ? { text, quote: quoteSource(spot) } : { text };
  });
}

/**
 * A line of scenario text and a caret under the column, prefixed by the line number; a long
 * line is cut to show the part around the column.
 * @example quoteSource({ line: 29, column: 1, text: "- b" }) // returns ["29 | - b", "   | ^"]
 */
export const quoteSource = (spot: SourceSpot): [line: string, caret: string] => quotedLine(spot, QUOTE_WIDTH);
