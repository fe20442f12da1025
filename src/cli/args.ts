/** A tiny argument parser: one command word, positionals, and boolean flags only. */

export interface FlagSpec {
  /** Long name without dashes, e.g. "json". */
  readonly name: string;
  readonly short?: string;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlySet<string>;
}

export type ParseOutcome = { readonly ok: true; readonly value: ParsedArgs } | { readonly ok: false; readonly message: string };

/**
 * Splits argv into positionals and known flags. `-` is a positional (stdin); `--` ends flags.
 * @example parseArgs(["a.json", "--json"], [{ name: "json" }]) // returns { ok: true, value: { positionals: ["a.json"], flags: new Set(["json"]) } }
 */
export function parseArgs(argv: readonly string[], known: readonly FlagSpec[]): ParseOutcome {
  const positionals: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const [flagPart, value] = splitValue(arg);
    const spec = flagPart.startsWith("--")
      ? known.find((f) => f.name === flagPart.slice(2))
      : known.find((f) => f.short !== undefined && f.short === flagPart.slice(1));
    if (!spec) return { ok: false, message: `unknown option ${flagPart}` };
    if (value !== undefined) return { ok: false, message: `option --${spec.name} takes no value` };
    flags.add(spec.name);
  }
  return { ok: true, value: { positionals, flags } };
}

function splitValue(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

/**
 * A whole-number option's value: undefined when absent, NaN when not digits or outside [min, max].
 * @example wholeNumber("2000") // returns 2000
 */
export function wholeNumber(text: string | undefined, min = 0, max = Infinity): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  return n >= min && n <= max ? n : NaN;
}
