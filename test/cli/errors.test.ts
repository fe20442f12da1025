/** Input errors: nothing on stdout, `path: message` lines on stderr, exit 2, never a stack trace. */
import * as fs from "fs";
import * as path from "path";
import { formatOf, parseScenario } from "../../src/engine";
import * as os from "os";
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
    if (!parsed.ok) expect(lines).toHaveLength(parsed.problems.length);
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
  test.each([["--help"], ["-h"], ["help"], ["evaluate", "--help"]])("chips %s prints usage on stdout, exit 0", (...args) => {
    const r = chips(args);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Usage: chips <command>/);
    expect(r.stdout).toContain("evaluate FILE [--json]");
  });

  test("--version prints the package version", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(chips(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  test.each([
    [["frobnicate"], 'unknown command "frobnicate"'],
    [[], "missing command"],
    [["evaluate"], "needs a scenario FILE"],
    [["evaluate", example("base.json"), example("dollar-cap.json")], "takes one FILE"],
    [["evaluate", example("base.json"), "--xml"], "unknown option --xml"],
    [["evaluate", example("base.json"), "--json=yes"], "takes no value"],
    [["--json"], "unknown option --json"],
  ])("chips %j: exit 2, the reason and usage on stderr", (args, reason) => {
    const r = chips(args);
    expect(r).toMatchObject({ status: 2, stdout: "" });
    const first = r.stderr.split("\n")[0];
    expect(first.startsWith("chips: ")).toBe(true);
    expect(first).toContain(reason);
    expect(r.stderr).toContain("Usage: chips");
  });
});
