/**
 * The report model is host-agnostic (STYLE.md): outside src/report/render nothing imports Node,
 * the DOM, Office or ExcelJS, and only the engine and pure libraries. Renderers may use hosts.
 */
import { readFileSync, readdirSync } from "fs";
import { join, relative } from "path";

const dir = join(__dirname, "../../src/report");
const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith(".ts") ? [join(d, e.name)] : []));
const model = files(dir).filter((f) => !relative(dir, f).startsWith("render"));
const ALLOWED = [/^\.\.?\//, /^yaml$/]; // relative modules (checked below) and the YAML parser the engine uses too

test.each(model.map((f) => [relative(dir, f), readFileSync(f, "utf8")]))("%s imports no host API", (_name, text) => {
  const imports = [...text.matchAll(/(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  for (const spec of imports) {
    expect(ALLOWED.some((re) => re.test(spec))).toBe(true);
    expect(spec).not.toMatch(/(^|\/)(render|cli|functions|taskpane|commands)(\/|$)/);
  }
  expect(text).not.toMatch(/\b(process|Buffer|window|document\.|Office|Excel\.|__dirname)\b(?!["'`])/);
});
