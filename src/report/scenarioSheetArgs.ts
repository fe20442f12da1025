/**
 * What every table of a scenario's sheet is built from: the sheet's own module and the period
 * tables both read it, and neither imports the other for it.
 */
import { Evaluation, Scenario } from "../engine";
import { CellWriter } from "./formulas";

export interface ScenarioSheetArgs {
  readonly name: string;
  readonly scenario: Scenario;
  readonly evaluation: Evaluation;
  readonly file?: string;
  /** The absolute reference of one of this scenario's inputs on the Assumptions sheet. */
  readonly input: (path: string, period?: number) => string;
  readonly writer: CellWriter;
  /** The id of this scenario's "shipped by buyer" ChartSpec (charts.ts), unique in the report. */
  readonly shippedChart: string;
}
