/** Runs every `@example expr // returns value` in the doc comments of src/engine/rules, so they cannot rot. */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import * as engine from "../../../src/engine";

const dir = join(__dirname, "../../../src/engine/rules");
const scope: Record<string, unknown> = { ...engine };
const examples = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .flatMap((file) =>
    [...readFileSync(join(dir, file), "utf8").matchAll(/@example (.+?) \/\/ returns (.+)$/gm)].map((m) => [file, m[1], m[2]] as const),
  );

const run = (expr: string): unknown => new Function(...Object.keys(scope), `return (${expr});`)(...Object.values(scope));

test("there are examples to run", () => expect(examples.length).toBeGreaterThanOrEqual(4));

test.each(examples)("%s: %s", (_file, expr, expected) => {
  expect(run(expr)).toEqual(run(expected.replace(/\s*\(.*\)$/, "")));
});
