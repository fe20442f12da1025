/** Scenarios saved in the document: round trip, version field, unreadable data. */
import { BUILT_IN_SCENARIOS } from "../../src/engine";
import { BrowserStore, DocumentSettings, DocumentSettingsStore, STORE_KEY, STORE_VERSION, StoredScenario } from "../../src/taskpane/scenarioStore";

/** Office.context.document.settings: values kept in memory until saveAsync "persists" them. */
function fakeSettings(initial?: unknown) {
  const live = new Map<string, unknown>(initial === undefined ? [] : [[STORE_KEY, initial]]);
  const saved = new Map(live);
  let failSave = false;
  const settings: DocumentSettings = {
    get: (k) => (live.has(k) ? live.get(k) : null),
    set: (k, v) => void live.set(k, v),
    saveAsync: (cb) => {
      if (failSave) return cb?.({ status: "failed", error: { message: "disk full" } });
      for (const [k, v] of live) saved.set(k, v);
      cb?.({ status: "succeeded" });
    },
  };
  return { settings, saved, failNextSave: () => (failSave = true) };
}

const scenarios: StoredScenario[] = BUILT_IN_SCENARIOS.slice(0, 2).map((b) => ({ name: b.document.name, document: b.document }));

test("save then load gives the same scenarios, stored as versioned JSON", async () => {
  const { settings, saved } = fakeSettings();
  const store = new DocumentSettingsStore(settings);
  await store.save(scenarios);
  const raw = JSON.parse(String(saved.get(STORE_KEY)));
  expect(raw.version).toBe(STORE_VERSION);
  expect(raw.scenarios).toHaveLength(2);
  // a new store over the saved settings, as when the workbook is reopened
  const reopened = new DocumentSettingsStore(fakeSettings(saved.get(STORE_KEY)).settings);
  expect(await reopened.load()).toEqual({ scenarios: JSON.parse(JSON.stringify(scenarios)) });
});

test("an empty document has no scenarios and no notice", async () => {
  expect(await new DocumentSettingsStore(fakeSettings().settings).load()).toEqual({ scenarios: [] });
});

test.each([
  ["not JSON", "{oops", /not valid JSON/],
  ["no version", JSON.stringify({ scenarios: [] }), /unknown format/],
  ["a newer version", JSON.stringify({ version: 2, scenarios: [] }), /newer version/],
  ["a number", 42, /unknown format/],
])("corrupt data (%s) gives a notice, not a crash", async (_, raw, notice) => {
  const result = await new DocumentSettingsStore(fakeSettings(raw).settings).load();
  expect(result.scenarios).toEqual([]);
  expect(result.notice).toMatch(notice);
});

test("unreadable entries are skipped with a notice; the rest load", async () => {
  const raw = JSON.stringify({ version: 1, scenarios: [scenarios[0], { nameless: true }, "x"] });
  const result = await new DocumentSettingsStore(fakeSettings(raw).settings).load();
  expect(result.scenarios.map((s) => s.name)).toEqual([scenarios[0].name]);
  expect(result.notice).toMatch(/2 saved scenario/);
});

test("a failed saveAsync rejects, so the taskpane can say so", async () => {
  const f = fakeSettings();
  f.failNextSave();
  await expect(new DocumentSettingsStore(f.settings).save(scenarios)).rejects.toThrow("disk full");
});

test("the browser store round-trips through storage, and through memory when storage throws", async () => {
  const map = new Map<string, string>();
  const store = new BrowserStore({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) });
  await store.save(scenarios);
  expect((await new BrowserStore({ getItem: (k) => map.get(k) ?? null, setItem: () => undefined }).load()).scenarios).toHaveLength(2);
  const blocked = new BrowserStore({
    getItem: () => {
      throw new Error("SecurityError");
    },
    setItem: () => {
      throw new Error("QuotaExceededError");
    },
  });
  await blocked.save(scenarios);
  expect((await blocked.load()).scenarios).toHaveLength(2);
});
