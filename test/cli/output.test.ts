/** The human table: readable at 100 columns, no colour off a terminal; the bin shim's guard. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BIN, chips, ensureBuilt, example } from "./chips";

beforeAll(ensureBuilt);

test.each(["base.json", "multi-quarter.yaml", "dollar-cap.json", "us-volume-cap.json"])(
  "%s: lines fit in 100 columns, units in headers, no ANSI escapes when piped",
  (name) => {
    const r = chips(["evaluate", example(name)]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("\x1b");
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain("H200 units after each pipeline step");
    expect(r.stdout).toContain("US$ m");
    expect(r.stdout).toMatch(/^Total\s/m);
  },
);

test("several periods end with an all-periods summary", () => {
  const r = chips(["evaluate", example("multi-quarter.yaml")]);
  const summary = r.stdout.slice(r.stdout.indexOf("All periods"));
  expect(summary.match(/^FY2027Q[1-4]\s/gm)).toHaveLength(4);
  expect(summary).toMatch(/^Total\s/m);
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
