/**
 * Places in the caller's ranges, as segments, and the one place they become text:
 * `["distributions", 3, "min"]` is `distributions row 3, column "min"` (rows count from 1, the
 * header row being row 1), `["swings", "header", 2]` is `swings header 2`, `["output", 1]` is
 * `output[1]`, `["output", "totals.shipped"]` is `output "totals.shipped"`. The engine's own
 * locations (`["uncertainty", "inputs", "china.approvalRate", "min"]`) are moved to the row
 * the input came from.
 */
import { DocPath, Problem, ProblemCode, Result, fail, formatPath, relocated } from "../engine";
import { unwrap } from "./adapter";

/** The ranges read as tables (a header row, one row per input). */
const TABLES: readonly string[] = ["distributions", "swings"];

/**
 * A place as the message names it.
 * @example placeText(["distributions", 3, "values", 0]) // returns 'distributions row 3, column "values" item 1'
 * @example placeText(["percentiles", 2]) // returns "percentiles[2]"
 */
export function placeText(at: DocPath): string {
  const [range, ...rest] = at;
  if (typeof range === "string" && TABLES.includes(range)) {
    const [row, column, item] = rest;
    if (row === "header") return `${range} header ${column}`;
    if (typeof row === "number") {
      const cell = typeof column === "string" ? `, column "${column}"${typeof item === "number" ? ` item ${item + 1}` : ""}` : "";
      return `${range} row ${row}${cell}`;
    }
  }
  if (typeof range === "string" && rest.length === 1 && typeof rest[0] === "string") return `${range} ${JSON.stringify(rest[0])}`;
  return formatPath(at);
}

/** A problem at a place in the caller's ranges. */
export const rangeProblem = (code: ProblemCode, at: DocPath, message: string): Problem => ({ code, at, path: placeText(at), message });

/** Where an engine location points in the caller's ranges; undefined: it stays as the engine wrote it. */
export type Place = (at: DocPath) => DocPath | undefined;

/** Throws the Excel error for a failed engine result, its problems moved by `place`. */
export function unwrapAt<T>(result: Result<T>, place: Place): T {
  if (result.ok) return result.value;
  return unwrap(
    fail(
      ...result.problems.map((p) => {
        const at = place(p.at);
        return at ? relocated(p, at, placeText(at)) : p;
      }),
    ),
  );
}

/** `outputs[i]…` of sensitivity and grid: the one output argument. */
const outputPlace = (at: DocPath): DocPath | undefined => (at[0] === "outputs" ? ["output", ...at.slice(typeof at[1] === "number" ? 2 : 1)] : undefined);

/**
 * Simulate's problems: an input's at the row it came from (and the column of its parameter), an
 * output's at the output argument; the block's settings by their argument names.
 * @example simulationPlace(["uncertainty", "inputs", "p", "dist"], new Map([["p", 2]]), ["x"]) // returns ["distributions", 2, "dist"]
 */
export function simulationPlace(at: DocPath, rowOf: ReadonlyMap<string, number>, outputs: readonly string[]): DocPath | undefined {
  if (at[0] !== "uncertainty" || at.length < 2) return undefined;
  const [, list, which, field] = at;
  if (list === "inputs" && typeof which === "string") {
    const row = rowOf.get(which);
    return row === undefined ? undefined : ["distributions", row, ...(typeof field === "string" ? [field] : [])];
  }
  if (list === "outputs") return outputs.length === 1 || typeof which !== "number" ? ["output"] : ["output", outputs[which]];
  return at.slice(1);
}

/**
 * Sensitivity's problems: `inputs[i]` at the swing's row and column, outputs at the output argument.
 * @example swingPlace(["inputs", 1, "low"], [2, 3]) // returns ["swings", 3, "low"]
 */
export function swingPlace(at: DocPath, rows: readonly number[]): DocPath | undefined {
  const [list, i, field] = at;
  if (list === "inputs" && typeof i === "number") return ["swings", rows[i], ...(typeof field === "string" ? [field] : [])];
  return outputPlace(at);
}

/**
 * Grid's problems: each axis at its argument, outputs at the output argument.
 * @example gridPlace(["columns", "values"]) // returns ["columnAxis"]
 */
export function gridPlace(at: DocPath): DocPath | undefined {
  const [axis, part] = at;
  if ((axis === "rows" || axis === "columns") && (part === "path" || part === "values")) return [axis === "rows" ? "rowAxis" : "columnAxis", ...at.slice(2)];
  return outputPlace(at);
}
