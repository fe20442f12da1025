/**
 * `chips simulate FILE [--iterations N] [--seed S] [--output NAME]... [--percentiles 5,50,95] [--json]`:
 * seeded Monte Carlo over the file's `uncertainty` block; a progress bar on stderr when it is a terminal.
 */
import { readUncertainty, simulate } from "../../engine";
import { wholeNumber } from "../args";
import { EXIT, ExitCode } from "../exitCodes";
import { Output } from "../io";
import { renderTable } from "../table";
import { printProblems } from "../problemLines";
import { figure, loadScenario, parseOptions, progressBar } from "./uncertaintyView";

export interface SimulateArgs {
  readonly file: string;
  readonly iterations?: number;
  readonly seed?: number;
  readonly outputs?: readonly string[];
  readonly percentiles?: readonly number[];
  readonly json: boolean;
  readonly help: boolean;
}

export type SimulateArgsOutcome = { readonly ok: true; readonly value: SimulateArgs } | { readonly ok: false; readonly message: string };

/** Options take a value as the next argument or after "="; --output may repeat or list names with commas. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgsOutcome {
  const parsed = parseOptions(argv, ["json", "help"], ["iterations", "seed", "output", "percentiles"]);
  if (!parsed.ok) return parsed;
  const { files, flags, values } = parsed.value;
  const last = (name: string): string | undefined => {
    const list = values.get(name);
    return list ? list[list.length - 1] : undefined;
  };
  const help = flags.has("help");
  if (help) return { ok: true, value: { file: "", json: false, help } };
  if (files.length !== 1) return { ok: false, message: `simulate takes one scenario FILE with an uncertainty block, got ${files.length}` };
  const iterations = wholeNumber(last("iterations"));
  const seed = wholeNumber(last("seed"));
  if (Number.isNaN(iterations)) return { ok: false, message: `--iterations takes a whole number, got ${JSON.stringify(last("iterations"))}` };
  if (Number.isNaN(seed)) return { ok: false, message: `--seed takes a whole number from 0 to 4294967295, got ${JSON.stringify(last("seed"))}` };
  const outputs = values.get("output")?.flatMap((o) => o.split(",").map((s) => s.trim()).filter(Boolean));
  const pText = last("percentiles");
  const percentiles = pText?.split(",").map((p) => (p.trim() === "" ? NaN : Number(p)));
  if (percentiles?.some((p) => Number.isNaN(p))) return { ok: false, message: `--percentiles takes numbers from 0 to 100 separated by commas, got ${JSON.stringify(pText)}` };
  return { ok: true, value: { file: files[0], iterations, seed, outputs, percentiles, json: flags.has("json"), help } };
}

export function simulateCommand(args: SimulateArgs, output: Output, stderrIsTty = Boolean(process.stderr.isTTY)): ExitCode {
  const loaded = loadScenario(args.file, output);
  if (typeof loaded === "number") return loaded;
  const { scenario, label } = loaded;
  const spec = readUncertainty(scenario.uncertainty, { iterations: args.iterations, seed: args.seed, outputs: args.outputs, percentiles: args.percentiles });
  if (!spec.ok) return printProblems(spec.problems, label, output);
  const bar = progressBar(output, stderrIsTty, "chips: simulating");
  const result = simulate(scenario, spec.value, { onProgress: bar.update });
  bar.done();
  if (!result.ok) return printProblems(result.problems, label, output);
  const r = result.value;
  if (args.json) {
    output.out(JSON.stringify({ scenario: scenario.name, iterations: r.iterations, seed: r.seed, mode: r.mode, inputs: r.inputs, outputs: r.outputs }, null, 2) + "\n");
    return EXIT.ok;
  }
  const keys = Object.keys(r.outputs[0]?.percentiles ?? {});
  const columns = [
    { header: "output", align: "left" as const },
    { header: "mean", align: "right" as const },
    ...keys.map((k) => ({ header: k, align: "right" as const })),
  ];
  const rows = r.outputs.map((o) => [o.output, figure(o.output, o.mean), ...keys.map((k) => figure(o.output, o.percentiles[k]))]);
  const lines = [
    `${scenario.name}: Monte Carlo, ${r.iterations} iterations, seed ${r.seed} (the same seed gives the same numbers)`,
    `inputs: ${r.inputs.map((i) => `${i.path} ~ ${i.distribution.dist}`).join(", ")}`,
    "",
    ...renderTable(columns, rows),
  ];
  output.out(lines.join("\n") + "\n");
  return EXIT.ok;
}
