import fc from "fast-check";
import fs from "fs";
import path from "path";
import { CORES } from "../../src/engine";
import { H200_ALLOWED, US_REVENUE_SHARE } from "../../src/functions/functions";
import { FakeCustomFunctionsError, installCustomFunctions, single } from "../support/customFunctions";
import { declaredFunctions } from "../support/jsdoc";
import { lawRuns } from "../support/lawRuns";

beforeAll(installCustomFunctions);

describe("CHIPS.H200_ALLOWED (docs/model.md)", () => {
  test.each([
    ["units basis by default: domestic x ratio", [120000, 1], 120000],
    ["units basis, ratio 0.5", [120000, 0.5, "units"], 60000],
    ["basis is read without regard to case and spaces", [100, 2, " Units "], 200],
    ["dollars basis with a dollar value: value x ratio / h200Price", [2.7e9, 0.5, "dollars", 27000], 50000],
    ["dollars basis with domesticPrice: domestic counts chips", [1000, 1, "dollars", 27000, 13500], 500],
    ["units basis ignores prices", [10, 3, "units", 27000, 13500], 30],
    ["numeric text is read as a number (like =A1*2)", ["100", "2"], 200],
    ["a blank domestic is 0 (Excel's blank-as-zero)", [null, 2], 0],
    ["a blank basis is units", [100, 2, null], 200],
    ["an empty-text basis is units", [100, 2, ""], 200],
    ["a zero ratio allows nothing", [100, 0], 0],
  ])("%s", (_label, args, expected) => {
    expect(single(H200_ALLOWED, ...args)).toBeCloseTo(expected as number, 9);
  });

  test.each([
    ["text where a number belongs", ["lots", 1], "#VALUE!", /^domestic: expected a number/],
    ["a boolean", [100, true], "#VALUE!", /^ratio: expected a number .*got TRUE/],
    ["a negative holding", [-1, 1], "#NUM!", /^domestic: must be at least 0/],
    ["a negative ratio", [1, -1], "#NUM!", /^ratio: must be at least 0/],
    ["NaN", [NaN, 1], "#NUM!", /^domestic: expected a finite number/],
    ["Infinity", [1, Infinity], "#NUM!", /^ratio: expected a finite number/],
    ["an unknown basis word", [1, 1, "dollar"], "#VALUE!", /^basis: must be "units" or "dollars", got "dollar"/],
    ["basis none has no cap", [1, 1, "none"], "#VALUE!", /^basis: basis "none" has no cap/],
    ["dollars basis without h200Price", [1e6, 1, "dollars"], "#VALUE!", /^h200Price: required on the "dollars" basis/],
    ["a zero h200Price", [1e6, 1, "dollars", 0], "#NUM!", /^h200Price: must be greater than 0/],
    ["a basis that is a number", [1, 1, 5], "#VALUE!", /^basis: expected text/],
    ["an absurd magnitude", [1e200, 1e200], "#NUM!", /^domestic: must be at most 1e\+15 \(a sanity bound/],
  ])("%s → %s with a message", (_label, args, code, message) => {
    const r = single(H200_ALLOWED, ...args);
    expect(r).toMatchObject({ code });
    expect((r as { message: string }).message).toMatch(message);
  });

  test("several problems are named together", () => {
    const r = single(H200_ALLOWED, "x", true);
    expect((r as { message: string }).message).toBe(
      'domestic: expected a number (domestic chips, or their USD value), got "x"; ratio: expected a number (H200 per domestic chip or dollar), got TRUE',
    );
    const r2 = single(H200_ALLOWED, -1, -2);
    expect((r2 as { message: string }).message).toBe("domestic: must be at least 0, got -1; ratio: must be at least 0, got -2");
  });

  test("an error value passed in is propagated unchanged", () => {
    const na = new FakeCustomFunctionsError("#N/A", "from a lookup");
    expect(H200_ALLOWED([[na]], [[1]])[0][0]).toBe(na);
  });
});

describe("CHIPS.US_REVENUE_SHARE (docs/model.md)", () => {
  test.each([
    ["25% by default", [4e9], 1e9],
    ["an explicit rate", [4e9, 0.15], 6e8],
    ["a blank rate is the default", [4e9, null], 1e9],
    ["a zero rate", [4e9, 0], 0],
    ["blank sales are 0", [null], 0],
  ])("%s", (_label, args, expected) => {
    expect(single(US_REVENUE_SHARE, ...args)).toBe(expected);
  });

  test.each([
    ["a rate above 1 (25 instead of 0.25)", [1e9, 25], "#NUM!", /^rate: must be a fraction between 0 and 1/],
    ["negative sales", [-1, 0.25], "#NUM!", /^sales: must be at least 0/],
    ["text sales", ["3 bananas"], "#VALUE!", /^sales: expected a number .*got "3 bananas"; write e\.g\. 27000, 27k/],
    ["a boolean rate", [1, false], "#VALUE!", /^rate: expected a number .*got FALSE/],
  ])("%s → %s with a message", (_label, args, code, message) => {
    const r = single(US_REVENUE_SHARE, ...args);
    expect(r).toMatchObject({ code });
    expect((r as { message: string }).message).toMatch(message);
  });
});

describe("laws over every kind of value Excel can pass", () => {
  const excelValue = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constant(null),
    fc.constant(undefined),
    fc.string(),
    fc.boolean(),
    fc.constantFrom("units", "dollars", "UNITS", "none", "", " 5 "),
    fc.constantFrom(...["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"].map((c) => new FakeCustomFunctionsError(c, "upstream"))),
  );
  const isExcelOutcome = (r: unknown) => (typeof r === "number" && Number.isFinite(r)) || (typeof r === "object" && r !== null && String((r as { code: string }).code).startsWith("#"));

  test("H200_ALLOWED returns a finite number or an Excel error, never throws anything else", () => {
    fc.assert(
      fc.property(fc.array(excelValue, { minLength: 2, maxLength: 5 }), (args) => {
        expect(isExcelOutcome(single(H200_ALLOWED, ...args))).toBe(true);
      }),
      lawRuns(20), // each case is one cheap call
    );
  });

  test("US_REVENUE_SHARE returns a finite number or an Excel error, never throws anything else", () => {
    fc.assert(
      fc.property(fc.array(excelValue, { minLength: 1, maxLength: 2 }), (args) => {
        expect(isExcelOutcome(single(US_REVENUE_SHARE, ...args))).toBe(true);
      }),
      lawRuns(20), // each case is one cheap call
    );
  });

  test("US_REVENUE_SHARE is linear in sales: share(a) + share(b) = share(a + b)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, r) => {
        const share = (x: number) => single(US_REVENUE_SHARE, x, r) as number;
        const sum = share(a) + share(b);
        expect(Math.abs(sum - share(a + b))).toBeLessThanOrEqual(1e-9 * Math.max(1, sum));
      }),
    );
  });
});

describe("the step functions' help (the formula bar's text, from the JSDoc)", () => {
  const declared = new Map(declaredFunctions().map((f) => [f.id, f]));
  const docOf = (id: string) => {
    const source = fs.readFileSync(path.join(__dirname, "../../src/functions/functions.ts"), "utf8");
    return new RegExp(`/\\*\\*([\\s\\S]*?)@customfunction ${id}\\b`).exec(source)?.[1] ?? "";
  };

  test("every function over a core declares the core's parameters, in order, each described", () => {
    for (const [id, core] of Object.entries(CORES)) {
      const f = declared.get(id);
      expect({ id, params: f?.params.map((p) => p.name) }).toEqual({ id, params: core.params.map((p) => p.name) });
      for (const p of f?.params ?? []) expect({ id, param: p.name, described: p.description.length > 10 }).toEqual({ id, param: p.name, described: true });
    }
  });

  test.each(["US_LICENSE", "ORDERS", "DOMESTIC_RATIO", "SUPPLY_LIMIT"])("%s points to the model's account in docs/model.md", (id) => {
    expect(docOf(id)).toContain("Model: docs/model.md.");
  });

  test("each scope is explained in one line: a blank shippedBefore holds per period, a number makes the limit cumulative", () => {
    for (const id of ["DOMESTIC_RATIO", "SUPPLY_LIMIT"]) {
      const help = declared.get(id)?.params.find((p) => p.name === "shippedBefore")?.description ?? "";
      expect(help).toMatch(/^Blank: the cap holds in this period alone\. A number: the cap is cumulative/);
    }
    expect(declared.get("US_LICENSE")?.params.find((p) => p.name === "licensedUnits")?.description).toContain("over all periods together");
  });

  test("H200_ALLOWED and US_REVENUE_SHARE keep their signatures", () => {
    expect(declared.get("H200_ALLOWED")?.params.map((p) => `${p.optional ? "[" : ""}${p.name}`)).toEqual(["domestic", "ratio", "[basis", "[h200Price", "[domesticPrice"]);
    expect(declared.get("US_REVENUE_SHARE")?.params.map((p) => `${p.optional ? "[" : ""}${p.name}`)).toEqual(["sales", "[rate"]);
  });
});
