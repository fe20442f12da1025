/**
 * The format of scenarios saved in a workbook (document settings): a versioned JSON entry
 * `{version: 1, scenarios: [{name, document}]}`. Shared by the taskpane, which saves them, and
 * the custom functions, which read them (=CHIPS.SCENARIO). Unreadable data is a notice, never a throw.
 */
export const STORE_KEY = "chokepoint.scenarios";
export const STORE_VERSION = 1;

export interface StoredScenario {
  readonly name: string;
  /** The scenario document as JSON data (docs/model.md's input format). */
  readonly document: unknown;
}

export interface StoreLoad {
  readonly scenarios: readonly StoredScenario[];
  /** Set when saved data could not be read (it is left untouched until the next save). */
  readonly notice?: string;
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

