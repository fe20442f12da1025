import * as fs from "fs";
import * as path from "path";
import { Problem, parseScenario, parseScenarioText } from "../../src/engine";

const EXAMPLE = fs.readFileSync(path.join(__dirname, "../../examples/multi-quarter.yaml"), "utf8");

const onlyProblem = (r: ReturnType<typeof parseScenario>): Problem => {
  if (r.ok) throw new Error("should fail");
  expect(r.problems).toHaveLength(1);
  return r.problems[0];
};

describe("YAML syntax problems in plain words, with the line they are on", () => {
  test.each([
    ["a line indented out of its block", "name: x\nmarket:\n    h200Price: 1\n  supply: 2\n", 4, "this line is indented differently from the fields above it"],
    ["a tab as indentation", "name: x\nmarket:\n\th200Price: 1\n", 3, "a tab indents this line; indent with spaces"],
    ["a quote left open", 'name: "x\nperiods: [FY2027Q1]\n', 3, "a quoted value is not closed"],
    ["a list left open", "periods: [FY2027Q1\nname: x\n", 2, 'a list or block opened with "[" is not closed with "]" before this line'],
    ["a key given twice", "name: x\nname: y\n", 2, '"name" is given twice in one block; keep one'],
    ["two keys on one line", "market: h200Price: 1\n", 1, 'two "name:" on one line'],
    ["a value starting with a reserved character", "name: @x\n", 1, 'a value cannot start with "@"; put the value in quotes'],
    ["two documents", "name: x\n---\nname: y\n", 2, 'the file holds more than one document (a "---" line)'],
  ])("%s", (_label, text, line, words) => {
    const p = onlyProblem(parseScenario(text, "yaml"));
    expect(p.code).toBe("syntax");
    expect(p.message).toMatch(new RegExp(`^the file is not valid YAML at line ${line}, column \\d+: `));
    expect(p.message).toContain(words);
    expect(p.source).toMatchObject({ line, text: text.split("\n")[line - 1] });
  });

  test("law: no YAML syntax message ends in a colon, has a line break, or runs words into each other", () => {
    const broken = ["a:\n  - 1\n  b: 2\n", "a: [1, 2\n", "a: {b: 1\n", "]\n", "a: 'x\n", "- a\nb: 1\n", "a:\n  b: 1\n c: 2\n", "a: b: c: d\n", "? x\n: y\n: z\n", "a: *missing\n"];
    for (const text of broken) {
      const r = parseScenarioText(text, "yaml");
      if (r.ok) continue;
      for (const p of r.problems) {
        expect(p.message).not.toMatch(/:\s*$/);
        expect(p.message).not.toContain("\n");
        expect(p.message).not.toMatch(/[a-z]:[A-Za-z]/); // "text:Sequence", a missing space
      }
    }
  });

  test("the yaml library's words are not shown where plain ones exist", () => {
    const text = EXAMPLE.replace("  - { name: Alibaba", "  { name: Alibaba");
    const p = onlyProblem(parseScenario(text, "yaml"));
    expect(p.message).not.toMatch(/mapping items|indicator|implicit/i);
    expect(p.source?.text).toBe("  { name: Alibaba, requested: [100000, 110000, 120000, 130000], domesticUnits: 90000, publicSectorShare: 0.05 }");
    expect(p.source?.column).toBe(3);
  });
});

describe("strict files, helpful messages: the thousands separator", () => {
  test("requested: [130,000, 20] reads as more values than periods, and the message says why", () => {
    const text = EXAMPLE.replace("requested: [130000, 130000, 130000, 130000]", "requested: [130,000, 130000, 130000, 130000]");
    const p = onlyProblem(parseScenario(text, "yaml"));
    expect(p.path).toBe("buyers[0].requested");
    expect(p.message).toBe('has 5 values but the scenario has 4 periods: in a list a comma separates values, and "130,000" looks like a number with a thousands separator: write 130000');
    expect(p.source).toMatchObject({ line: text.split("\n").findIndex((l) => l.includes("[130,000")) + 1 });
    expect(p.source?.text.slice((p.source?.column ?? 1) - 1)).toMatch(/^130,000/);
  });

  test("a list on lines of its own", () => {
    const text = "name: x\nperiods: [FY2027Q1, FY2027Q2]\nmarket: {h200Price: 27000, supply: 5}\nbuyers:\n  - name: A\n    domesticUnits: 1\n    requested: [\n      1,500, 20]\n";
    expect(onlyProblem(parseScenario(text, "yaml")).message).toContain('"1,500" looks like a number with a thousands separator: write 1500');
  });

  test("a wrong count without a separator keeps its message", () => {
    const text = EXAMPLE.replace("requested: [130000, 130000, 130000, 130000]", "requested: [130000, 130000, 130000]");
    expect(onlyProblem(parseScenario(text, "yaml")).message).toBe("has 3 values but the scenario has 4 periods; give one number for every period, or a single number for all");
  });

  test("JSON: a separated number is a syntax error, with the same hint and the line", () => {
    const p = onlyProblem(parseScenario('{\n  "name": "x",\n  "market": {"supply": [130,000]}\n}', "json"));
    expect(p.message).toMatch(/^the file is not valid JSON: .*\(line 3, column \d+\); "130,000" looks like a number with a thousands separator: write 130000$/);
    expect(p.source).toMatchObject({ line: 3, text: '  "market": {"supply": [130,000]}' });
  });

  test("revenueShare: 25% gets the percentage hint", () => {
    const p = onlyProblem(parseScenario(EXAMPLE.replace("revenueShare: 0.25 ", "revenueShare: 25% "), "yaml"));
    expect(p).toMatchObject({ path: "us.revenueShare", message: 'expected a number (share of sales paid to the US government); "25%" is a percentage: write 0.25' });
  });
});

describe("a YAML scenario given as JSON (a .txt file)", () => {
  test("text that does not start like JSON is read as YAML", () => {
    const asJson = parseScenario(EXAMPLE, "json");
    expect(asJson).toEqual(parseScenario(EXAMPLE, "yaml"));
  });

  test("if it is no valid YAML either, the YAML problem says it was read as YAML", () => {
    const p = onlyProblem(parseScenario("name: x\n\tperiods: 1\n", "json"));
    expect(p.message).toMatch(/^the file is not valid YAML at line 2, column 1: .* \(read as YAML: the text is not JSON\)$/);
  });

  test("broken JSON stays a JSON problem", () => {
    expect(onlyProblem(parseScenario('{"name": "x",', "json")).message).toMatch(/^the file is not valid JSON/);
  });
});
