/**
 * The Sensitivity sheet of a scenario with an `uncertainty` block: a tornado per output (each
 * input at its low and high value, the others at base, largest swing first) with chart data,
 * and a 2-D grid of two inputs with a colour scale. In native and live modes every tornado
 * and grid figure is a formula over a calculation block below (the pipeline recomputed with
 * the varied input read from this sheet's Low/High or axis cell), so editing a Low, a High or
 * an axis value recomputes it; in values mode the cells hold the engine's numbers.
 */
import { InputValue, STEP_IDS, Scenario, Tornado } from "../engine";
import { cellRef } from "./a1";
import { display } from "./formats";
import { CellWriter, ruleFallbackReason } from "./formulas";
import { scenarioInputs } from "./inputs";
import { inputLabel } from "./labels";
import { SheetLayout, Slot, cell, columns } from "./layout";
import { ChartSpec, ReportCell, ReportSheet, SheetChart } from "./model";
import { PointTotals, pointBlock } from "./pointBlock";
import { TORNADO_OUTPUTS, UncertaintyPlan, canonicalPath, metricOf, outputFormat, outputLabel, perturbed } from "./uncertainty";

export interface UncertaintySheetArgs {
  readonly name: string;
  readonly scenario: Scenario;
  readonly file?: string;
  readonly plan: UncertaintyPlan;
  /** The absolute reference of one of this scenario's inputs on the Assumptions sheet. */
  readonly input: (path: string, period?: number) => string;
  /** Absolute references of the scenario sheet's all-periods totals (the outputs at base). */
  readonly base: PointTotals;
  readonly writer: CellWriter;
  /** A chart id unique in the report, from a readable stem. */
  readonly chartId: (stem: string) => string;
  /** The source line of the report's charts. */
  readonly source: string;
}

export interface BuiltSheet {
  readonly sheet: ReportSheet;
  readonly charts: readonly ChartSpec[];
}

/** Column of the first chart beside the tables. */
const CHART_COL = 10;

export function sensitivitySheet(a: UncertaintySheetArgs): BuiltSheet {
  const { scenario, plan } = a;
  const layout = new SheetLayout();
  layout.note(
    `${scenario.name}${a.file ? ` (${a.file})` : ""}: one input at a time between its low and high value (P10 and P90 of its distribution in the uncertainty block; flags false/true; choices first/last), every other input as on the Assumptions sheet.`,
  );
  const reason = a.writer.mode === "values" ? undefined : nativeFallback(a);
  const writer = reason === undefined ? a.writer : new CellWriter("values");
  const native = writer.mode !== "values";
  layout.note(
    native
      ? "Each tornado and grid figure is a formula over a calculation block further down this sheet: the whole pipeline recomputed with the varied input read from this sheet's Low/High or axis cell (blue on yellow) and every other input from Assumptions. Change either and this sheet recalculates; the tornado order stays the engine's."
      : reason !== undefined
        ? `This sheet holds the engine's values, not formulas: ${reason}.`
        : "Values mode: numbers as computed by the Chokepoint engine (sensitivity and grid); no formulas.",
    2,
  );
  for (const p of plan.problems.filter((x) => !x.startsWith("Monte Carlo"))) layout.note(p);
  layout.gap();

  const tornado = plan.tornado;
  if (!tornado || !plan.spec) return { sheet: layout.sheet(a.name, `Sensitivity: ${scenario.name}`, { rows: 1, cols: 1 }), charts: [] };

  const formats = inputFormats(scenario);
  const fmt = (path: string) => formats.get(basePath(canonicalPath(scenario, path)));
  const shown = (v: InputValue, path: string): ReportCell => cell.input(v, typeof v === "number" ? fmt(path) : undefined);

  // The outputs at base, read from the scenario sheet.
  const baseRow = new Map<string, number>();
  layout.table("Outputs at base (every input as on Assumptions)", columns("Output", "Value"), (firstRow) =>
    tornado.map((t, i) => {
      baseRow.set(t.output, firstRow + i);
      return [cell.label(outputLabel(t.output)), writer.computed(t.base, "output", outputFormat(t.output), baseRef(a.base, t.output))];
    }),
  );

  // The swung inputs, once: every tornado and calculation block reads these cells.
  const swingRow = new Map<string, number>();
  layout.table("Tornado inputs: low and high values (P10 and P90 of each distribution; edit to re-run)", columns("Input", "Low", "High"), (firstRow) =>
    plan.swing.map((s, i) => {
      swingRow.set(s.path, firstRow + i);
      return [cell.label(inputLabel(scenario, s.path)), shown(s.low, s.path), shown(s.high, s.path)];
    }),
  );

  const tornadoSlots = tornado.map((t) => ({ table: layout.reserve(t.bars.length), chart: layout.reserve(t.bars.length) }));
  const gridPlan = plan.grid;
  const gridSlot = gridPlan ? layout.reserve(gridPlan.result.rows.values.length + 1) : undefined;
  if (gridPlan) layout.note(`Grid axes: ${gridPlan.chosen === "file" ? "as set in the file's uncertainty.grid" : "the two inputs with the largest China-revenue swing, 5 values each from low to high"}.`);

  // Calculation blocks (native and live only).
  const blocks = new Map<string, PointTotals>();
  if (native) {
    layout.gap();
    layout.note("Calculation blocks: the pipeline per tornado end and grid point. The tables above read their All periods row.");
    layout.gap();
    for (const s of plan.swing) {
      const row = swingRow.get(s.path) as number;
      for (const [end, value, col] of [["low", s.low, 2], ["high", s.high, 3]] as const) {
        const p = perturbed(scenario, [[s.path, value]]);
        const input = overriding(a.input, [{ path: canonicalPath(scenario, s.path), cell: cellRef(row, col, true) }]);
        blocks.set(`${s.path}|${end}`, pointBlock(layout, { title: `Calculation: ${inputLabel(scenario, s.path)} at its ${end} value (${display(value, fmt(s.path))})`, ...p, input, writer }));
      }
    }
  }

  const charts: ChartSpec[] = [];
  const sheetCharts: SheetChart[] = [];
  tornado.forEach((t, k) => {
    const slots = tornadoSlots[k];
    const chart = tornadoTables(layout, { t, slots, swingRow, baseCell: cellRef(baseRow.get(t.output) as number, 2, true), blocks, writer, fmt, name: (path) => inputLabel(scenario, path) });
    const id = a.chartId(`tornado-${metricOf(t.output)}`);
    charts.push(tornadoChart(id, scenario, t, a.source, fmt));
    sheetCharts.push({ chart: id, data: chart, seriesBy: "columns", at: { row: slots.table.row, col: CHART_COL, rows: 16, cols: 8 } });
  });

  if (gridPlan && gridSlot) gridTable(layout, a, gridSlot, gridPlan, writer, fmt, native);
  return { sheet: { ...layout.sheet(a.name, `Sensitivity: ${scenario.name}`, { rows: 1, cols: 1 }), charts: sheetCharts }, charts };
}

interface TornadoArgs {
  readonly t: Tornado;
  readonly slots: { readonly table: Slot; readonly chart: Slot };
  readonly swingRow: ReadonlyMap<string, number>;
  readonly baseCell: string;
  readonly blocks: ReadonlyMap<string, PointTotals>;
  readonly writer: CellWriter;
  readonly fmt: (path: string) => string | undefined;
  /** An input path in words. */
  readonly name: (path: string) => string;
}

/** The tornado table of one output and its chart data (change from base); returns the chart data's area. */
function tornadoTables(layout: SheetLayout, { t, slots, swingRow, baseCell, blocks, writer, fmt, name }: TornadoArgs) {
  const format = outputFormat(t.output);
  const metric = metricOf(t.output) === "shipped" ? "shipped" : "chinaRevenue";
  const label = outputLabel(t.output);
  const at = (path: string, end: "low" | "high") => blocks.get(`${path}|${end}`)?.[metric];
  const rows = t.bars.map((b, i): ReportCell[] => {
    const r = slots.table.firstRow + i;
    const src = swingRow.get(b.path) as number;
    const lowF = typeof b.low === "number" ? fmt(b.path) : undefined;
    return [
      cell.label(name(b.path)),
      echo(b.low, lowF, cellRef(src, 2, true), writer),
      echo(b.high, lowF, cellRef(src, 3, true), writer),
      writer.computed(b.atLow, "output", format, at(b.path, "low")),
      writer.computed(b.atHigh, "output", format, at(b.path, "high")),
      writer.computed(b.swing, "output", format, `ABS(${cellRef(r, 5)}-${cellRef(r, 4)})`),
    ];
  });
  layout.fill(slots.table, { title: `Tornado: ${label} (largest swing first)`, columns: columns("Input", "Low", "High", `${label} at low`, `${label} at high`, "Swing"), rows });
  const chartRows = t.bars.map((b, i): ReportCell[] => {
    const r = slots.table.firstRow + i;
    return [
      cell.label(name(b.path)),
      writer.computed(b.atLow - t.base, "output", format, `${cellRef(r, 4)}-${baseCell}`),
      writer.computed(b.atHigh - t.base, "output", format, `${cellRef(r, 5)}-${baseCell}`),
    ];
  });
  layout.fill(slots.chart, { title: `Tornado chart data: ${label}, change from base`, columns: columns("Input", "Input at low", "Input at high"), rows: chartRows });
  return { row: slots.chart.row + 1, col: 1, rows: t.bars.length + 1, cols: 3 };
}

/**
 * A Low/High value read from the tornado inputs table. A flag is shown as the text TRUE/FALSE
 * (a plain reference to a flag cell reads 0/1 in LibreOffice).
 */
function echo(v: InputValue, format: string | undefined, ref: string, writer: CellWriter): ReportCell {
  if (typeof v === "boolean") return writer.computed(v ? "TRUE" : "FALSE", "calculation", undefined, `IF(${ref},"TRUE","FALSE")`);
  return writer.computed(v, "calculation", format, ref);
}

/** A horizontal tornado: each input by name, its bars from base to the output at its low and high value, labelled with those values. */
function tornadoChart(id: string, scenario: Scenario, t: Tornado, source: string, fmt: (path: string) => string | undefined): ChartSpec {
  const end = (path: string, v: InputValue) => `at ${typeof v === "number" ? display(v, fmt(path)) : String(v)}`;
  return {
    id,
    kind: "bar",
    orientation: "horizontal",
    title: `Tornado: ${outputLabel(t.output)}, ${scenario.name}`,
    xLabel: `Change from base (${display(t.base, outputFormat(t.output))}), one input at a time`,
    yLabel: "Input",
    yFormat: outputFormat(t.output),
    categories: t.bars.map((b) => inputLabel(scenario, b.path)),
    series: [
      { name: "Input at low", values: t.bars.map((b) => b.atLow - t.base) },
      { name: "Input at high", values: t.bars.map((b) => b.atHigh - t.base) },
    ],
    ends: t.bars.map((b) => [end(b.path, b.low), end(b.path, b.high)]),
    source,
  };
}

/** The grid: column-axis values across the first data row, row-axis values down column A, the output in the body. */
function gridTable(
  layout: SheetLayout,
  a: UncertaintySheetArgs,
  slot: Slot,
  plan: NonNullable<UncertaintyPlan["grid"]>,
  writer: CellWriter,
  fmt: (path: string) => string | undefined,
  native: boolean,
): void {
  const { scenario } = a;
  const { rows: rowAxis, columns: colAxis } = plan.result;
  const table = plan.result.outputs[0];
  const metric = metricOf(plan.output);
  // The calculation blocks total China revenue and shipped over all periods; other outputs keep engine values.
  const readable = native && /^(totals\.)?(chinaRevenue|shipped)$/.test(plan.output);
  const format = outputFormat(plan.output);
  const axisCell = (v: InputValue, path: string): ReportCell => cell.input(v, typeof v === "number" ? fmt(path) : undefined);
  const headerRow = slot.firstRow;
  const rowCanon = canonicalPath(scenario, rowAxis.path);
  const colCanon = canonicalPath(scenario, colAxis.path);
  const [rowName, colName] = [inputLabel(scenario, rowAxis.path), inputLabel(scenario, colAxis.path)];

  // Blocks for each grid point go below everything placed so far.
  const totals: (PointTotals | undefined)[][] = rowAxis.values.map((rv, i) =>
    colAxis.values.map((cv, j) => {
      if (!readable) return undefined;
      const p = perturbed(scenario, [
        [rowAxis.path, rv],
        [colAxis.path, cv],
      ]);
      const input = overriding(a.input, [
        { path: rowCanon, cell: cellRef(headerRow + 1 + i, 1, true) },
        { path: colCanon, cell: cellRef(headerRow, 2 + j, true) },
      ]);
      return pointBlock(layout, { title: `Calculation: grid ${rowName} = ${display(rv, fmt(rowAxis.path))}, ${colName} = ${display(cv, fmt(colAxis.path))}`, ...p, input, writer });
    }),
  );
  const rows: ReportCell[][] = [
    [cell.label(`${rowName} (down) x ${colName} (across)`), ...colAxis.values.map((v) => axisCell(v, colAxis.path))],
    ...rowAxis.values.map((rv, i): ReportCell[] => [
      axisCell(rv, rowAxis.path),
      ...colAxis.values.map((_, j) => writer.computed(table.values[i][j], "output", format, totals[i][j]?.[metric as "chinaRevenue" | "shipped"])),
    ]),
  ];
  if (native && !readable) layout.note(`The grid's output (${outputLabel(plan.output)}) holds the engine's values: the calculation blocks total China revenue and shipped only.`);
  layout.fill(slot, {
    title: `Grid: ${outputLabel(plan.output)} (base ${display(table.base, format)})`,
    columns: columns(rowName, ...colAxis.values.map((_, j) => `${colName} #${j + 1}`)),
    rows,
    colorScale: { row: headerRow + 1, col: 2, rows: rowAxis.values.length, cols: colAxis.values.length },
  });
}

/**
 * An `input` function that answers the varied paths from cells of this sheet: a path with a
 * period index ("market.supply[0]") replaces that period only, a whole per-period path every period.
 */
export function overriding(input: (path: string, period?: number) => string, varied: readonly { path: string; cell: string }[]): (path: string, period?: number) => string {
  const parsed = varied.map((v) => {
    const m = /^(.*)\[(\d+)\]$/.exec(v.path);
    return m ? { base: m[1], period: Number(m[2]) as number | undefined, cell: v.cell } : { base: v.path, period: undefined, cell: v.cell };
  });
  return (path, period) => {
    for (const v of parsed) if (v.base === path && (v.period === undefined || v.period === period)) return v.cell;
    return input(path, period);
  };
}

/** Why the sheet cannot be formulas: a custom rule with no Excel translation. */
function nativeFallback(a: UncertaintySheetArgs): string | undefined {
  for (const rule of a.scenario.rules) {
    if (rule.enabled === false || (STEP_IDS as readonly string[]).includes(rule.id)) continue;
    const reason = ruleFallbackReason(rule, { input: a.input, buyer: 0, period: 0, previous: "A1" });
    if (reason !== undefined) return `custom rule ${rule.id} has no Excel formula (${reason})`;
  }
  return undefined;
}

const basePath = (canonical: string): string => canonical.replace(/\[\d+\]$/, "");

function inputFormats(scenario: Scenario): Map<string, string | undefined> {
  return new Map(scenarioInputs(scenario).map((i) => [i.path, i.format]));
}

const baseRef = (base: PointTotals, output: string): string | undefined => (output === TORNADO_OUTPUTS[0] ? base.chinaRevenue : output === TORNADO_OUTPUTS[1] ? base.shipped : undefined);
