/** The pane's paste box without a browser: any text gives a document the pane can evaluate, or a bounded notice. */
import fc from "fast-check";
import { MAX_LINE_LENGTH, formatProblem } from "../../src/engine";
import { fieldFor } from "../../src/taskpane/form";
import { MAX_NOTICE_LINES, noticeLines } from "../../src/taskpane/notice";
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
        return expectBoundedNotice(pasted.lines);
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
  test("JSON or YAML, read the way the CLI reads standard input", () => {
    expect(readPastedText('{"name": "A"}', "pasted text")).toEqual({ ok: true, doc: { name: "A" } });
    expect(readPastedText("name: A\n", "pasted text")).toEqual({ ok: true, doc: { name: "A" } });
  });
  test("broken text: the parser's first line, in a notice titled by the source", () => {
    const r = readPastedText('{"name": ', "f.json");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.title).toBe("Could not read the f.json:");
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(/^the file is not valid JSON: /);
    }
  });
  test("YAML nested thousands deep: plain words", () => {
    const r = readPastedText(`a:\n  ${"[".repeat(5000)}${"]".repeat(5000)}\n`, "pasted text");
    expect(r).toEqual({ ok: false, title: "Could not read the pasted text:", lines: ["the file is nested more than 64 levels deep at line 2; a scenario needs only a few levels"] });
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
  ])("%s → %s", (path, field) => expect(fieldFor(path, fields)).toBe(field));
});
