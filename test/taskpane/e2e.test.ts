/**
 * End to end in a real browser: the production build served locally, opened in Debian's
 * chromium in preview mode (test/support/previewBrowser.ts: no network, office.js stubbed).
 */
import fs from "fs";
import path from "path";
import { Page } from "playwright-core";
import YAML from "yaml";
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

  /** Pastes `text` into the paste box and presses "Use pasted text". */
  const paste = async (text: string) => {
    if (!(await page.$eval("details", (d) => (d as HTMLDetailsElement).open))) await page.click("details > summary");
    await page.fill("#paste", text);
    await page.click("#load-text");
  };
  /** Whether the element is inside the viewport (wholly, vertically). */
  const inViewport = (selector: string) =>
    page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
    });
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? "");

  test("a pasted scenario that leaves out us.exportsAllowed shows it ticked, the default the engine uses", async () => {
    const doc = structuredClone(scenario.document) as unknown as { us: Record<string, unknown>; market: Record<string, unknown> };
    delete doc.us.exportsAllowed;
    delete doc.market.h20Multiple;
    await paste(YAML.stringify(doc));
    expect(await page.isChecked(`#${fieldId("us.exportsAllowed")}`)).toBe(true);
    const expected = evaluateDocument(doc);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    const summary = await page.$$eval("#summary tbody tr", (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? "")));
    expected.evaluation.periods.forEach((p, i) => expect(summary[i][1]).toBe(formatNumber(p.totals.shipped, "units")));
    // and a field the pane could not edit before, with its default shown
    expect(await page.getAttribute(`#${fieldId("market.h20Multiple")}`, "placeholder")).toBe("6");
  });

  test("a paste that does not parse: the notice under the paste box is in view and focused, one item per problem", async () => {
    await page.selectOption("#builtin", scenario.id);
    await page.evaluate(() => window.scrollTo(0, 0));
    await paste("name: Broken\nperiods:\n- FY2027Q1\n  - FY2027Q2\nmarket: [\n");
    expect(await page.isVisible("#paste-notice")).toBe(true);
    expect(await inViewport("#paste-notice")).toBe(true);
    expect(await activeId()).toBe("paste-notice");
    expect(await page.$$eval("#paste-notice li", (li) => li.length)).toBeGreaterThan(0);
    expect(await page.textContent("#paste-notice strong")).toBe("Could not read the pasted text:");
  });

  test("a paste that does not parse quotes the offending line with a caret under its column, in plain words", async () => {
    await page.selectOption("#builtin", scenario.id);
    await paste("name: Broken\nperiods:\n  - FY2027Q1\n - FY2027Q2\n");
    const items = await page.$$eval("#paste-notice li", (li) => li.map((e) => e.textContent ?? ""));
    expect(items[0]).not.toMatch(/indicator|: *$/); // the YAML library's words and dangling colon are gone
    const quote = await page.textContent("#paste-notice pre.quote");
    const [line, caret] = (quote ?? "").split("\n");
    expect(line).toMatch(/^4 \| {2}- FY2027Q2$/);
    expect(caret.trimEnd().endsWith("^")).toBe(true);
  });

  test("130,000 in a pasted YAML list: the problem at the field names the thousands separator and the number to write", async () => {
    const doc = structuredClone(scenario.document) as unknown as { periods: string[]; market: Record<string, unknown> };
    const text = YAML.stringify({ ...doc, market: { ...doc.market, supply: "@SUPPLY@" } }).replace('"@SUPPLY@"', `[130,000${", 20".repeat(doc.periods.length - 1)}]`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await paste(text);
    const id = `#${fieldId("market.supply")}`;
    expect(await inViewport(id)).toBe(true);
    const messages = await page.$$eval(`${id}-error .message`, (m) => m.map((e) => e.textContent ?? ""));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/"130,000" looks like a number with a thousands separator: write 130000/);
  });

  test("a pasted scenario with a wrong value: the problem shows at its field, in view and focused, with no follow-on message", async () => {
    const doc = structuredClone(scenario.document) as unknown as { china: Record<string, unknown> };
    doc.china.approvalRate = 50;
    await page.evaluate(() => window.scrollTo(0, 0));
    await paste(JSON.stringify(doc, null, 2));
    const id = `#${fieldId("china.approvalRate")}`;
    expect(await activeId()).toBe(fieldId("china.approvalRate"));
    expect(await inViewport(id)).toBe(true);
    expect(await page.getAttribute(id, "aria-invalid")).toBe("true");
    const messages = await page.$$eval(`${id}-error .message`, (m) => m.map((e) => e.textContent ?? ""));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/fraction/);
    expect(await page.isVisible("#paste-notice")).toBe(false);
  });

  test("27k as the H200 price reads as 27,000, shown beside the field, and the totals are the engine's for 27000", async () => {
    await page.selectOption("#builtin", scenario.id);
    const id = `#${fieldId("market.h200Price")}`;
    await page.fill(id, "27k");
    expect((await page.textContent(`${id}-reads`))?.trim()).toBe("= 27,000");
    expect(await page.getAttribute(id, "aria-invalid")).toBeNull();
    const doc = structuredClone(scenario.document) as unknown as { market: Record<string, unknown> };
    doc.market.h200Price = 27000;
    const expected = evaluateDocument(doc);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    const summary = await page.$$eval("#summary tbody tr", (rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? "")));
    expected.evaluation.periods.forEach((p, i) => expect(summary[i][2]).toBe(formatBare(p.totals.revenue, "usdBillions")));
  });

  test("typing -0.1 key by key never shows -0 accepted as zero", async () => {
    await page.selectOption("#builtin", scenario.id);
    const id = `#${fieldId("us.revenueShare")}`;
    const summary = () => page.$$eval("#summary tbody tr", (rows) => rows.map((r) => r.textContent ?? ""));
    await page.fill(id, ""); // blank: the default, valid
    const before = await summary();
    for (const [key, accepted] of [["-", false], ["0", false], [".", false], ["1", true]] as const) {
      await page.press(id, key);
      expect(await summary()).toEqual(before); // a problem keeps the last valid results; "-0" was never zero
      expect(await page.getAttribute(id, "aria-invalid")).toBe(accepted ? "true" : null);
    }
  });

  test("at 320 px buyers are stacked groups: names and per-period requests are not cut", async () => {
    await page.selectOption("#builtin", scenario.id);
    const buyer = structuredClone(scenario.document) as unknown as { buyers: { name: string }[] };
    const cut = await page.$$eval("#buyers legend, #buyers input[type=text], #buyers label", (els) =>
      els.filter((e) => (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth + 1).map((e) => (e as HTMLElement).id || e.textContent),
    );
    expect(cut).toEqual([]);
    const legends = await page.$$eval("#buyers legend", (l) => l.map((e) => e.textContent));
    expect(legends).toEqual(buyer.buyers.map((b) => b.name));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test("has no serious or critical accessibility violations, and fits 320 px", async () => {
    const violations = await axeViolations(page);
    if (violations.length > 0) console.log("axe:", JSON.stringify(violations, null, 1));
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  test("at 1280 px the preview's sheets show their value columns (column A does not stretch to a note), and axe finds no serious violation", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    try {
      await page.selectOption("#builtin", scenario.id);
      await page.click("#fill");
      await page.waitForSelector("#preview section[data-sheet]");
      // Column B's header of every sheet starts within the first half of the window.
      const lefts = await page.$$eval("#preview section[data-sheet]", (sections) =>
        sections.map((s) => [(s as HTMLElement).dataset.sheet, s.querySelectorAll("thead th")[2]?.getBoundingClientRect().left ?? 0] as const),
      );
      expect(lefts.filter(([, left]) => left > 640)).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
      await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-1280.png"), fullPage: false });
    } finally {
      await page.setViewportSize({ width: 320, height: 800 });
    }
  });
});
