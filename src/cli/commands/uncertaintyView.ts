/** Shared by `chips simulate` and `chips sensitivity`: option values, loading, number formatting, progress. */
import { Scenario, oneLine, parseScenario, plausibilityWarnings } from "../../engine";
import { display } from "../../report/formats";
import { outputFormat } from "../../report/uncertainty";
import { EXIT, ExitCode } from "../exitCodes";
import { Output, readSource } from "../io";
import { printProblems, warningLines } from "../problemLines";

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Splits argv into positionals, boolean flags and valued options (`--name value` or `--name=value`; valued options may repeat). */
export function parseOptions(argv: readonly string[], booleans: readonly string[], valued: readonly string[]): Parsed<{ files: string[]; flags: Set<string>; values: Map<string, string[]> }> {
  const files: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
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
    if (arg === "-h") {
      flags.add("help");
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--/, "");
    if (booleans.includes(name)) {
      if (eq >= 0) return { ok: false, message: `option --${name} takes no value` };
      flags.add(name);
      continue;
    }
    if (!valued.includes(name)) return { ok: false, message: `unknown option ${eq < 0 ? arg : arg.slice(0, eq)}` };
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") return { ok: false, message: `option --${name} needs a value` };
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { ok: true, value: { files, flags, values } };
}

/** "0.4" → 0.4, "true" → true, "units" → "units". */
export function inputValue(text: string): number | boolean | string {
  const t = text.trim();
  if (t === "true" || t === "false") return t === "true";
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** Reads and validates the scenario FILE; on failure prints "path: message" lines and returns the exit code; prints its warnings either way. */
export function loadScenario(file: string, output: Output): { scenario: Scenario; label: string } | ExitCode {
  const source = readSource(file);
  if (!source.ok) {
    output.err(`chips: ${oneLine(source.message)}\n`);
    return EXIT.input;
  }
  const parsed = parseScenario(source.text, source.format);
  if (!parsed.ok) return printProblems(parsed.problems, source.label, output);
  for (const line of warningLines(plausibilityWarnings(parsed.value))) output.err(line + "\n");
  return { scenario: parsed.value, label: source.label };
}

/**
 * A figure for a table, in the report's one formatter: $bn when the output is money, else whole units.
 * @example figure("totals.chinaRevenue", 4.4e9) // returns "$4.4bn"
 */
export const figure = (output: string, v: number): string => display(v, outputFormat(output));

/** A progress bar on stderr when it is a terminal (nothing otherwise), erased at the end. */
export function progressBar(output: Output, isTty: boolean, label: string): { update(fraction: number): void; done(): void } {
  let shown = -1;
  return {
    update(fraction) {
      if (!isTty) return;
      const pct = Math.floor(fraction * 100);
      if (pct === shown) return;
      shown = pct;
      const width = 30;
      const full = Math.round((pct / 100) * width);
      output.err(`\r${label} [${"#".repeat(full)}${".".repeat(width - full)}] ${String(pct).padStart(3)}%`);
    },
    done() {
      if (isTty && shown >= 0) output.err(`\r${" ".repeat(label.length + 40)}\r`);
    },
  };
}
