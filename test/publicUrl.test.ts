/**
 * A deployment build (`--env publicUrl=…`): nothing in it points at the dev server, every
 * manifest URL and help URL points at the public folder, and the manifest is the dev manifest
 * with only its URLs changed (so the structural checks of manifest.test.ts hold for it too).
 */
import { execFile } from "child_process";
import fs from "fs";
import path from "path";
import { promisify } from "util";
import { BUILD_TIMEOUT_MS, ROOT, filesIn, productionBuild } from "./support/build";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_URL } = require("../scripts/publicUrl") as { DEV_URL: string };

const PUBLIC_URL = "https://addins.example.com/chokepoint/";
const run = promisify(execFile);

let out: string;
const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

beforeAll(async () => {
  out = await productionBuild({ publicUrl: PUBLIC_URL });
}, BUILD_TIMEOUT_MS);

test("contains no localhost anywhere in its output", () => {
  const files = filesIn(out);
  expect(files).toEqual(expect.arrayContaining(["manifest.xml", "functions.json", "functions.js", "help.html"]));
  const withLocalhost = files.filter((file) => fs.readFileSync(path.join(out, file)).toString("latin1").toLowerCase().includes("localhost"));
  expect(withLocalhost).toEqual([]);
});

test("the manifest is the dev manifest with every dev-server URL moved to the public URL", () => {
  const dev = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  // two icon URLs, the default source location, three ribbon images, three resource URLs
  expect(dev.split(DEV_URL).length - 1).toBeGreaterThanOrEqual(9);
  expect(read("manifest.xml")).toBe(dev.split(DEV_URL).join(PUBLIC_URL));
});

test("every function's help URL is the public help page", () => {
  const functions = (JSON.parse(read("functions.json")) as { functions: { id: string; helpUrl?: string }[] }).functions;
  expect(functions.length).toBeGreaterThan(0);
  for (const f of functions) expect({ id: f.id, helpUrl: f.helpUrl }).toEqual({ id: f.id, helpUrl: `${PUBLIC_URL}help.html#chips${f.id.toLowerCase()}` });
});

test("the deployed help page keeps the function sections and leaves out the developer ones", () => {
  const help = read("help.html");
  expect(help).toContain("CHIPS.SIMULATE(");
  expect(help).toContain("Deploy to your organisation");
  expect(help).not.toContain("dev-server");
});

test.each([
  ["dev", () => path.join(ROOT, "manifest.xml"), DEV_URL],
  ["production", () => path.join(out, "manifest.xml"), PUBLIC_URL],
])("the %s manifest is well-formed for xmllint and office-addin-manifest info reads it", async (_name, file, base) => {
  await run("xmllint", ["--noout", file()]); // stricter than fast-xml-parser's validator (e.g. "--" inside a comment)
  const cli = path.join(ROOT, "node_modules", "office-addin-manifest", "cli.js");
  const { stdout } = await run(process.execPath, [cli, "info", file()], { cwd: ROOT });
  expect(stdout).toContain("Name: Chokepoint");
  expect(stdout).toContain(`Source Location: ${base}taskpane.html`);
  expect(stdout).toContain(`Icon Url: ${base}assets/icon-32.png`);
});
