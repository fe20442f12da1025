/** The lines of a notice in the pane: each on one bounded line, and at most MAX_NOTICE_LINES of them, then a count of the rest. */
import { oneLine } from "../engine";

/** A notice lists this many lines; a longer list ends with "…and N more". */
export const MAX_NOTICE_LINES = 20;

/**
 * The lines to show, bounded; the pane's notice renders them as a list.
 * @example noticeLines(["a", "b", "c"], 2) // returns ["a", "b", "…and 1 more"]
 */
export function noticeLines(lines: readonly string[], max = MAX_NOTICE_LINES): string[] {
  const shown = lines.slice(0, max).map((l) => oneLine(l));
  return lines.length > max ? [...shown, `…and ${lines.length - max} more`] : shown;
}
