/**
 * The investor note in Markdown: headline first, exhibits early and short, nothing of the tool
 * in its prose, every exhibit number through the one formatter, sources once each, and the
 * probability-weighted view when (and only when) probabilities are given.
 */
import { FORMATS, Report, buildReport, display, fiscalYear, sumOver } from "../../../src/report";
import { APPENDIX_HEADING, reportMarkdown } from "../../../src/report/render/markdown";
import { builtInInputs } from "../support/builtIns";
import { exampleInputs } from "../support/examples";
import { exhibitRows, markdownTables } from "./noteReaders";

const builtIns = builtInInputs();
const NOTES: [string, () => Report][] = [
  ["built-in scenarios", () => buildReport(builtIns)],
  ["examples", () => buildReport(exampleInputs())],
];

/** What an analyst's note must not contain: the tool's libraries and internals, paths, field paths, code formatting. */
const FORBIDDEN: [string, RegExp][] = [
  ["a library or tool name", /\b(exceljs|resvg|hyperformula|mathjs|libreoffice|typescript|node\.js|npm|sfc32|webpack|docx package)\b/i],
  ["the tool's internals", /\b(allocation-free|generator:|evaluation: fast|cell mode|calculation block)/i],
  ["the domain contract's file", /MODEL\.md/],
  ["a file path", /(^|[\s(])(\.{0,2}\/)?[\w-]+\/[\w./-]+\.(json|ya?ml|ts|js|md)\b|\/work\/|\bsrc\/|examples\//],
  ["a raw field path", /\b(us|china|market|totals|uncertainty)\.[a-z][A-Za-z]*|\bbuyers\[\d+\]|x-sources|\[(fact|event) /],
  ["code formatting", /`/],
];

describe.each(NOTES)("the note on the %s", (_label, make) => {
  const report = make();
  const md = reportMarkdown(report);
  const lines = md.split("\n");
  const prose = lines.filter((l) => !l.startsWith("![")); // image links name the chart files beside the note

  test("the first exhibit starts within the first 40 lines, and the body before the appendix is at most 150 lines", () => {
    expect(lines.findIndex((l) => l.startsWith("## Exhibit 1:"))).toBeLessThan(40);
    const appendix = lines.indexOf(APPENDIX_HEADING);
    expect(appendix).toBeGreaterThan(0);
    expect(appendix).toBeLessThanOrEqual(150);
  });

  test.each(FORBIDDEN)("contains no %s", (_what, pattern) => {
    const found = prose.filter((l) => pattern.test(l));
    expect(found.slice(0, 3)).toEqual([]);
  });

  test("the headline is 3 to 6 sentences and opens the note", () => {
    const { headline } = report.note!;
    expect(headline.length).toBeGreaterThanOrEqual(3);
    expect(headline.length).toBeLessThanOrEqual(6);
    expect(lines[2]).toBe(headline.join(" "));
  });

  test("every exhibit table shows its numbers through the one formatter", () => {
    const read = markdownTables(md);
    const want = exhibitRows(report.note!);
    expect(want.length).toBeGreaterThanOrEqual(2);
    for (const { exhibit, rows } of want) expect({ exhibit, rows: read.get(exhibit) }).toEqual({ exhibit, rows });
  });

  test("sources are footnotes, each defined once and each used", () => {
    const refs = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => Number(m[1])));
    const defs = [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)];
    expect(defs.map((m) => Number(m[1]))).toEqual([...refs].sort((a, b) => a - b));
    expect(new Set(defs.map((m) => m[2])).size).toBe(defs.length);
  });

  test("every chart an exhibit names is in the report", () => {
    for (const e of report.note!.exhibits) if (e.chart) expect(report.charts.map((c) => c.id)).toContain(e.chart);
    expect(md).toContain("![Nvidia China revenue by quarter, per scenario](chokepoint-china-revenue.svg)");
  });
});

describe("the headline on the built-in scenarios", () => {
  const report = buildReport(builtIns);
  const note = report.note!;
  const fy = fiscalYear(builtIns.flatMap((s) => s.scenario.periods));
  const totals = builtIns.map((s) => sumOver(s.evaluation, fy.periods, (t) => t.chinaRevenue) as number);

  test("gives the range across scenarios against the last reported quarter, in the tables' own figures", () => {
    const low = display(Math.min(...totals), FORMATS.usdBillions);
    const high = display(Math.max(...totals), FORMATS.usdBillions);
    expect(note.headline[0]).toContain(`from ${low}`);
    expect(note.headline[0]).toContain(`to ${high}`);
    expect(note.headline[0]).toContain("against $2.8bn reported for FY2026Q3");
    const exhibit1 = exhibitRows(note)[0].rows.map((r) => r[r.length - 1]);
    expect(exhibit1).toEqual(expect.arrayContaining([low, high]));
  });

  test("says what binds, what moves it most, the percentiles the scenario asks for, and that nothing is weighted", () => {
    const text = note.headline.join(" ");
    expect(text).toMatch(/What binds most often is supply \(\d of 6 scenarios\)/);
    expect(text).toMatch(/the input that moves China revenue most is share of requested volume Beijing approves/);
    expect(text).toMatch(/P5 \$[\d.]+bn, P50 \$[\d.]+bn, P95 \$[\d.]+bn/); // the built-in asks for P5 and P95
    expect(text).toContain("No scenario probabilities were given");
    expect(note.exhibits[0].table!.columns).not.toContain("Probability");
  });
});

describe("the probability-weighted view", () => {
  const weights = Object.fromEntries(builtIns.map((s, i) => [s.scenario.name, i === 0 ? 0.5 : 0.1]));
  const note = buildReport(builtIns, { weights }).note!;
  const fy = fiscalYear(builtIns.flatMap((s) => s.scenario.periods));
  const expected = builtIns.reduce((a, s) => a + weights[s.scenario.name] * (sumOver(s.evaluation, fy.periods, (t) => t.chinaRevenue) as number), 0);

  test("Exhibit 1 adds each probability and a weighted row; the headline gives the weighted figure", () => {
    const t = note.exhibits[0].table!;
    expect(t.columns[1]).toBe("Probability");
    const last = t.rows[t.rows.length - 1];
    expect(last[0].value).toBe("Probability-weighted");
    expect(last[last.length - 1].value).toBeCloseTo(expected, 0);
    expect(note.headline.join(" ")).toContain(`${fy.label.replace("FY", "fiscal ")} China revenue is ${display(expected, FORMATS.usdBillions)}`);
    expect(note.exhibits[0].notes.flat().join("")).toMatch(/weighted scenarios range from \$[\d.]+bn to \$[\d.]+bn/);
  });
});
