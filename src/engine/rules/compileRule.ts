/**
 * Compiles a custom rule's expression over the rule names, once per distinct text: validation
 * compiles it when the scenario loads, and building the pipeline finds it in the cache.
 */
import { messages } from "../messages";
import { Result, fail, problem } from "../problems";
import { RULE_VOCABULARY } from "./ruleNames";
import { CompiledExpression, compileExpression } from "./sandbox";

const CACHE_SIZE = 256;
const cache = new Map<string, Result<CompiledExpression>>();

/**
 * The compiled expression, or its problems (path "", for the caller to locate). The same text
 * gives the same (frozen) result object while it stays in the cache.
 * @example compileRule("units * 0.8").ok // returns true
 */
export function compileRule(expression: string): Result<CompiledExpression> {
  const hit = cache.get(expression);
  if (hit) return hit;
  const compiled = compileExpression(expression, RULE_VOCABULARY);
  const result: Result<CompiledExpression> =
    compiled.ok && compiled.value.kind !== "number" ? fail(problem("type", "", messages.ruleGivesBoolean())) : compiled;
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(expression, Object.freeze(result));
  return result;
}
