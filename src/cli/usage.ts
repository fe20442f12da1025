/**
 * Help text, one section per command, kept in one place so `chips --help`, `chips help CMD`,
 * `chips CMD --help` and usage errors agree.
 */

export type CommandName = "evaluate" | "report" | "simulate" | "sensitivity" | "scenarios" | "baseline";

/** Each command's synopsis and description, as `chips --help` lists them. */
const COMMANDS: Record<CommandName, string> = {
  evaluate: `  evaluate FILE [--json]   Validate a scenario and run the H200 policy pipeline.
                           FILE is JSON, or YAML when it ends in .yaml/.yml (or
                           when it does not start with "{"); "-" reads standard
                           input the same way. Warnings (a value probably in the
                           wrong unit) go to stderr; the exit status stays 0.
                           Default output: a table per period. --json: one JSON
                           document (fields in docs/scenario-format.md).`,
  report: `  report [FILE...] [--out DIR] [--mode values|native|live] [--format xlsx,md,docx,csv]
         [--weights NAME=P,...] [--iterations N] [--seed S] [--no-uncertainty]
                           Evaluate scenarios (default: the built-in scenarios) and
                           write one report into DIR (default reports/): a workbook
                           (Assumptions, a sheet per scenario, Comparison, Sources),
                           an investor note as Markdown and Word, and/or one CSV per
                           sheet (default: xlsx,md,docx), and each chart as SVG and
                           PNG. --mode: values = numbers only; native (default)
                           = spreadsheet formulas over the Assumptions sheet; live =
                           CHIPS add-in functions where they fit. --weights gives
                           each scenario a probability (they sum to 1; or set
                           "probability" in each file): the note adds the weighted
                           China revenue. Scenarios with an
                           "uncertainty" block also get Sensitivity and Monte Carlo
                           sheets: --iterations and --seed override the block's,
                           --no-uncertainty leaves them out. Progress on stderr.`,
  simulate: `  simulate FILE [--iterations N] [--seed S] [--output NAME]... [--percentiles 5,50,95] [--json]
                           Seeded Monte Carlo over the file's "uncertainty" block
                           (see examples/uncertainty/monte-carlo.json): mean and
                           percentiles (P10/P50/P90 and any asked) of each output.
                           NAME: totals.METRIC or buyers.BUYER.METRIC, optionally
                           @PERIOD (default: summed over periods), e.g.
                           totals.chinaRevenue, buyers.ByteDance.shipped@FY2027Q1.
                           Same seed, same numbers. Progress bar on a terminal.`,
  sensitivity: `  sensitivity FILE [--input PATH=LOW:HIGH]... [--grid PATH=V1,V2,... --grid PATH=...]
              [--output NAME]... [--json]
                           Tornado: each input at LOW and HIGH, the others at base,
                           largest swing first (default: the uncertainty block's
                           inputs at P10/P90). Two --grid options: one matrix per
                           output. PATH: a field such as china.approvalRate,
                           market.supply[2], buyers[0].requested, china.cap.basis.`,
  scenarios: `  scenarios [NAME] [--json]
                           List the built-in scenarios (id and name, one a line).
                           With NAME (an id or a name): print that scenario as an
                           editable YAML file, each number's source (or the
                           ILLUSTRATIVE mark) as a comment above it and the
                           "x-sources" map at the end; --json: as JSON. Save it,
                           edit it, and run chips evaluate or chips report on it.`,
  baseline: `  baseline METRIC [PERIOD] [--basis hq|billing] [--source S] [--json]
                           One figure of the sourced data set with its citation,
                           e.g. chips baseline chinaRevenue FY2027Q2. China revenue
                           comes on two bases: hq (by customer headquarters,
                           Nvidia's reporting since FY2026Q3; the default where a
                           period has it) and billing (by billing location, the
                           earlier reports); the output names the basis. --source
                           picks a conflicting entry; --json prints the entry.`,
};

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export const isCommand = (name: string): name is CommandName => Object.prototype.hasOwnProperty.call(COMMANDS, name);

const OPTIONS = `Options:
  -h, --help               Show help (chips CMD --help: that command's).
  -V, --version            Show the version of chips.`;

const EXIT_STATUS = `Exit status:
  0  success
  1  internal error (a bug in chips; please report it)
  2  input error: bad usage, unreadable file, or a scenario that fails validation
     (one "path: message" line per problem on stderr, nothing on stdout)`;

/** The whole help: every command, the options, exit statuses and environment. */
export const USAGE = `Usage: chips <command> [options]

Commands:
${COMMAND_NAMES.map((c) => COMMANDS[c]).join("\n")}
  help [COMMAND]           Show this help, or one command's.

${OPTIONS}

${EXIT_STATUS}

Environment:
  NO_COLOR                 Disable bold headings even on a terminal.
  CHIPS_DEBUG              Print the stack trace of an internal error.

Through npx, options after the command name reach chips: "npx chips --version",
"npx chips report --help". Scenario fields: docs/scenario-format.md. The model (each
step's formula, per-period policy, cumulative caps, binding and largest cut): docs/model.md.
`;

/** One command's help. */
export function commandUsage(name: CommandName): string {
  return `Usage: chips ${name} …\n\n${COMMANDS[name]}\n\n${OPTIONS}\n\n${EXIT_STATUS}\n`;
}

/** What follows a usage error's one line: where to read more, not the whole help. */
export function usageHint(name?: CommandName): string {
  return name ? `Run "chips ${name} --help" for its options.` : `Run "chips --help" for usage.`;
}
