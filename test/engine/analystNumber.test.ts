import fc from "fast-check";
import { analystNumberHint, plainNumber, readAnalystNumber } from "../../src/engine/analystNumber";
import { lawRuns } from "../support/lawRuns";

describe("readAnalystNumber", () => {
  it.each([
    ["27k", 27000],
    ["27,000", 27000],
    ["$27,000", 27000],
    ["1.5bn", 1.5e9],
    ["60%", 0.6],
    ["0.1k", 100],
    ["-$1.2m", -1.2e6],
    ["$-1.2M", -1.2e6],
    ["  130,000 ", 130000],
    ["2 bn", 2e9],
    ["3e9", 3e9],
    ["1,234,567.5", 1234567.5],
    ["-0", 0],
  ])("reads %j as %p", (text, value) => {
    expect(readAnalystNumber(text)?.value).toBe(value);
  });

  it.each(["", "banana", "1,30,000", "12,34", "$", "k", "--5", "-$-5", "1e999", "Infinity", "0x10", "5kk", "1,000,00"])("rejects %j", (text) => {
    expect(readAnalystNumber(text)).toBeUndefined();
  });

  it("law: a plain number's text reads as that number, not lenient", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const read = readAnalystNumber(String(v));
        expect(read).toEqual({ value: Object.is(v, -0) ? 0 : v, lenient: false });
      }),
      lawRuns(10),
    );
  });

  it("law: thousands separators and a k suffix never change the value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(readAnalystNumber(n.toLocaleString("en-US"))?.value).toBe(n);
        expect(readAnalystNumber(`${n}k`)?.value).toBe(n * 1000);
      }),
      lawRuns(10),
    );
  });
});

describe("analystNumberHint", () => {
  it("names the plain number to write", () => {
    expect(analystNumberHint("130,000")).toBe('"130,000" looks like a number with a thousands separator: write 130000');
    expect(analystNumberHint("25%")).toBe('"25%" is a percentage: write 0.25');
    expect(analystNumberHint("$27,000")).toBe('"$27,000" looks like a number with a thousands separator: write 27000');
    expect(analystNumberHint("$27")).toBe('"$27" has a currency sign: write 27');
    expect(analystNumberHint("1.5bn")).toBe('"1.5bn" is a scaled number: write 1500000000');
  });
  it("says nothing for a plain number or for text that is not a number", () => {
    expect(analystNumberHint("27000")).toBeUndefined();
    expect(analystNumberHint("banana")).toBeUndefined();
  });
  it("writes big integers in full", () => {
    expect(plainNumber(3e9)).toBe("3000000000");
  });
});
