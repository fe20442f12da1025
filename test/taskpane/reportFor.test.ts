/** The pane's adapter over the report builder: the cheap sheet-name list agrees with the real report. */
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { evaluateDocument, reportFor, sheetNamesFor } from "../../src/taskpane/reportFor";

const ROOT = path.resolve(__dirname, "../..");
const documentOf = (file: string): unknown => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
};

test.each(["examples/uncertainty/monte-carlo.json", "examples/base.json", "examples/multi-quarter.yaml"])(
  "law: sheetNamesFor(%s) lists exactly the sheets reportFor fills, in order, in every cell mode",
  (file) => {
    const e = evaluateDocument(documentOf(file));
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    for (const mode of ["values", "native", "live"] as const) {
      expect(sheetNamesFor(e, mode, file)).toEqual(reportFor(e, mode, undefined, file).sheets.map((s) => s.name));
    }
  },
);

test("a scenario with an uncertainty block lists its Sensitivity and Monte Carlo sheets", () => {
  const e = evaluateDocument(documentOf("examples/uncertainty/monte-carlo.json"));
  if (!e.ok) throw new Error("invalid example");
  expect(sheetNamesFor(e, "native")).toEqual(expect.arrayContaining([expect.stringMatching(/Sensitivity/), expect.stringMatching(/Monte Carlo/)]));
});
