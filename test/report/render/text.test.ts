/** Markdown and CSV specifics the contract suite does not show: footnotes, escaping, formula guards. */
import { buildReport } from "../../../src/report";
import { field, sheetCsv } from "../../../src/report/render/csv";
import { escape, reportMarkdown } from "../../../src/report/render/markdown";
import { exampleInputs } from "../support/examples";

const report = buildReport(exampleInputs());

describe("Markdown", () => {
  const md = reportMarkdown(report);

  test("a section per sheet, a heading per table, charts embedded", () => {
    expect(md.match(/^## .*/gm)).toEqual(["## Assumptions", "## Base", "## Dollar cap", "## Multi-quarter", "## US volume cap", "## Comparison", "## Sources", "## Charts"]);
    expect(md).toContain("![Nvidia China revenue by quarter, per scenario](chokepoint-china-revenue.svg)");
  });

  test("sources are footnotes, one per distinct text, all defined", () => {
    const refs = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)];
    expect(defs.map((m) => m[1])).toEqual([...refs].sort((a, b) => Number(a) - Number(b)));
    expect(new Set(defs.map((m) => m[2])).size).toBe(defs.length);
    expect(defs.map((m) => m[2])).toContain("Truth Social, 8 Dec 2025 \\[H\\]".replace(/\\/g, ""));
  });

  test("numbers appear as the workbook formats them; totals in bold; numeric columns right-aligned", () => {
    expect(md).toContain("| ByteDance | 130,000 | 130,000 | 78,000 | 78,000 | 78,000 | 19,500 | supply | $0.5bn | $0.1bn | $0.4bn | 117,000 |");
    expect(md).toContain("| **Total** | **500,000** |");
    expect(md).toContain("| Change vs baseline | +57.9% |");
    expect(md).toContain("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
  });

  test("escape keeps text in its cell and out of markup, and leaves [M] readable", () => {
    expect(escape("a | b *c* `d` <e> _f_ [^1] [M] x](y) snake_case")).toBe("a \\| b \\*c\\* \\`d\\` \\<e\\> \\_f\\_ \\[^1] [M] x\\](y) snake_case");
  });
});

describe("CSV", () => {
  test("one file per sheet, raw numbers at full precision, blocks separated by blank lines", () => {
    const csv = sheetCsv(report.sheets[1]);
    expect(csv.split("\r\n")[0]).toBe("Scenario: Base");
    expect(csv).toContain("\r\nByteDance,130000,130000,78000,78000,78000,19500,supply,526500000,131625000,394875000,117000\r\n");
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
