import { coerceArg } from "../../src/functions/coerce";
import { US_REVENUE_SHARE } from "../../src/functions/functions";
import { single } from "../support/customFunctions";

const number = { name: "price", kind: "number" as const, what: "USD per H200" };

describe("number arguments given as text read the way analysts type them", () => {
  test.each([
    ["27k", 27000],
    ["27,000", 27000],
    ["$27,000", 27000],
    ["1.5bn", 1.5e9],
    ["60%", 0.6],
    [" 5 ", 5],
    ["3e9", 3e9],
  ])("%j is %p", (text, value) => {
    expect(coerceArg(text, number)).toEqual({ value });
  });

  test("blank text is a blank argument", () => {
    expect(coerceArg("  ", number)).toEqual({ value: null });
  });

  test.each(["banana", "1,30,000", "5kk", "Infinity"])("%j is a type problem naming the forms that work", (text) => {
    const r = coerceArg(text, number);
    expect(r.problem).toMatchObject({ code: "type", path: "price" });
    if (/\d/.test(text)) expect(r.problem?.message).toMatch(/write e\.g\. 27000, 27k, \$27,000, 1\.5bn or 60%$/);
    expect(r.problem?.message).not.toMatch(/not text such as/);
  });

  test("a function reads them too: US_REVENUE_SHARE(\"3bn\", \"15%\")", () => {
    expect(single(US_REVENUE_SHARE, "3bn", "15%")).toBeCloseTo(4.5e8, 3);
  });
});
