/** Entry point of the `chips` CLI: dispatch, usage errors, and the internal-error boundary. */
import { evaluateCommand } from "./commands/evaluate";
import { reportCommand } from "./commands/report";
import { parseReportArgs } from "./commands/reportArgs";
import { parseSimulateArgs, simulateCommand } from "./commands/simulate";
import { parseSensitivityArgs, sensitivityCommand } from "./commands/sensitivity";
import { scenariosCommand } from "./commands/scenarios";
import { baselineCommand, parseBaselineArgs } from "./commands/baseline";
import { FlagSpec, parseArgs } from "./args";
import { EXIT, ExitCode } from "./exitCodes";
import { Output, packageVersion, processOutput } from "./io";
import { COMMAND_NAMES, CommandName, USAGE, commandUsage, isCommand, usageHint } from "./usage";

const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: "help", short: "h" },
  { name: "version", short: "V" },
];

/**
 * Runs chips with the arguments after the program name and returns the exit status.
 * Never throws for user errors; anything thrown is a bug, reported without a stack trace.
 * Commands that write files (report) finish asynchronously and return a promise.
 * @example main(["--version"], output) // returns 0 — and prints the version, e.g. "0.1.0"
 */
export function main(argv: readonly string[], output: Output): ExitCode | Promise<ExitCode> {
  try {
    const code = dispatch(argv, output);
    return typeof code === "number" ? code : code.catch((e: unknown) => internalError(output, e));
  } catch (e) {
    return internalError(output, e);
  }
}

function internalError(output: Output, e: unknown): ExitCode {
  output.err(`chips: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.CHIPS_DEBUG && e instanceof Error && e.stack) output.err(e.stack + "\n");
  return EXIT.internal;
}

function dispatch(argv: readonly string[], output: Output): ExitCode | Promise<ExitCode> {
  // npm passes a "--" on: `npx chips -- --version` arrives as ["--", "--version"]; read it as `chips --version`.
  const [command, ...rest] = argv[0] === "--" ? argv.slice(1) : argv;
  if (command === undefined) return usageError(output, "missing command");
  if (command === "help") {
    if (rest.length === 0) return help(output);
    if (rest.length === 1 && isCommand(rest[0])) return help(output, rest[0]);
    return usageError(output, `help takes one command name (${COMMAND_NAMES.join(", ")}), got ${JSON.stringify(rest.join(" "))}`);
  }
  if (command === "evaluate") {
    const parsed = parseArgs(rest, [...GLOBAL_FLAGS, { name: "json" }]);
    if (!parsed.ok) return usageError(output, parsed.message, command);
    const { flags, positionals } = parsed.value;
    if (flags.has("help")) return help(output, command);
    if (positionals.length === 0) return usageError(output, "evaluate needs a scenario FILE (or - for standard input)", command);
    if (positionals.length > 1) return usageError(output, `evaluate takes one FILE, got ${positionals.length}`, command);
    return evaluateCommand({ file: positionals[0], json: flags.has("json") }, output);
  }
  if (command === "report") {
    const parsed = parseReportArgs(rest);
    if (!parsed.ok) return usageError(output, parsed.message, command);
    if (parsed.value.help) return help(output, command);
    return reportCommand(parsed.value, output);
  }
  if (command === "simulate") {
    const parsed = parseSimulateArgs(rest);
    if (!parsed.ok) return usageError(output, parsed.message, command);
    if (parsed.value.help) return help(output, command);
    return simulateCommand(parsed.value, output);
  }
  if (command === "sensitivity") {
    const parsed = parseSensitivityArgs(rest);
    if (!parsed.ok) return usageError(output, parsed.message, command);
    if (parsed.value.help) return help(output, command);
    return sensitivityCommand(parsed.value, output);
  }
  if (command === "scenarios") {
    const parsed = parseArgs(rest, [...GLOBAL_FLAGS, { name: "json" }]);
    if (!parsed.ok) return usageError(output, parsed.message, command);
    const { flags, positionals } = parsed.value;
    if (flags.has("help")) return help(output, command);
    if (positionals.length > 1) return usageError(output, `scenarios takes at most one NAME, got ${positionals.length}`, command);
    return scenariosCommand({ name: positionals[0], json: flags.has("json") }, output);
  }
  if (command === "baseline") {
    const parsed = parseBaselineArgs(rest);
    if (!parsed.ok) return usageError(output, parsed.message, command);
    if (parsed.value.help) return help(output, command);
    return baselineCommand(parsed.value, output);
  }
  if (command.startsWith("-")) {
    const parsed = parseArgs([command, ...rest], GLOBAL_FLAGS);
    if (!parsed.ok) return usageError(output, parsed.message);
    if (parsed.value.positionals.length > 0) return usageError(output, "options go after the command");
    if (parsed.value.flags.has("version")) {
      output.out(packageVersion() + "\n");
      return EXIT.ok;
    }
    return help(output);
  }
  return usageError(output, `unknown command ${JSON.stringify(command)}`);
}

/** The whole help, or one command's, on stdout. */
function help(output: Output, command?: CommandName): ExitCode {
  output.out(command ? commandUsage(command) : USAGE);
  return EXIT.ok;
}

/** One line saying what is wrong, then one saying where the help is (the whole help would push the line off screen). */
function usageError(output: Output, message: string, command?: CommandName): ExitCode {
  output.err(`chips: ${message}\n${usageHint(command)}\n`);
  return EXIT.input;
}

/** Runs against the real process; used by bin/chips.js. */
export function run(): void {
  // A closed pipe (`chips evaluate f | head`) is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(EXIT.ok);
    throw e;
  });
  const code = main(process.argv.slice(2), processOutput());
  if (typeof code === "number") process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
