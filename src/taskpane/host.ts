/**
 * Which host the pane runs in. Outside Office, office.js resolves onReady with host null, or
 * did not load at all (blocked, offline, a test): both mean the browser preview.
 */
import { ExcelSheetWriter } from "./excel/excelWriter";
import { XlRun } from "./excel/port";
import { hostFeatures } from "./excel/requirements";
import { PreviewSheetWriter } from "./preview/previewWriter";
import { BrowserStore, DocumentSettingsStore, ScenarioStore } from "./scenarioStore";
import { SheetWriter } from "./sheetWriter";

export interface Host {
  readonly kind: "excel" | "preview";
  readonly writer: SheetWriter;
  readonly store: ScenarioStore;
}

async function inExcel(timeoutMs: number): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([Office.onReady(), timeout]);
  return info !== null && info.host === Office.HostType.Excel;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked (e.g. third-party storage off)
  }
}

export async function detectHost(previewContainer: HTMLElement, timeoutMs = 5000): Promise<Host> {
  if (await inExcel(timeoutMs)) {
    const run: XlRun = (batch) => Excel.run((context) => batch(context as unknown as Parameters<typeof batch>[0]));
    const settings = Office.context.document.settings;
    const store = new DocumentSettingsStore({
      get: (name) => settings.get(name),
      set: (name, value) => settings.set(name, value),
      saveAsync: (done) => settings.saveAsync((r) => done?.({ status: String(r.status), error: r.error ? { message: r.error.message } : undefined })),
    });
    const features = hostFeatures((name, version) => Office.context.requirements.isSetSupported(name, version));
    return { kind: "excel", writer: new ExcelSheetWriter(run, undefined, features), store: recalculatingAfterSave(store) };
  }
  return { kind: "preview", writer: new PreviewSheetWriter(previewContainer), store: new BrowserStore(browserStorage()) };
}

/**
 * After a save, recalculate the workbook so =CHIPS.SCENARIO cells (volatile, reading the saved
 * scenarios through the shared runtime) show the new figures at once.
 */
function recalculatingAfterSave(store: ScenarioStore): ScenarioStore {
  return {
    load: () => store.load(),
    save: async (scenarios) => {
      await store.save(scenarios);
      await Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.recalculate);
        await context.sync();
      });
    },
  };
}
