/** The scenario that buyers, policy and optional rules ranges describe, read as CHIPS.EVALUATE reads them. */
import { Scenario, scenarioFromTables } from "../engine";
import { unwrap } from "./adapter";
import { readCells } from "./cells";
import { asMatrix } from "./excelArgs";

/** The scenario of the ranges, or a thrown Excel error naming the cell to fix. */
export function scenarioOfRanges(buyers: unknown, policy: unknown, rules: unknown): Scenario {
  const ruleRows = rules === undefined || rules === null ? [] : readCells(asMatrix(rules));
  return unwrap(scenarioFromTables(readCells(asMatrix(buyers)), readCells(asMatrix(policy)), ruleRows.length > 1 ? ruleRows : []));
}
