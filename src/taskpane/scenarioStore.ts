/**
 * Scenarios that travel with the workbook: a versioned JSON entry `{version: 1, scenarios}`
 * in Office document settings, or in localStorage / memory for the browser preview.
 * Unreadable data gives a notice and an empty list, never an exception.
 */
export const STORE_KEY = "chokepoint.scenarios";
export const STORE_VERSION = 1;

export interface StoredScenario {
  readonly name: string;
  /** The scenario document as JSON data (MODEL.md's input format). */
  readonly document: unknown;
}

export interface StoreLoad {
  readonly scenarios: readonly StoredScenario[];
  /** Set when saved data could not be read (it is left untouched until the next save). */
  readonly notice?: string;
}

export interface ScenarioStore {
  load(): Promise<StoreLoad>;
  save(scenarios: readonly StoredScenario[]): Promise<void>;
}

/** What a store keeps: one string. */
export function serialize(scenarios: readonly StoredScenario[]): string {
  return JSON.stringify({ version: STORE_VERSION, scenarios });
}

export function deserialize(raw: unknown): StoreLoad {
  if (raw === null || raw === undefined || raw === "") return { scenarios: [] };
  let data: unknown = raw;
  if (typeof raw === "string") {
    try {
      data = JSON.parse(raw);
    } catch {
      return { scenarios: [], notice: "The scenarios saved in this document are not valid JSON; none were loaded." };
    }
  }
  const d = data as { version?: unknown; scenarios?: unknown };
  if (typeof d !== "object" || d === null || typeof d.version !== "number" || !Array.isArray(d.scenarios)) {
    return { scenarios: [], notice: "The scenarios saved in this document are in an unknown format; none were loaded." };
  }
  if (d.version > STORE_VERSION) return { scenarios: [], notice: `The saved scenarios were written by a newer version (format ${d.version}); update the add-in to load them.` };
  const ok = d.scenarios.filter((s): s is StoredScenario => typeof s === "object" && s !== null && typeof (s as StoredScenario).name === "string" && "document" in s);
  const skipped = d.scenarios.length - ok.length;
  return skipped > 0 ? { scenarios: ok, notice: `${skipped} saved scenario(s) could not be read and were skipped.` } : { scenarios: ok };
}

/** The part of Office.context.document.settings the store uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export class DocumentSettingsStore implements ScenarioStore {
  constructor(private readonly settings: DocumentSettings) {}

  async load(): Promise<StoreLoad> {
    try {
      return deserialize(this.settings.get(STORE_KEY));
    } catch (e) {
      return { scenarios: [], notice: `Could not read the saved scenarios: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  save(scenarios: readonly StoredScenario[]): Promise<void> {
    this.settings.set(STORE_KEY, serialize(scenarios));
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((r) => (r.status === "failed" ? reject(new Error(r.error?.message ?? "settings.saveAsync failed")) : resolve())),
    );
  }
}

/** localStorage in the preview; memory where there is none (or it is blocked). */
export class BrowserStore implements ScenarioStore {
  private memory: string | null = null;
  constructor(private readonly storage: Pick<Storage, "getItem" | "setItem"> | null) {}

  async load(): Promise<StoreLoad> {
    try {
      return deserialize(this.storage ? this.storage.getItem(STORE_KEY) : this.memory);
    } catch {
      return deserialize(this.memory);
    }
  }

  async save(scenarios: readonly StoredScenario[]): Promise<void> {
    this.memory = serialize(scenarios);
    try {
      this.storage?.setItem(STORE_KEY, this.memory);
    } catch {
      // storage full or blocked: the memory copy serves this session
    }
  }
}
