/**
 * The checks of a rule list that do not depend on how it was read: ids, `after` targets and
 * expressions. Validation runs them when a scenario loads; building the pipeline runs them
 * again for scenarios made in code.
 */
import { closest, join } from "../fields";
import { messages } from "../messages";
import { STEP_IDS } from "../pipeline";
import { Problem, problem } from "../problems";
import { compileRule } from "./compileRule";

/** A rule's fields as read; undefined marks a field whose problem was already reported. */
export interface RuleFields {
  readonly id: string | undefined;
  readonly after: string | undefined;
  readonly expression: string | undefined;
}

/** Letters first, then letters, digits, "_" or "-": safe as a JSON key, a column header and a step id. */
export const RULE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const BUILT_IN: readonly string[] = STEP_IDS;
/** "none" is what `binding` says when no step removed anything; Object.prototype's names would shadow methods of `steps`. */
const isReserved = (id: string) => id === "none" || Object.prototype.hasOwnProperty.call(Object.prototype, id);

/**
 * Every problem of a rule list, each located at `rules[i].<field>`.
 * @example ruleProblems([{ id: "a", after: "supply", expression: "units" }]).length // returns 0
 */
export function ruleProblems(rules: readonly RuleFields[]): Problem[] {
  const problems: Problem[] = [];
  const report = (code: Problem["code"], path: string, message: string) => problems.push(problem(code, path, message));
  const ids = rules.map((r) => r.id);
  const seen = new Set<string>();

  rules.forEach((rule, i) => {
    const at = join("rules", i);
    const { id, after, expression } = rule;

    if (id !== undefined) {
      if (id.trim() === "") report("missing", join(at, "id"), messages.required('the rule\'s id, e.g. "customs_check"'));
      else if (!RULE_ID.test(id)) report("enum", join(at, "id"), messages.ruleIdFormat(id));
      else if (BUILT_IN.includes(id)) report("shape", join(at, "id"), messages.ruleIdIsStep(id));
      else if (isReserved(id)) report("enum", join(at, "id"), messages.ruleIdReserved(id));
      else if (seen.has(id)) report("shape", join(at, "id"), messages.duplicate("rule id", id));
      seen.add(id);
    }

    if (after !== undefined) {
      const earlier = ids.slice(0, i).filter((x): x is string => x !== undefined && x !== "");
      if (after.trim() === "") report("missing", join(at, "after"), messages.required('the step or rule it follows, e.g. "china_access"'));
      else if (after === id) report("shape", join(at, "after"), messages.afterItself());
      else if (!BUILT_IN.includes(after) && !earlier.includes(after)) {
        if (ids.slice(i + 1).includes(after)) report("shape", join(at, "after"), messages.afterLaterRule(after));
        else report("unknown", join(at, "after"), messages.unknownAfter(after, closest(after, [...BUILT_IN, ...earlier]), BUILT_IN, earlier));
      }
    }

    if (expression !== undefined) {
      if (expression.trim() === "") {
        report("missing", join(at, "expression"), messages.required('the new quantity, e.g. "units * 0.8"'));
      } else {
        const compiled = compileRule(expression);
        if (!compiled.ok) for (const p of compiled.problems) report(p.code, join(at, "expression"), p.message);
      }
    }
  });
  return problems;
}
