/** What the report builder takes: evaluated scenarios and the report-wide options. */
import { Evaluation, Scenario } from "../engine";
import { Citation, LatestReported } from "./citations";
import { ScenarioDocument } from "./document";
import { CellMode } from "./model";
import { ScenarioWeights } from "./note/weights";
import { UncertaintyReportOptions } from "./uncertainty";

export interface ScenarioReportInput {
  readonly scenario: Scenario;
  /** evaluate(scenario): the report shows the engine's numbers and writes formulas that recompute them. */
  readonly evaluation: Evaluation;
  /** Where the scenario came from, e.g. "examples/base.json". */
  readonly file?: string;
  /** The file's own sources (x-sources, YAML comments): scenarioDocument(text). */
  readonly document?: ScenarioDocument;
}

export interface ReportOptions {
  /** Cell mode; default "native". */
  readonly mode?: CellMode;
  /** The quarter the Comparison measures against; default LATEST_REPORTED_CHINA_REVENUE. */
  readonly latestReported?: LatestReported;
  /** More cited figures for the Sources sheet (e.g. from the sourced baseline data set). */
  readonly citations?: readonly Citation[];
  readonly title?: string;
  /**
   * The Sensitivity and Monte Carlo sheets of scenarios with an `uncertainty` block: on by
   * default; `{ include: false }` leaves them out; `iterations` / `seed` override the file's.
   */
  readonly uncertainty?: UncertaintyReportOptions;
  /** Probabilities by scenario name for the note's weighted view (summing to 1: see weightProblems); none: nothing is weighted. */
  readonly weights?: ScenarioWeights;
}
