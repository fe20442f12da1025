/**
 * What only a real `node bin/chips.js` process shows: exit statuses, stdout and stderr kept apart,
 * stdin, no colour when piped, the bin shim. Everything else runs in-process (see ./chips.ts).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";
import { evaluate, formatOf, parseScenario } from "../../src/engine";
import { BIN, ROOT, chipsProcess, ensureBuilt, example, fixture } from "./chips";

beforeAll(ensureBuilt);

/** The engine's evaluation of a file, round-tripped through JSON like the CLI's output. */
function inProcess(file: string): unknown {
  const parsed = parseScenario(fs.readFileSync(path.join(ROOT, file), "utf8"), formatOf(file));
  if (!parsed.ok) throw new Error(`${file} is invalid: ${JSON.stringify(parsed.problems)}`);
  return JSON.parse(JSON.stringify(evaluate(parsed.value)));
}

test("a valid file: exit 0, the JSON on stdout, nothing on stderr", () => {
  const r = chipsProcess(["evaluate", example("base.json"), "--json"]);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
  expect(JSON.parse(r.stdout)).toEqual(inProcess(example("base.json")));
});

test("an invalid file: exit 2, nothing on stdout, path: message lines on stderr, no stack trace", () => {
  const r = chipsProcess(["evaluate", fixture("wrong-types.json"), "--json"]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^us\.exportsAllowed: /m);
  expect(r.stderr).not.toMatch(/^\s+at /m);
});

test("a usage error: exit 2, the reason on stderr", () => {
  const r = chipsProcess(["frobnicate"]);
  expect(r).toMatchObject({ status: 2, stdout: "" });
  expect(r.stderr).toMatch(/^chips: unknown command "frobnicate"/);
});

test("stdin (-) auto-detects YAML and JSON", () => {
  const base = fs.readFileSync(path.join(ROOT, example("base.json")), "utf8");
  const expected = inProcess(example("base.json"));
  for (const text of [base, stringify(JSON.parse(base))]) {
    const r = chipsProcess(["evaluate", "-", "--json"], text);
    expect(r).toMatchObject({ status: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual(expected);
  }
});

test("bad input on stdin: exit 2 with field paths", () => {
  const r = chipsProcess(["evaluate", "-", "--json"], JSON.stringify({ name: "x", periods: ["FY2027Q1"], market: { h200Price: 27000, supply: 1e308 }, buyers: [{ name: "A", requested: 1, domesticUnits: 0 }] }));
  expect(r).toMatchObject({ status: 2, stdout: "" });
  expect(r.stderr).toMatch(/^market\.supply: must be at most 1e\+12/);
});

test("the table has no ANSI escapes when piped", () => {
  const r = chipsProcess(["evaluate", example("multi-quarter.yaml")]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("H200 units after each pipeline step");
  expect(r.stdout).not.toContain("\x1b");
});

test("report writes its files from a real process, exit 0", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-process-report-"));
  try {
    const r = chipsProcess(["report", example("base.json"), "--format", "md", "--out", dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(fs.readdirSync(dir).some((f) => f.endsWith(".md"))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("the rule parser (mathjs) loads only for a scenario with custom rules", () => {
  /** Preloaded into the process: says at exit how many of mathjs's modules it loaded. */
  // The main thread's count (--require runs in the picture worker too, which never parses rules).
  const PROBE = `require("worker_threads").isMainThread && process.on("exit", () => process.stderr.write("mathjs modules: " + Object.keys(require.cache).filter((f) => f.includes(${JSON.stringify(`${path.sep}mathjs${path.sep}`)})).length + "\\n"));`;
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-mathjs-"));
    fs.writeFileSync(path.join(dir, "probe.js"), PROBE);
    const scenario = JSON.parse(fs.readFileSync(path.join(ROOT, example("base.json")), "utf8"));
    scenario.rules = [{ id: "customs_checks", after: "china_access", expression: "period == 0 ? units * 0.8 : units" }];
    fs.writeFileSync(path.join(dir, "rules.json"), JSON.stringify(scenario));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const probed = (args: readonly string[]) => {
    const r = spawnSync(process.execPath, ["--require", path.join(dir, "probe.js"), BIN, ...args], { cwd: ROOT, encoding: "utf8" });
    const modules = Number(/^mathjs modules: (\d+)$/m.exec(r.stderr)?.[1]);
    return { status: r.status, stdout: r.stdout, modules };
  };

  test("the built-in scenarios' report and a file without rules: none of mathjs", () => {
    expect(probed(["report", "--format", "md", "--out", path.join(dir, "built-ins")])).toMatchObject({ status: 0, modules: 0 });
    expect(probed(["evaluate", example("base.json"), "--json"])).toMatchObject({ status: 0, modules: 0 });
  });

  test("a file with a rule: mathjs loads and the rule applies (0.8 of China access in the first period)", () => {
    const r = probed(["evaluate", path.join(dir, "rules.json"), "--json"]);
    expect(r.status).toBe(0);
    expect(r.modules).toBeGreaterThan(0);
    const buyers = (JSON.parse(r.stdout) as { periods: { buyers: { steps: Record<string, number> }[] }[] }).periods[0].buyers;
    expect(buyers.length).toBeGreaterThan(0);
    for (const b of buyers) expect(b.steps.customs_checks).toBeCloseTo(0.8 * b.steps.china_access, 6);
    const report = probed(["report", path.join(dir, "rules.json"), "--format", "md", "--out", path.join(dir, "rules")]);
    expect(report.status).toBe(0);
    expect(report.modules).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dir, "rules", "chokepoint.md"), "utf8")).toContain("customs_checks");
  });
});

test("bin/chips.js without lib/ says how to build, exit 1", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-unbuilt-"));
  try {
    fs.mkdirSync(path.join(dir, "bin"));
    fs.copyFileSync(BIN, path.join(dir, "bin", "chips.js"));
    const r = spawnSync(process.execPath, [path.join(dir, "bin", "chips.js"), "--help"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("chips: not built yet — run `npm ci` (or `npm run build:cli`)\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("bin/chips.js is executable with a node shebang", () => {
  expect(fs.readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  expect(fs.statSync(BIN).mode & 0o111).not.toBe(0);
});

test('the help\'s npx advice runs: "npx chips --version" (and "npx chips -- --version") print the version', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  for (const args of [["chips", "--version"], ["chips", "--", "--version"]]) {
    const r = spawnSync("npx", ["--no-install", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
    expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 0, stdout: `${version}\n` });
  }
}, 120_000); // npm itself starts slowly on a busy machine
