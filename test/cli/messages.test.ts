/** Issue #19's CLI side: warnings beside a valid scenario, syntax problems quoted with a caret, hints that name the fix. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, chips, chipsAsync } from "./chips";

const EXAMPLE = fs.readFileSync(path.join(ROOT, "examples", "multi-quarter.yaml"), "utf8");
const MONTE_CARLO = fs.readFileSync(path.join(ROOT, "examples", "uncertainty", "monte-carlo.json"), "utf8");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chips-messages-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The multi-quarter example with one edit, written to a temporary file. */
function edited(name: string, from: string, to: string, example = EXAMPLE): string {
  if (!example.includes(from)) throw new Error(`the example has no ${JSON.stringify(from)}`);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, example.replace(from, to));
  return file;
}

describe("plausibility warnings: stderr, exit 0", () => {
  test.each(["evaluate", "simulate", "sensitivity"])("chips %s prints `path: warning: message` and still runs", (command) => {
    const file = edited(`price-${command}.json`, '"h200Price": 27000,', '"h200Price": 27,', MONTE_CARLO);
    const extra = command === "evaluate" ? ["--json"] : command === "simulate" ? ["--iterations", "20"] : [];
    const r = chips([command, file, ...extra]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toBe("");
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual([
      "market.h200Price: warning: 27 looks too small for USD per H200 (under 1,000); check the unit: values are written in full, e.g. 27000 for $27,000 or 2.8e9 for $2.8bn",
    ]);
  });

  test("chips report prints them too and lists them in the workbook's and the note's notes", async () => {
    const file = edited("supply.yaml", "supply: [60000, 150000, 250000, 300000]", "supply: [60000, 150000, 250000, 3e8]");
    const out = path.join(tmp, "report");
    const r = await chipsAsync(["report", file, "--out", out, "--format", "md,csv", "--no-uncertainty"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("\nmarket.supply[3]: warning: 300000000 looks too large for H200 units Nvidia can allocate to China (over 10,000,000)");
    const note = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith(".md")) as string), "utf8");
    expect(note).toContain("Warning, market.supply[3]: 300000000 looks too large");
    const sheets = fs.readdirSync(out).filter((f) => f.endsWith(".csv")).map((f) => fs.readFileSync(path.join(out, f), "utf8"));
    expect(sheets.some((csv) => csv.includes("Warning, market.supply[3]: 300000000 looks too large"))).toBe(true);
  });
});

describe("YAML problems: plain words, the line quoted, a caret under the column", () => {
  test("a buyer without its list dash", () => {
    const file = edited("dash.yaml", "  - { name: Alibaba", "  { name: Alibaba");
    const r = chips(["evaluate", file]);
    expect(r.status).toBe(2);
    const [first, quoted, caret, ...rest] = r.stderr.split("\n");
    expect(first).toBe(`${file}: the file is not valid YAML at line 43, column 3: this line is indented differently from the fields above it; the fields of one block start at the same column`);
    expect(quoted).toMatch(/^ {3}43 \| {3}\{ name: Alibaba, requested: /);
    expect(caret).toBe("      |   ^");
    expect(quoted.indexOf("{")).toBe(caret.indexOf("^"));
    expect(rest).toEqual([""]);
  });

  test("a YAML file saved as .txt is read as YAML", () => {
    const file = path.join(tmp, "scenario.txt");
    fs.writeFileSync(file, EXAMPLE);
    const r = chips(["evaluate", file, "--json"]);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(JSON.parse(r.stdout).periods).toHaveLength(4);
  });

  test("a mis-indented cap block names where its fields belong", () => {
    const file = edited("cap.yaml", "  cap: { basis: units, ratio: 1.0 }   # domestic-chip proportion reported, number not [M]; ratio ILLUSTRATIVE\n", "  cap:\n  basis: units\n  ratio: 1.0\n");
    expect(chips(["evaluate", file]).stderr).toBe(
      'china.basis: unknown field "basis"; a field of that name belongs under china.cap: check its indentation\n' +
        'china.ratio: unknown field "ratio"; a field of that name belongs under china.cap: check its indentation\n',
    );
  });
});

describe("strict files name the likely fix", () => {
  test("requested: [130,000, …] gets the separator hint, quoted at the number", () => {
    const file = edited("separator.yaml", "requested: [130000, 130000, 130000, 130000]", "requested: [130,000, 130000, 130000, 130000]");
    const [first, quoted, caret] = chips(["evaluate", file]).stderr.split("\n");
    expect(first).toBe('buyers[0].requested: has 5 values but the scenario has 4 periods: in a list a comma separates values, and "130,000" looks like a number with a thousands separator: write 130000');
    expect(quoted.slice(caret.indexOf("^"))).toMatch(/^130,000, 130000/);
  });

  test("approvalRate: 50 is one problem, with no follow-on 'required'", () => {
    const file = edited("rate.yaml", "approvalRate: 0.6 ", "approvalRate: 50 ");
    expect(chips(["evaluate", file])).toMatchObject({ status: 2, stderr: "china.approvalRate: must be a fraction between 0 and 1 (e.g. 0.25 for 25%), got 50\n" });
  });
});

describe("the version advice", () => {
  test.each([[["--version"]], [["--", "--version"]], [["-V"]]])("chips %j prints the version", (args) => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(chips(args)).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });
});
