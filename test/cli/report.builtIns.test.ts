/** `chips report` on whole reports (in-process through main()): the built-in scenarios and a Monte Carlo scenario, every file written and read back. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { chipsAsync, example, reportFolders, withPngs } from "./chips";

// A whole report (workbook, note in Markdown and Word, every chart as SVG and PNG) takes seconds.
jest.setTimeout(120_000);

const { out, listing } = reportFolders();
const CHARTS = [
  "chokepoint-china-revenue.svg",
  "chokepoint-shipped-status-quo-orders-paused.svg",
  "chokepoint-shipped-licence-quotas-deliver.svg",
  "chokepoint-shipped-beijing-ratio-cap-by-units.svg",
  "chokepoint-shipped-beijing-ratio-cap-by-dollars.svg",
  "chokepoint-shipped-beijing-blocks.svg",
  "chokepoint-shipped-bis-50-of-us-cap-binds.svg",
  "chokepoint-shipped-december-2025-view.svg",
  // The built-in December 2025 view carries an (illustrative) uncertainty block.
  "chokepoint-tornado-chinaRevenue-december-2025-view.svg",
  "chokepoint-tornado-shipped-december-2025-view.svg",
  "chokepoint-histogram-december-2025-view.svg",
  "chokepoint-requested-to-shipped.svg",
];
const BUILT_IN_SHEETS = ["Status quo (orders paused)", "Licence quotas deliver", "Beijing ratio cap by units", "Beijing ratio cap by dollars", "Beijing blocks", "BIS 50%-of-US cap binds", "December 2025 view"];

test("no files: the 7 built-in scenarios, into --out, as xlsx, Markdown and Word (the defaults) plus SVG and PNG charts; progress on stderr", async () => {
  const r = await chipsAsync(["report", "--out", out("default")]);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^chips: reading 7 built-in scenarios\n/);
  expect(r.stderr).toContain(`chips: wrote ${path.join(out("default"), "chokepoint.xlsx")}\n`);
  expect(r.stderr).toMatch(/chips: 7 scenarios, native cells, 27 files in \d+ ms\n$/);
  expect(listing(out("default"))).toEqual([...withPngs(CHARTS), "chokepoint.docx", "chokepoint.md", "chokepoint.xlsx"].sort());

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out("default"), "chokepoint.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Assumptions", ...BUILT_IN_SHEETS, "Comparison", "Sensitivity", "Monte Carlo", "Reported vs modelled", "Sources"]);
  // Every chart pictured in the workbook (the same renders as the PNG files).
  expect(wb.worksheets.reduce((n, w) => n + w.getImages().length, 0)).toBeGreaterThanOrEqual(CHARTS.length);
  expect(wb.getWorksheet(BUILT_IN_SHEETS[0])!.getCell("G21").formula).toMatch(/^MIN\(/); // native is the default mode (G: the domestic ratio, after v2's orders step)
  const assumptions = wb.getWorksheet("Assumptions")!;
  const titles: string[] = [];
  // A table per block of each built-in, the US policy first.
  assumptions.eachRow((row) => typeof row.getCell(1).value === "string" && /\(built-in: [a-z0-9-]+\): US policy$/.test(row.getCell(1).value as string) && titles.push(row.getCell(1).value as string));
  expect(titles).toHaveLength(7);
  const md = fs.readFileSync(path.join(out("default"), "chokepoint.md"), "utf8");
  expect(md).toMatch(/^# Chokepoint/);
  // The year the forward built-ins all model whole; the December 2025 view is set against what was reported.
  expect(md).toContain("## Exhibit 1: Nvidia China revenue by scenario, FY2028");
  expect(md).toContain("## Exhibit 5: Modelled against reported");
  expect(md).toContain("No scenario probabilities were given");
  expect(fs.readFileSync(path.join(out("default"), "chokepoint.docx")).subarray(0, 2).toString()).toBe("PK");
});

test("no files: cited Assumptions sources are internal links to their Sources row", async () => {
  // The built-in report of the test above (building it again costs seconds and tests nothing new).
  const file = path.join(out("default"), "chokepoint.xlsx");
  if (!fs.existsSync(file)) expect((await chipsAsync(["report", "--format", "xlsx", "--out", out("default")])).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const xml = fs.readFileSync(file);
  // Stock ExcelJS reads location-only links back as plain text; check the sheet's own XML instead.
  const sheet1 = await (await JSZip.loadAsync(xml)).file("xl/worksheets/sheet2.xml")!.async("string"); // Assumptions, after Summary
  const links = [...sheet1.matchAll(/<hyperlink ref="[A-Z]+(\d+)" location="&apos;Sources&apos;!A(\d+)"\/>/g)];
  expect(links.length).toBeGreaterThan(6 * 20);
  const sources = wb.getWorksheet("Sources")!;
  const assumptions = wb.getWorksheet("Assumptions")!;
  // The first is the latest reported quarter (a report-wide row); then scenario inputs, by field.
  expect([assumptions.getCell(`B${links[0][1]}`).value, sources.getCell(`A${links[0][2]}`).value]).toEqual(["latestReportedChinaRevenue", "(all)"]);
  for (const [, from, to] of links.slice(1)) expect(sources.getCell(`B${to}`).value).toBe(assumptions.getCell(`B${from}`).value);
});

test("--iterations and --seed reach the Monte Carlo sheet; --no-uncertainty leaves both sheets out", async () => {
  const file = example("uncertainty/monte-carlo.json");
  expect((await chipsAsync(["report", file, "--format", "xlsx", "--iterations", "500", "--seed=7", "--out", out("mc")])).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out("mc"), "chokepoint.xlsx"));
  // The scenario is named "Monte Carlo": the simulation sheet keeps that name, the scenario's sheet says it is a scenario.
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Assumptions", "Monte Carlo scenario", "Comparison", "Sensitivity", "Monte Carlo", "Reported vs modelled", "Sources"]);
  const notes: string[] = [];
  wb.getWorksheet("Monte Carlo")!.eachRow((row) => typeof row.getCell(1).value === "string" && notes.push(row.getCell(1).value as string));
  expect(notes.join(" ")).toContain("--seed 7 --iterations 500");
  expect(listing(out("mc")).filter((f) => /tornado|histogram/.test(f))).toHaveLength(6); // 3 charts, SVG and PNG

  expect((await chipsAsync(["report", file, "--format", "xlsx", "--no-uncertainty", "--out", out("no-mc")])).status).toBe(0);
  const plain = new ExcelJS.Workbook();
  await plain.xlsx.readFile(path.join(out("no-mc"), "chokepoint.xlsx"));
  expect(plain.worksheets.map((w) => w.name)).toEqual(["Summary", "Assumptions", "Monte Carlo scenario", "Comparison", "Reported vs modelled", "Sources"]);
  expect(listing(out("no-mc")).filter((f) => /tornado|histogram/.test(f))).toEqual([]);
});
