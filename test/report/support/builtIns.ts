/** The built-in scenarios as report input, validated and evaluated in-process (as `chips report` does). */
import { BUILT_IN_SCENARIOS, BuiltInScenario, evaluate, formatProblem, validateScenario } from "../../../src/engine";
import { ScenarioReportInput, builtInDocument, builtInFile } from "../../../src/report";

export function builtInInput(builtIn: BuiltInScenario): ScenarioReportInput {
  const r = validateScenario(JSON.parse(JSON.stringify(builtIn.document)));
  if (!r.ok) throw new Error(`${builtIn.id}: ${r.problems.map(formatProblem).join("; ")}`);
  return { scenario: r.value, evaluation: evaluate(r.value), file: builtInFile(builtIn), document: builtInDocument(builtIn) };
}

export const builtInInputs = (): ScenarioReportInput[] => BUILT_IN_SCENARIOS.map(builtInInput);
