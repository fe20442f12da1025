/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */

const RESERVED = ["History"]; // Excel keeps this name for itself

/**
 * Sheet names for `wanted`, made valid and unique against `taken` and each other.
 * @example sheetNames(["Base", "Base", "a/b"], ["Sources"]) // returns ["Base", "Base (2)", "a-b"]
 */
export function sheetNames(wanted: readonly string[], taken: readonly string[]): string[] {
  const used = new Set([...taken, ...RESERVED].map((n) => n.toLowerCase()));
  return wanted.map((raw) => {
    const clean = raw.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Scenario";
    let name = clean;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${clean.slice(0, 31 - ` (${k})`.length)} (${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}
