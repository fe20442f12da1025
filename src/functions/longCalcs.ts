/**
 * CHIPS.SIMULATE, SENSITIVITY and SENSITIVITY_GRID in two halves: reading the ranges into the
 * engine's scenario and spec (fast, on Excel's calculation thread, where bad input becomes an
 * Excel error at once), and the engine's work, which `spillLater` sends to the worker when it is
 * larger than a few milliseconds. Both paths map the same engine answer to the same spill.
 */
import { CalcFn, CalcValues, CalcWork } from "../taskpane/uncertainty/protocol";
import { calculate } from "../taskpane/uncertainty/calculate";
import { DocPath, readUncertainty } from "../engine";
import { Spill, guarded } from "./adapter";
import { all } from "./allRead";
import { CalcClient } from "./calcClient";
import { readDistributionRows } from "./distributionRows";
import { asFlagWhereFlag, choiceFlags } from "./flagInputs";
import { readAxis } from "./gridAxes";
import { Place, gridPlace, simulationPlace, swingPlace, unwrapAt } from "./rangePlaces";
import { scenarioOfRanges } from "./scenarioRanges";
import { DEFAULT_SIMULATE_OUTPUT, readIterations, readOneOutput, readOutputs, readPercentiles, readSeed } from "./simulateArgs";
import { readSwingRows } from "./swingRows";
import { gridTable, simulationTable, tornadoTable } from "./uncertaintySpills";

/** A call read and ready: the engine's work, its size, and how its answer becomes the spill. */
export interface PreparedCalc<F extends CalcFn = CalcFn> {
  readonly work: Extract<CalcWork, { fn: F }>;
  /** Scenario evaluations the work takes: iterations, 2 per swing + 1, grid cells. */
  readonly evaluations: number;
  /** Where an engine problem's location points in the caller's ranges. */
  readonly place: Place;
  spill(value: CalcValues[F]): Spill;
}

/**
 * Calls of at least this many scenario evaluations go to the worker; smaller ones (a few ms at
 * ~10 µs an evaluation, less than a worker round trip) are answered on the spot.
 */
export const ASYNC_FROM_EVALUATIONS = 2_000;

type Arg = unknown[][] | undefined;

export function prepareSimulate(buyers: Arg, policy: Arg, distributions: Arg, output?: Arg, iterations?: Arg, seed?: Arg, percentiles?: Arg, rules?: Arg): PreparedCalc<"simulate"> {
  const scenario = scenarioOfRanges(buyers, policy, rules);
  const [rows, outputs, n, s, ps] = all(readDistributionRows(distributions), readOutputs(output, DEFAULT_SIMULATE_OUTPUT), readIterations(iterations), readSeed(seed), readPercentiles(percentiles));
  const place = (at: DocPath) => simulationPlace(at, rows.rowOf, outputs);
  const raw = { inputs: Object.fromEntries(choiceFlags(scenario, rows.inputs).map((i) => [i.path, i.distribution])) };
  const spec = unwrapAt(readUncertainty(raw, { iterations: n, seed: s, outputs, percentiles: ps }), place);
  return { work: { fn: "simulate", scenario, spec }, evaluations: spec.iterations, place, spill: (summary) => simulationTable(summary, ps) };
}

export function prepareSensitivity(buyers: Arg, policy: Arg, swings: Arg, output?: Arg, rules?: Arg): PreparedCalc<"sensitivity"> {
  const scenario = scenarioOfRanges(buyers, policy, rules);
  const [swingRows, out] = all(readSwingRows(swings), readOneOutput(output, "CHIPS.SENSITIVITY"));
  const inputs = swingRows.inputs.map((i) => ({ path: i.path, low: asFlagWhereFlag(scenario, i.path, i.low), high: asFlagWhereFlag(scenario, i.path, i.high) }));
  return {
    work: { fn: "sensitivity", scenario, spec: { inputs, outputs: [out] } },
    evaluations: 2 * inputs.length + 1,
    place: (at) => swingPlace(at, swingRows.rows),
    spill: ([tornado]) => tornadoTable(tornado),
  };
}

export function prepareGrid(buyers: Arg, policy: Arg, rowAxis: Arg, columnAxis: Arg, output?: Arg, rules?: Arg): PreparedCalc<"grid"> {
  const scenario = scenarioOfRanges(buyers, policy, rules);
  const [rowsRead, columnsRead, out] = all(readAxis(rowAxis, "rowAxis"), readAxis(columnAxis, "columnAxis"), readOneOutput(output, "CHIPS.SENSITIVITY_GRID"));
  const [rows, columns] = [rowsRead, columnsRead].map((a) => ({ path: a.path, values: a.values.map((v) => asFlagWhereFlag(scenario, a.path, v)) }));
  return { work: { fn: "grid", scenario, spec: { rows, columns, outputs: [out] } }, evaluations: rows.values.length * columns.values.length, place: gridPlace, spill: gridTable };
}

/** The spill of a prepared call, computed here and now (Excel errors thrown). */
export function spillNow<F extends CalcFn>(prepared: PreparedCalc<F>): Spill {
  return guarded(() => prepared.spill(unwrapAt(calculate(prepared.work), prepared.place) as CalcValues[F]));
}

/** The synchronous calls (tests, the HyperFormula harness, the bench's baseline). */
export const simulateSpill = (...args: Parameters<typeof prepareSimulate>): Spill => spillNow(guarded(() => prepareSimulate(...args)));
export const sensitivitySpill = (...args: Parameters<typeof prepareSensitivity>): Spill => spillNow(guarded(() => prepareSensitivity(...args)));
export const gridSpill = (...args: Parameters<typeof prepareGrid>): Spill => spillNow(guarded(() => prepareGrid(...args)));

let client: CalcClient | undefined;

/** Sets the client long calls go to (the functions bundle sets the bundled worker; none: computed in place). */
export function useCalcClient(next: CalcClient | undefined): void {
  client = next;
}

/**
 * A custom function's Promise result: an Excel error for bad arguments at once; a small call
 * answered on the spot; a large one sent to the worker, stopped when Excel cancels it.
 * @example (await spillLater(() => prepareGrid([["name", "requested", "domesticUnits"], ["A", 100, 50]], [["name", "T"], ["periods", "FY2027Q1"], ["market.h200Price", 27000], ["market.supply", 1000]], [["market.supply"], [10], [1000]], [["china.approvalRate", 0.5]]))).length // returns 3 — a header row and one row per value of the row axis; small grids are answered on the spot
 */
export function spillLater<F extends CalcFn>(prepare: () => PreparedCalc<F>, invocation?: CustomFunctions.CancelableInvocation): Promise<Spill> {
  try {
    const prepared = guarded(prepare);
    if (!client || prepared.evaluations < ASYNC_FROM_EVALUATIONS) return Promise.resolve(spillNow(prepared));
    const job = client.submit(prepared.work);
    if (invocation) invocation.onCanceled = () => job.cancel();
    return job.answer.then((answer) => guarded(() => prepared.spill(unwrapAt(answer, prepared.place) as CalcValues[F])));
  } catch (e) {
    return Promise.reject(e);
  }
}
