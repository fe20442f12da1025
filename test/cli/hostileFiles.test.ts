/**
 * Hostile scenario files through the CLI's entry point, in-process: the four cases an outside
 * fuzzer found (long rule chains, a key with a newline, unbounded messages, ambiguous paths),
 * deep nesting, and a property over our own generator of mutated files.
 */
import fc from "fast-check";
import { MAX_RULES } from "../../src/engine";
import { MAX_PROBLEM_LINES } from "../../src/cli/problemLines";
import { hostileFile } from "../support/hostileScenarios";
import { expectContract, run, scenarioFile } from "./hostileOutput";
import { lawRuns } from "../support/lawRuns";

/** A law runs many cases: on a shared 2-core machine it may take far longer than one test usually does. */
const LAW_TIMEOUT = 180_000;
const RUNS = lawRuns(1.5);

const base = { name: "m", periods: ["FY2027Q1"], market: { h200Price: 27000, supply: 1000 }, buyers: [{ name: "A", requested: 10, domesticUnits: 10 }] };
const evaluate = async (text: string, format: "json" | "yaml" = "json") => {
  const file = scenarioFile(text, format);
  const r = await run(["evaluate", file, "--json"]);
  expectContract(r, file);
  return { ...r, file };
};
const chain = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, after: i === 0 ? "supply" : `r${i}`, expression: "units" }));

describe("the fuzzer's four minimal cases", () => {
  test("1. a chain of 5,000 rules: one `rules:` line and exit 2, no internal error", async () => {
    const r = await evaluate(JSON.stringify({ ...base, rules: chain(5000) }));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`rules: has 5000 rules; a scenario may have at most ${MAX_RULES}\n`);
  });

  test(`1b. a chain as long as the bound (${MAX_RULES}) evaluates`, async () => {
    const r = await evaluate(JSON.stringify({ ...base, rules: chain(MAX_RULES) }));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).periods[0].buyers[0].shipped).toBe(10);
  });

  test("2. a key with a newline keeps its message, on one line", async () => {
    const r = await evaluate(JSON.stringify({ ...base, "a\nb": 1 }));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('["a\\nb"]: unknown field "a\\nb"\n');
  });

  test('2b. a key "\\n" is a line with a path and a message', async () => {
    const r = await evaluate(JSON.stringify({ ...base, "\n": 1 }));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('["\\n"]: unknown field "\\n"; did you mean "us"?\n');
  });

  test("3. 1,000 rules with unknown afters: bounded lines, a bounded run, a count of the rest", async () => {
    const rules = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, after: `zz${i}`, expression: "units" }));
    const r = await evaluate(JSON.stringify({ ...base, rules }));
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(MAX_PROBLEM_LINES + 1);
    expect(lines[199]).toBe(
      'rules[199].after: unknown step "zz199"; a rule follows a step (requested, us_license, china_access, orders, public_sector, domestic_ratio, supply) or a rule listed before it (r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, and 189 more)',
    );
    expect(lines[200]).toBe(`${r.file}: 800 more problems not shown; fix those above and run again`);
    expect(r.stderr.length).toBeLessThan(50_000); // was 3 MB
  }, 60_000);

  test("4. keys a:b, a blank and a byte-order mark: quoted paths, no line starts with whitespace", async () => {
    const r = await evaluate(JSON.stringify({ ...base, "a:b": 1, " ": 2, "\ufeffx": 3 }));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(['["a:b"]: unknown field "a:b"', '[" "]: unknown field " "; did you mean "us"?', '["\\ufeffx"]: unknown field "\\ufeffx"; did you mean "us"?', ""].join("\n"));
  });
});

test("the longest fixed message, every name a rule may use, is not cut", async () => {
  const rules = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, after: "supply", expression: i === 999 ? "x".repeat(60) : "units" }));
  const r = await evaluate(JSON.stringify({ ...base, rules }));
  expect(r.stderr).toMatch(/^rules\[999\]\.expression: unknown name "x{40}…"; the names that exist are: units, .*, effectiveSupply\n$/);
});

describe("nesting and other damage", () => {
  test("YAML nested thousands deep: plain words, a line number", async () => {
    const r = await evaluate(`a:\n  ${"[".repeat(5000)}${"]".repeat(5000)}\n`, "yaml");
    expect(r.stderr).toBe(`${r.file}: the file is nested more than 64 levels deep at line 2; a scenario needs only a few levels\n`);
  });

  test("JSON nested 100,000 deep", async () => {
    const r = await evaluate(JSON.stringify(base).replace(/}$/, `,"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`));
    expect(r.stderr).toMatch(/nested more than 64 levels deep at line 1;/);
  });

  test("a file that starts with a byte-order mark is read", async () => {
    expect((await evaluate("\ufeff" + JSON.stringify(base))).status).toBe(0);
  });

  test("a million-character key and value are cut", async () => {
    const r = await evaluate(JSON.stringify({ ...base, ["k".repeat(1e6)]: 1, name: "n".repeat(1e6), periods: ["p".repeat(1e6)] }));
    expect(r.status).toBe(2);
    expect(r.stderr.length).toBeLessThan(2000);
  });

  test("3,000 buyers missing their approval rate: the list in the message is bounded", async () => {
    const buyers = Array.from({ length: 3000 }, (_, i) => ({ name: `B${i}`, requested: 1, domesticUnits: 1 }));
    const r = await evaluate(JSON.stringify({ ...base, china: { access: "approval" }, buyers }));
    expect(r.stderr).toMatch(/^china\.approvalRate: required when china\.access is "approval" \(no approvalRate of their own: "B0", .*"B9", and 2990 more\)\n$/);
  });
});

test("law: any file gives a JSON evaluation (exit 0) or bounded `path: message` lines (exit 2)", async () => {
  const statuses = new Set<number>();
  await fc.assert(
    fc.asyncProperty(hostileFile, async ({ text, format }) => {
      statuses.add((await evaluate(text, format)).status);
    }),
    RUNS,
  );
  // The generator reaches both outcomes, or the law would hold vacuously.
  if (RUNS.numRuns >= 50) expect([...statuses].sort()).toEqual([0, 2]);
}, LAW_TIMEOUT);
