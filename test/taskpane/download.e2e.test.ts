/**
 * The preview host's "Download .xlsx", end to end in chromium: fill, see the charts, click
 * Download, read the file in Node with ExcelJS and compare it with the engine. The renderer
 * and ExcelJS come in a chunk fetched on the click only, from the local server.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import JSZip from "jszip";
import { Page } from "playwright-core";
import { BUILT_IN_SCENARIOS } from "../../src/engine";
import { evaluateDocument, reportFor } from "../../src/taskpane/reportFor";
import { PREVIEW_TIMEOUT_MS, PreviewSession, describeInBrowser, openPreview } from "../support/previewBrowser";

describeInBrowser("Download .xlsx in the preview host", () => {
  let session: PreviewSession;
  let page: Page;
  const scripts: string[] = [];

  const scenario = BUILT_IN_SCENARIOS.find((s) => s.document.china.access === "approval") ?? BUILT_IN_SCENARIOS[0];
  const doc = structuredClone(scenario.document) as unknown as { china: { approvalRate: number } };
  doc.china.approvalRate = 0.35;
  const expected = evaluateDocument(doc);
  if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
  const report = reportFor(expected, "native");

  beforeAll(async () => {
    session = await openPreview({ acceptDownloads: true });
    page = session.page;
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname));
    await page.selectOption("#builtin", scenario.id);
    await page.fill("#f-china-approvalRate", "0.35");
    await page.click("#fill");
    await page.waitForSelector("#preview section[data-sheet]");
  }, PREVIEW_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test("the preview shows each sheet's charts as images named by their titles", async () => {
    const anchored = report.sheets.flatMap((s) => (s.charts ?? []).map((c) => ({ sheet: s.name, title: report.charts.find((x) => x.id === c.chart)!.title })));
    expect(anchored.length).toBeGreaterThanOrEqual(2);
    for (const { sheet, title } of anchored) {
      const img = page.locator(`#preview section[data-sheet="${sheet}"]`).getByRole("img", { name: title, exact: true });
      expect(await img.count()).toBe(1);
      expect(await img.evaluate((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0)).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test("ExcelJS is not loaded until Download is clicked", () => {
    expect(scripts.filter((s) => /\/xlsx\.[0-9a-f]+\.js$/.test(s))).toEqual([]);
  });

  test("Download saves the filled report as .xlsx: same sheets, the engine's numbers, links intact, nothing fetched off the machine", async () => {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click("#download")]);
    expect(download.suggestedFilename()).toBe("chokepoint.xlsx");
    const file = await download.path();
    expect(scripts.filter((s) => /\/xlsx\.[0-9a-f]+\.js$/.test(s))).toHaveLength(1);
    expect(await page.textContent("#status")).toMatch(/Downloaded chokepoint\.xlsx/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(report.sheets.map((s) => s.name));

    // a formula cell carries the engine's value as its cached result
    // ExcelJS reads a cached 0 back as no result (the file holds <v>0</v>), so a formula without one reads 0.
    const num = (c: ExcelJS.Cell): number => {
      const v = c.value as ExcelJS.CellValue;
      if (typeof v === "object" && v !== null && "formula" in v) return "result" in v && v.result !== undefined ? Number(v.result) : 0;
      return Number(v);
    };
    const ws = wb.getWorksheet(report.sheets[2].name)!; // the scenario, after Summary and Assumptions
    const rowOf = new Map<string, number>();
    ws.eachRow((r, i) => typeof r.getCell(1).value === "string" && !rowOf.has(r.getCell(1).value as string) && rowOf.set(r.getCell(1).value as string, i));
    for (const p of expected.evaluation.periods) {
      const r = rowOf.get(p.period);
      if (r === undefined) throw new Error(`no row for ${p.period}`);
      // the summary table: shipped C, revenue D, US share E, China revenue I
      expect(num(ws.getCell(r, 3))).toBeCloseTo(p.totals.shipped, 6);
      expect(num(ws.getCell(r, 4))).toBeCloseTo(p.totals.revenue, 0);
      expect(num(ws.getCell(r, 5))).toBeCloseTo(p.totals.usShare, 0);
      expect(num(ws.getCell(r, 9))).toBeCloseTo(p.totals.chinaRevenue, 0);
      expect((ws.getCell(r, 9).value as ExcelJS.CellFormulaValue).formula).toBeTruthy();
    }
    // the renderer's ExcelJS patch ran in the browser too: internal links are location-only
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const assumptions = await zip.file("xl/worksheets/sheet2.xml")!.async("string"); // Assumptions, after Summary
    const links = assumptions.match(/<hyperlink [^>]*>/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^<hyperlink ref="[A-Z]+\d+" location="(&apos;|')Sources(&apos;|')!A\d+"\/>$/);

    expect(session.blocked).toEqual([]);
    expect(session.pageErrors.filter((e) => !/CustomFunctions/.test(e))).toEqual([]);
  }, 90_000);
});
