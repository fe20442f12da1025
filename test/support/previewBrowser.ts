/**
 * The taskpane in a real browser: the production build served by scripts/preview.js on a
 * random loopback port, opened in Debian's chromium (playwright-core) in preview mode.
 * No network: office.js is answered by a stub, every other non-loopback request is aborted
 * and recorded. Each e2e test file opens its own browser session in beforeAll; the server is shared
 * (integrationSetup.ts).
 */
import { ChildProcess } from "child_process";
import fs from "fs";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import { BUILD_TIMEOUT_MS, productionBuild } from "./build";
import { PREVIEW_ORIGIN_ENV, startPreviewServer } from "./integrationSetup";

export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Office.onReady outside Office resolves with host null (TOOLCHAIN.md); no CustomFunctions, so
// functions.js throws its ReferenceError as it does in a plain browser: the pane must not care.
const OFFICE_STUB = `window.Office = { HostType: { Excel: "Excel" }, onReady: function () { return Promise.resolve({ host: null, platform: null }); } };`;

/** beforeAll's timeout for openPreview: a cold production build plus the browser start. */
export const PREVIEW_TIMEOUT_MS = BUILD_TIMEOUT_MS + 60_000;

export const haveChromium = fs.existsSync(CHROMIUM);

/**
 * `describe` when chromium is installed; otherwise a failing test under CI (chromium is
 * required there) or a skipped block with a warning on a developer machine.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (haveChromium) return describe(name, body);
  if (process.env.CI) {
    test("chromium is installed (required in CI)", () => {
      throw new Error(`${CHROMIUM} is missing`);
    });
  } else console.warn(`SKIPPED ${name}: ${CHROMIUM} is missing (apt-get install chromium); this fails when CI is set.`);
  describe.skip(name, body);
}

export interface PreviewSession {
  readonly origin: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors in the page. */
  readonly pageErrors: string[];
  /** Non-loopback URLs the page tried to fetch (all aborted). */
  readonly blocked: string[];
  close(): Promise<void>;
}

/** Builds, serves and opens taskpane.html at 320 px wide; resolves once the pane says it is ready. */
export async function openPreview(options: { acceptDownloads?: boolean } = {}): Promise<PreviewSession> {
  const shared = process.env[PREVIEW_ORIGIN_ENV];
  const own = shared ? undefined : await startPreviewServer(await productionBuild());
  const server: ChildProcess | undefined = own?.server;
  const origin = shared ?? own!.origin;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, acceptDownloads: options.acceptDownloads ?? false });
    const blocked: string[] = [];
    const pageErrors: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }));
    const page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector("body[data-ready='true']", { timeout: 20_000 });
    const b = browser;
    return {
      origin,
      browser: b,
      context,
      page,
      pageErrors,
      blocked,
      close: async () => {
        await b.close();
        server?.kill();
      },
    };
  } catch (e) {
    await browser?.close();
    server?.kill();
    throw e;
  }
}

/** Runs axe-core in the page; returns the violations (id, impact, first targets). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
}
