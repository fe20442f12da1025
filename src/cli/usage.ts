/** Help text. Kept in one place so `--help`, `help` and usage errors agree. */

export const USAGE = `Usage: chips <command> [options]

Commands:
  evaluate FILE [--json]   Validate a scenario and run the H200 policy pipeline.
                           FILE is JSON, or YAML when it ends in .yaml/.yml;
                           "-" reads standard input (JSON if it starts with "{", else YAML).
                           Default output: a table per period. --json: one JSON
                           document as in MODEL.md ("Evaluation output").
  report [FILE...] [--out DIR] [--mode values|native|live] [--format xlsx,md,csv]
                           Evaluate scenarios (default: the built-in scenarios) and
                           write one report into DIR (default reports/): a workbook
                           (Assumptions, a sheet per scenario, Comparison, Sources),
                           Markdown and/or one CSV per sheet (default: xlsx,md), and
                           SVG charts. --mode: values = numbers only; native (default)
                           = spreadsheet formulas over the Assumptions sheet; live =
                           CHIPS add-in functions where they fit. Progress on stderr.
  simulate FILE [--iterations N] [--seed S] [--output METRIC]... [--percentiles 10,50,90] [--json]
                           Seeded Monte Carlo over the file's "uncertainty" block
                           (see examples/uncertainty/monte-carlo.json). METRIC: a total such as
                           chinaRevenue, or shipped:BUYER, each optionally @PERIOD
                           (default: summed over periods). Same seed, same numbers.
  help                     Show this help.

Options:
  -h, --help               Show this help.
  -V, --version            Show the version of chips.

Exit status:
  0  success
  1  internal error (a bug in chips; please report it)
  2  input error: bad usage, unreadable file, or a scenario that fails validation
     (one "path: message" line per problem on stderr, nothing on stdout)

Environment:
  NO_COLOR                 Disable bold headings even on a terminal.
  CHIPS_DEBUG              Print the stack trace of an internal error.

Through npx, npm keeps --help and --version for itself: use "npx chips help"
or "npx chips -- --version".
`;
