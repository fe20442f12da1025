/** The Sources sheet: every cited figure with its value, source, date and confidence. */
import { CitedInput } from "./assumptionsSheet";
import { Citation } from "./citations";
import { SheetLayout, cell } from "./layout";
import { Column, ReportCell, ReportSheet } from "./model";

export const SOURCES = "Sources";

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

/** `citations` are report-wide (no scenario); `cited` are scenario inputs with a source. */
export function sourcesSheet(citations: readonly Citation[], cited: readonly CitedInput[]): ReportSheet {
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
  const list = layout.table(
    "Cited figures",
    COLUMNS,
    () => [...citations.map((c) => row("(all)", "", "", c)), ...cited.map((c) => row(c.scenario, c.field, c.period, c))],
    true,
  );
  // Keep the column headers in view: this sheet is one long filtered table.
  return layout.sheet(SOURCES, "Sources: every cited figure", { rows: list.row + 1, cols: 0 });
}
