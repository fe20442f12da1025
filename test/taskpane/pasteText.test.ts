/** The pane's paste box without a browser: any text gives a document the pane can evaluate, or a bounded notice. */
import { pathSegments } from "../support/pathSegments";
import fc from "fast-check";
import { MAX_LINE_LENGTH, formatProblem, problem } from "../../src/engine";
import { MAX_NOTICE_LINES, noticeItems, noticeLines, quoteSource } from "../../src/taskpane/notice";
import { fieldFor } from "../../src/taskpane/paneState";
import { readPastedText } from "../../src/taskpane/pasteText";
import { evaluateDocument } from "../../src/taskpane/reportFor";
import { hostileFile } from "../support/hostileScenarios";
import { lawRuns } from "../support/lawRuns";

/** A law runs many cases: on a shared 2-core machine it may take far longer than one test usually does. */
const LAW_TIMEOUT = 180_000;
const RUNS = lawRuns(1.5);

const expectBoundedNotice = (lines: readonly string[]) => {
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(MAX_NOTICE_LINES + 1);
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    // eslint-disable-next-line no-control-regex -- no control character may reach the reader
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
  }
};

test("law: pasted text is a scenario the pane evaluates (finite, >= 0, shipped <= requested) or a bounded notice", () => {
  const seen = { notice: 0, evaluated: 0 };
  fc.assert(
    fc.property(hostileFile, ({ text }) => {
      const pasted = readPastedText(text, "pasted text");
      if (!pasted.ok) {
        seen.notice++;
        return expectBoundedNotice(noticeItems(pasted.problems).map((i) => i.text));
      }
      const evaluated = evaluateDocument(pasted.doc);
      if (!evaluated.ok) {
        seen.notice++;
        return expectBoundedNotice(noticeLines(evaluated.problems.map(formatProblem)));
      }
      seen.evaluated++;
      for (const p of evaluated.evaluation.periods) {
        for (const b of p.buyers) {
          expect(Number.isFinite(b.shipped) && Number.isFinite(b.revenue)).toBe(true);
          expect(Math.min(b.shipped, b.revenue)).toBeGreaterThanOrEqual(0);
          expect(b.shipped).toBeLessThanOrEqual(b.steps.requested);
        }
      }
    }),
    RUNS,
  );
  // The generator reaches both outcomes, or the law would hold vacuously.
  if (RUNS.numRuns >= 50) expect(Math.min(seen.notice, seen.evaluated)).toBeGreaterThan(0);
}, LAW_TIMEOUT);

describe("fixed cases", () => {
  test("a pasted YAML list its commas split gets the separator hint on the document's problem", () => {
    const pasted = readPastedText("name: A\nperiods: [FY2027Q1, FY2027Q2]\nmarket:\n  supply: [130,000, 20]\n", "pasted text");
    if (!pasted.ok) throw new Error("not read");
    const [hinted] = pasted.hints([problem("shape", ["market", "supply"], "has 3 values but the scenario has 2 periods; give one number for every period, or a single number for all")]);
    expect(hinted.message).toMatch(/"130,000" looks like a number with a thousands separator: write 130000/);
    expect(hinted.source).toMatchObject({ line: 4 });
  });
  test("JSON or YAML, read the way the CLI reads standard input", () => {
    expect(readPastedText('{"name": "A"}', "pasted text")).toEqual({ ok: true, doc: { name: "A" }, hints: expect.any(Function) });
    expect(readPastedText("name: A\n", "pasted text")).toEqual({ ok: true, doc: { name: "A" }, hints: expect.any(Function) });
  });
  test("broken text: the parser's first line, in a notice titled by the source", () => {
    const r = readPastedText('{"name": ', "f.json");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.title).toBe("Could not read the f.json");
      expect(r.problems).toHaveLength(1);
      expect(noticeItems(r.problems)[0].text).toMatch(/^the file is not valid JSON: /);
    }
  });
  test("YAML nested thousands deep: plain words", () => {
    const r = readPastedText(`a:\n  ${"[".repeat(5000)}${"]".repeat(5000)}\n`, "pasted text");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(noticeItems(r.problems)).toEqual([{ text: "the file is nested more than 64 levels deep at line 2; a scenario needs only a few levels" }]);
  });
  test("a list is not a scenario", () => {
    expect(readPastedText("[1, 2]", "pasted text").ok).toBe(false);
  });
  test("a notice lists at most MAX_NOTICE_LINES lines and counts the rest", () => {
    const lines = noticeLines(Array.from({ length: 100 }, (_, i) => `line ${i}\nmore`));
    expect(lines).toHaveLength(MAX_NOTICE_LINES + 1);
    expect(lines[0]).toBe("line 0\\nmore");
    expect(lines[MAX_NOTICE_LINES]).toBe("…and 80 more");
  });
});

describe("a problem at a quoted key finds its field's parent", () => {
  const fields = new Set(["buyers[0].name", "market.supply"]);
  test.each([
    ['buyers[0].name["a:b"]', "buyers[0].name"],
    ['market.supply["x.y"]', "market.supply"],
    ['["a\\nb"]', undefined],
    ["buyers[0].name", "buyers[0].name"],
  ])("%s → %s", (path, field) => expect(fieldFor({ path, at: pathSegments(path) }, fields)).toBe(field));
});

describe("a problem in scenario text quotes its line with a caret under the column", () => {
  test("the caret sits under the column, after the line number", () => {
    expect(quoteSource({ line: 7, column: 5, text: "  - ByteDance" })).toEqual(["7 |   - ByteDance", "  |     ^"]);
  });
  test("a long line is cut around the column, marked with …", () => {
    const text = `${"a".repeat(100)}X${"b".repeat(100)}`;
    const [line, caret] = quoteSource({ line: 12, column: 101, text });
    expect(line.length).toBeLessThan(80);
    expect(line[caret.indexOf("^")]).toBe("X");
    expect(line).toMatch(/^12 \| …a+Xb+…$/);
  });
  test("control characters in the quoted line are escaped, and a column past the end points just after it", () => {
    const [line, caret] = quoteSource({ line: 1, column: 99, text: "a\u001bb" });
    expect(line).toBe("1 | a\\u001bb");
    expect(caret.indexOf("^")).toBe(line.length);
  });
  test("a notice item carries the quote when the problem has a source", () => {
    const items = noticeItems([
      { ...problem("syntax", "", "a"), source: { line: 2, column: 1, text: "x" } },
      problem("type", ["market", "supply"], "b"),
    ]);
    expect(items).toEqual([{ text: "a", quote: ["2 | x", "  | ^"] }, { text: "market.supply: b" }]);
  });
});
