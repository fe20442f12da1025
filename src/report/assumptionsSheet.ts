/**
 * The Assumptions sheet: every input of every scenario, styled as inputs, each with its source.
 * The scenario sheets' formulas read these cells, so this is where an analyst changes a number.
 */
import { sheetCellRef } from "./a1";
import { Citation, LatestReported } from "./citations";
import { ScenarioDocument, isWritten } from "./document";
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
}

export interface AssumptionsSheet {
  readonly sheet: ReportSheet;
  /** Per scenario (same order as given): the absolute reference of an input cell. */
  readonly inputRefs: readonly ((path: string, period?: number) => string)[];
  readonly latestReportedRef: string;
  readonly cited: readonly CitedInput[];
}

const COLUMNS: readonly Column[] = [{ header: "Field" }, { header: "Input" }, { header: "Period" }, { header: "Value" }, { header: "Source", footnotes: true }];
const VALUE_COLUMN = 4;

export function assumptionsSheet(scenarios: readonly ScenarioReportInput[], latest: LatestReported): AssumptionsSheet {
  const layout = new SheetLayout();
  layout.note("Inputs (blue on yellow in the workbook): change one and the scenario sheets recalculate (native and live modes).");
  layout.note("Source: the scenario file's x-sources entry or YAML comment for the field; otherwise where the value came from.");
  layout.gap();

  let latestReportedRef = "";
  layout.table("Report inputs", COLUMNS, (firstRow) => {
    latestReportedRef = sheetCellRef(ASSUMPTIONS, firstRow, VALUE_COLUMN);
    return [
      [
        cell.label("latestReportedChinaRevenue"),
        cell.label(`Nvidia's latest reported China revenue (${latest.period}), the Comparison's yardstick`),
        cell.label(latest.period),
        cell.input(latest.value, latest.format),
        cell.label(`${latest.source}, ${latest.date} [${latest.confidence}]`),
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
          cited.push({ scenario: scenario.name, field: input.path, period, figure: input.label, value: typeof input.value === "boolean" ? (input.value ? "TRUE" : "FALSE") : input.value, format: input.format, source: source.text, date: citedDate(source.text), confidence: confidenceOf(source.text) });
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

  return { sheet: layout.sheet(ASSUMPTIONS, "Assumptions: every input of every scenario", { rows: 1, cols: 0 }), inputRefs, latestReportedRef, cited };
}

function sourceOf(input: InputSpec, doc: ScenarioDocument | undefined, file: string | undefined): { text: string; cited: boolean } {
  const note = doc ? sourceFor(doc.notes, input.path, input.period) : undefined;
  if (note) return { text: note, cited: true };
  if (doc && doc.data !== undefined && !isWritten(doc.data, input.path)) return { text: "MODEL.md default (not in the file)", cited: false };
  return { text: `Scenario file${file ? ` ${file}` : ""}, no source given`, cited: false };
}
