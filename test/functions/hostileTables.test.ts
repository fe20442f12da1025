/**
 * CHIPS.EVALUATE on hostile tables: any buyers, policy and rules ranges give an evaluation
 * table (finite figures, >= 0, shipped <= requested) or one Excel error whose message is one
 * bounded line.
 */
import fc from "fast-check";
import { MAX_LINE_LENGTH } from "../../src/engine";
import { EVALUATE } from "../../src/functions/functions";
import { scenarioDoc } from "../support/arbitraries";
import { installCustomFunctions, outcome } from "../support/customFunctions";
import { Row, rect, tablesFromDoc } from "./scenarioTables";
import { lawRuns } from "../support/lawRuns";

/** A law runs many cases: on a shared 2-core machine it may take far longer than one test usually does. */
const LAW_TIMEOUT = 180_000;
const RUNS = lawRuns(2);

beforeAll(installCustomFunctions);

type Cell = string | number | boolean | null;
const oddText = fc.oneof(
  fc.constantFrom("a\nb", "\n", "a:b", " ", "\ufeffname", "market.h200Prize", "requested FY2099Q1", "x".repeat(100_000), "27k", "NaN", "1e400", "TRUE", "china.access"),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), oddText);

type Mutation = { table: "buyers" | "policy" | "rules"; row: number; col: number; value: Cell } | { table: "policy"; addKey: string; value: Cell } | { many: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ table: fc.constantFrom("buyers" as const, "policy" as const, "rules" as const), row: fc.nat(12), col: fc.nat(8), value: cell }),
  fc.record({ table: fc.constant("policy" as const), addKey: oddText, value: cell }),
  fc.record({ many: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 990, max: 1010 }) }) }),
);

const rulesTable = (n: number): Row[] => [["id", "after", "expression"], ...Array.from({ length: n }, (_, i) => [`r${i}`, `zz${i}`, "units"])];

const tables = fc.record({ doc: scenarioDoc, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }).map(({ doc, mutations }) => {
  const t = tablesFromDoc(doc);
  const all: Record<"buyers" | "policy" | "rules", Row[]> = { buyers: t.buyers, policy: t.policy, rules: [["id", "after", "expression"], ["customs", "china_access", "units * 0.8"]] };
  for (const m of mutations) {
    if ("many" in m) all.rules = rulesTable(m.many);
    else if ("addKey" in m) all.policy.push([m.addKey, m.value]);
    else {
      const rows = all[m.table];
      const row = (rows[m.row % rows.length] ??= []);
      row[m.col] = m.value;
    }
  }
  return { buyers: rect(all.buyers), policy: rect(all.policy), rules: rect(all.rules) };
});

test("law: any tables give an evaluation table or one Excel error with one bounded line", () => {
  const seen = { table: 0, error: 0 };
  fc.assert(
    fc.property(tables, ({ buyers, policy, rules }) => {
      const result = outcome(() => EVALUATE(buyers, policy, [[true]], rules));
      if (!Array.isArray(result)) {
        seen.error++;
        expect(result.code).toMatch(/^#/);
        expect(result.message.length).toBeGreaterThan(0);
        expect(result.message.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
        // eslint-disable-next-line no-control-regex -- no control character may reach the reader
        expect(result.message).not.toMatch(/[\u0000-\u001f\u007f]/);
        return;
      }
      seen.table++;
      const [header, ...rows] = result as unknown[][];
      const at = (name: string) => header.indexOf(name);
      for (const row of rows) {
        for (const name of ["shipped", "revenue"]) {
          const v = row[at(name)] as number;
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(row[at("shipped")] as number).toBeLessThanOrEqual((row[at("requested")] as number) * (1 + 1e-12));
      }
    }),
    RUNS,
  );
  // The generator reaches both outcomes, or the law would hold vacuously.
  if (RUNS.numRuns >= 50) expect(Math.min(seen.table, seen.error)).toBeGreaterThan(0);
}, LAW_TIMEOUT);

test("1,200 rules with unknown afters: #VALUE! naming the bound, on one short line", () => {
  const t = tablesFromDoc({ name: "T", periods: ["FY2027Q1"], market: { h200Price: 27000, supply: 10 }, buyers: [{ name: "A", requested: 5, domesticUnits: 5 }] });
  const r = outcome(() => EVALUATE(rect(t.buyers), rect(t.policy), null as never, rulesTable(1200)));
  expect(r).toEqual({ code: "#VALUE!", message: "rules: has 1200 rules; a scenario may have at most 1000" });
});

test("many problems: the first three and a count of the rest", () => {
  const t = tablesFromDoc({ name: "T", periods: ["FY2027Q1"], market: { h200Price: 27000, supply: 10 }, buyers: [{ name: "A", requested: 5, domesticUnits: 5 }] });
  const policy = [...t.policy, ...Array.from({ length: 50 }, (_, i): Row => [`bad\nkey${i}`, 1])];
  const r = outcome(() => EVALUATE(rect(t.buyers), rect(policy), null as never));
  expect(Array.isArray(r)).toBe(false);
  const { message } = r as { message: string };
  expect(message).toMatch(/^\["bad\\nkey0"\]: unknown policy key "bad\\nkey0".*; \["bad\\nkey2"\]: .* \(and 47 more problems\)$/);
});
