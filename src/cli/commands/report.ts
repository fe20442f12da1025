/**
 * `chips report [FILES...]`: evaluate every scenario, build one report, render it as xlsx,
 * Markdown and/or CSV plus SVG charts into --out. Every file is checked before anything is
 * written, so an invalid file leaves no partial report.
 */
import * as fs from "fs";
import * as path from "path";
import { Problem, evaluateScenario, formatProblem, parseScenario } from "../../engine";
import { ScenarioReportInput, buildReport, scenarioDocument } from "../../report";
import { RenderedFile, loadRenderer, renderCharts } from "../../report/render";
import { EXIT, ExitCode } from "../exitCodes";
import { Output, readSource } from "../io";
import { firstNonFinite } from "../nonFinite";
import { ReportArgs } from "./reportArgs";

/** The shipped examples, used when no FILE is given (until built-in scenarios land). */
export const EXAMPLES_DIR = path.join(__dirname, "..", "..", "..", "examples");

export async function reportCommand(args: ReportArgs, output: Output): Promise<ExitCode> {
  const started = Date.now();
  const files = args.files.length > 0 ? args.files : exampleFiles();
  if (files.length === 0) {
    output.err(`chips: no scenario files given and none found in ${EXAMPLES_DIR}\n`);
    return EXIT.input;
  }
  output.err(`chips: reading ${files.length} scenario file${files.length === 1 ? "" : "s"}\n`);
  const loaded = files.map((file) => load(file, files.length > 1));
  const errors = loaded.flatMap((l) => (l.ok ? [] : l.lines));
  if (errors.length > 0) {
    output.err(errors.map((line) => line + "\n").join(""));
    return EXIT.input;
  }
  const inputs = loaded.map((l) => (l as Loaded).input);

  const report = buildReport(inputs, { mode: args.mode });
  const rendered: RenderedFile[] = [];
  for (const format of args.formats) rendered.push(...(await (await loadRenderer(format)).render(report)));
  rendered.push(...renderCharts(report));

  try {
    fs.mkdirSync(args.out, { recursive: true });
    for (const file of rendered) fs.writeFileSync(path.join(args.out, file.name), file.data);
  } catch (e) {
    output.err(`chips: cannot write the report to ${JSON.stringify(args.out)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.input;
  }
  for (const file of rendered) output.err(`chips: wrote ${path.join(args.out, file.name)}\n`);
  output.err(`chips: ${inputs.length} scenario${inputs.length === 1 ? "" : "s"}, ${args.mode} cells, ${rendered.length} files in ${Date.now() - started} ms\n`);
  return EXIT.ok;
}

function exampleFiles(): string[] {
  try {
    return fs
      .readdirSync(EXAMPLES_DIR)
      .filter((f) => /\.(json|ya?ml)$/i.test(f))
      .sort()
      .map((f) => path.relative(process.cwd(), path.join(EXAMPLES_DIR, f)) || f);
  } catch {
    return [];
  }
}

type Loaded = { readonly ok: true; readonly input: ScenarioReportInput };
type Failed = { readonly ok: false; readonly lines: readonly string[] };

/** Reads, validates and evaluates one file; problem lines follow `chips evaluate`, prefixed by the file when there are several. */
function load(file: string, prefix: boolean): Loaded | Failed {
  const source = readSource(file);
  if (!source.ok) return { ok: false, lines: [`chips: ${source.message}`] };
  const at = (line: string) => (prefix ? `${source.label}: ${line}` : line);
  const parsed = parseScenario(source.text, source.format);
  if (!parsed.ok) return { ok: false, lines: parsed.problems.map((p) => at(problemLine(p, prefix ? "" : source.label))) };
  const evaluated = evaluateScenario(parsed.value);
  if (!evaluated.ok) return { ok: false, lines: evaluated.problems.map((p) => at(problemLine(p, prefix ? "" : source.label))) };
  const overflow = firstNonFinite(evaluated.value);
  if (overflow !== undefined) {
    return { ok: false, lines: [`${source.label}: the result ${overflow} is not a finite number; check the inputs' units (plain numbers such as 3e9)`] };
  }
  return { ok: true, input: { scenario: parsed.value, evaluation: evaluated.value, file: source.label, document: scenarioDocument(source.text) } };
}

/** One line per problem: `path: message`; whole-document problems take `fallback` as their path. */
function problemLine(p: Problem, fallback: string): string {
  const line = formatProblem(p.path || !fallback ? p : { ...p, path: fallback });
  return line.split("\n", 1)[0].trimEnd();
}
