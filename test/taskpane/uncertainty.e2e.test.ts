/**
 * The Uncertainty section in a real browser (production build, preview host, no network):
 * a seeded run shows the engine's numbers, a large run reports progress while the pane stays
 * responsive, Cancel stops it and a new run works, problems show next to their fields, and
 * the section passes axe at 320 px.
 */
import fs from "fs";
import path from "path";
import { Page } from "playwright-core";
import { OutputSummary, readUncertainty, simulate, validateScenario } from "../../src/engine";
import { ROOT } from "../support/build";
import { PREVIEW_TIMEOUT_MS, PreviewSession, axeViolations, describeInBrowser, openPreview } from "../support/previewBrowser";

const EXAMPLE_TEXT = fs.readFileSync(path.join(ROOT, "examples/uncertainty/monte-carlo.json"), "utf8");
const SCREENSHOT = path.join(ROOT, "test-artifacts", "taskpane-uncertainty.png");

/** The engine's summary of `output` for the example (optionally edited), in Node. */
function expectedSummary(iterations: number, seed: number, output: string, edit: (doc: { china: { approvalRate: number } }) => void = () => {}): OutputSummary {
  const doc = JSON.parse(EXAMPLE_TEXT) as { china: { approvalRate: number } };
  edit(doc);
  const scenario = validateScenario(doc);
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.problems));
  const spec = readUncertainty(scenario.value.uncertainty, { iterations, seed });
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  const result = simulate(scenario.value, spec.value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const summary = result.value.outputs.find((o) => o.output === output);
  if (!summary) throw new Error(`no ${output}`);
  return summary;
}

const shownStats = (page: Page) =>
  page.$$eval("#mc-percentiles td[data-stat]", (tds) => Object.fromEntries(tds.map((td) => [(td as HTMLElement).dataset.stat, Number((td as HTMLElement).dataset.value)])));

const status = (page: Page) => page.textContent("#mc-status").then((t) => t ?? "");

async function runAndWait(page: Page, iterations: number, seed: number): Promise<void> {
  await page.fill("#mc-iterations", String(iterations));
  await page.fill("#mc-seed", String(seed));
  await page.click("#mc-run");
  await page.waitForFunction(() => /^(Done|The simulation could not run|Cancelled)/.test(document.getElementById("mc-status")?.textContent ?? ""), null, { timeout: 60_000 });
  expect(await status(page)).toMatch(/^Done/);
}

describeInBrowser("taskpane Uncertainty section in a browser", () => {
  let session: PreviewSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPreview();
    page = session.page;
    await page.click("details > summary");
    await page.fill("#paste", EXAMPLE_TEXT);
    await page.click("#load-text");
    await page.waitForFunction(() => document.querySelectorAll("#mc-inputs tbody th[scope=row]").length === 5);
  }, PREVIEW_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test("lists the example's uncertain inputs with their distributions, and starts idle", async () => {
    const rows = await page.$$eval("#mc-inputs tbody th", (ths) => ths.map((th) => [th.querySelector(".mc-path")?.textContent ?? "", th.querySelector(".mc-dist")?.textContent ?? ""]));
    expect(rows.map((r) => r[0])).toEqual([
      "Share of requested volume Beijing approves",
      "H200 allowed per domestic chip or dollar",
      "Domestic-ratio cap basis: none, units or dollars",
      "H200 supply Nvidia can allocate to China (units), FY2027Q1",
      "Public-sector purchases barred",
    ]);
    expect(rows[0][1]).toBe("uniform 0.4 to 0.8");
    expect(rows[2][1]).toBe("one of units (70%), dollars (30%)");
    expect(await page.inputValue("#mc-iterations")).toBe("10000");
    expect(await page.inputValue("#mc-seed")).toBe("2026");
    expect(await page.getAttribute("#mc-cancel", "disabled")).not.toBeNull();
    expect(await page.getAttribute("#mc-run", "disabled")).toBeNull();
  });

  test("a seeded run shows the engine's percentiles, a histogram and a tornado", async () => {
    await runAndWait(page, 20_000, 2026);
    const expected = expectedSummary(20_000, 2026, "totals.chinaRevenue");
    const shown = await shownStats(page);
    // the percentiles the example asks for (P5, P50, P95), as the CLI shows them
    expect(shown).toEqual({ mean: expected.mean, p5: expected.percentiles.P5, p50: expected.percentiles.P50, p95: expected.percentiles.P95, sd: expected.sd, min: expected.min, max: expected.max });
    expect(await page.textContent("#mc-percentiles caption")).toContain("20,000 iterations, seed 2026");
    expect(await page.$$eval("#mc-histogram svg rect", (r) => r.length)).toBe(expected.histogram.length);
    const bars = await page.$$eval("#mc-tornado tbody tr", (trs) => trs.map((tr) => (tr as HTMLElement).dataset.input));
    expect(bars).toHaveLength(5);
    // switching the output shows another computed output without a new run
    await page.selectOption("#mc-output", "totals.shipped");
    expect((await shownStats(page)).p50).toBe(expectedSummary(20_000, 2026, "totals.shipped").p50);
    await page.selectOption("#mc-output", "totals.chinaRevenue");
  });

  test("a large run shows progress, the pane stays responsive, Cancel stops it, and a new run works", async () => {
    await page.fill("#mc-iterations", "5000000");
    await page.fill("#mc-seed", "1");
    const summaryBefore = await page.textContent("#summary tbody");
    await page.click("#mc-run");
    await page.waitForFunction(() => (document.getElementById("mc-progress") as HTMLProgressElement).value > 0, null, { timeout: 30_000 });
    const first = await page.$eval("#mc-progress", (p) => (p as HTMLProgressElement).value);
    await page.waitForFunction((v) => (document.getElementById("mc-progress") as HTMLProgressElement).value > v, first, { timeout: 30_000 });
    expect(await page.getAttribute("#mc-run", "disabled")).not.toBeNull();
    expect(await page.getAttribute("#mc-cancel", "disabled")).toBeNull();

    // the main thread is free: typing into the form recalculates the live summary during the run
    const started = Date.now();
    await page.fill("#f-china-approvalRate", "0.5");
    await page.waitForFunction((before) => document.querySelector("#summary tbody")?.textContent !== before, summaryBefore, { timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    const during = await page.$eval("#mc-progress", (p) => (p as HTMLProgressElement).value);
    expect(during).toBeLessThan(1); // still running: the edit did not wait for the run
    expect(await status(page)).toMatch(/^Running 5,000,000 iterations/);

    await page.click("#mc-cancel");
    await page.waitForFunction(() => /^Cancelled/.test(document.getElementById("mc-status")?.textContent ?? ""), null, { timeout: 5_000 });
    expect(await page.getAttribute("#mc-cancel", "disabled")).not.toBeNull();
    expect(await page.getAttribute("#mc-run", "disabled")).toBeNull();
    expect(await page.$eval("#mc-progress", (p) => (p as HTMLProgressElement).value)).toBe(0);
    // the earlier results stay, marked as older than the edited scenario
    expect(await page.isVisible("#mc-stale")).toBe(true);

    await runAndWait(page, 3_000, 5);
    const expected = expectedSummary(3_000, 5, "totals.chinaRevenue", (d) => (d.china.approvalRate = 0.5));
    const shown = await shownStats(page);
    // the percentiles the example asks for (P5, P50, P95), as the CLI shows them
    expect(shown).toEqual({ mean: expected.mean, p5: expected.percentiles.P5, p50: expected.percentiles.P50, p95: expected.percentiles.P95, sd: expected.sd, min: expected.min, max: expected.max });
    expect(await page.isVisible("#mc-stale")).toBe(false);
  });

  test("keyboard: Enter on Run starts a run and moves focus to Cancel; Enter on Cancel stops it and returns focus to Run", async () => {
    await page.fill("#mc-iterations", "5000000");
    await page.focus("#mc-run");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "mc-cancel", null, { timeout: 5_000 });
    expect(await status(page)).toMatch(/^Running/);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /^Cancelled/.test(document.getElementById("mc-status")?.textContent ?? ""), null, { timeout: 5_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("mc-run");
  });

  test("problems show next to their fields, and a run is refused until they are fixed", async () => {
    await page.fill("#mc-iterations", "0");
    expect(await page.getAttribute("#mc-iterations", "aria-invalid")).toBe("true");
    expect((await page.textContent("#mc-iterations-error"))?.trim()).toMatch(/whole number/);
    await page.click("#mc-run");
    expect(await status(page)).toMatch(/^Fix the 1 problem/);
    await page.fill("#mc-iterations", "2000");
    expect(await page.getAttribute("#mc-iterations", "aria-invalid")).toBeNull();
  });

  test("an input is added through the form, validated first, and can be removed", async () => {
    await page.selectOption("#mc-add-path", "market.h200Price");
    await page.selectOption("#mc-add-dist", "uniform");
    await page.fill("#mc-add-min", "30000");
    await page.fill("#mc-add-max", "20000");
    await page.click("#mc-add-input");
    expect(await page.getAttribute("#mc-add-max", "aria-invalid")).toBe("true");
    expect((await page.textContent("#mc-add-max-error"))?.trim()).not.toBe("");
    expect(await page.$$eval("#mc-inputs tbody th[scope=row]", (r) => r.length)).toBe(5);

    await page.fill("#mc-add-max", "34000");
    await page.click("#mc-add-input");
    expect(await page.getAttribute("#mc-add-max", "aria-invalid")).toBeNull();
    const rows = await page.$$eval("#mc-inputs tbody th[scope=row] .mc-path", (r) => r.map((x) => x.textContent));
    expect(rows).toContain("H200 price (USD)");
    await runAndWait(page, 2_000, 3);
    expect(await page.$$eval("#mc-tornado tbody tr", (trs) => trs.map((tr) => (tr as HTMLElement).dataset.input))).toContain("market.h200Price");

    await page.click('#mc-inputs button[aria-label="Remove H200 price (USD)"]');
    expect(await page.$$eval("#mc-inputs tbody th[scope=row]", (r) => r.length)).toBe(5);
  });

  test("has no serious or critical accessibility violations, and fits 320 px", async () => {
    const violations = await axeViolations(page);
    if (violations.length > 0) console.log("axe:", JSON.stringify(violations, null, 1));
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(session.blocked).toEqual([]);
    expect(session.pageErrors.filter((e) => !/CustomFunctions/.test(e))).toEqual([]);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator("#mc-section").screenshot({ path: SCREENSHOT });
  });
});
