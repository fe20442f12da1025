/**
 * The slice of the Excel JavaScript API the writer uses, as plain interfaces: Excel.run's
 * context satisfies them, and so does the strict fake in test/support/fakeExcel.ts.
 * Enum values are written as Office.js strings ("Hidden", …) so nothing needs the Excel global.
 */
export type XlScalar = string | number | boolean;

export interface XlRange {
  values: XlScalar[][];
  formulas: XlScalar[][];
  numberFormat: string[][];
  readonly address: string;
  readonly isNullObject: boolean;
  readonly format: {
    readonly font: { bold: boolean; italic: boolean; color: string; size: number };
    readonly fill: { color: string };
    autofitColumns(): void;
  };
  /** The range's data validation (ExcelApi 1.8): the writer only sets list rules on enum and flag inputs. */
  readonly dataValidation: { rule: XlDataValidationRule };
  /** The range's conditional formats (ExcelApi 1.6): the writer only adds colour scales. */
  readonly conditionalFormats: { add(type: XlConditionalFormatType): XlConditionalFormat };
  load(properties: string): XlRange;
}

/** Excel.DataValidationRule, the list kind only: `source` is the allowed values joined by commas. */
export interface XlDataValidationRule {
  list?: { inCellDropDown: boolean; source: string | XlRange };
}

/** A workbook-level defined name (Excel.NamedItem): the writer only adds and deletes them. */
export interface XlNamedItem {
  readonly name: string;
  delete(): void;
}

/** Excel.ConditionalFormatType values the writer uses. */
export type XlConditionalFormatType = "ColorScale";

/** A conditional format just added (Excel.ConditionalFormat): the writer sets its colour scale. */
export interface XlConditionalFormat {
  readonly colorScale: { criteria: XlColorScaleCriteria };
}

/** Excel.ConditionalColorScaleCriteria: a midpoint makes it a three-colour scale. */
export interface XlColorScaleCriteria {
  minimum: XlColorScaleCriterion;
  midpoint?: XlColorScaleCriterion;
  maximum: XlColorScaleCriterion;
}

/** Excel.ConditionalColorScaleCriterion: a "#RRGGBB" colour at a point of the scale. */
export interface XlColorScaleCriterion {
  color?: string;
  /** A number or formula for Number, Percent, Percentile and Formula points; absent for LowestValue and HighestValue. */
  formula?: string;
  type: XlColorCriterionType;
}

/** Excel.ConditionalFormatColorCriterionType. */
export type XlColorCriterionType = "Invalid" | "LowestValue" | "HighestValue" | "Number" | "Percent" | "Formula" | "Percentile";

/** A chart axis: its title, and the number format of its labels (ExcelApi 1.8). */
export interface XlChartAxis {
  readonly title: { text: string };
  numberFormat: string;
}

/** A chart on a worksheet (Excel.Chart): only the parts the writer sets. */
export interface XlChart {
  name: string;
  readonly title: { text: string };
  readonly axes: { readonly categoryAxis: XlChartAxis; readonly valueAxis: XlChartAxis };
  readonly legend: { position: string };
  /** Places the chart over the cells from `startCell` to `endCell` (A1 addresses on its sheet). */
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

/** Excel.ChartType values the writer uses. */
export type XlChartType = "Line" | "ColumnClustered" | "BarClustered";
/** Excel.ChartSeriesBy. */
export type XlSeriesBy = "Auto" | "Columns" | "Rows";

export interface XlWorksheet {
  name: string;
  visibility: string;
  readonly isNullObject: boolean;
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  readonly tables: { add(address: string, hasHeaders: boolean): { style: string } };
  readonly charts: { add(type: XlChartType, sourceData: XlRange, seriesBy?: XlSeriesBy): XlChart };
  readonly freezePanes: { freezeAt(range: XlRange): void; freezeRows(count: number): void; freezeColumns(count: number): void };
  delete(): void;
  activate(): void;
  load(properties: string): XlWorksheet;
}

export interface XlContext {
  readonly workbook: {
    readonly worksheets: {
      readonly items: XlWorksheet[];
      load(properties: string): unknown;
      add(name: string): XlWorksheet;
      getItem(name: string): XlWorksheet;
      getItemOrNullObject(name: string): XlWorksheet;
    };
    readonly settings: {
      getItemOrNullObject(key: string): { readonly isNullObject: boolean; readonly value: unknown; load(properties: string): unknown };
      add(key: string, value: string): unknown;
    };
    readonly application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
    /** Workbook defined names (ExcelApi 1.4; `add` takes an A1 reference such as "='Assumptions'!$D$5"). */
    readonly names: {
      readonly items: XlNamedItem[];
      load(properties: string): unknown;
      add(name: string, reference: XlRange | string, comment?: string): XlNamedItem;
    };
  };
  sync(): Promise<void>;
}

/** Excel.run, or a fake of it. */
export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;
