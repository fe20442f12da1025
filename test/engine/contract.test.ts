/**
 * The contract law: on random valid scenario documents, the engine (validateScenario, then
 * evaluate) and the reference (test/engine/contract/reference.ts, an independent reading of the
 * model's contract over the raw document) give the same evaluation: every shipped figure, step
 * and total to 1e-6 relative, `binding` and `largestCut` exactly.
 */
import fc from "fast-check";
import { evaluate } from "../../src/engine/evaluate";
import { validateScenario } from "../../src/engine/validate";
import { lawRuns } from "../support/lawRuns";
import { EvaluationJson, disagreements } from "./contract/agreement";
import { v1Arbitrary, v2Arbitrary } from "./contract/arbitrary";
import { REFERENCE_STEPS, ReferenceEvaluation, referenceEvaluate } from "./contract/reference";

// A case costs well under a millisecond of evaluation: 30 x LAW_RUNS (3,000 cases by default) for
// version 2, where the cases vary most, and 10 x LAW_RUNS (1,000) for version-1 documents.
const V2_RUNS = lawRuns(30);
const V1_RUNS = lawRuns(10);

/** Where the engine's evaluation of `doc` differs from the reference's; the validator's problems if it refuses it. */
function engineVersusReference(doc: unknown): string[] {
  const validated = validateScenario(doc);
  if (!validated.ok) return validated.problems.map((p) => `refused a valid document: ${p.path}: ${p.message}`);
  return disagreements(evaluate(validated.value) as unknown as EvaluationJson, referenceEvaluate(doc));
}

test(`the engine agrees with the reference on random version-2 scenarios (${V2_RUNS.numRuns} cases)`, () => {
  fc.assert(
    fc.property(v2Arbitrary, (doc) => {
      expect(engineVersusReference(doc)).toEqual([]);
    }),
    V2_RUNS,
  );
});

test(`the engine agrees with the reference on random version-1 scenarios (${V1_RUNS.numRuns} cases)`, () => {
  fc.assert(
    fc.property(v1Arbitrary, (doc) => {
      expect(engineVersusReference(doc)).toEqual([]);
    }),
    V1_RUNS,
  );
});

describe("the generator reaches the cases the law is for", () => {
  // A fixed sample, so a change to the generator that loses a case fails here, not by luck.
  const docs = fc.sample(v2Arbitrary, { numRuns: 400, seed: 15 });
  const evaluations: ReferenceEvaluation[] = docs.map(referenceEvaluate);
  const buyerPeriods = evaluations.flatMap((e) => e.periods.flatMap((p) => p.buyers));
  const periods = evaluations.flatMap((e) => e.periods.map((p, t) => ({ p, t, e })));
  const removed = (steps: Record<string, number>) => REFERENCE_STEPS.slice(1).map((id, k) => steps[REFERENCE_STEPS[k]] - steps[id]);

  test("every step is somewhere the binding one and somewhere the largest cut, and the two differ", () => {
    for (const id of [...REFERENCE_STEPS.slice(1), "none"]) {
      expect(buyerPeriods.some((b) => b.binding === id)).toBe(true);
      expect(buyerPeriods.some((b) => b.largestCut === id)).toBe(true);
    }
    expect(buyerPeriods.some((b) => b.binding !== b.largestCut)).toBe(true);
  });

  test("exact ties between two steps' cuts, and zeros, occur", () => {
    const tie = (b: (typeof buyerPeriods)[number]) => {
      const cuts = removed(b.steps).filter((x) => x > 0);
      return new Set(cuts).size < cuts.length;
    };
    expect(buyerPeriods.filter(tie).length).toBeGreaterThan(10);
    expect(buyerPeriods.some((b) => b.steps.requested === 0)).toBe(true);
    expect(buyerPeriods.some((b) => b.steps.requested > 0 && b.shipped === 0)).toBe(true);
  });

  test("supply binds in some periods and not in others where buyers ask for chips", () => {
    const demand = ({ p }: (typeof periods)[number]) => p.buyers.reduce((a, b) => a + b.steps.domestic_ratio, 0);
    expect(periods.some((x) => demand(x) > 0 && x.p.buyers.some((b) => b.steps.supply < b.steps.domestic_ratio))).toBe(true);
    expect(periods.some((x) => demand(x) > 0 && x.p.buyers.every((b) => b.steps.supply === b.steps.domestic_ratio))).toBe(true);
  });

  test("licences run out part-way (0 < us_license < requested only comes from a unit quota) and completely", () => {
    expect(buyerPeriods.some((b) => b.steps.us_license > 0 && b.steps.us_license < b.steps.requested)).toBe(true);
    // A buyer with one quota for the whole horizon that has shipped all of it and still asks for chips.
    const exhausted = docs.flatMap((doc, i) =>
      (doc.buyers as Record<string, unknown>[]).flatMap((buyer, b) => {
        const quota = buyer.licensedUnits;
        if (typeof quota !== "number" || quota === 0) return [];
        let before = 0;
        return evaluations[i].periods.filter((p) => {
          const used = before >= quota;
          before += p.buyers[b].shipped;
          return used && p.buyers[b].steps.requested > 0;
        });
      }),
    );
    expect(exhausted.length).toBeGreaterThan(0);
  });

  test("a cumulative domestic cap binds in a later quarter", () => {
    const later = docs.flatMap((doc, i) => (/"scope":"cumulative"/.test(JSON.stringify(doc)) ? evaluations[i].periods.slice(1) : []));
    expect(later.some((p) => p.buyers.some((b) => b.binding === "domestic_ratio"))).toBe(true);
  });

  test("documents use one value, per-period lists, per-period nulls and omitted fields", () => {
    const text = docs.map((d) => JSON.stringify(d));
    expect(text.some((t) => /"access":\[/.test(t))).toBe(true);
    expect(text.some((t) => /"cumulative"/.test(t))).toBe(true);
    expect(text.some((t) => /"scope":\[[^\]]*"period"[^\]]*"cumulative"/.test(t))).toBe(true);
    expect(text.some((t) => /"chinaCapScope":\[[^\]]*"cumulative"/.test(t))).toBe(true);
    expect(text.some((t) => /\[[^\]]*null[^\]]*\]/.test(t))).toBe(true);
    expect(text.some((t) => !t.includes('"revenueShare"'))).toBe(true);
    expect(docs.every((d) => (d.periods as string[]).length >= 1 && (d.periods as string[]).length <= 8)).toBe(true);
  });
});
