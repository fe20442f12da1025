/**
 * Writes a report into the open workbook through Office.js, in a constant number of syncs:
 *   1. read sheet names and the registry of managed sheets;
 *   2. build every sheet into a hidden temp sheet (values, formats, tables, then native charts
 *      over its cells) and read back the managed sheets it will replace;
 *   3. swap: delete the old sheets, rename the temps, (re)define the report's workbook names
 *      (the Assumptions inputs, which the formulas read), write formulas, update the registry.
 * A batch larger than the request budget is split into extra syncs (only for very large
 * reports). A failure while building deletes the temps, leaving the workbook as it was.
 * A fill cut short with no chance to clean up (the runtime reloaded, or the clean-up itself was
 * refused) is undone by the next fill or recover(): sync 2 first records the fill's temp and
 * set-aside sheets in the settings (PENDING_KEY), and the registry's update clears the record.
 *
 * Charts are drawn in sync 2 over the temp sheet's cells, which hold the cached values by then;
 * a chart's series refer to its sheet, so they follow the rename in sync 3 (Excel updates the
 * references), and to its cells, so they follow the formulas written there.
 */
import { DefinedName, nameReference } from "../../report/definedNames";
import { Report } from "../../report/model";
import { SheetGrid, sheetGrid } from "../grid";
import { FillOptions, FillResult, SheetWriter } from "../sheetWriter";
import { uniqueSheetName } from "../sheetNames";
import { gridHash, rangeHash } from "./contentHash";
import { buildCommands, formulaCommands, pack } from "./plan";
import { XlContext, XlNamedItem, XlRange, XlRun, XlWorksheet } from "./port";
import { FillInterrupted } from "./hostFaults";
import { ManagedSheet, REGISTRY_KEY, Registry, parseRegistry, updateRegistry } from "./registry";
import { ALL_FEATURES, HostFeatures, featuresLeftOut } from "./requirements";
import { ChartPlan, chartCommands, sheetCharts } from "./sheetCharts";

/** Request budget per sync: Excel rejects requests over 5 MB; keep a margin for envelopes. */
export const SYNC_BUDGET_BYTES = 4 * 1024 * 1024;

/** Settings key of the fill under way (its temp and set-aside sheets), cleared when it ends. */
export const PENDING_KEY = "chokepoint.pendingFill";

/** What undoing a fill needs to know of one target: its temp, and its set-aside old sheet's names. */
interface Undo {
  readonly temp: string;
  readonly trash: string;
  /** The managed sheet the fill replaces (its name before it was set aside). */
  readonly sheet?: string;
}

const undoOf = (t: Target): Undo => ({ temp: t.temp, trash: t.trash, ...(t.replaces ? { sheet: t.replaces.sheet } : {}) });

/** A stored pending record; anything unreadable counts as nothing pending. */
function parsePending(stored: unknown): Undo[] {
  try {
    const data = typeof stored === "string" ? (JSON.parse(stored) as unknown) : stored;
    if (!Array.isArray(data)) return [];
    return data.filter((u): u is Undo => typeof u === "object" && u !== null && typeof u.temp === "string" && typeof u.trash === "string" && (u.sheet === undefined || typeof u.sheet === "string"));
  } catch {
    return [];
  }
}

/** One queued command and its estimated request bytes. */
interface Step {
  readonly bytes: number;
  readonly apply: () => void;
}

interface Target {
  readonly grid: SheetGrid;
  readonly charts: readonly ChartPlan[];
  /** The sheet name this fill writes. */
  name: string;
  /** The managed sheet it replaces, if any. */
  readonly replaces?: ManagedSheet;
  /** Where the replaced sheet waits during the swap. */
  readonly temp: string;
  readonly trash: string;
}

export class ExcelSheetWriter implements SheetWriter {
  readonly host = "excel" as const;
  /** Set once the pane was told what this host's fills leave out (it is told once). */
  private toldLeftOut = false;
  constructor(
    private readonly run: XlRun,
    private readonly budget = SYNC_BUDGET_BYTES,
    /** What the host supports (requirements.ts); a missing feature is left out of every fill. */
    private readonly features: HostFeatures = ALL_FEATURES,
  ) {}

  async fill(report: Report, options: FillOptions = {}): Promise<FillResult> {
    const planned = report.sheets.map((s) => ({ grid: sheetGrid(s), charts: sheetCharts(s, report.charts) }));
    const names = report.names ?? [];
    const leftOut = featuresLeftOut(this.features, {
      charts: planned.some((p) => p.charts.length > 0),
      colorScales: planned.some((p) => p.grid.colorScales.length > 0),
      freezePanes: planned.some((p) => p.grid.freeze.rows > 0 || p.grid.freeze.cols > 0),
      dataValidation: planned.some((p) => p.grid.cells.some((r) => r.some((c) => c?.choices))),
    });
    const sheets = planned.map((p) => ({ ...p, charts: this.features.charts ? p.charts : [] }));
    const result = await this.run((context) => fillWorkbook(context, sheets, names, options, this.budget, this.features));
    if (leftOut.length === 0 || this.toldLeftOut) return result;
    this.toldLeftOut = true;
    return { ...result, leftOut };
  }

  /** Undoes a fill that was cut short (see the file comment); true if there was one. */
  async recover(): Promise<boolean> {
    return this.run(async (context) => {
      const pending = context.workbook.settings.getItemOrNullObject(PENDING_KEY);
      pending.load("value");
      await context.sync();
      const leftover = parsePending(pending.isNullObject ? null : pending.value);
      if (leftover.length > 0) await rollback(context, leftover);
      return leftover.length > 0;
    });
  }
}

type SheetPlan = Pick<Target, "grid" | "charts">;

async function fillWorkbook(context: XlContext, sheets: readonly SheetPlan[], definedNames: readonly DefinedName[], options: FillOptions, budget: number, features: HostFeatures): Promise<FillResult> {
  const { worksheets, settings, names: workbookNames } = context.workbook;
  // Sync 1: what is there.
  worksheets.load("items/name");
  workbookNames.load("items/name");
  const stored = settings.getItemOrNullObject(REGISTRY_KEY);
  stored.load("value");
  const pending = settings.getItemOrNullObject(PENDING_KEY);
  pending.load("value");
  await context.sync();
  const leftover = parsePending(pending.isNullObject ? null : pending.value);
  if (leftover.length > 0) {
    // An earlier fill was cut short: undo it first, then start again from what is there.
    await rollback(context, leftover);
    return fillWorkbook(context, sheets, definedNames, options, budget, features);
  }
  const registry = parseRegistry(stored.isNullObject ? null : stored.value);
  const names = worksheets.items.map((s) => s.name);
  const targets = planTargets(sheets, registry, names);
  const nameSet = new Set(definedNames.map((n) => n.name.toLowerCase()));

  // Sync 2 (more only past the budget): build the temps; read the sheets they replace.
  const temps: XlWorksheet[] = [];
  const record = JSON.stringify(targets.map(undoOf));
  const build: Step[] = [{ bytes: record.length + 200, apply: () => void settings.add(PENDING_KEY, record) }];
  build.push(...targets.flatMap((t, i) => [
    {
      bytes: 200,
      apply: () => {
        const sheet = worksheets.add(t.temp);
        sheet.visibility = "Hidden"; // never shown half-built
        temps[i] = sheet;
      },
    },
    ...[...buildCommands(t.grid, features, nameSet), ...chartCommands(t.charts)].map((c) => ({ bytes: c.bytes, apply: () => c.apply(temps[i]) })),
  ]));
  const current = new Map<Target, XlRange>();
  for (const t of targets) if (t.replaces) current.set(t, worksheets.getItem(t.replaces.sheet).getUsedRangeOrNullObject(true).load("address,formulas"));
  try {
    await syncAll(context, pack(build, budget));
  } catch (e) {
    return undo(context, targets, e);
  }

  // Between syncs: edited managed sheets are replaced only with the user's consent.
  const kept: string[] = [];
  const taken = [...names, ...targets.map((t) => t.name)];
  for (const t of targets) {
    const range = current.get(t);
    if (!range || !t.replaces) continue;
    const hash = range.isNullObject ? "" : rangeHash(range.address, range.formulas);
    if (hash === t.replaces.hash) continue;
    if (await (options.confirmReplace?.(t.name) ?? Promise.resolve(false))) continue;
    kept.push(t.name);
    t.name = uniqueSheetName(taken, t.name);
    taken.push(t.name);
    (t as { replaces?: ManagedSheet }).replaces = undefined;
  }

  // Sync 3 (more only past the budget): old sheets move aside, temps take their names, formulas
  // go in (their sheet names now exist), the old sheets go, and last the registry is updated.
  const swap: Step[] = [
    ...targets.flatMap((t): Step[] => (t.replaces ? [{ bytes: 200, apply: () => void (worksheets.getItem(t.replaces!.sheet).name = t.trash) }] : [])),
    ...targets.map((t, i): Step => ({
      bytes: 200,
      apply: () => {
        temps[i].name = t.name;
        temps[i].visibility = "Visible";
      },
    })),
    ...nameCommands(workbookNames, definedNames, registry, targets),
    ...targets.flatMap((t, i) => formulaCommands(t.grid).map((c): Step => ({ bytes: c.bytes, apply: () => c.apply(temps[i]) }))),
  ];
  // The last request deletes the set-aside sheets, updates the registry and clears the pending
  // record together, so a swap cut short between requests can always be undone.
  const written = targets.map((t): ManagedSheet => ({ sheet: t.name, source: t.grid.name, hash: gridHash(t.grid) }));
  const next: Registry = {
    ...updateRegistry(registry, written, targets.flatMap((t) => (t.replaces ? [t.replaces.sheet] : []))),
    names: definedNames.map((n) => n.name),
  };
  const finish: Step[] = [
    ...targets.flatMap((t): Step[] => (t.replaces ? [{ bytes: 200, apply: () => worksheets.getItem(t.trash).delete() }] : [])),
    {
      bytes: JSON.stringify(next).length + 200,
      apply: () => {
        settings.add(REGISTRY_KEY, JSON.stringify(next));
        settings.add(PENDING_KEY, "[]");
      },
    },
  ];
  if (temps.length > 0) finish.push({ bytes: 100, apply: () => temps[0].activate() });
  const batches = pack(swap, Math.max(1, budget - finish.reduce((n, c) => n + c.bytes, 0)));
  if (batches.length === 0) batches.push([]);
  batches[batches.length - 1].push(...finish);
  try {
    await syncAll(context, batches);
  } catch (e) {
    return undo(context, targets, e);
  }
  return { written: targets.map((t) => t.name), kept };
}

/**
 * The report's workbook names, each pointing at its cell on the sheet that now shows its report
 * sheet (a kept user's sheet may have pushed it to another name). A name of the same spelling is
 * deleted first (Excel refuses to add one twice), and so is any name an earlier fill defined
 * (the registry lists them) that this report no longer has, so none is left pointing at #REF!.
 */
function nameCommands(collection: XlContext["workbook"]["names"], definedNames: readonly DefinedName[], registry: Registry, targets: readonly Target[]): Step[] {
  const ours = new Set([...definedNames.map((n) => n.name), ...(registry.names ?? [])].map((n) => n.toLowerCase()));
  const sheetOf = new Map(targets.map((t) => [t.grid.name, t.name]));
  return [
    ...collection.items.filter((n: XlNamedItem) => ours.has(n.name.toLowerCase())).map((n): Step => ({ bytes: 100, apply: () => n.delete() })),
    // A name whose sheet this fill does not write (a partial report) is left out.
    ...definedNames.filter((n) => sheetOf.has(n.sheet)).map((n): Step => {
      const reference = `=${nameReference({ ...n, sheet: sheetOf.get(n.sheet) ?? n.sheet })}`;
      return { bytes: n.name.length + reference.length + 100, apply: () => void collection.add(n.name, reference) };
    }),
  ];
}

/** Each report sheet's destination: its managed sheet, its own name if free, else a fresh name. */
function planTargets(sheets: readonly SheetPlan[], registry: Registry, names: readonly string[]): Target[] {
  const exists = new Set(names.map((n) => n.toLowerCase()));
  const taken = [...names];
  const stamp = Date.now().toString(36).slice(-5);
  return sheets.map(({ grid, charts }, i) => {
    const replaces = registry.sheets.find((e) => e.source === grid.name && exists.has(e.sheet.toLowerCase()));
    const name = replaces ? replaces.sheet : uniqueSheetName(taken, grid.name);
    taken.push(name);
    const temp = uniqueSheetName(taken, `_cp_tmp_${stamp}_${i}`);
    const trash = uniqueSheetName([...taken, temp], `_cp_old_${stamp}_${i}`);
    taken.push(temp, trash);
    return { grid, charts, name, replaces, temp, trash };
  });
}

/** One sync per batch, with calculation and screen updates suspended while it runs. */
async function syncAll(context: XlContext, batches: readonly Step[][]): Promise<void> {
  for (const batch of batches) {
    if (batch.length === 0) continue;
    context.workbook.application.suspendApiCalculationUntilNextSync();
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const c of batch) c.apply();
    // The batches are few and bounded by the payload budget, not by the row count.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}

/** Rolls back after `cause`, then rethrows it; if the rollback fails too, says the next fill will finish it. */
async function undo(context: XlContext, targets: readonly Target[], cause: unknown): Promise<never> {
  try {
    await rollback(context, targets.map(undoOf));
  } catch {
    throw new FillInterrupted(cause);
  }
  throw cause;
}

/**
 * Undoes a failed fill: deletes the temp sheets, and where an old sheet was already moved
 * aside, deletes its half-done replacement and gives the old sheet its name back; then clears
 * the pending record.
 */
async function rollback(context: XlContext, targets: readonly Undo[]): Promise<void> {
  const { worksheets } = context.workbook;
  worksheets.load("items/name");
  await context.sync();
  const byName = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s]));
  for (const t of targets) {
    byName.get(t.temp.toLowerCase())?.delete();
    const old = byName.get(t.trash.toLowerCase());
    if (!old || t.sheet === undefined) continue;
    byName.get(t.sheet.toLowerCase())?.delete();
    old.name = t.sheet;
  }
  context.workbook.settings.add(PENDING_KEY, "[]");
  await context.sync();
}
