/**
 * Report build + xlsx write for 10k buyer-period rows, against ExcelJS writing a plain grid of
 * the same number of cells (the floor any xlsx report pays); and `chips report` on the built-in
 * scenarios, against a bare Node start-up (the floor any CLI pays).
 */
import { spawnSync } from "child_process";
import path from "path";
import ExcelJS from "exceljs";
import { evaluateScenario, validateScenario } from "../src/engine";
import { buildReport } from "../src/report";
import { loadRenderer } from "../src/report/render";
import { Row, compare, compareAsync, ms, ratioText } from "./harness";

/** 2,500 buyers x 4 quarters = 10,000 buyer-period rows. */
function bigScenario() {
  const periods = ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"];
  const r = validateScenario({
    name: "Bench",
    periods,
    china: { access: "approval", approvalRate: 0.6, cap: { basis: "units", ratio: 1 }, publicSectorBan: true },
    market: { h200Price: 27000, supply: [6e5, 7e5, 8e5, 9e5], baselineChinaRevenue: 2.8e9 },
    buyers: Array.from({ length: 2500 }, (_, i) => ({ name: `Buyer ${i + 1}`, requested: 100 + (i % 400), domesticUnits: 50 + (i % 300), publicSectorShare: (i % 10) / 20 })),
  });
  if (!r.ok) throw new Error("bench scenario invalid");
  const e = evaluateScenario(r.value);
  if (!e.ok) throw new Error("bench scenario failed");
  return { scenario: r.value, evaluation: e.value };
}

export async function reportBench(quick: boolean): Promise<Row[]> {
  const input = bigScenario();
  const xlsx = await loadRenderer("xlsx");
  let cells = 0;
  const writeReport = async () => {
    const report = buildReport([input], { mode: "native" });
    cells = report.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + ("rows" in b ? b.rows.reduce((k, row) => k + row.length, 0) : 0), 0), 0);
    return xlsx.render(report);
  };
  await writeReport(); // counts the cells the plain grid must match
  const cols = 12;
  const rowsN = Math.max(1, Math.round(cells / cols));
  const writePlain = async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Plain");
    for (let r = 0; r < rowsN; r++) ws.addRow(Array.from({ length: cols }, (_, c) => r * cols + c));
    return wb.xlsx.writeBuffer();
  };
  // One warm-up round in full runs: the subject ran once above, the plain grid not yet, and a
  // first (unoptimised) plain write made the ratio of round one look better than the rest.
  // Each side starts from a collected heap (harness.ts, collect).
  const write = await compareAsync(writeReport, writePlain, { warmup: quick ? 0 : 1, rounds: quick ? 1 : 5, collect: true });

  const root = path.resolve(__dirname, "../../..");
  const out = path.join(root, "out", "bench-report");
  const wall = (args: string[]) => () => {
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
    return r.status;
  };
  const cli = compare(wall([path.join(root, "bin", "chips.js"), "report", "--out", out]), wall(["-e", "0"]), { warmup: 0, rounds: quick ? 1 : 3 });
  return [
    { figure: `report build + xlsx write, 10k buyer-period rows (${cells} cells)`, value: ms(write.subjectMs), baseline: `plain ExcelJS grid ${ms(write.baselineMs)}`, ratio: `${ratioText(write)} the plain grid`, goal: "≤ 2x (reported)", ok: write.ratio <= 2 },
    { figure: "chips report, built-in scenarios (wall)", value: ms(cli.subjectMs), baseline: `node start-up ${ms(cli.baselineMs)}`, ratio: `${ratioText(cli, 1)} node start-up`, goal: "≤ 1.5 s (reported)", ok: cli.subjectMs <= 1500 },
  ];
}
