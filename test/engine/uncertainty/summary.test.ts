import fc from "fast-check";
import { percentileOfSorted } from "../../../src/engine";
import { percentilesOf } from "../../../src/engine/uncertainty/summary";
import { lawRuns } from "../../support/lawRuns";

test("law: percentilesOf (selection, no sort) equals the percentile of the sorted values, ties and adjacent ranks included", () => {
  const value = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(0, 1, 2));
  fc.assert(
    fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }), (values, ps) => {
      const a = Float64Array.from(values);
      const sorted = Float64Array.from(values).sort();
      const percentiles = [...ps, 10, 50, 90];
      expect(percentilesOf(a, percentiles)).toEqual(percentiles.map((p) => percentileOfSorted(sorted, p)));
      expect(Array.from(a)).toEqual(values); // the values keep their order
    }),
    lawRuns(3),
  );
});
