/**
 * One message per problem: a "required" problem about a field that already has a problem (a
 * wrong value, a misspelt key) is a follow-on of that one, and dropped. Applied once where
 * validation returns, so the CLI, Excel and the task pane all get the same list.
 */
import { closest } from "./fields";
import type { DocPath } from "./docPath";
import { Problem } from "./problems";

/** One location within the other (`a.b`, `a.b[1]`, `a.b.c`): one field. The whole document (no segments) is only itself. */
function sameField(a: DocPath, b: DocPath): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A field name a misplaced key could be (a name, not a list index or an odd quoted key). */
const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** A location's enclosing block and its last key when that is a field name, else the location itself and "". */
function split(at: DocPath): [DocPath, string] {
  const key = at[at.length - 1];
  return typeof key === "string" && FIELD_NAME.test(key) ? [at.slice(0, -1), key] : [at, ""];
}

/**
 * An unknown key that is this field written in the wrong place: a near miss of its name beside it
 * (`china.aprovalRate`), or its very name in an enclosing or enclosed block (`china.ratio` for
 * `china.cap.ratio`, mis-indented).
 */
function misplacedAs(unknown: Problem, at: DocPath): boolean {
  const [parent, key] = split(at);
  const [unknownParent, unknownKey] = split(unknown.at);
  if (key === "") return false;
  if (unknownKey === key) return unknownParent.length === 0 || parent.length === 0 || sameField(unknownParent, parent);
  return sameLocation(parent, unknownParent) && closest(unknownKey, [key]) === key;
}

const sameLocation = (a: DocPath, b: DocPath): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * The problems without follow-ons, in their order.
 * @example withoutFollowOns([problem("range", ["a"], "x"), problem("missing", ["a"], "y")]).length // returns 1
 */
export function withoutFollowOns(problems: readonly Problem[]): Problem[] {
  const causes = problems.filter((p) => p.code !== "missing");
  if (causes.length === 0) return [...problems];
  return problems.filter((p) => p.code !== "missing" || !causes.some((c) => (c.code === "unknown" ? misplacedAs(c, p.at) : sameField(c.at, p.at))));
}
