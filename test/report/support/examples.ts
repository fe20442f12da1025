/** The shipped example scenarios as report input, read and evaluated in-process. */
import * as fs from "fs";
import * as path from "path";
import { evaluate, formatOf, parseScenario } from "../../../src/engine";
import { ScenarioReportInput, scenarioDocument } from "../../../src/report";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
export const EXAMPLE_FILES = fs
  .readdirSync(path.join(ROOT, "examples"))
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .sort()
  .map((f) => `examples/${f}`);

/** One example (by file name, e.g. "base.json") as report input. */
export function exampleInput(file: string): ScenarioReportInput {
  const rel = file.includes("/") ? file : `examples/${file}`;
  const text = fs.readFileSync(path.join(ROOT, rel), "utf8");
  const parsed = parseScenario(text, formatOf(rel));
  if (!parsed.ok) throw new Error(`${rel}: ${JSON.stringify(parsed.problems)}`);
  return { scenario: parsed.value, evaluation: evaluate(parsed.value), file: rel, document: scenarioDocument(text) };
}

export const exampleInputs = (): ScenarioReportInput[] => EXAMPLE_FILES.map(exampleInput);
