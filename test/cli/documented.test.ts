/**
 * Every `chips` command line and every output name the README, the docs and `chips --help` show
 * is run here, so an example a reader copies works (placeholders get a real file).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseScenario, resolveOutput } from "../../src/engine";
import { USAGE } from "../../src/cli/usage";
import { ROOT, chipsAsync, example } from "./chips";

const DOCS = ["README.md", ...fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const text = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** `npx chips …` lines of the docs' shell blocks, without their trailing comments. */
const shellLines = DOCS.flatMap((file) =>
  [...text(file).matchAll(/^npx chips (.+?)(?:\s+#.*)?$/gm)].map((m) => ({ file, line: m[1].trim() })),
);
/** `chips CMD ARG…` written inline in the prose with concrete words (a synopsis with placeholders or […] is not a command line). */
const inline = DOCS.flatMap((file) =>
  [...text(file).matchAll(/`chips ([a-z][^`]*?\s[^`]*)`/g)].filter((m) => !/[[\]…|]|\b[A-Z]{3,}\b/.test(m[1])).map((m) => ({ file, line: m[1].trim() })),
);
const commands = [...shellLines, ...inline];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chips-documented-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** docs/model.md's worked example, saved as the file its text says to run (`chips evaluate example.json`). */
function workedExample(): string {
  const doc = text("docs/model.md");
  const block = /```json\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf("<!-- worked example: scenario -->")));
  if (!block) throw new Error("docs/model.md has no worked example block");
  const file = path.join(tmp, "example.json");
  fs.writeFileSync(file, block[1]);
  return file;
}

/** Placeholders stand for a file of the reader's: an example of the same kind. Report output goes to a temporary folder. */
function runnable(line: string): string[] {
  const args = line
    .split(/\s+/)
    .map((a) => (a === "FILE" ? example("uncertainty/monte-carlo.json") : a === "my-scenario.yaml" ? example("multi-quarter.yaml") : a === "example.json" ? workedExample() : a));
  if (args[0] === "report") {
    const out = args.indexOf("--out");
    if (out >= 0) args.splice(out, 2);
    args.push("--out", fs.mkdtempSync(path.join(tmp, "report-")));
  }
  return args;
}

test("the docs show commands to run", () => {
  expect(shellLines.length).toBeGreaterThanOrEqual(8);
  expect(inline.map((c) => c.line)).toContain("evaluate example.json");
});

test.each(commands)("$file: npx chips $line", async ({ line }) => {
  const r = await chipsAsync(runnable(line));
  expect(r.stderr.split("\n").filter((l) => l && !l.startsWith("chips: "))).toEqual([]); // progress lines only
  expect(r.status).toBe(0);
});

describe("output names", () => {
  const mc = parseScenario(text(example("uncertainty/monte-carlo.json")), "json");
  if (!mc.ok) throw new Error("the Monte Carlo example is invalid");
  const quoted = (t: string) => [...t.matchAll(/[`"]((?:totals|buyers)\.[A-Za-z0-9.@[\]]+)[`"]/g)].map((m) => m[1]);
  // Every string of a documented "outputs" list, whatever it looks like (a name in another form is a bug too).
  const listed = (t: string) => [...t.matchAll(/"outputs":\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1].matchAll(/"([^"]*)"/g)].map((q) => q[1]));
  const names = [...new Set([...DOCS.map(text), USAGE].flatMap((t) => [...quoted(t), ...listed(t)]))];
  // Words in capitals are placeholders (totals.METRIC, buyers.BUYER.METRIC@PERIOD).
  const concrete = names.filter((n) => !/\b[A-Z]{4,}\b/.test(n));

  test("the docs name outputs", () => expect(concrete.length).toBeGreaterThanOrEqual(5));

  // The grammar the docs give for output names (`totals.METRIC@PERIOD`) is the tool's: a form such as
  // `metric[:buyer][@period]` (which the tool rejects) must not come back. Lower-case words are not placeholders.
  const grammar = [...new Set([...DOCS.map(text), USAGE].flatMap((t) => [...t.matchAll(/`([^`\s]*@[^`\s]*)`/g)].map((m) => m[1])))].filter((g) => /^[A-Za-z][\w.:[\]]*@/.test(g) && !/\b[A-Z]{4,}\b/.test(g));
  test.each(grammar)("`%s`, written with a period, is an output the tools accept", (name) => {
    expect(typeof resolveOutput(mc.value, name)).toBe("object");
  });

  test.each(concrete)("%s is an output the tools accept", (name) => {
    expect(typeof resolveOutput(mc.value, name)).toBe("object"); // a string is the problem's message
  });
});
