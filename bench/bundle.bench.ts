/**
 * Bundle budgets on the production build (gzip, office.js excluded: it is never bundled).
 * Deterministic, so `--quick` (CI) fails when a budget is broken.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { Row } from "./harness";

const BUDGETS_KB: Record<string, number> = { "functions.js": 150, "taskpane.js": 250 };

export function bundleBench(distDir: string): Row[] {
  return Object.entries(BUDGETS_KB).map(([file, budget]) => {
    const full = path.join(distDir, file);
    if (!fs.existsSync(full)) {
      return { figure: `${file} gzip`, value: "missing: run npm run build", baseline: "", ratio: "", goal: `≤ ${budget} KB`, ok: false, budget: true };
    }
    const gz = zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length / 1024;
    return { figure: `${file} gzip`, value: `${gz.toFixed(1)} KB`, baseline: `budget ${budget} KB`, ratio: `${((100 * gz) / budget).toFixed(0)}% of budget`, goal: `≤ ${budget} KB`, ok: gz <= budget, budget: true };
  });
}
