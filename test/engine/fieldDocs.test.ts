/** The field table of docs/scenario-format.md is the catalogue's (run `npm run schema` after changing a field). */
import * as fs from "fs";
import * as path from "path";
import { FIELDS, fieldTable, pathOf, withFieldTable } from "../../src/engine";

const PAGE = path.resolve(__dirname, "..", "..", "docs", "scenario-format.md");

test("the docs' field table is exactly the one the catalogue generates", () => {
  const page = fs.readFileSync(PAGE, "utf8");
  expect(withFieldTable(page)).toBe(page);
});

test("the table has one row per catalogue field, in catalogue order", () => {
  const paths = fieldTable().slice(2).map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1]);
  expect(paths).toEqual(FIELDS.map(pathOf));
});
