/** What simulate, sensitivity and grid share: a working copy, an evaluator, compiled outputs, setup checks. */
import type { DocPath } from "../docPath";
import { Problem, Result, fail, formatProblem, ok, problem } from "../problems";
import { Scenario } from "../scenario";
import { validateScenario } from "../validate";
import { InputValue } from "./distributions";
import { EvaluationMode, FrameEvaluator, frameEvaluator } from "./evaluator";
import { frameLayout, readsOf } from "./frame";
import { InputSlot, WorkingScenario, resolveInput, scenarioDocument, setInDocument, workingCopy } from "./inputs";
import { uncertaintyMessages as m } from "./messages";
import { OutputSlot, outputValue, resolveOutput } from "./outputs";

export interface Model {
  readonly work: WorkingScenario;
  readonly evaluator: FrameEvaluator;
  readonly outputs: readonly OutputSlot[];
}

/** Compiles the outputs and the evaluator; problems are located at `[...at, i]` for output i (`at` for none). */
export function buildModel(scenario: Scenario, outputs: readonly string[], at: DocPath, mode?: EvaluationMode): Result<Model> {
  const problems: Problem[] = [];
  const slots: OutputSlot[] = [];
  if (outputs.length === 0) problems.push(problem("missing", at, "needs at least one output, e.g. \"totals.chinaRevenue\""));
  outputs.forEach((o, i) => {
    const s = resolveOutput(scenario, o);
    if (typeof s === "string") problems.push(problem("enum", [...at, i], s));
    else slots.push(s);
  });
  const reads = readsOf(frameLayout(scenario), slots.flatMap((o) => Array.from(o.indexes)));
  const evaluator = frameEvaluator(scenario, mode, reads);
  if (!("run" in evaluator)) problems.push(...evaluator);
  if (problems.length > 0 || !("run" in evaluator)) return fail(...problems);
  return ok({ work: workingCopy(scenario), evaluator, outputs: slots });
}

/** An input path resolved, or a problem at `at`. */
export function slotAt(scenario: Scenario, path: string, at: DocPath): InputSlot | Problem {
  const slot = resolveInput(scenario, path);
  return typeof slot === "string" ? problem("unknown", at, slot) : slot;
}

export interface Trial {
  readonly slot: InputSlot;
  /** The values the input will take (extremes of a distribution, every choice, a grid axis). */
  readonly values: readonly InputValue[];
  /** Where problems are reported, e.g. `["uncertainty", "inputs", "china.approvalRate"]`. */
  readonly at: DocPath;
}

/**
 * Checks that every value of every trial is valid for its field and, set into the scenario
 * document (the other inputs at their first value), gives a scenario that validates, so
 * cross-field rules (an approval gate needs a rate, a dollars cap needs a price) are enforced
 * once, before any iteration runs.
 */
export function checkTrials(scenario: Scenario, trials: readonly Trial[]): Problem[] {
  const problems: Problem[] = [];
  for (const t of trials) {
    for (const v of t.values) {
      const bad = t.slot.check(v);
      if (bad) {
        // `bad` already states the allowed range (or values) and the offending value.
        problems.push(problem("range", t.at, bad));
        break;
      }
    }
  }
  if (problems.length > 0) return problems;
  const base = scenarioDocument(scenario);
  for (const t of trials) setInDocument(base, t.slot.docPath, t.values[0]);
  const baseText = JSON.stringify(base);
  for (const t of trials) {
    for (const v of t.values) {
      const doc = JSON.parse(baseText) as Record<string, unknown>;
      setInDocument(doc, t.slot.docPath, v);
      const r = validateScenario(doc);
      if (!r.ok) {
        problems.push(problem("range", t.at, m.drawInvalid(v, r.problems.map(formatProblem).join("; "))));
        break;
      }
    }
  }
  return problems;
}


/** Evaluates the model's working scenario and reads each output into `into` (problems of a failing rule otherwise). */
export function evaluateOutputs(model: Model, into: Float64Array, work: WorkingScenario = model.work): readonly Problem[] | undefined {
  const problems = model.evaluator.run(work);
  if (problems) return problems;
  const frame = model.evaluator.frame;
  for (let o = 0; o < model.outputs.length; o++) into[o] = outputValue(frame, model.outputs[o]);
  return undefined;
}
