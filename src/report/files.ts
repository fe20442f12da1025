/** File names of a report's outputs, shared by the renderers and the CLI. */
import { ChartSpec, ReportSheet } from "./model";
import { slug } from "./text";

export const REPORT_BASE_NAME = "chokepoint";

/** @example chartFileName({ id: "china-revenue" }) // returns "chokepoint-china-revenue.svg" */
export const chartFileName = (chart: Pick<ChartSpec, "id">, base = REPORT_BASE_NAME): string => `${base}-${chart.id}.svg`;

/** @example csvFileName({ name: "US volume cap" }) // returns "chokepoint-us-volume-cap.csv" */
export const csvFileName = (sheet: Pick<ReportSheet, "name">, base = REPORT_BASE_NAME): string => `${base}-${slug(sheet.name)}.csv`;

/** @example chartPngName({ id: "china-revenue" }) // returns "chokepoint-china-revenue.png" */
export const chartPngName = (chart: Pick<ChartSpec, "id">, base = REPORT_BASE_NAME): string => `${base}-${chart.id}.png`;
