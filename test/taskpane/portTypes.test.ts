/**
 * The port's chart slice is checked against @types/office-js at compile time (ts-jest type-checks
 * this file): Excel's own objects must satisfy the interfaces the writer and the fake implement.
 */
import type { XlChart, XlChartType, XlSeriesBy, XlWorksheet } from "../../src/taskpane/excel/port";

// Compile-time only: a mismatch with Office.js is a type error here.
export const chartFits = (chart: Excel.Chart): XlChart => chart;
export const chartsFit = (sheet: Excel.Worksheet): XlWorksheet["charts"] => sheet.charts;
export const typeNames = (t: XlChartType): `${Excel.ChartType}` => t;
export const seriesByNames = (s: XlSeriesBy): `${Excel.ChartSeriesBy}` => s;

test("the chart slice of the port type-checks against @types/office-js", () => {
  expect(typeof chartFits).toBe("function");
});
