import fc from "fast-check";
import { Distribution, FIELDS, Scenario, UncertaintySpec, evaluateInto, evaluateScenario, frameEvaluator, frameLayout, frameOf, pathOf, resolveInput, simulate, validateScenario, workingCopy } from "../../../src/engine";
import { lawRuns } from "../../support/lawRuns";
import { READS_TOTALS, evaluateFlat } from "../../../src/engine/uncertainty/frame";
import { flatten } from "../../../src/engine/uncertainty/flat";

const periods = ["FY2027Q1", "FY2027Q2", "FY2027Q3"];
const count = fc.double({ min: 0, max: 1e6, noNaN: true });
const frac = fc.double({ min: 0, max: 1, noNaN: true });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

/** A field of a version-2 scenario: one value, or one per period (with the odd null = the default where allowed). */
const timeline = <T>(a: fc.Arbitrary<T>, nullable = false) => fc.oneof(a, fc.array(nullable ? fc.oneof(a, fc.constant(null)) : a, { minLength: 3, maxLength: 3 }));
const scope = timeline(fc.constantFrom("period", "cumulative"));

const scenarioDoc = fc.record({
  name: fc.constant("P"),
  periods: fc.constant(periods),
  us: fc.record({
    exportsAllowed: timeline(fc.boolean()),
    approvedCustomersOnly: timeline(fc.boolean()),
    revenueShare: timeline(frac),
    chinaCapOfUsVolume: timeline(maybe(fc.double({ min: 0, max: 3, noNaN: true }))),
    usShipments: fc.array(count, { minLength: 3, maxLength: 3 }),
    chinaCapScope: scope,
  }),
  china: fc.record({
    access: timeline(fc.constantFrom("open", "approval", "blocked")),
    approvalRate: timeline(frac),
    orderRate: timeline(frac, true),
    cap: fc.record({ basis: timeline(fc.constantFrom("none", "units", "dollars")), ratio: timeline(fc.double({ min: 0, max: 5, noNaN: true })), scope }),
    publicSectorBan: timeline(fc.boolean()),
  }),
  market: fc.record({
    h200Price: timeline(fc.double({ min: 1, max: 1e5, noNaN: true })),
    domesticPrice: timeline(fc.double({ min: 1, max: 1e5, noNaN: true })),
    supply: timeline(count),
    h20Multiple: timeline(fc.double({ min: 0, max: 10, noNaN: true })),
    baselineChinaRevenue: timeline(fc.double({ min: 0, max: 1e10, noNaN: true })),
    usShareTreatment: fc.constantFrom("cost", "contra-revenue"),
  }),
  buyers: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom("A", "B", "C", "D", "E"),
      requested: timeline(count),
      domesticUnits: timeline(count),
      domesticValue: timeline(maybe(fc.double({ min: 0, max: 1e10, noNaN: true }))),
      publicSectorShare: timeline(frac),
      usApproved: timeline(fc.boolean()),
      licensedUnits: timeline(maybe(fc.double({ min: 0, max: 2e6, noNaN: true }))),
      approvalRate: timeline(maybe(frac)),
      orderRate: timeline(maybe(frac)),
    }),
    { minLength: 1, maxLength: 5, selector: (b) => b.name },
  ),
});

test("the fast loop equals evaluateScenario, bit for bit, for random version-2 scenarios (per-period policy, licences, order rates, both scopes); with a reads mask, on every total it reads", () => {
  fc.assert(
    fc.property(scenarioDoc, fc.integer({ min: 1, max: READS_TOTALS }), (doc, reads) => {
      const v = validateScenario(doc);
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const e = evaluateScenario(v.value);
      if (!e.ok) throw new Error("evaluation failed");
      const size = frameLayout(v.value).size;
      const fast = new Float64Array(size);
      const totalsOnly = new Float64Array(size);
      const general = new Float64Array(size);
      evaluateInto(v.value, fast);
      evaluateInto(v.value, totalsOnly, false);
      frameOf(e.value, general);
      expect(Array.from(fast)).toEqual(Array.from(general));
      const { periodSize } = frameLayout(v.value);
      for (let t = 0; t < periods.length; t++) for (let k = 0; k < 8; k++) expect(totalsOnly[t * periodSize + k]).toBe(general[t * periodSize + k]);
      const some = new Float64Array(size);
      evaluateFlat(flatten(v.value), some, reads);
      for (let t = 0; t < periods.length; t++) for (let k = 0; k < 8; k++) if (reads & (1 << k)) expect(some[t * periodSize + k]).toBe(general[t * periodSize + k]);
    }),
    lawRuns(3),
  );
});

/** Every input path a scenario offers: each per-period field whole and each period's element, for the policy and every buyer. */
function inputChoices(s: Scenario): { path: string; distribution: Distribution }[] {
  const out: { path: string; distribution: Distribution }[] = [];
  const rows = FIELDS.filter((f) => f.kind !== "text");
  for (const row of rows) {
    const heads = row.group === "buyer" ? s.buyers.map((_, b) => `buyers[${b}].${row.key}`) : [pathOf(row)];
    for (const head of heads) {
      for (const path of [head, ...(row.perPeriod ? s.periods.map((_, t) => `${head}[${t}]`) : [])]) {
        const slot = resolveInput(s, path);
        if (typeof slot === "string") continue;
        const k = slot.input;
        const distribution: Distribution =
          k.kind === "boolean"
            ? { dist: "bernoulli", p: 0.5 }
            : k.kind === "enum"
              ? { dist: "choice", values: k.values }
              : { dist: "uniform", min: k.bounds.lo + (k.bounds.loOpen ? 1 : 0), max: Math.min(k.bounds.hi, k.bounds.lo + (k.bounds.hi === 1 ? 1 : 2e5)) };
        out.push({ path, distribution });
      }
    }
  }
  return out;
}

test("law: a Monte Carlo run through the fast loop's flat setters equals the general evaluator's, bit for bit, whatever inputs vary", () => {
  fc.assert(
    fc.property(scenarioDoc, fc.nat(), fc.integer({ min: 1, max: 4 }), (doc, pick, count) => {
      const v = validateScenario(doc);
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const choices = inputChoices(v.value);
      const inputs = Array.from({ length: count }, (_, i) => choices[(pick + i * 7919) % choices.length]).filter((c, i, a) => a.findIndex((d) => d.path === c.path) === i);
      const spec: UncertaintySpec = { iterations: 40, seed: pick, inputs, outputs: ["totals.chinaRevenue", "totals.shipped[0]", "buyers[0].shipped"], percentiles: [50], bins: 4 };
      const fast = simulate(v.value, spec);
      const general = simulate(v.value, spec, { mode: "general" });
      expect(fast.ok).toBe(general.ok);
      if (!fast.ok || !general.ok) return;
      expect(fast.value.mode).toBe("fast");
      for (const o of spec.outputs) expect(Array.from(fast.value.samples[o])).toEqual(Array.from(general.value.samples[o]));
    }),
    lawRuns(2),
  );
});

test("a working copy written by flat setters is the evaluator's: run after another copy, it is refused rather than read stale", () => {
  const v = validateScenario({ name: "P", periods, market: { h200Price: 27000, supply: 1e5 }, buyers: [{ name: "A", requested: 1000, domesticUnits: 10 }] });
  if (!v.ok) throw new Error("invalid");
  const evaluator = frameEvaluator(v.value);
  if (!("run" in evaluator)) throw new Error("no evaluator");
  const work = workingCopy(v.value);
  const slot = resolveInput(v.value, "market.h200Price");
  if (typeof slot === "string") throw new Error(slot);
  const [setPrice] = evaluator.setters([slot], work);
  setPrice(30000);
  evaluator.run(work);
  expect(evaluator.frame[2]).toBe(1000 * 30000); // revenue, first period: the setter's price
  evaluator.run(workingCopy(v.value));
  expect(() => evaluator.run(work)).toThrow(/cannot be re-read/);
});
