/**
 * Evaluates a working scenario into a frame, choosing the allocation-free loop (frame.ts) for
 * docs/model.md's built-in pipeline and the general `evaluateScenario` when custom rules are enabled.
 */
import { evaluateScenario } from "../evaluate";
import { Step } from "../pipeline";
import { Problem, problem } from "../problems";
import { RuleError, pipelineFor } from "../rules/pipelineFor";
import { Scenario } from "../scenario";
import { InputValue } from "./distributions";
import { flatWriter, flatten, refresh } from "./flat";
import { READS_ALL, evaluateFlat, frameLayout, frameOf } from "./frame";
import { InputSlot, WorkingScenario } from "./inputs";

export type EvaluationMode = "fast" | "general";

export interface FrameEvaluator {
  readonly mode: EvaluationMode;
  readonly frame: Float64Array;
  /**
   * Evaluates `work` into `frame`; returns problems (a failing custom rule), or undefined. The
   * fast evaluator re-reads `work` whole unless it is the one it last ran and only its
   * `setters` changed it since: write into a working copy through setters, or pass a fresh copy.
   */
  run(work: WorkingScenario): readonly Problem[] | undefined;
  /**
   * Setters for `slots` on `work` that the next `run(work)` sees without re-reading the whole
   * scenario. Where the fast loop's flat copy holds every slot's field, they write only that
   * copy (a Monte Carlo draw costs a few stores): `work` then belongs to this evaluator and
   * keeps its first values; running another copy and then `work` again is refused.
   */
  setters(slots: readonly InputSlot[], work: WorkingScenario): ((value: InputValue) => void)[];
}

/**
 * The evaluator for a scenario: "fast" without enabled custom rules, unless `mode` forces one.
 * Rules are not inputs, so the pipeline is built once. `reads` (frame.ts `readsOf`): the figures
 * the caller reads, which the fast loop may limit itself to.
 */
export function frameEvaluator(scenario: Scenario, mode?: EvaluationMode, reads = READS_ALL): FrameEvaluator | readonly Problem[] {
  const frame = new Float64Array(frameLayout(scenario).size);
  const hasRules = scenario.rules.some((r) => r.enabled !== false);
  if ((mode ?? (hasRules ? "general" : "fast")) === "fast" && !hasRules) {
    // The flat copy of the working scenario last run (`tracked`); `stale`: `tracked` changed where the flat copy could not follow, so re-read it.
    const flat = flatten(scenario);
    let tracked: WorkingScenario | undefined;
    let stale = true;
    // A working copy whose current values live only in `flat` (see setters).
    let owned: WorkingScenario | undefined;
    return {
      mode: "fast",
      frame,
      run: (work) => {
        if (work !== tracked || stale) {
          if (work === owned) throw new Error("a working copy written by flat setters was left for another and cannot be re-read");
          refresh(flat, work);
          tracked = work;
          stale = false;
        }
        evaluateFlat(flat, frame, reads);
        return undefined;
      },
      setters: (slots, work) => {
        const writers = slots.map((slot) => flatWriter(slot.docPath, flat));
        if (writers.every((w) => w !== undefined)) {
          refresh(flat, work);
          tracked = owned = work;
          stale = false;
          return writers as ((v: InputValue) => void)[];
        }
        // A field the flat copy does not hold (usShareTreatment): write `work`, and re-read it when one of those changes.
        return slots.map((slot, i) => {
          const write = writers[i];
          return (v: InputValue) => {
            slot.set(work, v);
            if (write && work === tracked && !stale) write(v);
            else stale = true;
          };
        });
      },
    };
  }
  let pipeline: readonly Step[];
  try {
    pipeline = pipelineFor(scenario);
  } catch (e) {
    if (e instanceof RuleError) return e.problems;
    throw e;
  }
  return {
    mode: "general",
    frame,
    run: (work) => {
      const r = evaluateScenario(work as Scenario, pipeline);
      if (!r.ok) return r.problems.length > 0 ? r.problems : [problem("range", "rules", "a custom rule failed")];
      frameOf(r.value, frame);
      return undefined;
    },
    setters: (slots, work) => slots.map((slot) => (v: InputValue) => slot.set(work, v)),
  };
}
