/**
 * The checks of a rule list that do not depend on how it was read: ids, `after` targets and
 * expressions. Validation runs them when a scenario loads; building the pipeline runs them
 * again for scenarios made in code.
 */
import type { DocPath } from "../docPath";
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

/**
 * At most this many rules in a scenario. Insertion is not recursive, so a chain of `after`s may
 * be as long as the list; the bound keeps a hostile file from costing minutes of compiling,
 * and a report within a spreadsheet's columns (each rule is a column of its step table).
 */
export const MAX_RULES = 1000;

/** How many of the rules listed just before an unknown `after` are searched for a "did you mean". */
const SUGGEST_FROM = 50;

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
  if (rules.length > MAX_RULES) return [problem("shape", "rules", messages.tooManyRules(rules.length, MAX_RULES))];
  const problems: Problem[] = [];
  const report = (code: Problem["code"], path: DocPath, message: string) => problems.push(problem(code, path, message));
  const ids = rules.map((r) => r.id);
  // Each id's first and last position, so "listed before" and "listed later" are one lookup each.
  const firstIndex = new Map<string, number>();
  const lastIndex = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === undefined || id === "") return;
    if (!firstIndex.has(id)) firstIndex.set(id, i);
    lastIndex.set(id, i);
  });
  const seen = new Set<string>();

  rules.forEach((rule, i) => {
    const at = join(["rules"], i);
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
      if (after.trim() === "") report("missing", join(at, "after"), messages.required('the step or rule it follows, e.g. "china_access"'));
      else if (after === id) report("shape", join(at, "after"), messages.afterItself());
      else if (!BUILT_IN.includes(after) && !((firstIndex.get(after) ?? i) < i)) {
        if ((lastIndex.get(after) ?? -1) > i) report("shape", join(at, "after"), messages.afterLaterRule(after));
        else {
          // Only the unknown case needs the earlier ids (its message lists a bounded few of them).
          const earlier = ids.slice(0, i).filter((x): x is string => x !== undefined && x !== "");
          // A typo names a step or a nearby rule: searching the last few keeps a long list linear.
          const suggestion = closest(after, [...BUILT_IN, ...earlier.slice(-SUGGEST_FROM)]);
          report("unknown", join(at, "after"), messages.unknownAfter(after, suggestion, BUILT_IN, earlier));
        }
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
