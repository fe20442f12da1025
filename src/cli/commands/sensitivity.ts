/**
 * `chips sensitivity FILE [--input PATH=LOW:HIGH]... [--output NAME]... [--grid PATH=V1,V2,... --grid PATH=...] [--json]`:
 * a tornado table per output (each input at low and high, the others at base) or, with two
 * --grid options, one matrix per output. Without --input or --grid, the inputs of the file's
 * uncertainty block swing between their P10 and P90 (flags false/true, choices first/last).
 */
import { DEFAULT_OUTPUTS, GridAxis, Problem, SwingInput, grid, pathKey, problem, readUncertainty, sensitivity, swingInputsFrom } from "../../engine";
import { EXIT, ExitCode } from "../exitCodes";
import { Output } from "../io";
import { renderTable } from "../table";
import { printProblems } from "../problemLines";
import { figure, inputValue, loadScenario, parseOptions } from "./uncertaintyView";

export interface SensitivityArgs {
  readonly file: string;
  readonly inputs: readonly SwingInput[];
  readonly grid: readonly GridAxis[];
  readonly outputs?: readonly string[];
  readonly json: boolean;
  readonly help: boolean;
}

export type SensitivityArgsOutcome = { readonly ok: true; readonly value: SensitivityArgs } | { readonly ok: false; readonly message: string };

export function parseSensitivityArgs(argv: readonly string[]): SensitivityArgsOutcome {
  const parsed = parseOptions(argv, ["json", "help"], ["input", "output", "grid"]);
  if (!parsed.ok) return parsed;
  const { files, flags, values } = parsed.value;
  if (flags.has("help")) return { ok: true, value: { file: "", inputs: [], grid: [], json: false, help: true } };
  if (files.length !== 1) return { ok: false, message: `sensitivity takes one scenario FILE, got ${files.length}` };
  const inputs: SwingInput[] = [];
  for (const text of values.get("input") ?? []) {
    const m = /^([^=]+)=([^:]+):(.+)$/.exec(text);
    if (!m) return { ok: false, message: `--input takes PATH=LOW:HIGH, e.g. china.approvalRate=0.4:0.8, got ${JSON.stringify(text)}` };
    inputs.push({ path: m[1].trim(), low: inputValue(m[2]), high: inputValue(m[3]) });
  }
  const axes: GridAxis[] = [];
  for (const text of values.get("grid") ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(text);
    if (!m) return { ok: false, message: `--grid takes PATH=V1,V2,..., e.g. market.supply=100000,200000, got ${JSON.stringify(text)}` };
    axes.push({ path: m[1].trim(), values: m[2].split(",").map(inputValue) });
  }
  if (axes.length !== 0 && axes.length !== 2) return { ok: false, message: `--grid is given twice, once per axis (rows, then columns); got ${axes.length}` };
  if (axes.length === 2 && inputs.length > 0) return { ok: false, message: "use either --input (tornado) or --grid (two-input grid), not both" };
  const outputs = values.get("output")?.flatMap((o) => o.split(",").map((s) => s.trim()).filter(Boolean));
  return { ok: true, value: { file: files[0], inputs, grid: axes, outputs, json: flags.has("json"), help: false } };
}

/** An input value for a table: numbers to 6 significant digits. */
const shown = (v: number | boolean | string): string => (typeof v === "number" ? String(Number(v.toPrecision(6))) : String(v));

/**
 * A problem shown at what the user typed: its first segment as the option (`inputs[1].low` →
 * `--input[1].low`), the rest of its location as the engine wrote it.
 */
const atOption =
  (options: ReadonlyMap<string | number, string>) =>
  (p: Problem): Problem => {
    const option = options.get(p.at[0]);
    return option === undefined ? p : { ...p, path: option + p.at.slice(1).map(pathKey).join("") };
  };

export function sensitivityCommand(args: SensitivityArgs, output: Output): ExitCode {
  const loaded = loadScenario(args.file, output);
  if (typeof loaded === "number") return loaded;
  const { scenario, label } = loaded;
  const block = scenario.uncertainty === undefined ? undefined : readUncertainty(scenario.uncertainty);
  const fromFile = block?.ok ? block.value : undefined;
  const outputs = args.outputs ?? fromFile?.outputs ?? DEFAULT_OUTPUTS;
  // A bad output is the user's --output, or else the file's uncertainty.outputs: name the one they wrote.
  const outputsAt = args.outputs ? "--output" : fromFile?.outputs ? "uncertainty.outputs" : "--output";

  if (args.grid.length === 2) {
    const r = grid(scenario, { rows: args.grid[0], columns: args.grid[1], outputs });
    if (!r.ok) return printProblems(r.problems.map(atOption(new Map([["rows", "--grid[0]"], ["columns", "--grid[1]"], ["outputs", outputsAt]]))), label, output);
    if (args.json) {
      output.out(JSON.stringify({ scenario: scenario.name, ...r.value }, null, 2) + "\n");
      return EXIT.ok;
    }
    const { rows, columns } = r.value;
    const lines = [`${scenario.name}: grid of ${rows.path} (rows) by ${columns.path} (columns), other inputs at base`];
    for (const t of r.value.outputs) {
      lines.push("", `${t.output} (base ${figure(t.output, t.base)})`);
      const cols = [{ header: `${rows.path} \\ ${columns.path}`, align: "left" as const }, ...columns.values.map((v) => ({ header: String(v), align: "right" as const }))];
      lines.push(...renderTable(cols, rows.values.map((v, i) => [String(v), ...t.values[i].map((x) => figure(t.output, x))])));
    }
    output.out(lines.join("\n") + "\n");
    return EXIT.ok;
  }

  let inputs = args.inputs;
  if (inputs.length === 0) {
    if (!block) return printProblems([problem("missing", "--input", "give inputs as --input PATH=LOW:HIGH (or an uncertainty block in the file), e.g. --input china.approvalRate=0.4:0.8")], label, output);
    if (!block.ok) return printProblems(block.problems, label, output);
    inputs = swingInputsFrom(scenario, block.value.inputs);
  }
  const r = sensitivity(scenario, { inputs, outputs });
  if (!r.ok) return printProblems(r.problems.map(atOption(new Map([["inputs", "--input"], ["outputs", outputsAt]]))), label, output);
  if (args.json) {
    output.out(JSON.stringify({ scenario: scenario.name, tornado: r.value }, null, 2) + "\n");
    return EXIT.ok;
  }
  const lines = [`${scenario.name}: one input at a time, the others at base; largest swing first`];
  for (const t of r.value) {
    lines.push("", `${t.output} (base ${figure(t.output, t.base)})`);
    const cols = (["input", "low", "high", "at low", "at high", "swing"] as const).map((h, i) => ({ header: h, align: i === 0 ? ("left" as const) : ("right" as const) }));
    lines.push(...renderTable(cols, t.bars.map((b) => [b.path, shown(b.low), shown(b.high), figure(t.output, b.atLow), figure(t.output, b.atHigh), figure(t.output, b.swing)])));
  }
  output.out(lines.join("\n") + "\n");
  return EXIT.ok;
}
