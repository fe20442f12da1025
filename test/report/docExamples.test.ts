/** Runs every `@example expr // returns value` in src/report's doc comments, so the docs cannot rot. */
import { readFileSync, readdirSync } from "fs";
import { join, relative } from "path";
import { evaluate } from "../../src/engine";
import * as report from "../../src/report";
import { niceTicks, niceTicksBetween } from "../../src/report/render/svg";
import { fileFormula, linkTarget } from "../../src/report/render/xlsx";
import { exampleInput } from "./support/examples";

const dir = join(__dirname, "../../src/report");
const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith(".ts") ? [join(d, e.name)] : []));
const base = exampleInput("base.json").scenario;
// Examples may name a scenario as `scenario` or `s`: the Base example.
const scope: Record<string, unknown> = { ...report, niceTicks, niceTicksBetween, fileFormula, linkTarget, evaluate, scenario: base, s: base };
const examples = files(dir).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/@example (.+?) \/\/ returns (.+?)(?: \*\/)?$/gm)].map((m) => [relative(dir, file), m[1], m[2]] as const),
);

const run = (expr: string): unknown => new Function(...Object.keys(scope), `return (${expr});`)(...Object.values(scope));

test("there are examples to run", () => expect(examples.length).toBeGreaterThanOrEqual(20));

test.each(examples)("%s: %s", (_file, expr, expected) => {
  expect(run(expr)).toEqual(run(expected));
});
