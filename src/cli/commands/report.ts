/**
 * `chips report [FILES...]`: evaluate every scenario (the built-in scenarios when no FILE is given), build one report, render it as xlsx,
 * Markdown and/or CSV plus SVG charts into --out. Every file is checked before anything is
 * written, so an invalid file leaves no partial report.
 */
import * as fs from "fs";
import * as path from "path";
import { BUILT_IN_SCENARIOS, BuiltInScenario, Problem, evaluateScenario, oneLine, parseScenario, plausibilityWarnings, validateScenario } from "../../engine";
import { ScenarioReportInput, buildReport, builtInDocument, builtInFile, scenarioDocument, shortNameClashes } from "../../report";
import { RenderedFile, loadRenderer } from "../../report/render";
import { PictureMaker, pictureMaker } from "../../report/render/pictureThread";
import { EXIT, ExitCode } from "../exitCodes";
import { Output, readSource } from "../io";
import { firstNonFinite } from "../nonFinite";
import { boundLines, problemLine, problemLines, warningLines } from "../problemLines";
import { ReportArgs } from "./reportArgs";
import { ScenarioWeights, weightProblems } from "../../report/note/weights";

export async function reportCommand(args: ReportArgs, output: Output): Promise<ExitCode> {
  const started = Date.now();
  // Started first: the picture thread loads its modules while the scenarios are read.
  const pictures = pictureMaker();
  try {
    return await writeReport(args, output, pictures, started);
  } finally {
    pictures.close();
  }
}

async function writeReport(args: ReportArgs, output: Output, pictureThread: PictureMaker, started: number): Promise<ExitCode> {
  const files = args.files;
  output.err(files.length === 0 ? `chips: reading ${BUILT_IN_SCENARIOS.length} built-in scenarios\n` : `chips: reading ${files.length} scenario file${files.length === 1 ? "" : "s"}\n`);
  const loaded = files.length === 0 ? BUILT_IN_SCENARIOS.map(loadBuiltIn) : files.map((file) => load(file, files.length > 1));
  const errors = loaded.flatMap((l) => (l.ok ? [] : l.lines));
  if (errors.length > 0) {
    output.err(boundLines(errors, files.length === 1 ? oneLine(files[0]) : "chips").map((line) => line + "\n").join(""));
    return EXIT.input;
  }
  const inputs = loaded.map((l) => (l as Loaded).input);
  // Valid but probably in the wrong unit: said here, and in the report's notes.
  const warnings = inputs.flatMap((i) => warningLines(plausibilityWarnings(i.scenario), files.length === 1 ? "" : `${oneLine(i.file ?? i.scenario.name)}: `));
  if (warnings.length > 0) output.err(warnings.map((line) => line + "\n").join(""));
  // Short names are sheet names: unique across the report's scenarios.
  const clashes = shortNameClashes(inputs.map((i) => i.scenario));
  if (clashes.length > 0) {
    output.err(clashes.map((c) => `${oneLine(inputs[c.at].file ?? inputs[c.at].scenario.name)}: shortName: ${c.message}\n`).join(""));
    return EXIT.input;
  }
  const weighting = scenarioWeights(args, inputs);
  if (!weighting.ok) {
    output.err(weighting.lines.map((line) => line + "\n").join(""));
    return EXIT.input;
  }

  const report = buildReport(inputs, { mode: args.mode, uncertainty: { include: args.uncertainty, iterations: args.iterations, seed: args.seed }, ...(weighting.weights ? { weights: weighting.weights } : {}) });
  // The chart PNGs and the Word note are made on another thread while this one writes the
  // other files; the workbook pictures the same renders (resvg runs once per chart).
  const pictures = pictureThread.make(report, args.formats.includes("docx"));
  const rendered: RenderedFile[] = [];
  for (const format of args.formats) {
    if (format === "docx" && pictures.docx) rendered.push(...(await pictures.docx));
    else rendered.push(...(await (await loadRenderer(format, format === "xlsx" ? pictures.images : undefined)).render(report)));
  }
  rendered.push(...(await pictures.charts));

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

/**
 * The note's scenario probabilities: --weights, else the scenarios' own `probability` fields
 * (then every scenario needs one); none when neither is given. They must sum to 1.
 */
function scenarioWeights(args: ReportArgs, inputs: readonly ScenarioReportInput[]): { ok: true; weights?: ScenarioWeights } | { ok: false; lines: string[] } {
  const names = inputs.map((i) => i.scenario.name);
  if (args.weights) {
    const problems = weightProblems(args.weights, names);
    return problems.length > 0 ? { ok: false, lines: problems } : { ok: true, weights: args.weights };
  }
  if (!inputs.some((i) => i.scenario.probability !== undefined)) return { ok: true };
  const weights = Object.fromEntries(inputs.filter((i) => i.scenario.probability !== undefined).map((i) => [i.scenario.name, i.scenario.probability as number]));
  const problems = weightProblems(weights, names, "probability");
  return problems.length > 0 ? { ok: false, lines: problems } : { ok: true, weights };
}

type Loaded = { readonly ok: true; readonly input: ScenarioReportInput };
type Failed = { readonly ok: false; readonly lines: readonly string[] };

/** Reads, validates and evaluates one file; problem lines follow `chips evaluate`, prefixed by the file when there are several. */
function load(file: string, prefix: boolean): Loaded | Failed {
  const source = readSource(file);
  if (!source.ok) return { ok: false, lines: [`chips: ${oneLine(source.message)}`] };
  const lines = (problems: readonly Problem[]) => problems.flatMap((p) => (prefix ? problemLines(p, "", `${source.label}: `) : problemLines(p, source.label)));
  const parsed = parseScenario(source.text, source.format);
  if (!parsed.ok) return { ok: false, lines: lines(parsed.problems) };
  const evaluated = evaluateScenario(parsed.value);
  if (!evaluated.ok) return { ok: false, lines: lines(evaluated.problems) };
  const overflow = firstNonFinite(evaluated.value);
  if (overflow !== undefined) {
    return { ok: false, lines: [oneLine(`${source.label}: the result ${overflow} is not a finite number; check the inputs' units (plain numbers such as 3e9)`)] };
  }
  return { ok: true, input: { scenario: parsed.value, evaluation: evaluated.value, file: source.label, document: scenarioDocument(source.text) } };
}

/** Validates and evaluates a built-in scenario; its sources are resolved against the baseline data set. */
function loadBuiltIn(builtIn: BuiltInScenario): Loaded | Failed {
  const file = builtInFile(builtIn);
  const validated = validateScenario(JSON.parse(JSON.stringify(builtIn.document)) as unknown);
  const evaluated = validated.ok ? evaluateScenario(validated.value) : validated;
  if (!validated.ok || !evaluated.ok) return { ok: false, lines: (evaluated.ok ? [] : evaluated.problems).map((p) => problemLine(p, "", `${file}: `)) };
  return { ok: true, input: { scenario: validated.value, evaluation: evaluated.value, file, document: builtInDocument(builtIn) } };
}
