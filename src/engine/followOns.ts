/**
 * One message per problem: a "required" problem about a field that already has a problem (a
 * wrong value, a misspelt key) is a follow-on of that one, and dropped. Applied once where
 * validation returns, so the CLI, Excel and the task pane all get the same list.
 */
import { closest } from "./fields";
import { Problem } from "./problems";

/** The path and a descendant of it (`a.b`, `a.b[1]`, `a.b.c`) are about one field. */
const sameField = (a: string, b: string): boolean => a === b || b.startsWith(`${a}[`) || b.startsWith(`${a}.`) || a.startsWith(`${b}[`) || a.startsWith(`${b}.`);

/** `china.approvalRate` → ["china", "approvalRate"]; a path without a parent has "" as its parent. */
function split(path: string): [string, string] {
  const m = /^(.*?)\.?([A-Za-z_$][A-Za-z0-9_$-]*)$/.exec(path);
  return m ? [m[1], m[2]] : [path, ""];
}

/**
 * An unknown key that is this field written in the wrong place: a near miss of its name beside it
 * (`china.aprovalRate`), or its very name in an enclosing or enclosed block (`china.ratio` for
 * `china.cap.ratio`, mis-indented).
 */
function misplacedAs(unknown: Problem, path: string): boolean {
  const [parent, key] = split(path);
  const [unknownParent, unknownKey] = split(unknown.path);
  if (key === "") return false;
  if (unknownKey === key) return unknownParent === "" || parent === "" || sameField(unknownParent, parent);
  return parent === unknownParent && closest(unknownKey, [key]) === key;
}

/**
 * The problems without follow-ons, in their order.
 * @example withoutFollowOns([{ code: "range", path: "a", message: "x" }, { code: "missing", path: "a", message: "y" }]).length // returns 1
 */
export function withoutFollowOns(problems: readonly Problem[]): Problem[] {
  const causes = problems.filter((p) => p.code !== "missing");
  if (causes.length === 0) return [...problems];
  return problems.filter((p) => p.code !== "missing" || !causes.some((c) => (c.code === "unknown" ? misplacedAs(c, p.path) : sameField(c.path, p.path))));
}
