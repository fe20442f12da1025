/**
 * The preview host in chromium draws the Sensitivity grid's colour scale: the cells Node
 * computes (colorScaleShades over the same report) have those backgrounds and readable text.
 */
import { Page } from "playwright-core";
import { BUILT_IN_SCENARIOS } from "../../src/engine";
import { contrastRatio } from "../../src/report/colorScale";
import { colorScaleShades, sheetGrid } from "../../src/taskpane/grid";
import { evaluateDocument, reportFor } from "../../src/taskpane/reportFor";
import { PREVIEW_TIMEOUT_MS, PreviewSession, describeInBrowser, openPreview } from "../support/previewBrowser";

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describeInBrowser("the Sensitivity grid's colour scale in the preview host", () => {
  let session: PreviewSession;
  let page: Page;
  const scenario = BUILT_IN_SCENARIOS.find((s) => (s.document as { uncertainty?: unknown }).uncertainty !== undefined);
  if (!scenario) throw new Error("no built-in scenario carries an uncertainty block");
  const evaluated = evaluateDocument(structuredClone(scenario.document));
  if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.problems));
  const sensitivity = reportFor(evaluated, "native").sheets.find((s) => s.name.startsWith("Sensitivity"));
  if (!sensitivity) throw new Error("no Sensitivity sheet");
  const expected = colorScaleShades(sheetGrid(sensitivity));

  beforeAll(async () => {
    session = await openPreview();
    page = session.page;
    await page.selectOption("#builtin", scenario.id);
    await page.click("#fill");
    await page.waitForSelector(`#preview section[data-sheet="${sensitivity.name}"]`);
  }, PREVIEW_TIMEOUT_MS);

  afterAll(async () => {
    await session?.close();
  });

  test("exactly the grid's cells are shaded, with Node's fills and readable text", async () => {
    expect(expected.size).toBeGreaterThan(0);
    const shown = await page.$$eval(`#preview section[data-sheet="${sensitivity.name}"] td[data-fill]`, (tds) =>
      tds.map((td) => ({ cell: (td as HTMLElement).dataset.cell!, fill: (td as HTMLElement).dataset.fill!, background: getComputedStyle(td).backgroundColor, color: getComputedStyle(td).color })),
    );
    expect(Object.fromEntries(shown.map((s) => [s.cell, s.fill]))).toEqual(Object.fromEntries([...expected].map(([cell, s]) => [cell, s.fill])));
    for (const s of shown) {
      const shade = expected.get(s.cell)!;
      expect(s.background).toBe(rgb(shade.fill));
      expect(s.color).toBe(rgb(shade.text));
      expect(contrastRatio(shade.fill, shade.text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(session.pageErrors.filter((e) => !/CustomFunctions/.test(e))).toEqual([]);
  });
});
