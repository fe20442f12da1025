/** A scenario's plausibility warnings (values probably in the wrong unit) as notes, for the workbook and the note alike. */
import { Scenario, plausibilityWarnings } from "../engine";

/**
 * One sentence per warning, naming the value's path; none when every value looks right.
 * @example warningNotes(scenario) // returns []
 */
export const warningNotes = (scenario: Scenario): string[] => plausibilityWarnings(scenario).map((w) => `Warning, ${w.path}: ${w.message}.`);
