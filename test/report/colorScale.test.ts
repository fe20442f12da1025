/**
 * The three-colour scale as the spreadsheet draws it: lowest value red, 50th percentile yellow,
 * highest green, linear RGB in between; text stays readable on every fill.
 */
import fc from "fast-check";
import { COLOR_SCALE, colorScaleFills, contrastRatio, mixColor, percentileInc, readableText } from "../../src/report/colorScale";
import { CellValue } from "../../src/report/model";

const channels = (c: string): number[] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const number = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const other: fc.Arbitrary<CellValue> = fc.oneof(fc.constant(null), fc.string(), fc.boolean(), fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(-Infinity));
const cells = fc.array(fc.oneof(number, other), { minLength: 1, maxLength: 40 });
const shaded = (v: CellValue): v is number => typeof v === "number" && Number.isFinite(v);

test("the colours are the spreadsheet preset Red - Yellow - Green, midpoint at the 50th percentile", () => {
  expect(COLOR_SCALE).toEqual({ minimum: "#F8696B", midpoint: "#FFEB84", maximum: "#63BE7B", midpointPercentile: 50 });
});

test("percentileInc interpolates between ranks as PERCENTILE.INC", () => {
  expect(percentileInc([3, 1, 2], 50)).toBe(2);
  expect(percentileInc([1, 2, 3, 4], 50)).toBe(2.5);
  expect(percentileInc([10, 20, 30, 40, 50], 0)).toBe(10);
  expect(percentileInc([10, 20, 30, 40, 50], 100)).toBe(50);
  expect(percentileInc([10, 20, 30, 40, 50], 90)).toBeCloseTo(46, 12);
  expect(percentileInc([], 50)).toBeNaN();
});

test("mixColor runs linearly in RGB from one colour to the other, clamped", () => {
  expect(mixColor("#F8696B", "#FFEB84", 0)).toBe("#F8696B");
  expect(mixColor("#F8696B", "#FFEB84", 1)).toBe("#FFEB84");
  expect(mixColor("#000000", "#FFFFFF", 0.25)).toBe("#404040");
  expect(mixColor("#000000", "#FFFFFF", 2)).toBe("#FFFFFF");
  expect(mixColor("#000000", "#FFFFFF", -1)).toBe("#000000");
});

test("law: the lowest value gets the minimum colour, the highest the maximum, the median the midpoint", () => {
  fc.assert(
    fc.property(fc.uniqueArray(number, { minLength: 3, maxLength: 41, comparator: "SameValueZero" }).filter((a) => a.length % 2 === 1), (values) => {
      const fills = colorScaleFills(values);
      const sorted = [...values].sort((x, y) => x - y);
      const at = (v: number) => fills[values.indexOf(v)];
      expect(at(sorted[0])).toBe(COLOR_SCALE.minimum);
      expect(at(sorted[sorted.length - 1])).toBe(COLOR_SCALE.maximum);
      expect(at(sorted[(sorted.length - 1) / 2])).toBe(COLOR_SCALE.midpoint);
    }),
  );
});

test("law: shading is monotone in the value (red to yellow below the midpoint, yellow to green above)", () => {
  fc.assert(
    fc.property(cells, (values) => {
      const fills = colorScaleFills(values);
      const numbers = values.filter(shaded);
      const mid = percentileInc(numbers, 50);
      const pairs = values.flatMap((v, i) => (shaded(v) ? [[v, channels(fills[i]!)] as const] : [])).sort((a, b) => a[0] - b[0]);
      for (let k = 1; k < pairs.length; k++) {
        const [[v1, c1], [v2, c2]] = [pairs[k - 1], pairs[k]];
        // Red -> yellow raises every channel; yellow -> green lowers every channel.
        if (v2 <= mid) c1.forEach((c, i) => expect(c).toBeLessThanOrEqual(c2[i]));
        if (v1 >= mid) c1.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(c2[i]));
      }
    }),
  );
  // Evenly spaced values below the median step evenly from red to yellow.
  expect(colorScaleFills([0, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual([
    "#F8696B",
    mixColor("#F8696B", "#FFEB84", 0.25),
    mixColor("#F8696B", "#FFEB84", 0.5),
    mixColor("#F8696B", "#FFEB84", 0.75),
    "#FFEB84",
    mixColor("#FFEB84", "#63BE7B", 0.25),
    mixColor("#FFEB84", "#63BE7B", 0.5),
    mixColor("#FFEB84", "#63BE7B", 0.75),
    "#63BE7B",
  ]);
});

test("law: values that are not finite numbers get no colour, and do not move the scale", () => {
  fc.assert(
    fc.property(cells, (values) => {
      const fills = colorScaleFills(values);
      values.forEach((v, i) => expect(fills[i] === null).toBe(!shaded(v)));
      const numbersOnly = colorScaleFills(values.filter(shaded));
      expect(fills.filter((f) => f !== null)).toEqual(numbersOnly);
    }),
  );
  expect(colorScaleFills(["a", null, true])).toEqual([null, null, null]);
  expect(colorScaleFills([])).toEqual([]);
});

test("law: equal values do not divide by zero: they all take the midpoint colour", () => {
  fc.assert(
    fc.property(number, fc.integer({ min: 1, max: 20 }), (v, n) => {
      expect(colorScaleFills(Array.from({ length: n }, () => v))).toEqual(Array.from({ length: n }, () => COLOR_SCALE.midpoint));
    }),
  );
  // A lowest value that is also the median takes the midpoint colour; the rest still shade.
  expect(colorScaleFills([1, 1, 1, 5])).toEqual([COLOR_SCALE.midpoint, COLOR_SCALE.midpoint, COLOR_SCALE.midpoint, COLOR_SCALE.maximum]);
});

test("law: text on any fill of the scale is readable (WCAG AA contrast, 4.5:1)", () => {
  fc.assert(
    fc.property(cells, (values) => {
      for (const fill of colorScaleFills(values)) if (fill) expect(contrastRatio(fill, readableText(fill))).toBeGreaterThanOrEqual(4.5);
    }),
  );
  expect(readableText("#FFFFFF")).toBe("#000000");
  expect(readableText("#1F3864")).toBe("#FFFFFF");
  expect(contrastRatio("#FFFFFF", "#FFFFFF")).toBe(1);
});
