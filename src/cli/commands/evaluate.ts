/** `chips evaluate FILE [--json]`: read, validate, evaluate, print. */
import { Problem, evaluateScenario, formatProblem, parseScenario } from "../../engine";
import { EXIT, ExitCode } from "../exitCodes";
import { renderEvaluation } from "../evaluationView";
import { Output, readSource } from "../io";
import { firstNonFinite } from "../nonFinite";

export interface EvaluateArgs {
  readonly file: string;
  readonly json: boolean;
}

export function evaluateCommand(args: EvaluateArgs, output: Output): ExitCode {
  const source = readSource(args.file);
  if (!source.ok) {
    output.err(`chips: ${source.message}\n`);
    return EXIT.input;
  }
  const parsed = parseScenario(source.text, source.format);
  if (!parsed.ok) {
    output.err(parsed.problems.map((p) => problemLine(p, source.label) + "\n").join(""));
    return EXIT.input;
  }
  const evaluated = evaluateScenario(parsed.value);
  if (!evaluated.ok) {
    output.err(evaluated.problems.map((p) => problemLine(p, source.label) + "\n").join(""));
    return EXIT.input;
  }
  const evaluation = evaluated.value;
  const overflow = firstNonFinite(evaluation);
  if (overflow !== undefined) {
    output.err(`${source.label}: the result ${overflow} is not a finite number; check the inputs' units (plain numbers such as 3e9)\n`);
    return EXIT.input;
  }
  output.out(args.json ? JSON.stringify(evaluation, null, 2) + "\n" : renderEvaluation(evaluation, parsed.value, output));
  return EXIT.ok;
}

/**
 * One stderr line per problem. Whole-document problems (syntax) have no field path, so the
 * file name stands in; YAML's multi-line code frames are cut to their first line.
 */
function problemLine(p: Problem, fileLabel: string): string {
  const line = formatProblem(p.path ? p : { ...p, path: fileLabel });
  return line.split("\n", 1)[0].trimEnd();
}
