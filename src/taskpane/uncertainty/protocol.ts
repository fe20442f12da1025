/**
 * Messages between the task pane and the simulation worker. Plain, structured-cloneable data:
 * the scenario document goes in as written, summaries come out (never the per-iteration
 * samples, which can be hundreds of MB for a large run).
 */
import type { GridResult, GridSpec, Problem, Result, Scenario, SensitivitySpec, SimulationResult, Tornado, UncertaintySpec } from "../../engine";

/** One run: Monte Carlo over the document's uncertainty block, then a tornado of the same inputs. */
export interface RunRequest {
  readonly kind: "run";
  /** Answers carry it back, so a late message from an earlier run is never mistaken for this one. */
  readonly id: number;
  /** The scenario document as the pane holds it, `uncertainty` block included. */
  readonly document: unknown;
  /** Settings that win over the block's (readUncertainty's overrides). */
  readonly iterations?: number;
  readonly seed?: number;
  readonly outputs?: readonly string[];
  /** Also run a tornado (each input at its P10 and P90, the others at base). Default true. */
  readonly tornado?: boolean;
}

/** What a finished Monte Carlo run reports: SimulationResult without the per-iteration arrays (kept in the worker). */
export type SimulationSummary = Omit<SimulationResult, "samples" | "draws">;

export interface RunResults {
  readonly simulation: SimulationSummary;
  /** One tornado per output, or the problems that stopped it (the simulation still stands). */
  readonly tornado: { readonly ok: true; readonly value: readonly Tornado[] } | { readonly ok: false; readonly problems: readonly Problem[] } | null;
  /** Wall-clock time of the run inside the worker. */
  readonly millis: number;
}

/** The end of a run: results, the problems that prevented them (located by field path), or a cancellation. */
export type RunOutcome =
  | { readonly status: "done"; readonly results: RunResults }
  | { readonly status: "problems"; readonly problems: readonly Problem[] }
  | { readonly status: "cancelled"; readonly message: string };

export type WorkerReply =
  | { readonly kind: "progress"; readonly id: number; /** 0 < fraction <= 1 */ readonly fraction: number }
  | { readonly kind: "outcome"; readonly id: number; readonly outcome: RunOutcome };

/** Where the tornado's share of the progress bar starts: the Monte Carlo is nearly all the work. */
export const SIMULATION_SHARE = 0.98;

/**
 * One long custom-function calculation (CHIPS.SIMULATE, SENSITIVITY, SENSITIVITY_GRID), sent by
 * the functions runtime with its arguments already read: the engine's scenario and spec in, the
 * engine's result out, so the worker runs exactly what the synchronous call would.
 */
export type CalcWork =
  | { readonly fn: "simulate"; readonly scenario: Scenario; readonly spec: UncertaintySpec }
  | { readonly fn: "sensitivity"; readonly scenario: Scenario; readonly spec: SensitivitySpec }
  | { readonly fn: "grid"; readonly scenario: Scenario; readonly spec: GridSpec };

/** What each calculation answers (a simulation without its per-iteration arrays). */
export interface CalcValues {
  readonly simulate: SimulationSummary;
  readonly sensitivity: readonly Tornado[];
  readonly grid: GridResult;
}
export type CalcFn = CalcWork["fn"];
export type CalcAnswer<F extends CalcFn = CalcFn> = Result<CalcValues[F]>;

export interface CalcRequest {
  readonly kind: "calc";
  readonly id: number;
  readonly work: CalcWork;
}
export interface CalcReply {
  readonly kind: "calculated";
  readonly id: number;
  readonly answer: CalcAnswer;
}
