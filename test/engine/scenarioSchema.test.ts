/** The JSON Schema of scenario files: generated from the field catalogue, committed, and met by every example. */
import Ajv from "ajv";
import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { BUILT_IN_SCENARIOS, scenarioSchema, validateScenario } from "../../src/engine";

const ROOT = path.resolve(__dirname, "..", "..");
const SCHEMA_FILE = path.join(ROOT, "schema", "scenario.schema.json");
const examples = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? examples(`${dir}/${e.name}`) : /\.(json|ya?ml)$/.test(e.name) ? [`${dir}/${e.name}`] : []));
const EXAMPLES = examples("examples");
const read = (file: string): unknown => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : YAML.parse(text);
};
const check = new Ajv({ allErrors: true, strict: true }).compile(scenarioSchema());

test("the committed schema is the one the catalogue generates (run `npm run schema` after changing a field)", () => {
  expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(JSON.stringify(scenarioSchema(), null, 2) + "\n");
});

test("every example and built-in scenario meets the schema", () => {
  expect(EXAMPLES.length).toBeGreaterThan(3);
  for (const doc of [...EXAMPLES.map(read), ...BUILT_IN_SCENARIOS.map((b) => b.document)]) {
    check(doc);
    expect(check.errors ?? []).toEqual([]);
  }
});

test("every example names the schema, so an editor finds it", () => {
  for (const file of EXAMPLES) {
    const rel = path.relative(path.dirname(path.join(ROOT, file)), SCHEMA_FILE);
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    if (file.endsWith(".json")) expect({ file, $schema: (read(file) as Record<string, unknown>).$schema }).toEqual({ file, $schema: rel });
    else expect({ file, first: text.split("\n")[0] }).toEqual({ file, first: `# yaml-language-server: $schema=${rel}` });
  }
});

test.each([
  ["a misspelt field", { market: { h200Price: 27000, supply: 1, suply: 2 } }],
  ["text where a number belongs", { market: { h200Price: "27k", supply: 1 } }],
  ["a fraction above 1", { us: { revenueShare: 25 } }],
  ["a word outside the choices", { china: { access: "closed" } }],
  ["a missing required field", { market: { supply: 1 } }],
  ["a probability above 1", { probability: 1.5 }],
])("the schema refuses %s, as the validator does", (_what, patch) => {
  const doc = { name: "T", periods: ["FY2027Q1"], market: { h200Price: 27000, supply: 1 }, buyers: [{ name: "A", requested: 1, domesticUnits: 1 }], ...patch };
  expect(validateScenario(doc).ok).toBe(false);
  expect(check(doc)).toBe(false);
});

test("the schema accepts the scenario's probability, as the validator does", () => {
  const doc = { name: "T", periods: ["FY2027Q1"], market: { h200Price: 27000, supply: 1 }, buyers: [{ name: "A", requested: 1, domesticUnits: 1 }], probability: 0.4 };
  const valid = validateScenario(doc);
  expect(valid.ok && valid.value.probability).toBe(0.4);
  expect(check(doc)).toBe(true);
});
