/**
 * CHIPS.SIMULATE's distributions range: a header row (input | dist | min | mode | max | mean |
 * sd | p | values | weights, any subset holding input and dist, in any order) and one row per
 * uncertain input, read into the engine's uncertain inputs.
 */
import { DISTRIBUTIONS, DocPath, Problem, Result, UncertainInput, fail, ok, orList, readDistribution, relocated } from "../engine";
import { readHeadedTable } from "./headedTable";
import { inputPathExpected, inputPathOf, inputValueOf, listOf, numberOf } from "./inputCells";
import { placeText, rangeProblem } from "./rangePlaces";

/** The columns of a distributions range; input and dist are required. */
export const DISTRIBUTION_COLUMNS = ["input", "dist", "min", "mode", "max", "mean", "sd", "p", "values", "weights"] as const;

/** The cells a distribution needs (the others it reads are optional: normal's min/max, choice's weights). */
const NEEDS: Record<string, readonly string[]> = {
  uniform: ["min", "max"],
  triangular: ["min", "mode", "max"],
  normal: ["mean", "sd"],
  bernoulli: ["p"],
  choice: ["values"],
};
const OPTIONAL: Record<string, readonly string[]> = { normal: ["min", "max"], choice: ["weights"] };

/** The uncertain inputs of a distributions range, in row order, and the row each path came from. */
export interface DistributionRows {
  readonly inputs: readonly UncertainInput[];
  readonly rowOf: ReadonlyMap<string, number>;
}

/**
 * Reads a distributions range; `values` and `weights` of a choice are comma-separated text
 * ("units, dollars"). Cells in columns a distribution does not use are ignored. Problems are at
 * `["distributions", row, column]`.
 */
export function readDistributionRows(arg: unknown): Result<DistributionRows> {
  const table = readHeadedTable("distributions", arg, DISTRIBUTION_COLUMNS, ["input", "dist"], "input | dist | min | max …");
  if (!table.ok) return table;
  const problems: Problem[] = [];
  const inputs: UncertainInput[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, cells } of table.value.rows) {
    const at: DocPath = ["distributions", row];
    const path = inputPathOf(cells.input);
    if (path === undefined) {
      problems.push(rangeProblem("missing", [...at, "input"], inputPathExpected(cells.input)));
      continue;
    }
    if (rowOf.has(path)) {
      problems.push(rangeProblem("shape", [...at, "input"], `${JSON.stringify(path)} is already given in row ${rowOf.get(path)}; give each input one distribution`));
      continue;
    }
    const dist = typeof cells.dist === "string" ? cells.dist.trim().toLowerCase() : cells.dist;
    if (typeof dist !== "string" || !(dist in NEEDS)) {
      problems.push(rangeProblem("enum", [...at, "dist"], `must be ${orList(DISTRIBUTIONS.map((d) => JSON.stringify(d)))}, got ${dist === null ? "a blank cell" : JSON.stringify(dist)}`));
      continue;
    }
    const raw: Record<string, unknown> = { dist };
    let complete = true;
    for (const field of [...NEEDS[dist], ...(OPTIONAL[dist] ?? [])]) {
      const needed = NEEDS[dist].includes(field);
      if (!table.value.header.has(field)) {
        if (needed) problems.push(rangeProblem("missing", at, `a "${dist}" distribution needs a ${JSON.stringify(field)} column (${NEEDS[dist].join(", ")})`));
        complete &&= !needed;
        continue;
      }
      const c = cells[field];
      if (c === null) {
        if (needed) problems.push(rangeProblem("missing", [...at, field], `required for a "${dist}" distribution (${NEEDS[dist].join(", ")})`));
        complete &&= !needed;
        continue;
      }
      raw[field] = field === "values" ? listOf(c, inputValueOf) : field === "weights" ? listOf(c, numberOf) : numberOf(c);
    }
    if (!complete) continue;
    // The engine locates its problems below `at`: the row, the parameter's column, a list item.
    const read = readDistribution(raw, at);
    if (!read.ok) {
      problems.push(...read.problems.map((p) => relocated(p, p.at, placeText(p.at))));
      continue;
    }
    inputs.push({ path, distribution: read.value });
    rowOf.set(path, row);
  }
  return problems.length > 0 ? fail(...problems) : ok({ inputs, rowOf });
}
