/**
 * Every default number the product ships — the data set, the built-in scenarios, the example
 * files — has a source with a date and a confidence mark, or says it is ILLUSTRATIVE.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { FACTS, POLICY_EVENTS } from "../../../src/engine/baseline/facts";
import { BUILT_IN_SCENARIOS } from "../../../src/engine/baseline/scenarios";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const EXAMPLES = path.join(ROOT, "examples");

type Leaf = { path: string; value: unknown };

/** Every leaf with its path (`a.b[0].c`), skipping the provenance map and the schema pointer. */
function leaves(value: unknown, at = ""): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (at === "" && (k === "x-sources" || k === "$schema") ? [] : leaves(v, at ? `${at}.${k}` : k)));
  }
  return [{ path: at, value }];
}

/** The provenance entries that may cover a path: itself, any enclosing field, and the same with list indices as [*]. */
function coveringKeys(p: string): string[] {
  const keys: string[] = [];
  let cur = p;
  for (;;) {
    keys.push(cur, cur.replace(/\[\d+\]/g, "[*]"));
    const cut = Math.max(cur.lastIndexOf("."), cur.lastIndexOf("["));
    if (cut <= 0) break;
    cur = cur.slice(0, cut);
  }
  return keys;
}

const dated = (text: string) => /\b20\d\d\b/.test(text);
const marked = (text: string) => /\[(H|M|L)\b[^\]]*\]|confidence [HML]\b/.test(text);
/** A provenance text that cites (a date and a confidence mark) or says ILLUSTRATIVE. */
const cites = (text: string) => /ILLUSTRATIVE/i.test(text) || (dated(text) && marked(text));

/** What a shipped text may not name: machine paths, the shared research files, the internal model contract. */
const OUTSIDE = /\/work\/|\/home\/|\/tmp\/|[A-Z]:\\\\|\.\.\/shared|facts\.md|fact-notes|facts-2026|seed-article\.txt|MODEL\.md|research\//;

const factsById = new Map(FACTS.map((f) => [f.id, f]));
const eventsById = new Map(POLICY_EVENTS.map((e) => [e.id, e]));

describe("the data set", () => {
  test.each(FACTS.map((f) => [f.id, f] as const))("%s: a source, a confidence mark, and a date (or a source the note calls undated)", (_id, f) => {
    expect(f.source.title.trim()).not.toBe("");
    expect(["H", "M", "L"]).toContain(f.confidence);
    expect({ id: f.id, dated: f.date !== null || f.source.date === null }).toEqual({ id: f.id, dated: true });
  });

  test("no figure, source or event points outside the repository (no research file names, no machine paths)", () => {
    const text = fs.readFileSync(path.join(ROOT, "src", "engine", "baseline", "facts.json"), "utf8");
    expect(text).not.toMatch(OUTSIDE);
  });

  test("every policy event has a date and a confidence mark", () => {
    for (const e of POLICY_EVENTS) expect({ id: e.id, ok: /^\d{4}/.test(e.date) && ["H", "M", "L"].includes(e.confidence) }).toEqual({ id: e.id, ok: true });
  });
});

describe("the built-in scenarios", () => {
  test("no built-in's text points outside the repository", () => {
    expect(JSON.stringify(BUILT_IN_SCENARIOS)).not.toMatch(OUTSIDE);
  });

  test.each(BUILT_IN_SCENARIOS.map((s) => [s.id, s] as const))("%s: every number cites a dated, marked fact or event, or is ILLUSTRATIVE", (_id, s) => {
    const sources = s.document["x-sources"];
    for (const leaf of leaves(s.document).filter((l) => typeof l.value === "number")) {
      const key = coveringKeys(leaf.path).find((k) => sources[k] !== undefined);
      const entry = key === undefined ? undefined : sources[key];
      const fact = entry === undefined ? undefined : factsById.get(entry);
      const event = entry === undefined ? undefined : eventsById.get(entry);
      const ok =
        entry !== undefined &&
        (entry.startsWith("illustrative") || (fact !== undefined && (fact.date !== null || fact.source.date === null)) || (event !== undefined && event.date !== ""));
      expect({ path: leaf.path, entry, ok }).toEqual({ path: leaf.path, entry, ok: true });
    }
  });
});

const exampleFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? exampleFiles(path.join(dir, d.name)) : /\.(json|ya?ml)$/.test(d.name) ? [path.join(dir, d.name)] : []));

const examples = exampleFiles(EXAMPLES).map((f) => [path.relative(ROOT, f), f] as const);

describe("the example files", () => {
  test("there are examples to check", () => expect(examples.length).toBeGreaterThanOrEqual(5));

  test.each(examples)("%s: every number has a provenance entry that cites a dated, marked source or says ILLUSTRATIVE", (_name, file) => {
    const text = fs.readFileSync(file, "utf8");
    const doc = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
    const sources = (doc["x-sources"] ?? {}) as Record<string, string>;
    const bad = leaves(doc)
      .filter((l) => typeof l.value === "number")
      .flatMap((l) => {
        const key = coveringKeys(l.path).find((k) => sources[k] !== undefined);
        return key !== undefined && cites(sources[key]) ? [] : [key === undefined ? `${l.path}: no entry` : `${l.path}: ${key} cites no dated, marked source`];
      });
    expect(bad).toEqual([]);
  });

  test.each(examples)("%s: no machine paths and no pointer outside the repository", (_name, file) => {
    const text = fs.readFileSync(file, "utf8");
    expect(text).not.toMatch(OUTSIDE);
  });
});
