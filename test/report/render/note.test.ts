/**
 * The investor note in Markdown: headline first, exhibits early and short, nothing of the tool
 * in its prose, every exhibit number through the one formatter, sources once each, and the
 * probability-weighted view when (and only when) probabilities are given.
 */
import fc from "fast-check";
import { evaluate, validateScenario } from "../../../src/engine";
import { FORMATS, Report, buildReport, display, fiscalYear, sumOver } from "../../../src/report";
import { v2Arbitrary } from "../../engine/contract/arbitrary";
import { lawRuns } from "../../support/lawRuns";
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
  const fy = fiscalYear(builtIns.map((s) => s.scenario.periods));
  const whole = builtIns.filter((_, i) => fy.complete.includes(i));
  const totals = whole.map((s) => sumOver(s.evaluation, fy.periods, (t) => t.chinaRevenue) as number);

  test("gives the range across scenarios against the last reported quarter, in the tables' own figures", () => {
    const low = display(Math.min(...totals), FORMATS.usdBillions);
    const high = display(Math.max(...totals), FORMATS.usdBillions);
    expect(note.headline[0]).toContain(`from ${low}`);
    expect(note.headline[0]).toContain(`to ${high}`);
    expect(note.headline[0]).toContain(`across ${whole.length} scenarios`);
    expect(note.headline[0]).toContain("against $7.9bn reported for FY2027Q2");
    // The built-ins share FY2028 whole; the December 2025 view models FY2027Q1-Q2 and is named as left out.
    expect(fy.label).toBe("FY2028");
    expect(note.headline[1]).toBe("December 2025 view models other quarters and is left out of that range.");
    const exhibit1 = exhibitRows(note)[0].rows.map((r) => r[r.length - 1]);
    expect(exhibit1).toEqual(expect.arrayContaining([low, high]));
  });

  test("says what binds, what moves it most, the percentiles the scenario asks for, and that nothing is weighted", () => {
    const text = note.headline.join(" ");
    expect(text).toMatch(/What binds most often is [a-z' -]+ \(\d of 6 scenarios\)/);
    expect(text).toMatch(/the input that moves China revenue most is H200 supply Nvidia can allocate to China/);
    expect(text).toMatch(/P5 \$[\d.]+bn, P50 \$[\d.]+bn, P95 \$[\d.]+bn/); // the built-in asks for P5 and P95
    expect(text).toContain("No scenario probabilities were given");
    expect(note.exhibits[0].table!.columns).not.toContain("Probability");
  });
});

describe("the probability-weighted view", () => {
  // The six scenarios that model FY2028 whole carry the weight; the December 2025 view (FY2027Q1-Q2) none.
  const fy = fiscalYear(builtIns.map((s) => s.scenario.periods));
  const whole = fy.complete.map((i) => builtIns[i].scenario.name);
  const weights = Object.fromEntries(builtIns.map((s) => [s.scenario.name, !whole.includes(s.scenario.name) ? 0 : s.scenario.name === whole[0] ? 0.5 : 0.1]));
  const note = buildReport(builtIns, { weights }).note!;
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

describe("Exhibit 5: modelled against reported", () => {
  const note = buildReport(builtIns).note!;
  const exhibit = note.exhibits.find((e) => e.label === "Exhibit 5")!;

  test("the December 2025 view's FY2027Q1 and FY2027Q2 against what Nvidia reported, both bases named", () => {
    expect(exhibit.title).toContain("customer-HQ basis");
    const rows = exhibit.table!.rows.map((r) => r.map((c) => c.value));
    const december = builtIns.find((s) => s.scenario.name === "December 2025 view")!;
    const modelled = (p: string) => december.evaluation.periods.find((x) => x.period === p)!.totals.chinaRevenue;
    expect(rows).toEqual([
      ["December 2025 view", "FY2027Q1", modelled("FY2027Q1"), 4.55e9, modelled("FY2027Q1") - 4.55e9],
      ["December 2025 view", "FY2027Q2", modelled("FY2027Q2"), 7.88e9, modelled("FY2027Q2") - 7.88e9],
    ]);
    const notes = exhibit.notes.flat().filter((p) => typeof p === "string").join(" ");
    expect(notes).toMatch(/customer headquarters/);
    expect(notes).toMatch(/billing basis is not comparable/);
  });

  test("a note whose scenarios model no reported quarter has no Exhibit 5", () => {
    const forward = builtIns.filter((s) => s.scenario.periods.every((p) => p >= "FY2027Q3"));
    expect(buildReport(forward).note!.exhibits.map((e) => e.label)).not.toContain("Exhibit 5");
  });
});

test("law: a note is written for any set of valid version-2 scenarios, whatever quarters each models", () => {
  const named = (docs: Record<string, unknown>[]) => docs.map((d, i) => ({ ...d, name: `S${i}` }));
  fc.assert(
    fc.property(fc.array(v2Arbitrary, { minLength: 1, maxLength: 3 }), (docs) => {
      const inputs = named(docs).map((doc) => {
        const v = validateScenario(doc);
        if (!v.ok) throw new Error(JSON.stringify(v.problems));
        return { scenario: v.value, evaluation: evaluate(v.value) };
      });
      const note = buildReport(inputs, { uncertainty: { include: false } }).note!;
      expect(note.headline.length).toBeGreaterThan(0);
      // A range is only ever given across scenarios that model the same whole quarters.
      const fy = fiscalYear(inputs.map((s) => s.scenario.periods));
      if (fy.complete.length === 0) expect(note.headline[0]).toMatch(/model different quarters|comes to|ranges from/);
    }),
    lawRuns(0.5),
  );
});
