/**
 * Where =CHIPS.SCENARIO finds scenarios: those saved in the workbook (document settings, read
 * through the shared runtime the taskpane also uses) and the built-in ones. The Office read
 * is the only host call; tests replace it with `useSavedScenarioSource`.
 */
import { BUILT_IN_SCENARIOS, STORE_KEY, StoreLoad, deserializeStoredScenarios } from "../engine";

type Source = () => StoreLoad;

const officeSettings: Source = () => {
  const office = (globalThis as unknown as { Office?: { context?: { document?: { settings?: { get(name: string): unknown } } } } }).Office;
  const settings = office?.context?.document?.settings;
  return settings ? deserializeStoredScenarios(settings.get(STORE_KEY)) : { scenarios: [] };
};

let source: Source = officeSettings;

/** For tests and other hosts: where saved scenarios come from. */
export function useSavedScenarioSource(next: Source | null): void {
  source = next ?? officeSettings;
}

/** The saved scenario with this name (workbook first), else a built-in one by name or id. */
export function findScenarioDocument(name: string): { document: unknown } | { notice: string; names: string[] } {
  const saved = source();
  const hit = saved.scenarios.find((s) => s.name === name);
  if (hit) return { document: hit.document };
  const builtIn = BUILT_IN_SCENARIOS.find((s) => s.id === name || s.document.name === name);
  if (builtIn) return { document: builtIn.document };
  return { notice: saved.notice ?? "", names: [...saved.scenarios.map((s) => s.name), ...BUILT_IN_SCENARIOS.map((s) => s.document.name)] };
}
