/**
 * The probability-weighted view: an analyst's probability per scenario (the scenario's own
 * `probability`, or `chips report --weights`), checked to sum to 1.
 */

/** Probabilities by scenario name. */
export type ScenarioWeights = Readonly<Record<string, number>>;

/** How far from 1 the probabilities may sum (rounding in what an analyst types). */
const TOLERANCE = 1e-6;

/**
 * Why `weights` cannot weight these scenarios (as `path: message` lines), or none.
 * @example weightProblems({ Base: 0.5 }, ["Base", "Bear"]) // returns ["--weights: the probabilities sum to 0.5, not 1; give every scenario one (Bear has none)"]
 */
export function weightProblems(weights: ScenarioWeights, names: readonly string[], path = "--weights"): string[] {
  const problems: string[] = [];
  for (const [name, p] of Object.entries(weights)) {
    if (!names.includes(name)) problems.push(`${path}: no scenario is named ${JSON.stringify(name)}; the scenarios are ${names.map((n) => JSON.stringify(n)).join(", ")}`);
    else if (!(Number.isFinite(p) && p >= 0 && p <= 1)) problems.push(`${path}: ${name}'s probability must be a number from 0 to 1, got ${p}`);
  }
  if (problems.length > 0) return problems;
  const sum = names.reduce((a, n) => a + (weights[n] ?? 0), 0);
  if (Math.abs(sum - 1) > TOLERANCE) {
    const missing = names.filter((n) => weights[n] === undefined);
    problems.push(`${path}: the probabilities sum to ${Number(sum.toPrecision(12))}, not 1${missing.length > 0 ? `; give every scenario one (${missing.join(", ")} ${missing.length === 1 ? "has" : "have"} none)` : ""}`);
  }
  return problems;
}

/**
 * Reads `name=0.5,other=0.5` (names may hold spaces; the last "=" splits).
 * @example parseWeights("Base=0.6,Bear case=0.4") // returns { ok: true, value: { Base: 0.6, "Bear case": 0.4 } }
 */
export function parseWeights(text: string): { ok: true; value: ScenarioWeights } | { ok: false; message: string } {
  const value: Record<string, number> = {};
  for (const part of text.split(",")) {
    const eq = part.lastIndexOf("=");
    const name = part.slice(0, eq).trim();
    const p = Number(part.slice(eq + 1).trim());
    if (eq < 0 || name === "" || part.slice(eq + 1).trim() === "" || !Number.isFinite(p)) {
      return { ok: false, message: `--weights: write name=probability pairs separated by commas, e.g. "Base=0.6,Bear=0.4"; got ${JSON.stringify(part)}` };
    }
    value[name] = p;
  }
  return { ok: true, value };
}

/** Σ weight × value over the scenarios; null when a weighted scenario has no value. */
export function weighted(weights: ScenarioWeights, values: readonly { readonly name: string; readonly value: number | null }[]): number | null {
  let sum = 0;
  for (const { name, value } of values) {
    const w = weights[name] ?? 0;
    if (w === 0) continue;
    if (value === null) return null;
    sum += w * value;
  }
  return sum;
}
