/**
 * `chips report` (in-process through main()): writes the report files; bad input exits 2 and writes nothing.
 * Whole reports of the built-ins and of a Monte Carlo scenario are in report.builtIns.test.ts (integration).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { ROOT, chipsAsync, example, fixture, reportFolders, withPngs } from "./chips";

// A whole report (workbook, note in Markdown and Word, every chart as SVG and PNG) takes seconds.
jest.setTimeout(120_000);

const { out, listing } = reportFolders();

test("--format csv --mode values: one CSV per sheet; --format=… and --mode=… forms work too", async () => {
  const r = await chipsAsync(["report", example("base.json"), "--format", "csv", "--mode=values", `--out=${out("csv")}`]);
  expect(r.status).toBe(0);
  expect(listing(out("csv"))).toEqual(
    ["chokepoint-summary.csv", "chokepoint-assumptions.csv", "chokepoint-base.csv", "chokepoint-comparison.csv", "chokepoint-reported-vs-modelled.csv", "chokepoint-sources.csv", ...withPngs(["chokepoint-shipped-base.svg", "chokepoint-china-revenue.svg", "chokepoint-requested-to-shipped.svg"])].sort(),
  );
  expect(fs.readFileSync(path.join(out("csv"), "chokepoint-base.csv"), "utf8")).toContain("ByteDance,130000,130000,78000,78000,78000,78000,19500,supply,supply,");
});

test("--mode live writes CHIPS functions the way Excel stores add-in functions", async () => {
  expect((await chipsAsync(["report", example("base.json"), "--mode", "live", "--format", "xlsx", "--out", out("live")])).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out("live"), "chokepoint.xlsx"));
  expect(wb.getWorksheet("Base")!.getCell("L21").formula).toMatch(/^_xldudf_CHIPS_US_REVENUE_SHARE\(/); // v2: orders and largest cut columns before it
});

describe("bad input: exit 2, the problems on stderr, no report written", () => {
  test("one invalid file: the same lines as `chips evaluate`", async () => {
    for (const bad of ["missing-required.json", "malformed.yaml", "malformed.json", "bad-enum.json"]) {
      const dir = out(`bad-${bad}`);
      const r = await chipsAsync(["report", fixture(bad), "--out", dir]);
      const evaluate = await chipsAsync(["evaluate", fixture(bad)]);
      expect({ bad, status: r.status, stdout: r.stdout }).toEqual({ bad, status: 2, stdout: "" });
      expect(r.stderr).toBe(`chips: reading 1 scenario file\n${evaluate.stderr}`);
      expect(listing(dir)).toEqual([]);
    }
  });

  test("several files: each problem line starts with its file; valid files do not rescue the run", async () => {
    const dir = out("bad-several");
    const r = await chipsAsync(["report", example("base.json"), fixture("missing-required.json"), fixture("malformed.yaml"), "--out", dir]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split("\n").slice(1);
    expect(lines[0]).toBe("test/cli/fixtures/missing-required.json: name: required: the scenario's name");
    expect(lines.every((l) => l.startsWith("test/cli/fixtures/missing-required.json: ") || l.startsWith("test/cli/fixtures/malformed.yaml: ") || /^ +(\d+ )?\| /.test(l))).toBe(true);
    // The syntax problem's line is followed by the text it points at, quoted, and a caret.
    const syntax = lines.findIndex((l) => l.startsWith("test/cli/fixtures/malformed.yaml: the file is not valid YAML"));
    expect(syntax).toBeGreaterThan(0);
    expect(lines.slice(syntax + 1)).toEqual([expect.stringMatching(/^ +3 \| market:$/), expect.stringMatching(/^ +\| \^$/)]);
    expect(listing(dir)).toEqual([]);
  });

  test("a missing file", async () => {
    const r = await chipsAsync(["report", "nope.json", "--out", out("bad-missing")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('chips: cannot read "nope.json": no such file\n');
    expect(listing(out("bad-missing"))).toEqual([]);
  });

  test.each([
    [["--mode", "fancy"], '--mode must be one of values, native, live, got "fancy"'],
    [["--format", "xlsx,pdf"], '--format takes a comma-separated list of xlsx, md, docx, csv, got "pdf"'],
    [["--weights", "Base"], '--weights: write name=probability pairs separated by commas, e.g. "Base=0.6,Bear=0.4"; got "Base"'],
    [["--weights", "Base=x"], '--weights: write name=probability pairs separated by commas, e.g. "Base=0.6,Bear=0.4"; got "Base=x"'],
    [["--out"], "option --out needs a value"],
    [["--json"], "unknown option --json"],
    [["--iterations", "0"], '--iterations takes a whole number from 1 to 10,000,000, got "0"'],
    [["--seed", "-1"], '--seed takes a whole number from 0 to 4294967295, got "-1"'],
    [["--seed=x"], '--seed takes a whole number from 0 to 4294967295, got "x"'],
  ])("usage error %j", async (args, message) => {
    const r = await chipsAsync(["report", ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`chips: ${message}\nRun "chips report --help" for its options.\n`);
  });

  test("--weights that do not sum to 1, or name no scenario: `--weights: message`, nothing written", async () => {
    const cases: [string[], string][] = [
      [["--weights", "Status quo (orders paused)=0.5,Beijing blocks=0.1"], "--weights: the probabilities sum to 0.6, not 1; give every scenario one (Licence quotas deliver, Beijing ratio cap by units, Beijing ratio cap by dollars, BIS 50%-of-US cap binds, December 2025 view have none)"],
      [["--weights", "Bull=1"], '--weights: no scenario is named "Bull"; the scenarios are'],
      [["--weights", "Beijing blocks=1.5"], "--weights: Beijing blocks's probability must be a number from 0 to 1, got 1.5"],
    ];
    for (const [args, message] of cases) {
      const dir = out(`bad-weights-${args[1].length}`);
      const r = await chipsAsync(["report", ...args, "--out", dir]);
      expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: "" });
      expect(r.stderr.split("\n")[1]).toContain(message);
      expect(listing(dir)).toEqual([]);
    }
  });

  test("--out that cannot be a directory", async () => {
    const file = out("a-file");
    fs.writeFileSync(file, "");
    const r = await chipsAsync(["report", example("base.json"), "--out", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`chips: cannot write the report to ${JSON.stringify(file)}`);
  });
});

test("--weights (or each file's probability) adds the probability-weighted view to the note", async () => {
  // The December 2025 view models FY2027Q1-Q2, not the note's FY2028: it carries no weight.
  const weights = "Status quo (orders paused)=0.4,Licence quotas deliver=0.3,Beijing ratio cap by units=0.1,Beijing ratio cap by dollars=0.1,Beijing blocks=0.05,BIS 50%-of-US cap binds=0.05,December 2025 view=0";
  expect((await chipsAsync(["report", "--format", "md", "--no-uncertainty", "--weights", weights, "--out", out("weights")])).status).toBe(0);
  const md = fs.readFileSync(path.join(out("weights"), "chokepoint.md"), "utf8");
  expect(md).toMatch(/\| \*\*Probability-weighted\*\* \| \*\*100\.0%\*\* \|/);
  expect(md).toMatch(/Weighted by the analyst's scenario probabilities, fiscal 2028 China revenue is \$[\d.]+bn\./);

  const files = ["base.json", "dollar-cap.json"].map((f, i) => {
    const doc = JSON.parse(fs.readFileSync(example(f), "utf8"));
    const file = out(`p-${f}`);
    fs.writeFileSync(file, JSON.stringify({ ...doc, probability: i === 0 ? 0.7 : 0.3 }));
    return file;
  });
  expect((await chipsAsync(["report", ...files, "--format", "md", "--out", out("probability")])).status).toBe(0);
  expect(fs.readFileSync(path.join(out("probability"), "chokepoint.md"), "utf8")).toContain("| Base | 70.0% |");
  const r = await chipsAsync(["report", files[0], example("us-volume-cap.json"), "--format", "md", "--out", out("probability-missing")]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("probability: the probabilities sum to 0.7, not 1; give every scenario one (US volume cap has none)");
});

test("shortName: the scenario's sheet name; two files with one short name exit 2 naming the second, and write nothing", async () => {
  const doc = JSON.parse(fs.readFileSync(example("base.json"), "utf8"));
  const files = ["a", "b"].map((k) => {
    const file = out(`short-${k}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...doc, name: `Base ${k}`, shortName: k === "a" ? "Gate" : "gate" }));
    return file;
  });
  const dir = out("short-clash");
  const r = await chipsAsync(["report", ...files, "--format", "xlsx", "--out", dir]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`${files[1]}: shortName: "gate" is also the short name of "Base a"; give each scenario its own\n`);
  expect(listing(dir)).toEqual([]);

  fs.writeFileSync(files[1], JSON.stringify({ ...doc, name: "Base b", shortName: "Other" }));
  expect((await chipsAsync(["report", ...files, "--format", "xlsx", "--no-uncertainty", "--out", out("short-ok")])).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out("short-ok"), "chokepoint.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Assumptions", "Gate", "Other", "Comparison", "Reported vs modelled", "Sources"]);
});

test("--help documents report; npm run report runs it", async () => {
  const r = await chipsAsync(["report", "--help"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("report [FILE...] [--out DIR] [--mode values|native|live] [--format xlsx,md,docx,csv]");
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.report).toBe("node bin/chips.js report");
});
