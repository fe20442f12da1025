/**
 * The Assumptions sheet: every input of every scenario, styled as inputs, each with its source.
 * The scenario sheets' formulas read these cells, so this is where an analyst changes a number.
 */
import { sheetCellRef } from "./a1";
import { Citation, LatestReported, citationLine } from "./citations";
import { ScenarioDocument, SourceCitation, isWritten } from "./document";
import { InputSpec, inputKey, scenarioInputs } from "./inputs";
import { SheetLayout, cell } from "./layout";
import { Column, ReportSheet } from "./model";
import { ScenarioReportInput } from "./reportInput";
import { citedDate, confidenceOf, sourceFor } from "./sources";

export const ASSUMPTIONS = "Assumptions";

/** A cited input, for the Sources sheet. */
export interface CitedInput extends Citation {
  readonly scenario: string;
  readonly field: string;
  readonly period: string;
  /** The input's Source cell on the Assumptions sheet (1-based), to link to its Sources row. */
  readonly at: { readonly row: number; readonly col: number };
  /** Data-set fact ids the source names. */
  readonly facts: readonly string[];
}

export interface AssumptionsSheet {
  readonly sheet: ReportSheet;
  /** Per scenario (same order as given): the absolute reference of an input cell. */
  readonly inputRefs: readonly ((path: string, period?: number) => string)[];
  readonly latestReportedRef: string;
  /** The latest reported quarter's Source cell (1-based), to link to its Sources row. */
  readonly latestSourceAt: { readonly row: number; readonly col: number };
  readonly cited: readonly CitedInput[];
}

const COLUMNS: readonly Column[] = [{ header: "Field" }, { header: "Input" }, { header: "Period" }, { header: "Value" }, { header: "Source", footnotes: true }];
const VALUE_COLUMN = 4;
const SOURCE_COLUMN = 5;

export function assumptionsSheet(scenarios: readonly ScenarioReportInput[], latest: LatestReported): AssumptionsSheet {
  const layout = new SheetLayout();
  layout.note("Inputs (blue on yellow in the workbook): change one and the scenario sheets recalculate (native and live modes).");
  layout.note("Source: x-sources entry (built-ins: from the sourced data set) or YAML comment, else the value's origin; a cited source links to Sources.");
  layout.gap();

  let latestReportedRef = "";
  let latestSourceAt = { row: 0, col: SOURCE_COLUMN };
  layout.table("Report inputs", COLUMNS, (firstRow) => {
    latestReportedRef = sheetCellRef(ASSUMPTIONS, firstRow, VALUE_COLUMN);
    latestSourceAt = { row: firstRow, col: SOURCE_COLUMN };
    return [
      [
        cell.label("latestReportedChinaRevenue"),
        cell.label(`Nvidia's latest reported China revenue (${latest.period}), the Comparison's yardstick`),
        cell.label(latest.period),
        cell.input(latest.value, latest.format),
        cell.label(citationLine(latest)),
      ],
    ];
  });

  const cited: CitedInput[] = [];
  const inputRefs = scenarios.map(({ scenario, file, document: doc }) => {
    const inputs = scenarioInputs(scenario);
    const refs = new Map<string, string>();
    layout.table(file ? `${scenario.name} (${file})` : scenario.name, COLUMNS, (firstRow) =>
      inputs.map((input, i) => {
        refs.set(inputKey(input.path, input.period), sheetCellRef(ASSUMPTIONS, firstRow + i, VALUE_COLUMN));
        const period = input.period === undefined ? "all" : scenario.periods[input.period];
        const source = sourceOf(input, doc, file);
        if (source.cited) {
          cited.push({
            scenario: scenario.name,
            field: input.path,
            period,
            figure: input.label,
            value: typeof input.value === "boolean" ? (input.value ? "TRUE" : "FALSE") : input.value,
            format: input.format,
            source: source.cited.text,
            date: source.cited.date,
            confidence: source.cited.confidence,
            at: { row: firstRow + i, col: SOURCE_COLUMN },
            facts: source.cited.facts,
          });
        }
        return [cell.label(input.path), cell.label(input.label), cell.label(period), cell.input(input.value, input.format), cell.label(source.text)];
      }),
    );
    return (path: string, period?: number): string => {
      const ref = refs.get(inputKey(path, period));
      if (!ref) throw new Error(`no Assumptions cell for ${inputKey(path, period)} in ${scenario.name}`);
      return ref;
    };
  });

  return { sheet: layout.sheet(ASSUMPTIONS, "Assumptions: every input of every scenario", { rows: 1, cols: 0 }), inputRefs, latestReportedRef, latestSourceAt, cited };
}

/**
 * An input's source: a resolved citation (built-in scenarios) in preference to note text,
 * whose date and confidence are read from the text.
 */
export function sourceOf(input: InputSpec, doc: ScenarioDocument | undefined, file: string | undefined): { text: string; cited?: SourceCitation } {
  const resolved = doc?.citations ? sourceFor(doc.citations, input.path, input.period) : undefined;
  if (resolved) return { text: resolved.text, cited: resolved };
  const note = doc ? sourceFor(doc.notes, input.path, input.period) : undefined;
  if (note) return { text: note, cited: { text: note, date: citedDate(note), confidence: confidenceOf(note), facts: [] } };
  if (doc && doc.data !== undefined && !isWritten(doc.data, input.path)) {
    // A built-in cites every number it ships: a default it leaves unset (e.g. china.orderRate 1,
    // every approved unit ordered) is the model's assumption, labelled illustrative.
    if (doc.citations && typeof input.value === "number") {
      const text = "illustrative: the model's default, which this scenario does not set";
      return { text, cited: { text, date: "", confidence: "illustrative", facts: [] } };
    }
    return { text: "Model default (the scenario does not set it)" };
  }
  if (file?.startsWith("built-in:")) return { text: `Scenario setting (${file}): part of the policy story it models, not a sourced figure` };
  return { text: `Scenario file${file ? ` ${file}` : ""}, no source given` };
}
