/**
 * One human label per field and output on every surface: the report's sheets and charts, the
 * note, and the pane show words ("Tencent: …", "…, FY2027Q1"), never a raw field path.
 */
import { inputLabel, outputLabel } from "../../src/engine";
import { ReportCell, buildReport } from "../../src/report";
import { reportMarkdown } from "../../src/report/render/markdown";
import { assumptionsOf, buyerFieldsOf } from "../../src/taskpane/form";
import { inputPathChoices } from "../../src/taskpane/uncertainty/inputForm";
import { OUTPUT_CHOICES } from "../../src/taskpane/uncertainty/format";
import { builtInInputs } from "../report/support/builtIns";
import { exampleInput } from "../report/support/examples";

/** A field or output path as the engine writes it: market.supply, buyers[2].domesticUnits, totals.usShare@FY2027Q1. */
const RAW_PATH = /\b(?:us|china|market|totals)\.[A-Za-z]|\bbuyers(?:\[\d+\]|\.[A-Za-z])/;

const inputs = [...builtInInputs(), exampleInput("examples/uncertainty/monte-carlo.json")];

test("input labels name the buyer and the period in words", () => {
  const s = inputs[inputs.length - 1].scenario;
  expect(inputLabel(s, "market.supply[0]")).toBe(`H200 supply Nvidia can allocate to China (units), ${s.periods[0]}`);
  expect(inputLabel(s, `buyers[${s.buyers.length - 1}].domesticUnits`)).toBe(`${s.buyers[s.buyers.length - 1].name}: domestic AI processors held and planned (units)`);
  expect(inputLabel(s, `buyers[${JSON.stringify(s.buyers[0].name)}].requested`)).toBe(`${s.buyers[0].name}: H200 requested (units)`);
  expect(outputLabel("totals.usShare@FY2027Q1")).toBe("US share, FY2027Q1");
});

describe.each(["values", "native"] as const)("the report in %s mode shows no raw path", (mode) => {
  const report = buildReport(inputs, { mode, uncertainty: { include: true, iterations: 200, seed: 1 } });
  const words = (c: ReportCell) => (typeof c.value === "string" && c.role !== "input" ? [c.value] : []);

  test("in table titles, column headers, labels, notes and charts", () => {
    const found: string[] = [];
    for (const s of report.sheets) {
      for (const b of s.blocks) {
        if (b.kind === "note") found.push(...b.lines.map((l) => `${s.name} note: ${l}`));
        else if (b.kind === "table") {
          found.push(`${s.name}: ${b.title}`, ...b.columns.map((c) => `${s.name} header: ${c.header}`));
          // The Assumptions sheet's second column is the field's key in the scenario file, beside its
          // label; its last column quotes the file's own source notes.
          const keep = (i: number) => s.name !== "Assumptions" || (i !== 1 && i !== b.columns.length - 1);
          for (const row of b.rows) row.forEach((c, i) => keep(i) && found.push(...words(c).map((w) => `${s.name} ${b.title}: ${w}`)));
        }
      }
    }
    for (const c of report.charts) found.push(`chart ${c.id}: ${c.title}`, ...c.categories.map((x) => `chart ${c.id} category: ${x}`), ...c.series.map((x) => `chart ${c.id} series: ${x.name}`));
    expect(found.filter((line) => RAW_PATH.test(line) && !line.startsWith("Sources"))).toEqual([]);
  });
});

test("the note shows no raw path outside the Assumptions keys and the files' source notes", () => {
  const report = buildReport(inputs, { mode: "values", uncertainty: { include: true, iterations: 200, seed: 1 } });
  const lines = reportMarkdown(report).split("\n").filter((l) => RAW_PATH.test(l));
  // Kept: an Assumptions row ("| Base | market.supply | H200 supply … |"), a footnote quoting a source note.
  expect(lines.filter((l) => !/^\[\^|^\|(?: [^|]* \|)? (?:us|china|market|buyers)[\w.[\]]* \|/.test(l))).toEqual([]);
});

test("the pane's form, uncertain inputs and outputs are labelled in words", () => {
  const labels = [
    ...assumptionsOf().flatMap((g) => [g.legend, ...g.fields.map((f) => f.label)]),
    ...buyerFieldsOf().map((f) => f.label),
    ...inputs.flatMap((i) => inputPathChoices(i.scenario).map((c) => c.label)),
    ...OUTPUT_CHOICES.map(outputLabel),
  ];
  expect(labels.filter((l) => RAW_PATH.test(l))).toEqual([]);
});
