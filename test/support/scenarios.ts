/** Builders for scenario documents in tests: a small valid base, deep-merged with overrides. */
import { Scenario, validateScenario, formatProblem } from "../../src/engine";

export type Doc = Record<string, unknown>;

export const baseDoc = (): Doc => ({
  name: "Test",
  periods: ["FY2027Q1"],
  us: {},
  china: {},
  market: { h200Price: 27000, supply: 1e9 },
  buyers: [{ name: "A", requested: 100, domesticUnits: 1000 }],
});

export function merge(base: Doc, over: Doc): Doc {
  const out: Doc = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] =
      v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object" && !Array.isArray(b)
        ? merge(b as Doc, v as Doc)
        : v;
  }
  return out;
}

/** A validated scenario from overrides of the base document; throws with the problems if invalid. */
export function scenario(over: Doc = {}): Scenario {
  const r = validateScenario(merge(baseDoc(), over));
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r.value;
}

/** The problems (as "path: message" lines) for overrides of the base document. */
export function problemsOf(over: Doc): string[] {
  const r = validateScenario(merge(baseDoc(), over));
  return r.ok ? [] : r.problems.map(formatProblem);
}
