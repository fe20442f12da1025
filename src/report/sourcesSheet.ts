/**
 * The Sources sheet: every cited figure with its value, source, date and confidence; then the
 * baseline data set's figures the report cites and, for each metric and period they touch,
 * every conflicting report (listed, not hidden; the default marked).
 */
import { RESULT_SHEETS } from "./sheetNames";
import { Fact, FactGroup } from "../engine";
import { CitedInput } from "./assumptionsSheet";
import { BaselineCited, factText } from "./baselineSources";
import { Citation } from "./citations";
import { FORMATS } from "./formats";
import { SheetLayout, cell, columns } from "./layout";
import { Column, ReportCell, ReportSheet } from "./model";

export const SOURCES = RESULT_SHEETS.sources;

const COLUMNS: readonly Column[] = [
  { header: "Scenario" },
  { header: "Field" },
  { header: "Figure" },
  { header: "Period" },
  { header: "Value" },
  { header: "Source", footnotes: true },
  { header: "Date" },
  { header: "Confidence" },
];

const FACT_COLUMNS: readonly Column[] = [...columns("Fact", "Metric", "Period", "Value"), { header: "Source", footnotes: true }, ...columns("Date", "Confidence", "Default")];

export interface SourcesSheet {
  readonly sheet: ReportSheet;
  /** The Sources row of each report-wide citation, in the order given. */
  readonly citationRows: readonly number[];
  /** The Sources row of each cited input, in the order given. */
  readonly citedRows: readonly number[];
}

/** `citations` are report-wide (no scenario); `cited` are scenario inputs with a source; `baseline` the data set's cited facts and conflicts. */
export function sourcesSheet(citations: readonly Citation[], cited: readonly CitedInput[], baseline: BaselineCited = { facts: [], conflicts: [] }): SourcesSheet {
  const layout = new SheetLayout();
  layout.note("Confidence: H = primary document or several consistent sources; M = one reputable secondary source; L = aggregator or derived (research/facts.md).");
  layout.note("Illustrative: an assumption chosen to show the model, not a forecast. Inputs without a source are listed on the Assumptions sheet only.");
  layout.gap();
  // Empty text is a blank cell, the same in every host.
  const text = (s: string) => cell.label(s === "" ? null : s);
  const row = (scenario: string, field: string, period: string, c: Citation): ReportCell[] => [
    text(scenario),
    text(field),
    text(c.figure),
    text(period),
    { value: c.value, role: "label", format: c.format },
    text(c.source),
    text(c.date),
    text(c.confidence),
  ];
  let first = 0;
  const list = layout.table(
    "Cited figures",
    COLUMNS,
    (firstRow) => {
      first = firstRow;
      return [...citations.map((c) => row("(all)", "", "", c)), ...cited.map((c) => row(c.scenario, c.field, c.period, c))];
    },
    true,
  );
  const factRow = (f: Fact): ReportCell[] => [
    text(f.id),
    text(f.metric),
    text(f.period ?? ""),
    { value: f.value, role: "label", format: factFormat(f) },
    text(factText(f)),
    text(f.date ?? ""),
    text(f.confidence),
    text(f.isDefault ? "default" : ""),
  ];
  if (baseline.facts.length > 0) layout.table("Baseline data set: figures the scenarios cite", FACT_COLUMNS, () => baseline.facts.map(factRow));
  baseline.conflicts.forEach((g: FactGroup) => layout.table(`Conflicting reports: ${g.metric}${g.period === null ? "" : `, ${g.period}`} (${g.entries.length} entries)`, FACT_COLUMNS, () => g.entries.map(factRow)));
  // Keep the column headers in view: this sheet is led by one long filtered table.
  return {
    sheet: layout.sheet(SOURCES, "Sources: every cited figure", { rows: list.row + 1, cols: 0 }),
    citationRows: citations.map((_, i) => first + i),
    citedRows: cited.map((_, i) => first + citations.length + i),
  };
}

/** A number format for a data-set figure by its unit. */
function factFormat(f: Fact): string | undefined {
  if (f.unit === "USD") return Math.abs(f.value) >= 1e8 ? FORMATS.usdBillions2 : FORMATS.usd;
  if (f.unit === "units") return FORMATS.units;
  if (f.unit === "fraction") return FORMATS.percent;
  return undefined;
}
