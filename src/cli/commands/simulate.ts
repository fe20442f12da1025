/**
 * `chips simulate FILE [--iterations N] [--seed S] [--output METRIC]... [--percentiles 10,50,90] [--json]`:
 * seeded Monte Carlo over the file's `uncertainty` block; progress on stderr when it is a terminal.
 */
import { parseDocument } from "yaml";
import { Problem, formatProblem, readSimulation, simulate } from "../../engine";
import { EXIT, ExitCode } from "../exitCodes";
import { Output, readSource } from "../io";

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

/** Options take a value as the next argument or after "="; --output may repeat. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgsOutcome {
  const files: string[] = [];
  const outputs: string[] = [];
  let iterations: number | undefined;
  let seed: number | undefined;
  let percentiles: number[] | undefined;
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-" || !arg.startsWith("-")) {
      files.push(arg);
      continue;
    }
    if (arg === "--json") json = true;
    else if (arg === "-h" || arg === "--help") help = true;
    else {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg : arg.slice(0, eq);
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === "") return { ok: false, message: `option ${name} needs a value` };
      const whole = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : NaN);
      if (name === "--iterations") iterations = whole(value);
      else if (name === "--seed") seed = whole(value);
      else if (name === "--output") outputs.push(value);
      else if (name === "--percentiles") percentiles = value.split(",").map((p) => Number(p.trim()));
      else return { ok: false, message: `unknown option ${name}` };
      if ((name === "--iterations" && Number.isNaN(iterations)) || (name === "--seed" && Number.isNaN(seed))) return { ok: false, message: `${name} takes a whole number, got ${JSON.stringify(value)}` };
    }
  }
  if (help) return { ok: true, value: { file: "", json, help } };
  if (files.length !== 1) return { ok: false, message: "simulate takes one scenario FILE with an uncertainty block" };
  return { ok: true, value: { file: files[0], iterations, seed, outputs: outputs.length ? outputs : undefined, percentiles, json, help } };
}

export function simulateCommand(args: SimulateArgs, output: Output, stderrIsTty = Boolean(process.stderr.isTTY)): ExitCode {
  const source = readSource(args.file);
  if (!source.ok) {
    output.err(`chips: ${source.message}\n`);
    return EXIT.input;
  }
  const problems = (ps: readonly Problem[]) => {
    output.err(ps.map((p) => formatProblem(p.path ? p : { ...p, path: source.label }) + "\n").join(""));
    return EXIT.input;
  };
  const doc = parseDocument(source.text, { schema: "core" });
  if (doc.errors.length > 0) return problems([{ code: "syntax", path: "", message: doc.errors[0].message.split("\n")[0] }]);
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const spec = readSimulation(data, { iterations: args.iterations, seed: args.seed, outputs: args.outputs, percentiles: args.percentiles });
  if (!spec.ok) return problems(spec.problems);
  let shown = -1;
  const result = simulate(data, spec.value, {
    onProgress: (f) => {
      const pct = Math.floor(f * 100);
      if (stderrIsTty && pct !== shown) output.err(`\rchips: simulating ${pct}%`);
      shown = pct;
    },
  });
  if (stderrIsTty) output.err("\n");
  if (!result.ok) return problems(result.problems);
  const r = result.value;
  if (args.json) {
    output.out(JSON.stringify({ iterations: r.iterations, seed: r.seed, outputs: r.outputs }, null, 2) + "\n");
    return EXIT.ok;
  }
  const fmt = (v: number) => (Math.abs(v) >= 1e6 ? `${(v / 1e9).toFixed(3)}bn` : v.toFixed(0));
  const lines = [`Monte Carlo: ${r.iterations} iterations, seed ${r.seed} (rerun with the same seed for the same numbers)`, ""];
  for (const o of r.outputs) {
    lines.push(`${o.output}: mean ${fmt(o.mean)}  ` + Object.entries(o.percentiles).map(([k, v]) => `${k} ${fmt(v)}`).join("  "));
  }
  output.out(lines.join("\n") + "\n");
  return EXIT.ok;
}
