/**
 * Scenarios that travel with the workbook: a versioned JSON entry `{version: 1, scenarios}`
 * in Office document settings, or in localStorage / memory for the browser preview.
 * Unreadable data gives a notice and an empty list, never an exception.
 */
import { STORE_KEY, STORE_VERSION, StoreLoad, StoredScenario, deserializeStoredScenarios as deserialize, serializeStoredScenarios as serialize } from "../engine";
export { STORE_KEY, STORE_VERSION, serialize, deserialize };
export type { StoredScenario, StoreLoad };

export interface ScenarioStore {
  load(): Promise<StoreLoad>;
  save(scenarios: readonly StoredScenario[]): Promise<void>;
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
