/** Markdown escaping and CSV specifics the contract suite does not show: formula guards, quoting. (The note's Markdown: note.test.ts.) */
import { buildReport } from "../../../src/report";
import { field, sheetCsv } from "../../../src/report/render/csv";
import { escape } from "../../../src/report/render/markdown";
import { exampleInputs } from "../support/examples";

const report = buildReport(exampleInputs());

describe("Markdown", () => {
  test("escape keeps text in its cell and out of markup, and leaves [M] readable", () => {
    expect(escape("a | b *c* `d` <e> _f_ [^1] [M] x](y) snake_case")).toBe("a \\| b \\*c\\* \\`d\\` \\<e\\> \\_f\\_ \\[^1] [M] x\\](y) snake_case");
  });
});

describe("CSV", () => {
  test("one file per sheet, raw numbers at full precision, blocks separated by blank lines", () => {
    const csv = sheetCsv(report.sheets[2]); // after Summary and Assumptions
    expect(csv.split("\r\n")[0]).toBe("Scenario: Base");
    // Model v2: the orders step (78000) and the largest cut (supply) beside the binding step.
    expect(csv).toContain("\r\nByteDance,130000,130000,78000,78000,78000,78000,19500,supply,supply,526500000,131625000,394875000,117000\r\n");
    expect(csv).toContain("\r\n\r\nSummary by period\r\nPeriod,Requested,");
  });

  test("fields are quoted per RFC 4180, and text a spreadsheet would run as a formula is defused", () => {
    expect(field('say "hi", then')).toBe('"say ""hi"", then"');
    expect(field("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(field("-Others")).toBe("'-Others");
    expect(field(-5)).toBe("-5");
    expect(field(true)).toBe("TRUE");
    expect(field(null)).toBe("");
  });
});
