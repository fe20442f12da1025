import fc from "fast-check";
import { percentileOfSorted } from "../../../src/engine";
import { percentilesOf, summarize } from "../../../src/engine/uncertainty/summary";
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

test("law: percentilesOf on large samples (bucket counts) equals the percentile of the sorted values, ties, clusters, outliers and infinities included", () => {
  // A sample's shape: a few tied values, a tight cluster, a wide spread, rare far outliers, maybe an infinity.
  const sample = fc.record({
    n: fc.integer({ min: 4096, max: 9000 }),
    seed: fc.integer(),
    ties: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 4 }),
    cluster: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    outlier: fc.constantFrom(0, 1e12, -1e15, Infinity, -Infinity, 5e-324),
    outlierEvery: fc.integer({ min: 0, max: 5000 }),
  });
  const ps = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 });
  fc.assert(
    fc.property(sample, ps, ({ n, seed, ties, cluster, outlier, outlierEvery }, chosen) => {
      let x = seed | 1;
      const next = () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) ^ (x + 0x6d2b79f5)) >>> 0) / 4294967296;
      const a = Float64Array.from({ length: n }, (_, i) => {
        if (outlierEvery > 0 && i % outlierEvery === 0) return outlier;
        const u = next();
        return u < 0.3 ? ties[i % ties.length] : u < 0.7 ? cluster + next() * 1e-3 : (next() - 0.5) * 1e7;
      });
      const before = Float64Array.from(a);
      const percentiles = [...chosen, 0, 10, 50, 90, 100];
      expect(percentilesOf(a, percentiles)).toEqual(percentiles.map((p) => percentileOfSorted(Float64Array.from(a).sort(), p)));
      expect(a).toEqual(before); // the values keep their order
    }),
    lawRuns(0.25), // each case sorts up to 9,000 values,
  );
});

test("law: a histogram bin holds exactly the values v with min(bins - 1, floor((v - min) / width)) equal to its index, values on and beside the bin edges included", () => {
  const sample = fc.record({
    min: fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    span: fc.oneof(fc.double({ min: 1e-300, max: 1e12, noNaN: true }), fc.constantFrom(1, 3, 0.1, 1e-320)),
    bins: fc.integer({ min: 1, max: 200 }),
    at: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -2, max: 2 }), fc.boolean()), { minLength: 1, maxLength: 200 }),
  });
  fc.assert(
    fc.property(sample, ({ min, span, bins, at }) => {
      const max = min + span;
      const width = (max - min) / bins;
      // Values on a bin edge (min + k * width) moved a few ulps either way, or anywhere in the range; the extremes once each.
      const edge = (k: number, ulps: number) => {
        const v = min + k * width;
        const step = Math.max(Number.MIN_VALUE, Math.abs(v) * Number.EPSILON);
        return Math.min(max, Math.max(min, v + ulps * step));
      };
      const values = Float64Array.from([min, max, ...at.map(([u, ulps, onEdge]) => (onEdge ? edge(Math.round(u * bins), ulps) : min + u * (max - min)))]);
      const h = summarize("x", values, [50], bins).histogram;
      const expected = new Array<number>(h.length).fill(0);
      const lo = Math.min(...values);
      const w = (Math.max(...values) - lo) / bins;
      if (h.length > 1) for (const v of values) expected[Math.min(bins - 1, Math.floor((v - lo) / w))]++;
      else expected[0] = values.length;
      expect(h.map((b) => b.count)).toEqual(expected);
    }),
    lawRuns(),
  );
});
