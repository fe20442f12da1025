/**
 * What the Sensitivity and Monte Carlo sheets show for one scenario, computed once by the
 * engine: the uncertainty block read (report overrides applied), the tornado of each output,
 * the 2-D grid and the seeded simulation. Problems come back as text for the sheets' notes.
 */
import {
  Evaluation,
  GridAxis,
  GridResult,
  InputValue,
  Result,
  Scenario,
  SimulationResult,
  SwingInput,
  Tornado,
  UncertaintySpec,
  evaluate,
  formatProblem,
  grid,
  metricOf,
  outputLabel,
  readUncertainty,
  resolveInput,
  sensitivity,
  simulate,
  swingInputsFrom,
  workingCopy,
} from "../engine";
import { FORMATS } from "./formats";

/** The outputs each tornado is drawn for: China revenue and H200 shipped, summed over all periods. */
export const TORNADO_OUTPUTS = ["totals.chinaRevenue", "totals.shipped"] as const;
export const DEFAULT_GRID_OUTPUT = "totals.chinaRevenue";
/** Grid values per axis when the file gives none: spread evenly over the tornado's low..high. */
export const GRID_POINTS = 5;
/** Iterations the report runs when neither the caller nor a smaller file setting says otherwise. */
export const REPORT_ITERATIONS = 10_000;

/** Report-wide settings for the uncertainty sheets (ReportOptions.uncertainty). */
export interface UncertaintyReportOptions {
  /** false: no Sensitivity or Monte Carlo sheets. Default true. */
  readonly include?: boolean;
  /** Monte Carlo iterations; default: the file's, at most REPORT_ITERATIONS. */
  readonly iterations?: number;
  /** Monte Carlo seed; default: the file's (else 1). */
  readonly seed?: number;
  /**
   * Simulations already run elsewhere (the task pane runs them in its worker), by scenario:
   * used instead of running simulate() here when its spec is the one reportSimulationSpec gives.
   */
  readonly simulated?: ReadonlyMap<Scenario, { readonly spec: UncertaintySpec; readonly result: Result<ReportSimulation> }>;
}

/** What the Monte Carlo sheet shows of a simulation: everything but the per-iteration arrays. */
export type ReportSimulation = Omit<SimulationResult, "samples" | "draws">;

export interface GridPlan {
  readonly result: GridResult;
  readonly output: string;
  /** "file": the block's `grid` field; "swing": the two inputs with the largest tornado swing. */
  readonly chosen: "file" | "swing";
}

export interface UncertaintyPlan {
  /** Absent when the block itself has problems. */
  readonly spec?: UncertaintySpec;
  /** The iterations the file asks for (the report may run fewer, see `spec.iterations`). */
  readonly fileIterations: number;
  readonly swing: readonly SwingInput[];
  readonly tornado?: readonly Tornado[];
  readonly grid?: GridPlan;
  readonly simulation?: ReportSimulation;
  /** Why a part is missing, one line each (shown on the sheets). */
  readonly problems: readonly string[];
}

/**
 * The plan for a scenario with an `uncertainty` block; undefined when it has none.
 * @example uncertaintyPlan({ ...scenario, uncertainty: { iterations: 100, inputs: { "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 } } } })?.tornado?.[0].output // returns "totals.chinaRevenue"
 */
export function uncertaintyPlan(scenario: Scenario, options: UncertaintyReportOptions = {}): UncertaintyPlan | undefined {
  if (scenario.uncertainty === undefined) return undefined;
  const fromFile = readUncertainty(scenario.uncertainty);
  if (!fromFile.ok) return { fileIterations: 0, swing: [], problems: fromFile.problems.map(formatProblem) };
  const fileIterations = fromFile.value.iterations;
  const read = reportSimulationSpec(scenario, options);
  if (!read?.ok) return { spec: fromFile.value, fileIterations, swing: [], problems: read ? read.problems.map(formatProblem) : [] };
  const spec = read.value;
  const problems: string[] = [];
  const swing = swingInputsFrom(scenario, spec.inputs);

  const tornadoResult = sensitivity(scenario, { inputs: swing, outputs: [...TORNADO_OUTPUTS] });
  const tornado = tornadoResult.ok ? tornadoResult.value : undefined;
  if (!tornadoResult.ok) problems.push(...tornadoResult.problems.map((p) => `Tornado: ${formatProblem(p)}`));

  let gridPlan: GridPlan | undefined;
  const axes = gridAxes(scenario, spec, swing, tornado);
  if (typeof axes === "string") problems.push(`Grid: ${axes}`);
  else {
    const output = spec.grid?.output ?? DEFAULT_GRID_OUTPUT;
    const r = grid(scenario, { rows: axes[0], columns: axes[1], outputs: [output] });
    if (r.ok) gridPlan = { result: r.value, output, chosen: spec.grid ? "file" : "swing" };
    else problems.push(...r.problems.map((p) => `Grid: ${formatProblem(p).replace(/^rows/, "uncertainty.grid.rows").replace(/^columns/, "uncertainty.grid.columns").replace(/^outputs\[0\]/, "uncertainty.grid.output")}`));
  }

  const given = options.simulated?.get(scenario);
  const sim = given && JSON.stringify(given.spec) === JSON.stringify(spec) ? given.result : simulate(scenario, spec);
  if (!sim.ok) problems.push(...sim.problems.map((p) => `Monte Carlo: ${formatProblem(p)}`));
  return { spec, fileIterations, swing, tornado, grid: gridPlan, simulation: sim.ok ? sim.value : undefined, problems };
}

/**
 * The Monte Carlo spec the report runs for a scenario (the file's block, report overrides
 * applied, at most REPORT_ITERATIONS); undefined without a block. The task pane runs it in its
 * worker and hands the result back through `simulated`.
 * @example reportSimulationSpec({ ...scenario, uncertainty: { iterations: 50000, inputs: { "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 } } } })?.value?.iterations // returns 10000
 */
export function reportSimulationSpec(scenario: Scenario, options: UncertaintyReportOptions = {}): Result<UncertaintySpec> | undefined {
  if (scenario.uncertainty === undefined) return undefined;
  const fromFile = readUncertainty(scenario.uncertainty);
  if (!fromFile.ok) return fromFile;
  return readUncertainty(scenario.uncertainty, {
    iterations: options.iterations ?? Math.min(fromFile.value.iterations, REPORT_ITERATIONS),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
}

/** The grid's two axes: the file's `grid` field, else the two largest China-revenue swings. */
function gridAxes(scenario: Scenario, spec: UncertaintySpec, swing: readonly SwingInput[], tornado: readonly Tornado[] | undefined): [GridAxis, GridAxis] | string {
  const spread = (path: string): readonly InputValue[] | string => {
    const canonical = canonicalPath(scenario, path);
    const s = swing.find((x) => canonicalPath(scenario, x.path) === canonical);
    if (!s) return `${path} has no values: give them in uncertainty.grid, or give the input a distribution in uncertainty.inputs`;
    return axisValues(s.low, s.high);
  };
  if (spec.grid) {
    const axes = [spec.grid.rows, spec.grid.columns].map((a) => ({ path: a.path, values: a.values ?? spread(a.path) }));
    const bad = axes.find((a) => typeof a.values === "string");
    if (bad) return bad.values as string;
    return axes as [GridAxis, GridAxis];
  }
  if (!tornado) return "no tornado to choose the grid's inputs from";
  const seen = new Set<string>();
  const paths: string[] = [];
  for (const bar of tornado[0].bars) {
    const c = canonicalPath(scenario, bar.path);
    if (seen.has(c)) continue;
    seen.add(c);
    paths.push(bar.path);
  }
  if (paths.length < 2) return "a grid needs two uncertain inputs; the block has one";
  return [
    { path: paths[0], values: spread(paths[0]) as readonly InputValue[] },
    { path: paths[1], values: spread(paths[1]) as readonly InputValue[] },
  ];
}

/**
 * GRID_POINTS values from low to high for numbers; both ends otherwise (flags, choices).
 * @example axisValues(0, 4) // returns [0, 1, 2, 3, 4]
 */
export function axisValues(low: InputValue, high: InputValue): InputValue[] {
  if (typeof low !== "number" || typeof high !== "number") return low === high ? [low] : [low, high];
  return Array.from({ length: GRID_POINTS }, (_, k) => (k === GRID_POINTS - 1 ? high : low + ((high - low) * k) / (GRID_POINTS - 1)));
}

/** An input path as the engine names it (buyers by index), or the path itself when it does not resolve. */
export function canonicalPath(scenario: Scenario, path: string): string {
  const slot = resolveInput(scenario, path);
  return typeof slot === "string" ? path : slot.path;
}

/** The scenario with each (path, value) set as the engine sets it, and its evaluation. */
export function perturbed(scenario: Scenario, settings: readonly (readonly [string, InputValue])[]): { scenario: Scenario; evaluation: Evaluation } {
  const work = workingCopy(scenario);
  for (const [path, value] of settings) {
    const slot = resolveInput(scenario, path);
    if (typeof slot === "string") throw new Error(slot);
    slot.set(work, value);
  }
  const s = work as Scenario;
  return { scenario: s, evaluation: evaluate(s) };
}

const MONEY_METRICS = ["revenue", "usShare", "nvidiaNet", "chinaRevenue", "baselineChinaRevenue"];

export { metricOf, outputLabel };

/** The number format of an output's values. */
export const outputFormat = (output: string): string => (MONEY_METRICS.includes(metricOf(output)) ? FORMATS.usdBillions : FORMATS.units);

