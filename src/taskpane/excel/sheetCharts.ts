/**
 * A report sheet's native charts as Excel commands: each SheetChart resolved against its
 * ChartSpec (kind, title, axis titles, value format) and drawn over the sheet's own cells, so
 * the chart follows the numbers when the formulas recalculate.
 */
import { ChartSpec, ReportSheet } from "../../report/model";
import { a1 } from "../grid";
import { Command } from "./plan";
import { XlChartType, XlSeriesBy } from "./port";

/** A chart ready to draw: names and labels from its ChartSpec, cells 0-based. */
export interface ChartPlan {
  /** The ChartSpec id, also the chart's name in Excel. */
  readonly name: string;
  readonly type: XlChartType;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Number format of the value axis (an Excel format code). */
  readonly yFormat: string;
  readonly seriesBy: XlSeriesBy;
  /** The source cells, header row and category column included (0-based). */
  readonly data: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
  /** The chart covers the cells from `from` to `to` (A1). */
  readonly from: string;
  readonly to: string;
}

const TYPES: Record<ChartSpec["kind"], XlChartType> = { line: "Line", bar: "ColumnClustered" };
/** A horizontal bar chart (the tornado) is Excel's BarClustered: categories down the side. */
const typeOf = (spec: ChartSpec): XlChartType => (spec.kind === "bar" && spec.orientation === "horizontal" ? "BarClustered" : TYPES[spec.kind]);
const SERIES_BY = { columns: "Columns", rows: "Rows" } as const;
const OP_BYTES = 120;

/** The sheet's charts with their specs; a chart naming no spec of `specs` is a report bug and throws. */
export function sheetCharts(sheet: ReportSheet, specs: readonly ChartSpec[]): ChartPlan[] {
  return (sheet.charts ?? []).map((c) => {
    const spec = specs.find((s) => s.id === c.chart);
    if (!spec) throw new Error(`sheet "${sheet.name}": chart "${c.chart}" is not among the report's charts`);
    return {
      name: spec.id,
      type: typeOf(spec),
      title: spec.title,
      xLabel: spec.xLabel,
      yLabel: spec.yLabel,
      yFormat: spec.yFormat,
      seriesBy: SERIES_BY[c.seriesBy],
      data: { row: c.data.row - 1, col: c.data.col - 1, rows: c.data.rows, cols: c.data.cols },
      from: a1(c.at.row - 1, c.at.col - 1),
      to: a1(c.at.row + c.at.rows - 2, c.at.col + c.at.cols - 2),
    };
  });
}

/** One command per chart: add it over its source cells, then name, title, axes, legend, position. */
export function chartCommands(charts: readonly ChartPlan[]): Command[] {
  return charts.map((c) => ({
    bytes: OP_BYTES * 9 + c.name.length + c.title.length + c.xLabel.length + c.yLabel.length + c.yFormat.length,
    apply: (sheet) => {
      const chart = sheet.charts.add(c.type, sheet.getRangeByIndexes(c.data.row, c.data.col, c.data.rows, c.data.cols), c.seriesBy);
      chart.name = c.name;
      chart.title.text = c.title;
      chart.axes.categoryAxis.title.text = c.xLabel;
      chart.axes.valueAxis.title.text = c.yLabel;
      chart.axes.valueAxis.numberFormat = c.yFormat;
      chart.legend.position = "Bottom";
      chart.setPosition(c.from, c.to);
    },
  }));
}
