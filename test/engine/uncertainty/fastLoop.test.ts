import fc from "fast-check";
import { evaluateInto, evaluateScenario, frameLayout, frameOf, validateScenario } from "../../../src/engine";
import { lawRuns } from "../../support/lawRuns";

const periods = ["FY2027Q1", "FY2027Q2", "FY2027Q3"];
const count = fc.double({ min: 0, max: 1e6, noNaN: true });
const frac = fc.double({ min: 0, max: 1, noNaN: true });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const scenarioDoc = fc.record({
  name: fc.constant("P"),
  periods: fc.constant(periods),
  us: fc.record({
    exportsAllowed: fc.boolean(),
    approvedCustomersOnly: fc.boolean(),
    revenueShare: frac,
    chinaCapOfUsVolume: maybe(fc.double({ min: 0, max: 3, noNaN: true })),
    usShipments: fc.array(count, { minLength: 3, maxLength: 3 }),
  }),
  china: fc.record({
    access: fc.constantFrom("open", "approval", "blocked"),
    approvalRate: frac,
    cap: fc.record({ basis: fc.constantFrom("none", "units", "dollars"), ratio: fc.double({ min: 0, max: 5, noNaN: true }) }),
    publicSectorBan: fc.boolean(),
  }),
  market: fc.record({
    h200Price: fc.double({ min: 1, max: 1e5, noNaN: true }),
    domesticPrice: fc.double({ min: 1, max: 1e5, noNaN: true }),
    supply: fc.array(count, { minLength: 3, maxLength: 3 }),
    h20Multiple: fc.double({ min: 0, max: 10, noNaN: true }),
    baselineChinaRevenue: fc.array(fc.double({ min: 0, max: 1e10, noNaN: true }), { minLength: 3, maxLength: 3 }),
    usShareTreatment: fc.constantFrom("cost", "contra-revenue"),
  }),
  buyers: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom("A", "B", "C", "D", "E"),
      requested: fc.array(count, { minLength: 3, maxLength: 3 }),
      domesticUnits: count,
      domesticValue: maybe(fc.double({ min: 0, max: 1e10, noNaN: true })),
      publicSectorShare: frac,
      usApproved: fc.boolean(),
      approvalRate: maybe(frac),
    }),
    { minLength: 1, maxLength: 5, selector: (b) => b.name },
  ),
});

test("the fast loop equals evaluateScenario, bit for bit, for random scenarios", () => {
  fc.assert(
    fc.property(scenarioDoc, (doc) => {
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
    }),
    lawRuns(3),
  );
});
