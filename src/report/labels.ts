/**
 * Human labels for a scenario's inputs and outputs: the one place the report turns a field
 * path into words ("Tencent: domestic AI processors held and planned", "H200 supply …, FY2027Q1"),
 * so a field catalogue can later replace what is inside without touching its callers.
 */
import { Scenario } from "../engine";
import { scenarioInputs } from "./inputs";
import { canonicalPath, outputLabel } from "./uncertainty";

export { outputLabel };

/** Trailing unit notes ("(units)", "(USD)") that a table's own format already shows. */
const UNIT_NOTE = /\s*\((?:units|USD)\)$/;

/**
 * An input of `scenario` in words; a per-period element names its quarter; a path that names no
 * input comes back as it is.
 * @example inputLabel(scenario, "market.supply[0]") // returns "H200 supply Nvidia can allocate to China, FY2027Q1"
 */
export function inputLabel(scenario: Scenario, path: string): string {
  const canonical = canonicalPath(scenario, path);
  const inputs = scenarioInputs(scenario);
  const whole = inputs.find((i) => i.path === canonical && i.period === undefined);
  if (whole) return whole.label.replace(UNIT_NOTE, "");
  const element = /^(.*)\[(\d+)\]$/.exec(canonical);
  if (element) {
    const t = Number(element[2]);
    const per = inputs.find((i) => i.path === element[1] && i.period === t);
    if (per) return `${per.label.replace(UNIT_NOTE, "")}, ${scenario.periods[t]}`;
  }
  const series = inputs.find((i) => i.path === canonical);
  return series ? series.label.replace(UNIT_NOTE, "") : path;
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
