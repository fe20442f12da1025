/** The one number formatter: format codes derived from the display units, half-up decimal rounding. */
import fc from "fast-check";
import { DISPLAY_UNITS, DisplayUnitName, FORMATS, display, displayLengthBound, formatBare, formatNumber, roundedDigits } from "../../src/report/formats";
import { lawRuns } from "../support/lawRuns";

test("the format codes are derived from the display units", () => {
  expect(FORMATS).toEqual({
    units: "#,##0",
    usdBillions: '$#,##0.0,,,"bn"',
    usdBillions2: '$#,##0.00,,,"bn"',
    usdMillions: '$#,##0,,"m"',
    usd: "$#,##0",
    percent: "0.0%",
    change: "+0.0%;-0.0%;0.0%",
    ratio: "0.00",
  });
});

test("the cases the issue names round half-up on the decimal value, as the spreadsheet does", () => {
  expect(display(4.05e9, FORMATS.usdBillions)).toBe("$4.1bn");
  expect(display(6.85e9, FORMATS.usdBillions)).toBe("$6.9bn");
  expect(display(0.0005, FORMATS.percent)).toBe("0.1%");
  expect(display(2.5, FORMATS.units)).toBe("3");
  expect(display(-2.5, FORMATS.units)).toBe("-3");
  expect(display(1.005, FORMATS.ratio)).toBe("1.01");
  expect(formatNumber(526.5e6, "usdMillions")).toBe("$527m");
  expect(display(-0.0004, FORMATS.percent)).toBe("0.0%");
  expect(display(0, FORMATS.change)).toBe("0.0%");
  expect(display(1234567.4, FORMATS.units)).toBe("1,234,567");
});

const UNITS = Object.keys(DISPLAY_UNITS) as DisplayUnitName[];

/** A value whose decimal digits end in 5 just past the unit's last shown place (x.x5 cases). */
const halfway = (unit: DisplayUnitName) =>
  fc.tuple(fc.integer({ min: -9_999_999, max: 9_999_999 })).map(([k]) => {
    const u = DISPLAY_UNITS[unit];
    return { value: Number(`${k}5e${u.shift - u.decimals - 1}`), k };
  });

test("law: a value halfway between two shown numbers rounds away from zero", () => {
  for (const unit of UNITS) {
    fc.assert(
      fc.property(halfway(unit), ({ value, k }) => {
        const u = DISPLAY_UNITS[unit];
        const up = (Math.abs(k) + 1).toString().padStart(u.decimals + 1, "0");
        expect(roundedDigits(value, u.shift, u.decimals)).toBe(u.decimals === 0 ? up : `${up.slice(0, -u.decimals)}.${up.slice(-u.decimals)}`);
      }),
    );
  }
});

test("law: the shown number is within half a unit of its last place of the value", () => {
  fc.assert(
    fc.property(fc.constantFrom(...UNITS), fc.double({ min: -1e13, max: 1e13, noNaN: true }), (unit, value) => {
      const u = DISPLAY_UNITS[unit];
      const shown = Number(roundedDigits(value, u.shift, u.decimals)) * 10 ** u.shift;
      const half = 0.5 * 10 ** (u.shift - u.decimals);
      expect(Math.abs(shown - Math.abs(value))).toBeLessThanOrEqual(half * (1 + 1e-9) + Math.abs(value) * 1e-14);
    }),
  );
});

test("law: a number's shown text is never longer than its length bound", () => {
  const anyNumber = fc.oneof(fc.double({ noNaN: false }), fc.double({ min: -1e13, max: 1e13 }), fc.integer(), fc.constantFrom(0, -0, 9.95, 99.95e9, 999.5e6, 0.9995, -0.0004));
  fc.assert(
    fc.property(fc.constantFrom(...UNITS.map((u) => FORMATS[u]), undefined, "0.000"), anyNumber, (format, value) => {
      expect(display(value, format).length).toBeLessThanOrEqual(displayLengthBound(value, format));
    }),
    lawRuns(5),
  );
});

describe("law: the same number renders the same text on every surface", () => {
  // Imported here so the law names every surface that shows a number.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { cellText } = require("../../src/report/render/markdown") as typeof import("../../src/report/render/markdown");
  const { renderSvgChart } = require("../../src/report/render/svg") as typeof import("../../src/report/render/svg");
  const cli = require("../../src/cli/format") as typeof import("../../src/cli/format");
  const pane = require("../../src/taskpane/uncertainty/format") as typeof import("../../src/taskpane/uncertainty/format");
  const cliFigure = (require("../../src/cli/commands/uncertaintyView") as typeof import("../../src/cli/commands/uncertaintyView")).figure;
  /* eslint-enable @typescript-eslint/no-require-imports */

  /** Random values and values exactly half-way between two shown numbers of the unit. */
  const value = (unit: DisplayUnitName) => fc.oneof(fc.double({ min: -1e13, max: 1e13, noNaN: true }), halfway(unit).map((h) => h.value));

  test("money in $bn: Markdown and Word cells, SVG labels, the CLI's summary line, simulate tables and the pane", () => {
    fc.assert(
      fc.property(value("usdBillions"), (v) => {
        const text = display(v, FORMATS.usdBillions);
        expect(cellText({ value: v, format: FORMATS.usdBillions })).toBe(text.replace(/^-/, "-"));
        expect(cli.usdBillions(v)).toBe(text);
        expect(cliFigure("totals.chinaRevenue", v)).toBe(text);
        expect(pane.figure("totals.chinaRevenue", v)).toBe(text);
        expect(formatBare(v, "usdBillions")).toBe(text.replace("$", "").replace("bn", ""));
        const svg = renderSvgChart({ id: "x", kind: "bar", title: "t", xLabel: "x", yLabel: "y", yFormat: FORMATS.usdBillions, categories: ["a"], series: [{ name: "s", values: [v] }], source: "s" });
        if (v !== 0) expect(svg).toContain(`s, a: ${text}</title>`);
      }),
      lawRuns(3),
    );
  });

  test("chips, $m and changes: Markdown cells and the CLI's tables", () => {
    fc.assert(
      fc.property(value("units"), value("usdMillions"), value("change"), (u, m, c) => {
        expect(cli.units(u)).toBe(display(u, FORMATS.units));
        expect(cellText({ value: u, format: FORMATS.units })).toBe(display(u, FORMATS.units));
        expect(pane.figure("totals.shipped", u)).toBe(display(u, FORMATS.units));
        expect(cli.usdMillions(m)).toBe(display(m, FORMATS.usdMillions).replace("$", "").replace("m", ""));
        expect(cli.percentChange(1 + c, 1)).toBe(display(1 + c - 1, FORMATS.change));
      }),
      lawRuns(3),
    );
  });
});
