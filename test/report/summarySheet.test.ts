/** The Summary sheet: first, the note's headline, its exhibits as formulas linked to the scenario sheets. */
import { FORMATS, buildReport, fiscalYear } from "../../src/report";
import { SUMMARY_COLUMNS } from "../../src/report/scenarioSheet";
import { builtInInputs } from "./support/builtIns";
import { exampleInputs } from "./support/examples";
import { allCells, cellAt, sheet, tables } from "./support/model";

const inputs = exampleInputs();
const report = buildReport(inputs);
// The examples that model the note's fiscal year whole: only they get a year total (as in the note).
const fy = fiscalYear(inputs.map((x) => x.scenario.periods));

test("Summary comes first and shows the note's headline", () => {
  expect(report.sheets[0].name).toBe("Summary");
  const text = sheet(report, "Summary").blocks.flatMap((b) => (b.kind === "note" ? b.lines : [])).join(" ");
  for (const sentence of report.note!.headline) expect(text).toContain(sentence.split(" ").slice(0, 8).join(" "));
});

test("Exhibit 1: each quarter's China revenue is a link to the scenario sheet's summary cell, with the engine's number", () => {
  const [exhibit] = tables(sheet(report, "Summary"));
  expect(exhibit.title).toBe("Exhibit 1: Nvidia China revenue by scenario, FY2027 (US$ bn)");
  const scenarioSheets = report.sheets.slice(2, 2 + inputs.length).map((s) => s.name);
  inputs.forEach(({ scenario, evaluation }, i) => {
    const row = exhibit.rows[i];
    expect(row[0].value).toBe(scenario.name);
    // The exhibit's quarters are the note's fiscal year; a scenario's other quarters are not in it.
    evaluation.periods.filter((p) => exhibit.columns.some((c) => c.header === p.period)).forEach((p) => {
      const col = exhibit.columns.findIndex((c) => c.header === p.period);
      const c = row[col];
      expect(c).toMatchObject({ value: p.totals.chinaRevenue, format: FORMATS.usdBillions });
      const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(c.formula ?? "");
      expect(m?.[1]).toBe(scenarioSheets[i]);
      // The referenced cell is the scenario sheet's China revenue for that period.
      expect(cellAt(report, scenarioSheets[i], `${m![2]}${m![3]}`)?.value).toBe(p.totals.chinaRevenue);
      expect(m![2]).toBe(String.fromCharCode(64 + SUMMARY_COLUMNS.chinaRevenue));
    });
    const total = row[row.length - 1];
    if (!fy.complete.includes(i)) return expect(total.value).toBeNull();
    expect(total.formula).toMatch(/^SUM\(/);
    expect(total.value).toBeCloseTo(evaluation.periods.filter((p) => fy.periods.includes(p.period)).reduce((x, p) => x + p.totals.chinaRevenue, 0), 0);
  });
});

test("with probabilities: a weighted row of SUMPRODUCTs over the probability column", () => {
  // Weight only the scenarios that model the year whole: a weighted year total needs every weighted one.
  const weights = Object.fromEntries(inputs.map((x, i) => [x.scenario.name, fy.complete.includes(i) ? 1 / fy.complete.length : 0]));
  const weightedReport = buildReport(inputs, { weights });
  const [exhibit] = tables(sheet(weightedReport, "Summary"));
  const last = exhibit.rows[exhibit.rows.length - 1];
  expect(last[0].value).toBe("Probability-weighted");
  expect(last[last.length - 1].formula).toMatch(/^SUMPRODUCT\(\$B\$\d+:\$B\$\d+,/);
});

test("every number on Summary is a formula in native mode and a value in values mode; charts pictured beside the exhibits", () => {
  const numbers = allCells(report).filter((c) => c.sheet === "Summary" && typeof c.cell.value === "number");
  expect(numbers.length).toBeGreaterThan(inputs.length * 3);
  for (const { cell } of numbers) expect(cell.formula).toBeDefined();
  const values = buildReport(inputs, { mode: "values" });
  expect(allCells(values).filter((c) => c.sheet === "Summary" && c.cell.formula !== undefined)).toEqual([]);
  expect((sheet(report, "Summary").images ?? []).map((i) => i.chart)).toEqual(["china-revenue", "requested-to-shipped"]);
});

test("built-in scenarios: the order is Summary, Assumptions, scenarios, Comparison, Sensitivity, Monte Carlo, Sources", () => {
  const names = buildReport(builtInInputs(), { mode: "values", uncertainty: { iterations: 200 } }).sheets.map((s) => s.name);
  expect(names.slice(0, 2)).toEqual(["Summary", "Assumptions"]);
  const at = (n: string) => names.findIndex((x) => x === n || x.startsWith(`${n} - `));
  expect(at("Comparison")).toBeGreaterThan(1);
  expect(at("Sensitivity")).toBeGreaterThan(at("Comparison"));
  expect(at("Monte Carlo")).toBeGreaterThan(at("Sensitivity"));
  expect(names[names.length - 1]).toBe("Sources");
});

test("Comparison: a total per fiscal year below the quarters, summing them", () => {
  const t = tables(sheet(report, "Comparison"))[0];
  const fy = t.rows.find((r) => r[0].value === "FY2027 total")!;
  expect(fy[0].role).toBe("total");
  inputs.forEach(({ evaluation }, j) => {
    expect(fy[1 + j].formula).toMatch(/^SUM\(/);
    expect(fy[1 + j].value).toBeCloseTo(evaluation.periods.reduce((x, p) => x + p.totals.shipped, 0), 6);
  });
});
