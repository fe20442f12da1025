/** Input errors: nothing on stdout, `path: message` lines on stderr, exit 2, never a stack trace. */
import * as fs from "fs";
import * as path from "path";
import { formatOf, parseScenario } from "../../src/engine";
import * as os from "os";
import { COMMAND_NAMES } from "../../src/cli/usage";
import { ROOT, chips, example, fixture } from "./chips";

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

/** Each fixture and line prefixes its stderr must contain (one per problem, by field path). */
const FIXTURES: [string, string[]][] = [
  ["wrong-types.json", ["us.exportsAllowed: ", "market.h200Price: ", "buyers[1].requested: "]],
  ["missing-required.json", ["name: ", "market.h200Price: ", "buyers[0].domesticUnits: ", "buyers[1].requested: "]],
  ["period-array-length.json", ["market.supply: ", "buyers[1].requested: "]],
  ["bad-enum.json", ["china.access: ", "china.cap.basis: ", "market.usShareTreatment: "]],
  ["unknown-field.json", ["scenarioNotes: ", "buyers[1].requsted: "]],
  ["malformed.json", [`${fixture("malformed.json")}: the file is not valid JSON`]],
  ["malformed.yaml", [`${fixture("malformed.yaml")}: the file is not valid YAML`]],
];

describe.each(FIXTURES)("fixtures/%s", (name, prefixes) => {
  const file = fixture(name);
  const run = () => chips(["evaluate", file, "--json"]);

  test("exit 2, empty stdout, one stderr line per problem naming its path", () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    noStackTrace(r.stderr);
    const lines = r.stderr.trimEnd().split("\n");
    for (const prefix of prefixes) expect(lines.some((l) => l.startsWith(prefix))).toBe(true);
    const parsed = parseScenario(fs.readFileSync(path.join(ROOT, file), "utf8"), formatOf(file));
    expect(parsed.ok).toBe(false);
    // A syntax problem adds the line it points at and a caret under the column.
    if (!parsed.ok) expect(lines).toHaveLength(parsed.problems.length + 2 * parsed.problems.filter((p) => p.source).length);
  });

  test("the table mode fails the same way", () => {
    const r = chips(["evaluate", file]);
    expect(r).toEqual(run());
  });
});

test("a missing file: exit 2 and the file name on stderr", () => {
  const r = chips(["evaluate", "examples/no-such-scenario.json"]);
  expect(r).toMatchObject({ status: 2, stdout: "" });
  expect(r.stderr).toContain("examples/no-such-scenario.json");
  noStackTrace(r.stderr);
});

test("a directory: exit 2 and its name on stderr", () => {
  const r = chips(["evaluate", "examples"]);
  expect(r).toMatchObject({ status: 2, stdout: "" });
  expect(r.stderr).toMatch(/"examples".*directory/);
});

test("absurd magnitudes are refused with their field paths, not printed as JSON null", () => {
  const huge = JSON.stringify({
    name: "Huge",
    periods: ["FY2027Q1"],
    market: { h200Price: 27000, supply: 1e308 },
    buyers: [
      { name: "A", requested: 1e308, domesticUnits: 0 },
      { name: "B", requested: 1e308, domesticUnits: 0 },
    ],
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chips-huge-")), "huge.json");
  fs.writeFileSync(file, huge);
  const r = chips(["evaluate", file, "--json"]);
  expect(r).toMatchObject({ status: 2, stdout: "" });
  expect(r.stderr.split("\n").filter(Boolean)).toEqual([
    expect.stringMatching(/^market\.supply: must be at most 1e\+12/),
    expect.stringMatching(/^buyers\[0\]\.requested: must be at most/),
    expect.stringMatching(/^buyers\[1\]\.requested: must be at most/),
  ]);
});

describe("usage", () => {
  test.each([["--help"], ["-h"], ["help"]])("chips %s prints the whole usage on stdout, exit 0", (...args) => {
    const r = chips(args);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Usage: chips <command>/);
    for (const command of COMMAND_NAMES) expect(r.stdout).toContain(`\n  ${command} `);
  });

  test.each(COMMAND_NAMES)("chips help %s and chips %s --help print that command's usage only", (command) => {
    for (const args of [["help", command], [command, "--help"], [command, "-h"]]) {
      const r = chips(args);
      expect(r).toMatchObject({ status: 0, stderr: "" });
      expect(r.stdout).toMatch(new RegExp(`^Usage: chips ${command} `));
      expect(r.stdout).toContain(`\n  ${command} `);
      for (const other of COMMAND_NAMES.filter((c) => c !== command)) expect(r.stdout).not.toContain(`\n  ${other} `);
    }
  });

  test("the npx advice in the help works as written", () => {
    const r = chips(["--help"]);
    expect(r.stdout).toContain('"npx chips --version"');
    expect(r.stdout).not.toContain("npx chips -- --version"); // npm passes "--" on, and chips refused it
  });

  test("--version prints the package version", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(chips(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  test.each([
    [["frobnicate"], 'unknown command "frobnicate"', 'Run "chips --help" for usage.'],
    [[], "missing command", 'Run "chips --help" for usage.'],
    [["help", "frobnicate"], "help takes one command name", 'Run "chips --help" for usage.'],
    [["evaluate"], "needs a scenario FILE", 'Run "chips evaluate --help" for its options.'],
    [["evaluate", example("base.json"), example("dollar-cap.json")], "takes one FILE", 'Run "chips evaluate --help" for its options.'],
    [["evaluate", example("base.json"), "--xml"], "unknown option --xml", 'Run "chips evaluate --help" for its options.'],
    [["evaluate", example("base.json"), "--json=yes"], "takes no value", 'Run "chips evaluate --help" for its options.'],
    [["simulate", "--seed"], "--seed", 'Run "chips simulate --help" for its options.'],
    [["sensitivity"], "FILE", 'Run "chips sensitivity --help" for its options.'],
    [["--json"], "unknown option --json", 'Run "chips --help" for usage.'],
  ])("chips %j: exit 2, the reason and where the help is, two lines on stderr", (args, reason, hint) => {
    const r = chips(args);
    expect(r).toMatchObject({ status: 2, stdout: "" });
    const lines = r.stderr.split("\n");
    expect(lines).toHaveLength(3); // two lines and the final newline
    expect(lines[0].startsWith("chips: ")).toBe(true);
    expect(lines[0]).toContain(reason);
    expect(lines[1]).toBe(hint);
    expect(lines[2]).toBe("");
  });
});
