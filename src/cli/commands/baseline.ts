/**
 * `chips baseline METRIC [PERIOD] [--basis hq|billing] [--source S] [--json]`: one figure of the
 * sourced baseline data set with its citation; a China revenue figure names its basis.
 */
import { METRIC_INFO, baselineFact, basisLabel, citation, formatProblem, oneLine } from "../../engine";
import { EXIT, ExitCode } from "../exitCodes";
import { Output } from "../io";

export interface BaselineArgs {
  readonly help: boolean;
  readonly metric: string;
  readonly period?: string;
  readonly basis?: string;
  readonly source?: string;
  readonly json: boolean;
}

export type BaselineParse = { readonly ok: true; readonly value: BaselineArgs } | { readonly ok: false; readonly message: string };

const VALUE_OPTIONS = ["basis", "source"] as const;

/**
 * Reads `METRIC [PERIOD]` and the options (`--basis B` or `--basis=B`, `--source S`, `--json`, `--help`).
 * @example parseBaselineArgs(["chinaRevenue", "FY2026Q3", "--basis", "billing"]).ok // returns true
 */
export function parseBaselineArgs(argv: readonly string[]): BaselineParse {
  const positionals: string[] = [];
  const values: Partial<Record<(typeof VALUE_OPTIONS)[number], string>> = {};
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--json" || flag === "--help" || flag === "-h") {
      if (inline !== undefined) return { ok: false, message: `option ${flag} takes no value` };
      if (flag === "--json") json = true;
      else help = true;
      continue;
    }
    const name = VALUE_OPTIONS.find((o) => flag === `--${o}`);
    if (!name) return { ok: false, message: `unknown option ${flag}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") return { ok: false, message: `option --${name} needs a value` };
    values[name] = value;
  }
  if (help) return { ok: true, value: { help, metric: "", json } };
  if (positionals.length === 0) return { ok: false, message: "baseline needs a METRIC (e.g. chinaRevenue)" };
  if (positionals.length > 2) return { ok: false, message: `baseline takes METRIC and at most one PERIOD, got ${positionals.length} words` };
  return { ok: true, value: { help, metric: positionals[0], period: positionals[1], json, ...values } };
}

export function baselineCommand(args: BaselineArgs, output: Output): ExitCode {
  const found = baselineFact(args.metric, args.period, args.source, args.basis);
  if (!found.ok) {
    for (const p of found.problems) output.err(`${oneLine(formatProblem(p))}\n`);
    return EXIT.input;
  }
  const f = found.value;
  if (args.json) {
    output.out(JSON.stringify(f, null, 2) + "\n");
    return EXIT.ok;
  }
  const what = (METRIC_INFO as Record<string, { what: string }>)[f.metric]?.what ?? f.metric;
  const head = `${f.metric}${f.period ? ` ${f.period}` : ""}${f.basis ? ` (${basisLabel(f.basis)})` : ""}: ${f.value.toLocaleString("en-US", { maximumFractionDigits: 6 })} ${f.unit}`;
  output.out([head, `  ${what}`, `  source: ${f.source.title} (${citation(f)})${f.source.url ? ` ${f.source.url}` : ""}`, `  id: ${f.id}`, `  note: ${f.note}`].join("\n") + "\n");
  return EXIT.ok;
}
