/**
 * Sources of inputs: which note (or resolved citation) covers a field path, and the date and confidence a citation
 * text gives ("Reuters 31 Dec 2025 [M]" → 31 Dec 2025, M).
 */

/**
 * The note for a field path: the exact path, then with list indexes as [*], then its parents.
 * `period` (0-based) tries `path[period]` first for per-period fields.
 * @example sourceFor({ "china.cap": "reported [M]" }, "china.cap.ratio") // returns "reported [M]"
 * @example sourceFor({ "buyers[*].requested": "split" }, "buyers[2].requested") // returns "split"
 */
export function sourceFor<T = string>(notes: Readonly<Record<string, T>>, path: string, period?: number): T | undefined {
  const candidates: string[] = period === undefined ? [] : [`${path}[${period}]`];
  for (let p = path; p !== ""; p = parentOf(p)) candidates.push(p, p.replace(/\[\d+\]/g, "[*]"));
  for (const c of candidates) if (Object.prototype.hasOwnProperty.call(notes, c)) return notes[c];
  return undefined;
}

function parentOf(path: string): string {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut <= 0 ? "" : path.slice(0, cut);
}

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";

/** Date patterns from most to least specific; within a tier the earliest in the text wins. */
const DATE_TIERS = [
  [/~?\d{4}-\d{2}-\d{2}/, new RegExp(`\\b\\d{1,2} ${MONTH} \\d{4}\\b`)],
  [new RegExp(`\\b(?:(?:early|mid|late)[- ])?${MONTH} \\d{4}\\b`)],
  [/\b(?:early|mid|late)[- ]\d{4}\b/],
  // A bare year only where a citation closes, "(SCMP via tomshardware, 2024)": elsewhere a year
  // is usually what the figure is about ("planned for 2026").
  [/\b20\d{2}(?=\))/],
];

/**
 * The most specific date a citation mentions (a day before a month before a year), as
 * written; "" if none.
 * @example citedDate("Trump, Truth Social, 8 Dec 2025 [H]") // returns "8 Dec 2025"
 * @example citedDate("orders for 2026 (Reuters 31 Dec 2025)") // returns "31 Dec 2025"
 * @example citedDate("~600k planned for 2026 (Bloomberg)") // returns ""
 */
export function citedDate(text: string): string {
  for (const tier of DATE_TIERS) {
    const found = tier.map((re) => re.exec(text)).filter((m): m is RegExpExecArray => m !== null);
    if (found.length > 0) return found.sort((x, y) => x.index - y.index)[0][0];
  }
  return "";
}

/**
 * The confidence mark of a citation: H, M or L (research/facts.md), "illustrative" for an
 * assumption, "derived" for arithmetic on sources, "" when the text gives none.
 * @example confidenceOf("Reuters 31 Dec 2025 [M]") // returns "M"
 * @example confidenceOf("ILLUSTRATIVE.") // returns "illustrative"
 */
export function confidenceOf(text: string): string {
  const mark = /\[([HML])\b[^\]]*\]/.exec(text);
  if (mark) return mark[1];
  if (/illustrative/i.test(text)) return "illustrative";
  if (/\bderived\b/i.test(text)) return "derived";
  if (/\bassumption\b/i.test(text)) return "assumption";
  return "";
}
