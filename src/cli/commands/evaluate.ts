/** `chips evaluate FILE [--json]`: read, validate, evaluate, print. */
import { evaluateScenario, oneLine, parseScenario, plausibilityWarnings } from "../../engine";
import { EXIT, ExitCode } from "../exitCodes";
import { renderEvaluation } from "../evaluationView";
import { Output, readSource } from "../io";
import { firstNonFinite } from "../nonFinite";
import { printProblems, warningLines } from "../problemLines";

export interface EvaluateArgs {
  readonly file: string;
  readonly json: boolean;
}

export function evaluateCommand(args: EvaluateArgs, output: Output): ExitCode {
  const source = readSource(args.file);
  if (!source.ok) {
    output.err(`chips: ${oneLine(source.message)}\n`);
    return EXIT.input;
  }
  const parsed = parseScenario(source.text, source.format);
  if (!parsed.ok) return printProblems(parsed.problems, source.label, output);
  const evaluated = evaluateScenario(parsed.value);
  if (!evaluated.ok) return printProblems(evaluated.problems, source.label, output);
  const evaluation = evaluated.value;
  const overflow = firstNonFinite(evaluation);
  if (overflow !== undefined) {
    output.err(`${oneLine(source.label)}: the result ${overflow} is not a finite number; check the inputs' units (plain numbers such as 3e9)\n`);
    return EXIT.input;
  }
  for (const line of warningLines(plausibilityWarnings(parsed.value))) output.err(line + "\n");
  output.out(args.json ? JSON.stringify(evaluation, null, 2) + "\n" : renderEvaluation(evaluation, parsed.value, output));
  return EXIT.ok;
}
