/**
 * Reports: one host-agnostic model (sheets of titled tables and notes, cells with value,
 * number format, role and formula) built from engine results. Renderers in ./render draw it
 * as xlsx, Markdown, CSV and SVG charts; nothing here imports a host API.
 */
export * from "./model";
export { buildReport } from "./buildReport";
export type { ReportOptions, ScenarioReportInput } from "./reportInput";
export { LATEST_REPORTED_CHINA_REVENUE, citationLine } from "./citations";
export type { Citation, LatestReported } from "./citations";
export { scenarioDocument, isWritten } from "./document";
export type { ScenarioDocument, SourceNotes, SourceCitation } from "./document";
export { resolveSource, factText, eventText, builtInDocument, builtInFile, baselineCited } from "./baselineSources";
export type { BaselineCited } from "./baselineSources";
export { sourceFor, citedDate, confidenceOf } from "./sources";
export { FORMATS, DISPLAY_UNITS, display, formatNumber, formatBare, formatCode, roundedDigits } from "./formats";
export type { DisplayUnitName } from "./formats";
export { inputLabel, labelPaths } from "./labels";
export { shownPercentiles } from "./percentiles";
export type { Note, Exhibit, NoteTable, NoteCell, Paragraph, Run, AppendixSection } from "./note/model";
export { buildNote } from "./note/buildNote";
export { fiscalYear, sumOver } from "./note/fiscalYear";
export { readableSource } from "./note/sources";
export { removedBySteps, stepWords, stepHeading } from "./note/waterfall";
export { weightProblems, parseWeights, weighted } from "./note/weights";
export type { ScenarioWeights } from "./note/weights";
export { scenarioInputs, inputKey } from "./inputs";
export type { InputSpec } from "./inputs";
export { columnLetters, cellRef, rangeRef, sheetCellRef } from "./a1";
export { sheetNames, scenarioSheetNames, shortenAtWord, shortNameClashes, RESULT_SHEETS, SHEET_NAME_LENGTH } from "./sheetNames";
export { REPORT_BASE_NAME, chartFileName, chartPngName, csvFileName } from "./files";
export { SUMMARY_COLUMNS } from "./scenarioSheet";
export { bindingFormula, largestCutFormula, stepFormula, supplyLimitFormula, CellWriter } from "./formulas";
export { BINDING_FOOTNOTE } from "./periodTables";
export type { StepContext, StepFormula } from "./formulas";
export { wrapText, slug } from "./text";
export { uncertaintyPlan, reportSimulationSpec, axisValues, outputLabel, outputFormat, TORNADO_OUTPUTS, REPORT_ITERATIONS, GRID_POINTS } from "./uncertainty";
export type { UncertaintyPlan, UncertaintyReportOptions, GridPlan } from "./uncertainty";
export { sensitivitySheet, overriding } from "./sensitivitySheet";
export { monteCarloSheet, parameters } from "./monteCarloSheet";
export { pointBlock, pointBlockRows } from "./pointBlock";
export { COLOR_SCALE, colorScaleFills, mixColor, percentileInc, contrastRatio, readableText } from "./colorScale";
export type { HexColor } from "./colorScale";
export type { PointTotals } from "./pointBlock";
