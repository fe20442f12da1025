/** Arguments of `chips report [FILES...] [--out DIR] [--mode MODE] [--format LIST] [--weights LIST] [--iterations N] [--seed S] [--no-uncertainty]`. */
import { MAX_ITERATIONS } from "../../engine";
import { wholeNumber } from "../args";
import { CELL_MODES, CellMode } from "../../report/model";
import { OUTPUT_FORMATS, OutputFormat } from "../../report/render/renderer";
import { ScenarioWeights, parseWeights } from "../../report/note/weights";

export interface ReportArgs {
  readonly files: readonly string[];
  readonly out: string;
  readonly mode: CellMode;
  readonly formats: readonly OutputFormat[];
  /** Monte Carlo iterations and seed for the uncertainty sheets (default: the file's, at most 10,000 iterations). */
  readonly iterations?: number;
  readonly seed?: number;
  /** false: no Sensitivity or Monte Carlo sheets (--no-uncertainty). */
  readonly uncertainty: boolean;
  /** Scenario probabilities for the note's weighted view (--weights name=0.5,…); checked against the scenarios once loaded. */
  readonly weights?: ScenarioWeights;
  readonly help: boolean;
}

export type ReportArgsOutcome = { readonly ok: true; readonly value: ReportArgs } | { readonly ok: false; readonly message: string };

export const REPORT_DEFAULTS = { out: "reports", mode: "native", formats: ["xlsx", "md", "docx"] } as const;

const VALUE_OPTIONS = ["out", "mode", "format", "iterations", "seed", "weights"] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/**
 * Options take a value as the next argument or after "="; "--" ends options.
 * @example parseReportArgs(["a.json", "--mode=values"]).ok // returns true
 */
export function parseReportArgs(argv: readonly string[]): ReportArgsOutcome {
  const files: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  let help = false;
  let uncertainty = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      files.push(arg);
      continue;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (arg === "--no-uncertainty") {
      uncertainty = false;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--/, "");
    if (!arg.startsWith("--") || !(VALUE_OPTIONS as readonly string[]).includes(name)) return fail(`unknown option ${eq < 0 ? arg : arg.slice(0, eq)}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") return fail(`option --${name} needs a value`);
    values[name as ValueOption] = value;
  }

  const mode = values.mode ?? REPORT_DEFAULTS.mode;
  if (!(CELL_MODES as readonly string[]).includes(mode)) return fail(`--mode must be one of ${CELL_MODES.join(", ")}, got ${JSON.stringify(mode)}`);
  const formats = values.format === undefined ? [...REPORT_DEFAULTS.formats] : [...new Set(values.format.split(",").map((f) => f.trim().toLowerCase()))];
  const bad = formats.find((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (bad !== undefined) return fail(`--format takes a comma-separated list of ${OUTPUT_FORMATS.join(", ")}, got ${JSON.stringify(bad)}`);
  const iterations = wholeNumber(values.iterations, 1, MAX_ITERATIONS);
  if (Number.isNaN(iterations)) return fail(`--iterations takes a whole number from 1 to ${MAX_ITERATIONS.toLocaleString("en-US")}, got ${JSON.stringify(values.iterations)}`);
  const seed = wholeNumber(values.seed, 0, 0xffffffff);
  if (Number.isNaN(seed)) return fail(`--seed takes a whole number from 0 to 4294967295, got ${JSON.stringify(values.seed)}`);
  const weights = values.weights === undefined ? undefined : parseWeights(values.weights);
  if (weights && !weights.ok) return fail(weights.message);
  return {
    ok: true,
    value: {
      files,
      out: values.out ?? REPORT_DEFAULTS.out,
      mode: mode as CellMode,
      formats: formats as OutputFormat[],
      ...(iterations === undefined ? {} : { iterations }),
      ...(seed === undefined ? {} : { seed }),
      uncertainty,
      ...(weights?.ok ? { weights: weights.value } : {}),
      help,
    },
  };
}

const fail = (message: string): ReportArgsOutcome => ({ ok: false, message });
