/**
 * The engine call behind one custom-function calculation, as a plain function so the worker,
 * the synchronous path for small calls, and tests all run the same code. The simulation's
 * per-iteration arrays stay here: only the summary is posted back.
 */
import { grid, sensitivity, simulate } from "../../engine";
import { CalcAnswer, CalcWork } from "./protocol";

/**
 * Runs `work` with the engine.
 * @example calculate({ fn: "grid", scenario, spec: { rows: { path: "china.approvalRate", values: [0.4] }, columns: { path: "market.supply", values: [1e5] }, outputs: ["totals.shipped"] } }).ok // returns true
 */
export function calculate(work: CalcWork): CalcAnswer {
  switch (work.fn) {
    case "simulate": {
      const r = simulate(work.scenario, work.spec);
      if (!r.ok) return r;
      const { iterations, seed, mode, inputs, outputs } = r.value;
      return { ok: true, value: { iterations, seed, mode, inputs, outputs } };
    }
    case "sensitivity":
      return sensitivity(work.scenario, work.spec);
    case "grid":
      return grid(work.scenario, work.spec);
  }
}
