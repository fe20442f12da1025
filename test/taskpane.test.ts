/** The task pane's pure parts: the built-in example evaluates, and sheet names never collide. */
import { EXAMPLE_SCENARIO, SHEET_NAME, summarize, uniqueSheetName } from "../src/taskpane/taskpane";

test("the built-in example is valid and yields one row per period", () => {
  const summary = summarize();
  if (!summary.ok) throw new Error(summary.problems.join("\n"));
  expect(summary.rows.map((r) => r[0])).toEqual(EXAMPLE_SCENARIO.periods);
  for (const [, shipped, revenueBn, usShareBn] of summary.rows) {
    expect(shipped).toBeGreaterThan(0);
    expect(revenueBn).toBeCloseTo((shipped * EXAMPLE_SCENARIO.market.h200Price) / 1e9, 9);
    expect(usShareBn).toBeCloseTo(revenueBn * EXAMPLE_SCENARIO.us.revenueShare, 9);
  }
});

test("an invalid scenario comes back as located problems, not an exception", () => {
  const summary = summarize({ ...EXAMPLE_SCENARIO, periods: ["2027"] });
  expect(summary.ok).toBe(false);
  if (!summary.ok) expect(summary.problems.some((p) => p.startsWith("periods[0]"))).toBe(true);
});

test("uniqueSheetName never reuses an existing name (case-insensitively)", () => {
  expect(uniqueSheetName(["Sheet1"])).toBe(SHEET_NAME);
  expect(uniqueSheetName(["chokepoint SUMMARY"])).toBe(`${SHEET_NAME} (2)`);
  expect(uniqueSheetName([SHEET_NAME, `${SHEET_NAME} (2)`, "Sheet1"])).toBe(`${SHEET_NAME} (3)`);
});
