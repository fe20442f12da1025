/**
 * The port's chart slice is checked against @types/office-js at compile time (ts-jest type-checks
 * this file): Excel's own objects must satisfy the interfaces the writer and the fake implement.
 */
import type { XlChart, XlChartType, XlColorCriterionType, XlColorScaleCriteria, XlConditionalFormatType, XlRange, XlSeriesBy, XlWorksheet } from "../../src/taskpane/excel/port";

// Compile-time only: a mismatch with Office.js is a type error here.
export const chartFits = (chart: Excel.Chart): XlChart => chart;
export const chartsFit = (sheet: Excel.Worksheet): XlWorksheet["charts"] => sheet.charts;
export const typeNames = (t: XlChartType): `${Excel.ChartType}` => t;
export const seriesByNames = (s: XlSeriesBy): `${Excel.ChartSeriesBy}` => s;
// The conditional-format slice: Excel's range and colour scale satisfy the port, and the
// criteria the writer sets are Excel's criteria.
export const conditionalFormatsFit = (range: Excel.Range): XlRange["conditionalFormats"] => range.conditionalFormats;
export const criteriaFit = (criteria: XlColorScaleCriteria): Excel.ConditionalColorScaleCriteria => criteria;
export const formatTypeNames = (t: XlConditionalFormatType): `${Excel.ConditionalFormatType}` => t;
export const criterionTypeNames = (t: XlColorCriterionType): `${Excel.ConditionalFormatColorCriterionType}` => t;

test("the chart slice of the port type-checks against @types/office-js", () => {
  expect(typeof chartFits).toBe("function");
});

test("the conditional-format slice of the port type-checks against @types/office-js", () => {
  expect(typeof conditionalFormatsFit).toBe("function");
  expect(typeof criteriaFit).toBe("function");
});
