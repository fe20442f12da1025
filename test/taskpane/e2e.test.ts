/**
 * End to end in a real browser: the production build served locally, opened in Debian's
 * chromium in preview mode (test/support/previewBrowser.ts: no network, office.js stubbed).
 */
import fs from "fs";
import path from "path";
import { Page } from "playwright-core";
import { BUILT_IN_SCENARIOS, FIELDS, pathOf } from "../../src/engine";
import { formatBare, formatNumber } from "../../src/report/formats";
import { fieldId } from "../../src/taskpane/form";
import { evaluateDocument, reportFor } from "../../src/taskpane/reportFor";
import { ROOT } from "../support/build";
import { PREVIEW_TIMEOUT_MS, PreviewSession, axeViolations, describeInBrowser, openPreview } from "../support/previewBrowser";

const SCREENSHOT = path.join(ROOT, "test-artifacts", "taskpane.png");

describeInBrowser("taskpane in a browser (preview host)", () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPreview();
    page = session.page;
  }, PREVIEW_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  const scenario = BUILT_IN_SCENARIOS.find((s) => s.document.china.access === "approval") ?? BUILT_IN_SCENARIOS[0];

  test("starts in preview mode, with no network and no errors but functions.js's missing CustomFunctions", async () => {
    expect(await page.getAttribute("body", "data-host")).toBe("preview");
    expect(session.blocked).toEqual([]);
    expect(session.pageErrors.filter((e) => !/CustomFunctions/.test(e))).toEqual([]);
  });

  test("an invalid input shows the engine's message next to the field", async () => {
    await page.selectOption("#builtin", scenario.id);
    await page.fill("#f-china-approvalRate", "1.5");
    expect(await page.getAttribute("#f-china-approvalRate", "aria-invalid")).toBe("true");
    expect((await page.textContent("#f-china-approvalRate-error"))?.trim()).not.toBe("");
  });

  test("the rules editor validates as you type: hostile input is refused, a valid rule changes the totals", async () => {
    await page.selectOption("#builtin", scenario.id);
    await page.click("#add-rule");
    const expression = "#f-rules-0-expression";
    await page.fill(expression, 'cos.constructor("return process")()');
    expect(await page.getAttribute(expression, "aria-invalid")).toBe("true");
    expect((await page.textContent(`${expression}-error`))?.trim()).not.toBe("");
    await page.fill(expression, "units * 2");
    expect((await page.textContent(`${expression}-error`))?.trim()).toMatch(/\S/); // raising units is refused at evaluation

    await page.fill(expression, "units * 0.5");
    expect(await page.getAttribute(expression, "aria-invalid")).toBeNull();
    const doc = structuredClone(scenario.document) as unknown as { rules: unknown[] };
    doc.rules = [{ id: "rule1", after: "china_access", expression: "units * 0.5", enabled: true }];
    const expected = evaluateDocument(doc);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    const summary = await page.$$eval("#summary tbody tr", (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? "")));
    // the pane shows the report's one formatter: US$ bn to one decimal, half-up
    expected.evaluation.periods.forEach((p, i) => expect(summary[i][4]).toBe(formatBare(p.totals.chinaRevenue, "usdBillions")));
    await page.click('#rules button[aria-label^="Remove"]');
  });

  test("an edited scenario fills sheets whose numbers are the engine's", async () => {
    await page.selectOption("#builtin", scenario.id);
    await page.fill("#f-china-approvalRate", "0.35");
    expect(await page.getAttribute("#f-china-approvalRate", "aria-invalid")).toBeNull();

    const doc = structuredClone(scenario.document) as unknown as { china: { approvalRate: number } };
    doc.china.approvalRate = 0.35;
    const expected = evaluateDocument(doc);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    const sheetName = reportFor(expected, "native").sheets[2].name; // the scenario, after Summary and Assumptions

    // the live summary already shows the edited scenario
    const summary = await page.$$eval("#summary tbody tr", (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? "")));
    expect(summary.map((r) => r[0])).toEqual(expected.evaluation.periods.map((p) => p.period));
    // the pane shows the report's one formatter: US$ bn to one decimal, half-up
    expected.evaluation.periods.forEach((p, i) => expect(summary[i][4]).toBe(formatBare(p.totals.chinaRevenue, "usdBillions")));

    await page.click("#fill");
    await page.waitForSelector(`#preview section[data-sheet="${sheetName}"]`);
    const grid = await page.$$eval(`#preview section[data-sheet="${sheetName}"] td[data-cell]`, (tds) =>
      tds.map((td) => [(td as HTMLElement).dataset.cell ?? "", (td as HTMLElement).dataset.value ?? ""] as const),
    );
    const cells = new Map(grid);
    for (const p of expected.evaluation.periods) {
      // the summary table: period in A, shipped C, revenue D, US share E, China revenue I
      const at = grid.find(([ref, v]) => ref.startsWith("A") && v === p.period)?.[0];
      if (!at) throw new Error(`no row for ${p.period} on ${sheetName}`);
      const row = at.slice(1);
      const num = (col: string) => Number(cells.get(`${col}${row}`));
      expect(num("C")).toBeCloseTo(p.totals.shipped, 6);
      expect(num("D")).toBeCloseTo(p.totals.revenue, 0);
      expect(num("E")).toBeCloseTo(p.totals.usShare, 0);
      expect(num("I")).toBeCloseTo(p.totals.chinaRevenue, 0);
    }
    expect(await page.textContent("#status")).toMatch(/Filled \d+ sheet/);
  });

  test("a field varies by period: one input per period after Vary by period; a period's problem shows at its own input", async () => {
    await page.selectOption("#builtin", scenario.id);
    const label = (path: string) => FIELDS.find((f) => pathOf(f) === path)?.label ?? path;
    const id = (path: string) => `#${fieldId(path)}`;
    await page.click(`button[aria-label="Vary by period: ${label("china.access")}"]`);
    await page.selectOption(id("china.access[2]"), "blocked");

    const doc = structuredClone(scenario.document) as unknown as { china: { access: unknown } };
    const periods = (scenario.document as unknown as { periods: string[] }).periods;
    doc.china.access = periods.map((_, t) => (t === 2 ? "blocked" : "approval"));
    const expected = evaluateDocument(doc);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    const summary = await page.$$eval("#summary tbody tr", (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? "")));
    expected.evaluation.periods.forEach((p, i) => expect(summary[i][1]).toBe(formatNumber(p.totals.shipped, "units")));
    expect(expected.evaluation.periods[2].totals.shipped).toBe(0);

    await page.click(`button[aria-label="Vary by period: ${label("china.approvalRate")}"]`);
    await page.fill(id("china.approvalRate[1]"), "1.5");
    expect(await page.getAttribute(id("china.approvalRate[1]"), "aria-invalid")).toBe("true");
    expect((await page.textContent(`${id("china.approvalRate[1]")}-error`))?.trim()).not.toBe("");
    expect(await page.getAttribute(id("china.approvalRate[0]"), "aria-invalid")).toBeNull();
    await page.fill(id("china.approvalRate[1]"), "0.6");
    const first = await page.inputValue(id("china.approvalRate[0]"));
    await page.click(`button[aria-label="Same every period: ${label("china.approvalRate")}"]`);
    // One value again: the first period's.
    expect(await page.inputValue(id("china.approvalRate"))).toBe(first);
  });

  test("has no serious or critical accessibility violations, and fits 320 px", async () => {
    const violations = await axeViolations(page);
    if (violations.length > 0) console.log("axe:", JSON.stringify(violations, null, 1));
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
