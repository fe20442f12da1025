/** Problem paths: a key that is not a plain identifier is quoted, so no key can break a line or hide the separator. */
import fc from "fast-check";
import { MAX_LINE_LENGTH, formatPath, formatProblem, joinPath, oneLine, parseScenario, pathKey, quoteText, scenarioFromTables, validateScenario } from "../../src/engine";
import { hostileDocument } from "../support/hostileScenarios";
import { baseDoc } from "../support/scenarios";
import { lawRuns } from "../support/lawRuns";

const RUNS = lawRuns(3);

describe("pathKey", () => {
  test.each([
    ["supply", ".supply"],
    ["x-sources", ".x-sources"],
    ["$schema", ".$schema"],
    [3, "[3]"],
    ["a:b", '["a:b"]'],
    ["a\nb", '["a\\nb"]'],
    ["\n", '["\\n"]'],
    [" ", '[" "]'],
    ["", '[""]'],
    ["1st", '["1st"]'],
    ["a.b", '["a.b"]'],
    ["\ufeffx", '["\\ufeffx"]'],
    ["\u202eevil", '["\\u202eevil"]'],
  ])("%j → %s", (key, shown) => expect(pathKey(key)).toBe(shown));

  test("joinPath drops the dot at the start of a path only", () => {
    expect(joinPath("", "name")).toBe("name");
    expect(joinPath("", "a b")).toBe('["a b"]');
    expect(joinPath("buyers", 0)).toBe("buyers[0]");
    expect(joinPath("buyers[0]", "a:b")).toBe('buyers[0]["a:b"]');
  });

  test("a very long key is cut inside its quotes", () => {
    expect(pathKey("k".repeat(10_000))).toBe(`["${"k".repeat(64)}…"]`);
  });

  test("law: a quoted key holds no line break, no control or invisible character, and starts with [", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (key) => {
        const shown = pathKey(key);
        // eslint-disable-next-line no-control-regex -- no control character may reach the reader
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u200b-\u200f\u202a-\u202e]/);
        expect(shown.startsWith(".") || shown.startsWith("[")).toBe(true);
        // A plain key shows as itself; an odd one as a JSON string that reads back to the key (up to the cut).
        if (shown.startsWith("[")) expect(JSON.parse(shown.slice(1, -1).replace(/…"$/, '"'))).toBe(key.length > 64 ? key.slice(0, 64) : key);
      }),
      RUNS,
    );
  });
});

describe("the fuzzer's odd keys give one clean line each", () => {
  const withKey = (key: string) => {
    const r = validateScenario({ ...baseDoc(), [key]: 1 });
    return r.ok ? [] : r.problems.map(formatProblem);
  };
  test.each([
    ["a\nb", '["a\\nb"]: unknown field "a\\nb"'],
    ["\n", '["\\n"]: unknown field "\\n"; did you mean "us"?'],
    ["a:b", '["a:b"]: unknown field "a:b"'],
    [" ", '[" "]: unknown field " "; did you mean "us"?'],
    ["\ufeffname", '["\\ufeffname"]: unknown field "\\ufeffname"; did you mean "name"?'],
  ])("%j", (key, line) => expect(withKey(key)).toEqual([line]));

  test("a JSON file that starts with a byte-order mark reads as if it had none", () => {
    expect(parseScenario("\ufeff" + JSON.stringify(baseDoc()), "json").ok).toBe(true);
  });
});

describe("nesting too deep for a parser", () => {
  const deepJson = (n: number) => JSON.stringify(baseDoc()).replace(/}$/, `, "x": ${"[".repeat(n)}${"]".repeat(n)}}`);
  test.each([
    ["JSON, 100,000 deep", () => parseScenario(deepJson(100_000), "json"), 1],
    ["YAML flow, 5,000 deep", () => parseScenario(`a:\n  ${"[".repeat(5000)}${"]".repeat(5000)}\n`, "yaml"), 2],
    ["YAML block, 80 deep (the 65th map opens on line 65)", () => parseScenario(Array.from({ length: 80 }, (_, i) => `${"  ".repeat(i)}k:`).join("\n") + " 1\n", "yaml"), 65],
  ])("%s: plain words and a line", (_, run, line) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ code: "syntax", at: [], path: "", message: `the file is nested more than 64 levels deep at line ${line}; a scenario needs only a few levels` }]);
  });

  test("brackets inside strings do not count", () => {
    const doc = { ...baseDoc(), description: "[".repeat(1000) };
    expect(parseScenario(JSON.stringify(doc), "json").ok).toBe(true);
  });
});

describe("oneLine and quoteText", () => {
  test("control characters become escapes; the line is cut with an ellipsis", () => {
    expect(oneLine("a\nb\tc\u001b[31m")).toBe("a\\nb\\tc\\u001b[31m");
    const cut = oneLine("x".repeat(10_000));
    expect(cut).toHaveLength(MAX_LINE_LENGTH);
    expect(cut.endsWith("…")).toBe(true);
  });
  test("a cut never splits a character in two", () => {
    const line = oneLine("x".repeat(MAX_LINE_LENGTH - 2) + "😀".repeat(10));
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
  test("quoteText cuts and escapes", () => {
    expect(quoteText("ab", 1)).toBe('"a…"');
    expect(quoteText("\u2028")).toBe('"\\u2028"');
  });
});

describe("problems carry their location as segments", () => {
  test("law: a validation problem's path is its segments written by formatPath; a segment is a key or a list index", () => {
    fc.assert(
      fc.property(hostileDocument, (doc) => {
        const r = validateScenario(doc);
        if (r.ok) return;
        for (const p of r.problems) {
          expect(p.path).toBe(formatPath(p.at));
          for (const key of p.at) expect(typeof key === "string" || (Number.isInteger(key) && key >= 0)).toBe(true);
          if (p.at.length > 0) expect(typeof p.at[0]).toBe("string");
        }
      }),
      RUNS,
    );
  });

  test("a per-period element, a buyer's field and a rule's expression", () => {
    const doc = { ...baseDoc(), market: { h200Price: 27000, supply: [1000, "x"] }, periods: ["FY2027Q1", "FY2027Q2"] };
    const r = validateScenario(doc);
    expect(!r.ok && r.problems.map((p) => p.at)).toContainEqual(["market", "supply", 1]);
    const table = scenarioFromTables([["name", "requested", "domesticUnits"], ["A", -1, 50]], [["name", "T"], ["periods", "FY2027Q1"], ["market.h200Price", 27000], ["market.supply", 1000]]);
    expect(!table.ok && table.problems.map((p) => [p.at, p.path])).toEqual([[["buyers", 0, "requested"], "buyers[0].requested"]]);
  });
});
