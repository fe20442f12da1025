/**
 * Bundle budgets on the production build (gzip, office.js excluded: it is never bundled).
 * Deterministic, so `--quick` (CI) fails when a budget is broken. The taskpane's xlsx download
 * (the renderer and ExcelJS) is an on-demand chunk, xlsx.<hash>.js: reported on its own, not
 * counted in taskpane.js, which must not carry ExcelJS.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { Row } from "./harness";

const BUDGETS_KB: Record<string, number> = { "functions.js": 150, "taskpane.js": 250 };

const gzipKB = (file: string): number => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

export function bundleBench(distDir: string): Row[] {
  return [...entryRows(distDir), xlsxChunkRow(distDir)];
}

function xlsxChunkRow(distDir: string): Row {
  const figure = "xlsx download chunk gzip (on demand)";
  const chunk = fs.existsSync(distDir) ? fs.readdirSync(distDir).find((f) => /^xlsx\.[0-9a-f]+\.js$/.test(f)) : undefined;
  const taskpane = path.join(distDir, "taskpane.js");
  if (!chunk || !fs.existsSync(taskpane)) return { figure, value: "missing: run npm run build", baseline: "", ratio: "", goal: "a separate chunk", ok: false, budget: true };
  // ExcelJS's workbook writer names this part; the taskpane bundle must not contain it.
  const inTaskpane = fs.readFileSync(taskpane, "utf8").includes("xl/sharedStrings.xml");
  const kb = gzipKB(path.join(distDir, chunk));
  return { figure, value: `${kb.toFixed(1)} KB`, baseline: `taskpane.js ${gzipKB(taskpane).toFixed(1)} KB`, ratio: inTaskpane ? "ExcelJS also in taskpane.js" : "not in taskpane.js", goal: "separate chunk, loaded on Download", ok: !inTaskpane, budget: true };
}

function entryRows(distDir: string): Row[] {
  return Object.entries(BUDGETS_KB).map(([file, budget]) => {
    const full = path.join(distDir, file);
    if (!fs.existsSync(full)) {
      return { figure: `${file} gzip`, value: "missing: run npm run build", baseline: "", ratio: "", goal: `≤ ${budget} KB`, ok: false, budget: true };
    }
    const gz = gzipKB(full);
    return { figure: `${file} gzip`, value: `${gz.toFixed(1)} KB`, baseline: `budget ${budget} KB`, ratio: `${((100 * gz) / budget).toFixed(0)}% of budget`, goal: `≤ ${budget} KB`, ok: gz <= budget, budget: true };
  });
}
