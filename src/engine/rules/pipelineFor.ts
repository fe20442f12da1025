/**
 * A scenario's pipeline: docs/model.md's steps with the scenario's enabled custom rules inserted,
 * each as a buyer step under its own id.
 *
 * Order: a rule runs right after the step or rule its `after` names. Rules naming the same
 * step run in list order, each followed by the rules that name it. A disabled rule is left out
 * and the rules that follow it take its place.
 */
import { RuleWhere, messages } from "../messages";
import { BuyerStep, PIPELINE, Step } from "../pipeline";
import { Problem, ProblemCode, problem } from "../problems";
import { RuleSpec, Scenario } from "../scenario";
import { compileRule } from "./compileRule";
import { RuleContext, ruleName } from "./ruleNames";
import { ruleProblems } from "./ruleProblems";
import { CompiledExpression, ExpressionError, Value } from "./sandbox";

/** A custom rule in the pipeline. */
export interface RuleStep extends BuyerStep {
  readonly rule: RuleSpec;
}

/** A custom rule that failed for one buyer and period (or, for a scenario made in code, did not compile). */
export interface RuleFailure {
  readonly rule: string;
  readonly problem: Problem;
}

/** What to do with a failure instead of throwing; the step then keeps the quantity it received. */
export type OnRuleFailure = (failure: RuleFailure) => void;

/**
 * A custom rule could not be applied. Thrown by `evaluate` and `pipelineFor` only; use
 * `evaluateScenario` to get the problems as a value.
 */
export class RuleError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n"));
    this.name = "RuleError";
  }
}

/** A result within this share of `units` outside [0, units] is rounding, not a rule raising or negating the quantity. */
const TOLERANCE = 1e-12;

/**
 * The pipeline for `scenario`: PIPELINE itself when it has no enabled rules.
 * Throws RuleError when a rule list made in code has problems (validateScenario reports those
 * as problems instead); `onFailure` receives run-time failures, which otherwise throw RuleError.
 * @example pipelineFor({ rules: [] }) === PIPELINE // returns true
 */
export function pipelineFor(scenario: Scenario, onFailure?: OnRuleFailure): readonly Step[] {
  const rules = scenario.rules ?? [];
  if (!rules.some((r) => r.enabled !== false)) return PIPELINE;
  const problems = ruleProblems(rules);
  if (problems.length > 0) throw new RuleError(problems);

  const order = ruleOrder(rules, PIPELINE.map((s) => s.id));
  const steps: Step[] = [];
  PIPELINE.forEach((step, i) => {
    steps.push(step);
    for (const index of order[i]) if (rules[index].enabled !== false) steps.push(ruleStep(rules[index], index, onFailure));
  });
  return steps;
}

/**
 * For each step, the indexes of the rules that run after it, in pipeline order: a depth-first
 * walk of the `after` links (a rule, then the rules that name it), in list order among
 * siblings. The walk keeps its own stack, so a chain as long as the list cannot overflow the
 * call stack. Rules must be checked (ruleProblems: every `after` names a step or an earlier rule).
 * @example ruleOrder([{ id: "a", after: "s" }, { id: "b", after: "a" }], ["s"]) // returns [[0, 1]]
 */
export function ruleOrder(rules: readonly Pick<RuleSpec, "id" | "after">[], stepIds: readonly string[]): number[][] {
  const following = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    const list = following.get(rule.after);
    if (list) list.push(index);
    else following.set(rule.after, [index]);
  });
  // Children go on the stack last first, so the first of them comes off next.
  const pushFollowers = (stack: number[], id: string): void => {
    const list = following.get(id) ?? [];
    for (let j = list.length - 1; j >= 0; j--) stack.push(list[j]);
  };
  return stepIds.map((stepId) => {
    const order: number[] = [];
    const stack: number[] = [];
    pushFollowers(stack, stepId);
    for (let index = stack.pop(); index !== undefined; index = stack.pop()) {
      order.push(index);
      pushFollowers(stack, rules[index].id);
    }
    return order;
  });
}

function ruleStep(rule: RuleSpec, index: number, onFailure: OnRuleFailure | undefined): RuleStep {
  const compiled = compileRule(rule.expression);
  // ruleProblems compiled it already; a failure here would be a bug.
  if (!compiled.ok) throw new RuleError(compiled.problems);
  const expression: CompiledExpression = compiled.value;
  const at = ["rules", index, "expression"];

  return {
    id: rule.id,
    kind: "buyer",
    rule,
    apply(units, b, period) {
      const buyer = period.buyers[b];
      const where = (): RuleWhere => ({ rule: rule.id, buyer: buyer.name, period: period.scenario.periods[period.t] ?? `period ${period.t + 1}` });
      const failed = (code: ProblemCode, message: (w: RuleWhere) => string): number => {
        const p = problem(code, at, message(where()));
        if (!onFailure) throw new RuleError([p]);
        onFailure({ rule: rule.id, problem: p });
        return units;
      };

      const context: RuleContext = { units, b, period };
      let value: Value;
      try {
        value = expression.run((name) => read(name, context));
      } catch (e) {
        if (e instanceof ExpressionError) return failed(e.code, (w) => messages.ruleFailed(w, e.message));
        throw e;
      }

      if (typeof value !== "number") return failed("type", (w) => messages.ruleNotNumber(w, value));
      if (!Number.isFinite(value)) return failed("range", (w) => messages.ruleNotFinite(w, value));
      const slack = TOLERANCE * Math.max(1, units);
      if (value > units) return value - units <= slack ? units : failed("range", (w) => messages.ruleAboveUnits(w, value, units));
      if (value < 0) return value >= -slack ? 0 : failed("range", (w) => messages.ruleNegative(w, value));
      return value;
    },
  };
}

function read(name: string, context: RuleContext): Value {
  const entry = ruleName(name);
  const value = entry ? entry.read(context) : null;
  if (value === null) throw new ExpressionError(messages.nameUnset(name, entry?.whenUnset), "missing");
  return value;
}
