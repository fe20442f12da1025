/**
 * Sheet names, chosen rather than cut. Excel's rules: at most 31 characters, none of []:*?/\,
 * not starting or ending with ', unique regardless of case.
 */

/** Excel keeps this name for itself. */
const RESERVED = ["History"];

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_LENGTH = 31;

/**
 * The results sheets, in workbook order. Their names are fixed; scenario sheets are named
 * around them, so a results sheet never carries a suffix.
 */
export const RESULT_SHEETS = {
  summary: "Summary",
  assumptions: "Assumptions",
  comparison: "Comparison",
  sensitivity: "Sensitivity",
  monteCarlo: "Monte Carlo",
  reportedVsModelled: "Reported vs modelled",
  rules: "Rules",
  sources: "Sources",
} as const;

const RESULT_NAMES: readonly string[] = Object.values(RESULT_SHEETS);

/** Excel's forbidden characters replaced, quotes trimmed; "" when nothing is left. */
const clean = (raw: string): string => raw.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").replace(/\s+/g, " ").trim();

/**
 * `text` in at most `max` characters, ending on a whole word: cut at the last space that fits
 * and drop the dangling joiners ("+", "-", "&", ",", "(") before it. A single word longer than
 * `max` is the one case cut mid-word.
 * @example shortenAtWord("Beijing approval gate + 1-1 uniform licensing", 31) // returns "Beijing approval gate + 1-1"
 */
export function shortenAtWord(text: string, max = SHEET_NAME_LENGTH): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const space = head.lastIndexOf(" ");
  if (space <= 0) return text.slice(0, max).trim();
  const cut = head.slice(0, space).replace(/[\s+\-&,;(]+$/, "").trim();
  return cut || text.slice(0, max).trim();
}

/**
 * Sheet names for `wanted`, made valid (shortened at a word) and unique against `taken` and
 * each other; a name already taken gets " (2)", " (3)", … Results sheets are named first and
 * never pass through here.
 * @example sheetNames(["Base", "Base", "a/b"], ["Sources"]) // returns ["Base", "Base (2)", "a-b"]
 */
export function sheetNames(wanted: readonly string[], taken: readonly string[]): string[] {
  const used = new Set([...taken, ...RESERVED].map((n) => n.toLowerCase()));
  return wanted.map((raw) => {
    const base = shortenAtWord(clean(raw)) || "Scenario";
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${shortenAtWord(base, SHEET_NAME_LENGTH - ` (${k})`.length)} (${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * One sheet name per scenario: its `shortName` when it has one, else its name shortened at a
 * word; a name that is a results sheet's gets " scenario" after it instead ("Monte Carlo" →
 * "Monte Carlo scenario"), so the results sheet keeps its own name.
 * @example scenarioSheetNames([{ name: "Monte Carlo" }, { name: "Base", shortName: "B" }]) // returns ["Monte Carlo scenario", "B"]
 */
export function scenarioSheetNames(scenarios: readonly { readonly name: string; readonly shortName?: string }[]): string[] {
  const results = new Set(RESULT_NAMES.map((n) => n.toLowerCase()));
  const wanted = scenarios.map((s) => {
    const name = shortenAtWord(clean(s.shortName || s.name)) || "Scenario";
    return results.has(name.toLowerCase()) || RESERVED.some((r) => r.toLowerCase() === name.toLowerCase()) ? shortenAtWord(`${name} scenario`) : name;
  });
  return sheetNames(wanted, RESULT_NAMES);
}

/**
 * Each scenario whose short name an earlier one already has (case aside): its index and what to fix.
 * @example shortNameClashes([{ name: "A", shortName: "X" }, { name: "B", shortName: "x" }]) // returns [{ at: 1, message: "\"x\" is also the short name of \"A\"; give each scenario its own" }]
 */
export function shortNameClashes(scenarios: readonly { readonly name: string; readonly shortName?: string }[]): { at: number; message: string }[] {
  const seen = new Map<string, string>();
  const out: { at: number; message: string }[] = [];
  scenarios.forEach((s, at) => {
    if (!s.shortName) return;
    const key = s.shortName.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) out.push({ at, message: `${JSON.stringify(s.shortName)} is also the short name of ${JSON.stringify(first)}; give each scenario its own` });
    else seen.set(key, s.name);
  });
  return out;
}
