/** The field table of docs/scenario-format.md is the catalogue's (run `npm run schema` after changing a field). */
import * as fs from "fs";
import * as path from "path";
import { FIELDS, RULE_NAMES, fieldTable, pathOf, withFieldTable, withRuleNameTable } from "../../src/engine";

const PAGE = path.resolve(__dirname, "..", "..", "docs", "scenario-format.md");

test("the docs' field table is exactly the one the catalogue generates", () => {
  const page = fs.readFileSync(PAGE, "utf8");
  expect(withFieldTable(page)).toBe(page);
});

test("the table has one row per catalogue field, in catalogue order", () => {
  const paths = fieldTable().slice(2).map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1]);
  expect(paths).toEqual(FIELDS.map(pathOf));
});

test("the docs' table of rule names is exactly the one the names generate", () => {
  const page = fs.readFileSync(PAGE, "utf8");
  expect(withRuleNameTable(page)).toBe(page);
});

test("law: every catalogue field a scenario can set is readable by a custom rule, in its period", () => {
  const names = new Set(RULE_NAMES.map((n) => n.name));
  for (const row of FIELDS.filter((f) => f.kind !== "text" && f.group !== "scenario")) {
    const name = row.group === "cap" ? "cap" + row.key.charAt(0).toUpperCase() + row.key.slice(1) : row.key;
    const readable = row.kind === "enum" ? (row.values ?? []).every((v) => [...names].some((n) => n.startsWith(name) && n.toLowerCase().endsWith(v.replace(/[^a-z]/gi, "").toLowerCase()))) : names.has(name);
    expect({ field: pathOf(row), readable }).toEqual({ field: pathOf(row), readable: true });
  }
});
