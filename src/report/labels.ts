/**
 * Human labels for a scenario's inputs and outputs: the one place the report turns a field
 * path into words ("Tencent: domestic AI processors held and planned", "H200 supply …, FY2027Q1"),
 * from the engine's field catalogue.
 */
import { Scenario, inputLabel as catalogueLabel } from "../engine";
import { outputLabel } from "./uncertainty";

export { outputLabel };

/** Unit notes ("(units)", "(USD)") that a table's own format already shows, before an optional ", FY2027Q1". */
const UNIT_NOTE = /\s*\((?:units|USD)\)(?=(?:, FY\d{4}Q[1-4])?$)/;

/**
 * An input of `scenario` in words (the field catalogue's label, without the unit note); a
 * per-period element names its quarter; a path that names no input comes back as it is.
 * @example inputLabel(scenario, "market.supply[0]") // returns "H200 supply Nvidia can allocate to China, FY2027Q1"
 */
export function inputLabel(scenario: Scenario, path: string): string {
  return catalogueLabel(scenario, path).replace(UNIT_NOTE, "");
}

/**
 * Replaces every field path written in `text` (e.g. "as buyers[1].requested") by its label.
 * @example labelPaths(scenario, "as buyers[1].requested") // returns "as Alibaba: H200 requested"
 */
export function labelPaths(scenario: Scenario, text: string): string {
  return text.replace(/\b(?:us|china|market|buyers\[\d+\])(?:\.[A-Za-z]+)+(?:\[\d+\])?/g, (path) => {
    const label = inputLabel(scenario, path);
    return label === path ? path : label;
  });
}
