/** The fuzzer's minimal cases through the real `node bin/chips.js evaluate FILE --json`: what a script sees. */
import fs from "fs";
import os from "os";
import path from "path";
import { chipsProcess as chips, ensureBuilt } from "./chips";

// Building lib/ and spawning node take a while on a shared machine.
beforeAll(ensureBuilt, 180_000);
const TIMEOUT = 60_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-hostile-process-"));
const base = { name: "m", periods: ["FY2027Q1"], market: { h200Price: 27000, supply: 1000 }, buyers: [{ name: "A", requested: 10, domesticUnits: 10 }] };
const evaluate = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { ...chips(["evaluate", file, "--json"]), file };
};

test.each([
  ["a chain of 5,000 rules", "chain.json", JSON.stringify({ ...base, rules: Array.from({ length: 5000 }, (_, i) => ({ id: `r${i + 1}`, after: i === 0 ? "supply" : `r${i}`, expression: "units" })) }), () => "rules: has 5000 rules; a scenario may have at most 1000\n"],
  ["a key with a newline", "newline.json", JSON.stringify({ ...base, "a\nb": 1 }), () => '["a\\nb"]: unknown field "a\\nb"\n'],
  ["a key a:b", "colon.json", JSON.stringify({ ...base, "a:b": 1 }), () => '["a:b"]: unknown field "a:b"\n'],
  ["YAML nested 5,000 deep", "deep.yaml", `a:\n  ${"[".repeat(5000)}${"]".repeat(5000)}\n`, (file: string) => `${file}: the file is nested more than 64 levels deep at line 2; a scenario needs only a few levels\n`],
])("%s: exit 2, nothing on stdout, one clean line", (_, name, text, stderr) => {
  const r = evaluate(name, text);
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, stdout: "", stderr: stderr(r.file) });
}, TIMEOUT);

test("1,000 unknown afters: 200 lines and a count, well under the 3 MB seen before", () => {
  const r = evaluate("unknown-after.json", JSON.stringify({ ...base, rules: Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, after: `zz${i}`, expression: "units" })) }));
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(201);
  expect(lines[200]).toBe(`${r.file}: 800 more problems not shown; fix those above and run again`);
  expect(r.stderr.length).toBeLessThan(50_000);
}, TIMEOUT);
