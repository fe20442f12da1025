/** Sheet names chosen, not cut: short names, shortening at a word, results sheets kept whole. */
import fc from "fast-check";
import { ASSUMPTIONS } from "../../src/report/assumptionsSheet";
import { COMPARISON } from "../../src/report/comparisonSheet";
import { RULES } from "../../src/report/rulesSheet";
import { SOURCES } from "../../src/report/sourcesSheet";
import { SUMMARY } from "../../src/report/summarySheet";
import { RESULT_SHEETS, SHEET_NAME_LENGTH, buildReport, scenarioSheetNames, sheetNames, shortNameClashes, shortenAtWord } from "../../src/report";
import { exampleInput } from "./support/examples";

test("a long name is shortened at a word, never mid-word", () => {
  expect(shortenAtWord("Beijing approval gate + 1-1 uniform licensing")).toBe("Beijing approval gate + 1-1");
  expect(shortenAtWord("Dollar cap")).toBe("Dollar cap");
  // One word longer than the limit is the only case cut inside a word.
  expect(shortenAtWord("x".repeat(40))).toBe("x".repeat(31));
});

test("law: a shortened name fits, is a prefix of the name and ends where a word ends", () => {
  const words = fc.array(fc.stringMatching(/^[A-Za-z0-9+&-]{1,12}$/), { minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(words, (ws) => {
      const name = ws.join(" ");
      const short = shortenAtWord(name);
      expect(short.length).toBeLessThanOrEqual(SHEET_NAME_LENGTH);
      expect(name.startsWith(short)).toBe(true);
      if (short.length < name.length && ws[0].length <= SHEET_NAME_LENGTH) expect(name[short.length] === " " || /[\s+&,;(-]/.test(name.slice(short.length, short.length + 1))).toBe(true);
    }),
  );
});

test("a scenario's shortName is its sheet name", () => {
  expect(scenarioSheetNames([{ name: "Beijing approval gate + 1-1 uniform licensing", shortName: "Beijing gate" }])).toEqual(["Beijing gate"]);
});

test("a scenario named like a results sheet gets a distinct name; the results sheet keeps its own, unsuffixed", () => {
  expect(scenarioSheetNames([{ name: "Monte Carlo" }, { name: "summary" }, { name: "Sources" }])).toEqual(["Monte Carlo scenario", "summary scenario", "Sources scenario"]);
  const base = exampleInput("base.json");
  const report = buildReport([{ ...base, scenario: { ...base.scenario, name: "Monte Carlo" } }, { ...base, scenario: { ...base.scenario, name: "Sensitivity" } }], { mode: "values" });
  const names = report.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(["Summary", "Assumptions", "Monte Carlo scenario", "Sensitivity scenario", "Comparison", "Sources"]));
  expect(names.some((n) => /\(\d+\)$/.test(n))).toBe(false);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
});

test("the results sheets' names are the ones the sheet builders use", () => {
  expect([SUMMARY, ASSUMPTIONS, COMPARISON, RULES, SOURCES]).toEqual([RESULT_SHEETS.summary, RESULT_SHEETS.assumptions, RESULT_SHEETS.comparison, RESULT_SHEETS.rules, RESULT_SHEETS.sources]);
});

test("law: sheet names are valid Excel sheet names and unique regardless of case", () => {
  fc.assert(
    fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 50 }), shortName: fc.option(fc.string({ minLength: 1, maxLength: 31 }), { nil: undefined }) }), { maxLength: 8 }), (scenarios) => {
      const names = scenarioSheetNames(scenarios);
      for (const n of names) {
        expect(n.length).toBeGreaterThan(0);
        expect(n.length).toBeLessThanOrEqual(SHEET_NAME_LENGTH);
        expect(n).not.toMatch(/[[\]:*?/\\]|^'|'$/);
      }
      const all = [...Object.values(RESULT_SHEETS), ...names].map((n) => n.toLowerCase());
      expect(new Set(all).size).toBe(all.length);
    }),
  );
});

test("sheetNames still tells repeated names apart", () => {
  expect(sheetNames(["Base", "Base", "a/b"], ["Sources"])).toEqual(["Base", "Base (2)", "a-b"]);
});

test("two scenarios with one short name: the second is named, with what to fix", () => {
  expect(shortNameClashes([{ name: "A", shortName: "X" }, { name: "B" }, { name: "C", shortName: "x" }])).toEqual([{ at: 2, message: '"x" is also the short name of "A"; give each scenario its own' }]);
  expect(shortNameClashes([{ name: "A", shortName: "X" }, { name: "B", shortName: "Y" }])).toEqual([]);
});
