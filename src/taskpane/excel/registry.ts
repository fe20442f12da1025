/**
 * Which sheets the add-in manages: a versioned JSON entry in the workbook's settings mapping
 * each written sheet to the report sheet it shows and the hash of what was written. A sheet
 * not listed here is the user's, and the writer never touches it.
 */
export const REGISTRY_KEY = "chokepoint.managedSheets";

export interface ManagedSheet {
  /** The worksheet's name in the workbook. */
  readonly sheet: string;
  /** The report sheet it shows (differs when a user's sheet already had that name). */
  readonly source: string;
  readonly hash: string;
}

export interface Registry {
  readonly version: 1;
  readonly sheets: readonly ManagedSheet[];
  /** The workbook names the last fill defined (so the next can delete those its report no longer has). */
  readonly names?: readonly string[];
}

const isEntry = (e: unknown): e is ManagedSheet =>
  typeof e === "object" && e !== null && ["sheet", "source", "hash"].every((k) => typeof (e as Record<string, unknown>)[k] === "string");

/** The registry from a stored setting; anything unreadable counts as "nothing managed" (the safe side). */
export function parseRegistry(stored: unknown): Registry {
  let data = stored;
  if (typeof stored === "string") {
    try {
      data = JSON.parse(stored) as unknown;
    } catch {
      data = null;
    }
  }
  const sheets = (data as { version?: unknown; sheets?: unknown } | null)?.sheets;
  if ((data as { version?: unknown } | null)?.version !== 1 || !Array.isArray(sheets)) return { version: 1, sheets: [] };
  const names = (data as { names?: unknown }).names;
  return { version: 1, sheets: sheets.filter(isEntry), ...(Array.isArray(names) ? { names: names.filter((n): n is string => typeof n === "string") } : {}) };
}

/** `registry` with `written` entries replacing those of the same sheet or source. */
export function updateRegistry(registry: Registry, written: readonly ManagedSheet[], removed: readonly string[]): Registry {
  const gone = new Set([...written.map((w) => w.sheet.toLowerCase()), ...removed.map((r) => r.toLowerCase())]);
  const sources = new Set(written.map((w) => w.source));
  const kept = registry.sheets.filter((e) => !gone.has(e.sheet.toLowerCase()) && !sources.has(e.source));
  return { version: 1, sheets: [...kept, ...written] };
}
