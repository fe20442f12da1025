/**
 * The Monte Carlo sheet of a scenario with an `uncertainty` block: the run (seed, iterations,
 * evaluation mode), each input's distribution, a percentile table per output and a histogram
 * of the main output. A simulation is not a formula: the figures are the engine's, from a
 * seeded run anyone can repeat with `chips simulate`. Only the histogram's shares are
 * formulas (count / total), in native and live modes.
 */
import { Distribution, HistogramBin, InputValue, OutputSummary, Scenario, inputLabel } from "../engine";
import { cellRef, rangeRef } from "./a1";
import { FORMATS, display } from "./formats";
import { CellWriter } from "./formulas";
import { SheetLayout, cell, columns } from "./layout";
import { ChartSpec, ReportCell, SheetChart } from "./model";
import { shownPercentiles } from "./percentiles";
import { BuiltSheet } from "./sensitivitySheet";
import { UncertaintyPlan, outputFormat, outputLabel } from "./uncertainty";

export interface MonteCarloSheetArgs {
  readonly name: string;
  readonly scenario: Scenario;
  readonly file?: string;
  readonly plan: UncertaintyPlan;
  readonly writer: CellWriter;
  readonly chartId: (stem: string) => string;
  readonly source: string;
}

const CHART_COL = 8;

export function monteCarloSheet(a: MonteCarloSheetArgs): BuiltSheet {
  const { scenario, plan, writer } = a;
  const layout = new SheetLayout();
  const sim = plan.simulation;
  const spec = plan.spec;
  const title = `Monte Carlo: ${scenario.name}`;
  layout.note(`${scenario.name}${a.file ? ` (${a.file})` : ""}: the uncertain inputs drawn together, ${spec ? spec.iterations.toLocaleString("en-US") : "no"} times; every other input as on the Assumptions sheet.`);
  for (const p of plan.problems.filter((x) => x.startsWith("Monte Carlo") || !spec)) layout.note(p);
  if (!sim || !spec) return { sheet: layout.sheet(a.name, title, { rows: 1, cols: 1 }), charts: [] };

  const file = a.file && !a.file.startsWith("built-in:") ? a.file : "FILE";
  layout.note(
    `These figures are a seeded simulation, not formulas: ${sim.iterations.toLocaleString("en-US")} iterations, seed ${sim.seed}; the same seed gives the same numbers. ` +
      `Reproduce them with \`chips simulate ${file} --seed ${sim.seed} --iterations ${sim.iterations}\`${file === "FILE" ? " (FILE: this built-in scenario written out as a scenario file with its uncertainty block; its inputs are on the Assumptions sheet)" : ""}. ` +
      "Editing Assumptions does not re-run the simulation.",
    2,
  );
  if (plan.fileIterations !== sim.iterations) layout.note(`The file asks for ${plan.fileIterations.toLocaleString("en-US")} iterations; this report ran ${sim.iterations.toLocaleString("en-US")} (chips report --iterations N).`);
  layout.gap();

  layout.table("Run", columns("Setting", "Value"), () => [
    [cell.label("Iterations"), { value: sim.iterations, role: "calculation", format: FORMATS.units }],
    [cell.label("Seed"), { value: sim.seed, role: "calculation" }],
    [cell.label("Evaluation"), cell.label(sim.mode === "fast" ? "fast (built-in pipeline, allocation-free loop)" : "general (evaluateScenario: custom rules present)")],
    [cell.label("Generator"), cell.label("sfc32, one stream, inputs drawn in the order below")],
  ]);

  layout.table("Uncertain inputs", columns("Input", "Distribution", "Parameters", "Tornado low (P10)", "Tornado high (P90)"), () =>
    sim.inputs.map((input, i): ReportCell[] => {
      const s = plan.swing[i];
      return [cell.label(inputLabel(scenario, input.path)), cell.label(input.distribution.dist), cell.label(parameters(input.distribution)), cell.label(shown(s?.low)), cell.label(shown(s?.high))];
    }),
  );

  const extra = Object.keys(sim.outputs[0]?.percentiles ?? {}).filter((k) => !["P10", "P50", "P90"].includes(k));
  layout.table("Percentiles", columns("Output", "Mean", "P10", "P50", "P90", ...extra, "Min", "Max", "Std dev"), () =>
    sim.outputs.map((o): ReportCell[] => {
      const f = outputFormat(o.output);
      const v = (x: number): ReportCell => ({ value: x, role: "output", format: f });
      return [cell.label(outputLabel(o.output)), v(o.mean), v(o.p10), v(o.p50), v(o.p90), ...extra.map((k) => v(o.percentiles[k])), v(o.min), v(o.max), v(o.sd)];
    }),
  );

  const main = sim.outputs[0];
  const charts: ChartSpec[] = [];
  const sheetCharts: SheetChart[] = [];
  if (main) {
    const f = outputFormat(main.output);
    const bins = main.histogram;
    let at = { row: 0, col: 1, rows: bins.length + 1, cols: 2 };
    layout.table(`Histogram: ${outputLabel(main.output)} (${bins.length} equal-width bins)`, columns("Bin", "Count", "Share", "From", "To"), (firstRow) => {
      at = { ...at, row: firstRow - 1 };
      const counts = rangeRef(firstRow, firstRow + bins.length - 1, 2);
      return bins.map((b, i): ReportCell[] => [
        cell.label(binLabel(b, f)),
        { value: b.count, role: "output", format: FORMATS.units },
        writer.computed(b.count / sim.iterations, "output", FORMATS.percent, `${cellRef(firstRow + i, 2)}/SUM(${counts})`),
        { value: b.from, role: "calculation", format: f },
        { value: b.to, role: "calculation", format: f },
      ]);
    });
    const id = a.chartId("histogram");
    charts.push(histogramChart(id, scenario.name, main, sim.iterations, sim.seed, a.source));
    sheetCharts.push({ chart: id, data: at, seriesBy: "columns", at: { row: at.row - 1, col: CHART_COL, rows: 18, cols: 9 } });
  }
  return { sheet: { ...layout.sheet(a.name, title, { rows: 1, cols: 1 }), charts: sheetCharts }, charts };
}

function histogramChart(id: string, scenarioName: string, o: OutputSummary, iterations: number, seed: number, source: string): ChartSpec {
  const f = outputFormat(o.output);
  return {
    id,
    kind: "bar",
    title: `Monte Carlo: ${outputLabel(o.output)}, ${scenarioName}`,
    xLabel: `Bin (from; ${shownPercentiles(o).map(([k, v]) => `${display(v, f)} ${k}`).join(", ")})`,
    yLabel: "Iterations",
    yFormat: FORMATS.units,
    categories: o.histogram.map((b) => display(b.from, f)),
    series: [{ name: `Count of ${iterations.toLocaleString("en-US")} iterations (seed ${seed})`, values: o.histogram.map((b) => b.count) }],
    source,
  };
}

/** "$4.1bn to $4.3bn". */
const binLabel = (b: HistogramBin, format: string): string => `${display(b.from, format)} to ${display(b.to, format)}`;

const shown = (v: InputValue | undefined): string => (v === undefined ? "" : typeof v === "number" ? String(Number(v.toPrecision(6))) : String(v));

/**
 * A distribution's parameters in words.
 * @example parameters({ dist: "triangular", min: 0.5, mode: 1, max: 1.5 }) // returns "min 0.5, mode 1, max 1.5"
 */
export function parameters(d: Distribution): string {
  switch (d.dist) {
    case "uniform":
      return `min ${d.min}, max ${d.max}`;
    case "triangular":
      return `min ${d.min}, mode ${d.mode}, max ${d.max}`;
    case "normal":
      return `mean ${d.mean}, sd ${d.sd}${d.min === undefined ? "" : `, min ${d.min}`}${d.max === undefined ? "" : `, max ${d.max}`} (truncated to the field's range)`;
    case "bernoulli":
      return `P(true) = ${d.p}`;
    case "choice":
      return d.values.map((v, i) => `${String(v)}${d.weights ? ` (weight ${d.weights[i]})` : ""}`).join(", ");
  }
}
