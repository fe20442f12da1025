/** Built-in scenarios: every number has a source or says it is illustrative; each validates, evaluates, and its claim holds. */
import { Evaluation, Scenario, evaluate, effectiveSupply, formatProblem, validateScenario } from "../../../src/engine";
import { FACTS, POLICY_EVENTS } from "../../../src/engine/baseline/facts";
import { BUILT_IN_SCENARIOS, BuiltInScenario } from "../../../src/engine/baseline/scenarios";

const factIds = new Set(FACTS.map((f) => f.id));
const eventIds = new Set(POLICY_EVENTS.map((e) => e.id));
const factValue = (id: string) => FACTS.find((f) => f.id === id)?.value;

type Leaf = { path: string; value: unknown };

/** Every leaf of a JSON-like value with its path (`a.b[0].c`), skipping the provenance map itself. */
function leaves(value: unknown, path = ""): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (path === "" && k === "x-sources" ? [] : leaves(v, path ? `${path}.${k}` : k)));
  }
  return [{ path, value }];
}

/** Every path of a document, leaves and inner nodes, for checking that provenance keys name real fields. */
function allPaths(value: unknown, path = ""): string[] {
  const here = path ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => allPaths(v, `${path}[${i}]`))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => allPaths(v, path ? `${path}.${k}` : k))];
  return here;
}

/** The provenance entry covering a path: the path itself, or the per-period array it is an element of. */
function sourceOf(sources: Readonly<Record<string, string>>, path: string): { key: string; value: string } | undefined {
  if (sources[path] !== undefined) return { key: path, value: sources[path] };
  const parent = path.replace(/\[\d+\]$/, "");
  if (parent !== path && sources[parent] !== undefined) return { key: parent, value: sources[parent] };
  return undefined;
}

const references = (text: string) => [...text.matchAll(/\[(fact|event) ([^\]\s]+)\]/g)].map((m) => ({ kind: m[1], id: m[2] }));

function validated(s: BuiltInScenario): Scenario {
  const r = validateScenario(JSON.parse(JSON.stringify(s.document)));
  if (!r.ok) throw new Error(`${s.id}: ${r.problems.map(formatProblem).join("; ")}`);
  return r.value;
}

const cases = BUILT_IN_SCENARIOS.map((s) => [s.id, s] as const);

describe("the built-in set", () => {
  test("at least six scenarios with unique ids and names", () => {
    expect(BUILT_IN_SCENARIOS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(BUILT_IN_SCENARIOS.map((s) => s.id)).size).toBe(BUILT_IN_SCENARIOS.length);
    expect(new Set(BUILT_IN_SCENARIOS.map((s) => s.document.name)).size).toBe(BUILT_IN_SCENARIOS.length);
  });

  test.each(cases)("%s: FY2027Q1-Q4, a supply ramp, the four buyers, a one-line narrative and a claim", (_id, s) => {
    const d = s.document;
    expect(d.periods).toEqual(["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"]);
    expect(Array.isArray(d.market.supply)).toBe(true);
    const supply = d.market.supply as readonly number[];
    expect(supply).toHaveLength(4);
    for (let t = 1; t < supply.length; t++) expect(supply[t]).toBeGreaterThanOrEqual(supply[t - 1]);
    expect(supply[3]).toBeGreaterThan(supply[0]);
    expect(d.buyers.map((b) => b.name)).toEqual(expect.arrayContaining(["ByteDance", "Alibaba", "Tencent", "Others"]));
    for (const b of d.buyers) expect(Array.isArray(b.requested)).toBe(true);
    expect(s.narrative).not.toMatch(/\n/);
    expect(d.description).toBe(s.narrative);
    expect(s.claim.trim()).not.toBe("");
  });
});

describe("every shipped number has a source or the illustrative label", () => {
  test.each(cases)("%s: x-sources covers every numeric field", (_id, s) => {
    const sources = s.document["x-sources"];
    const numeric = leaves(s.document).filter((l) => typeof l.value === "number");
    expect(numeric.length).toBeGreaterThan(20);
    const uncovered = numeric.filter((l) => sourceOf(sources, l.path) === undefined).map((l) => l.path);
    expect(uncovered).toEqual([]);
  });

  test.each(cases)("%s: a numeric field cites a known fact id with the same value, or says why it is illustrative", (_id, s) => {
    const sources = s.document["x-sources"];
    for (const l of leaves(s.document).filter((x) => typeof x.value === "number")) {
      const src = sourceOf(sources, l.path);
      if (!src) continue;
      if (src.value.startsWith("illustrative")) {
        expect({ path: l.path, reason: src.value.replace(/^illustrative:?\s*/, "").length > 10 }).toEqual({ path: l.path, reason: true });
        continue;
      }
      expect({ path: l.path, known: factIds.has(src.value) }).toEqual({ path: l.path, known: true });
      const fact = factValue(src.value) as number;
      // Rounding allowed (e.g. $28,571.43 written as 28,571), nothing more.
      expect({ path: l.path, value: Math.abs((l.value as number) - fact) <= 0.01 * Math.abs(fact) }).toEqual({ path: l.path, value: true });
    }
  });

  test.each(cases)("%s: every provenance key names a field of the document and every id it cites exists", (_id, s) => {
    const sources = s.document["x-sources"];
    const paths = new Set(allPaths(s.document).filter((p) => !p.startsWith("x-sources")));
    for (const [key, value] of Object.entries(sources)) {
      expect({ key, exists: paths.has(key) }).toEqual({ key, exists: true });
      if (!value.startsWith("illustrative")) expect({ key, value, known: factIds.has(value) || eventIds.has(value) }).toEqual({ key, value, known: true });
      for (const ref of references(value)) {
        const known = ref.kind === "fact" ? factIds.has(ref.id) : eventIds.has(ref.id);
        expect({ key, ref: ref.id, known }).toEqual({ key, ref: ref.id, known: true });
      }
    }
  });

  test("the baseline China revenue is the default FY2026Q3 figure, carried forward", () => {
    for (const s of BUILT_IN_SCENARIOS) {
      expect(s.document["x-sources"]["market.baselineChinaRevenue"]).toBe("china_revenue.FY2026Q3.reuters");
      expect(FACTS.find((f) => f.id === "china_revenue.FY2026Q3.reuters")?.isDefault).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Claims, checked in code.
// ---------------------------------------------------------------------------------------

const allBuyers = (e: Evaluation) => e.periods.flatMap((p) => p.buyers.map((b) => ({ period: p.period, ...b })));
const period = (e: Evaluation, label: string) => {
  const p = e.periods.find((x) => x.period === label);
  if (!p) throw new Error(`no period ${label}`);
  return p;
};

const CLAIMS: Record<string, (e: Evaluation, s: Scenario, doc: BuiltInScenario["document"]) => void> = {
  "washington-only": (e, s) => {
    e.periods.forEach((p, t) => expect(p.totals.requested).toBeGreaterThan(s.market.supply[t]));
    for (const b of allBuyers(e)) expect({ period: b.period, buyer: b.name, binding: b.binding }).toEqual({ period: b.period, buyer: b.name, binding: "supply" });
  },
  "approval-and-unit-cap": (e, s) => {
    for (const label of ["FY2027Q3", "FY2027Q4"]) {
      const p = period(e, label);
      expect(p.totals.shipped).toBeLessThan(effectiveSupply(s, s.periods.indexOf(label)));
      for (const b of p.buyers) expect(["china_access", "domestic_ratio"]).toContain(b.binding);
    }
    expect(period(e, "FY2027Q4").buyers.find((b) => b.name === "Tencent")?.binding).toBe("domestic_ratio");
    expect(period(e, "FY2027Q1").buyers.some((b) => b.binding === "supply")).toBe(true);
  },
  "dollar-cap": (e, _s, doc) => {
    const q4 = period(e, "FY2027Q4");
    expect(q4.buyers.filter((b) => b.binding === "domestic_ratio").map((b) => b.name).sort()).toEqual(["Alibaba", "Others", "Tencent"]);
    // The same ratio on the units basis ships no more, in every period.
    const units = validateScenario({ ...doc, china: { ...doc.china, cap: { ...doc.china.cap, basis: "units" } } });
    if (!units.ok) throw new Error(units.problems.map(formatProblem).join("; "));
    const onUnits = evaluate(units.value);
    e.periods.forEach((p, t) => expect(p.totals.shipped).toBeGreaterThanOrEqual(onUnits.periods[t].totals.shipped));
  },
  "public-sector-ban": (e, s) => {
    const shares = new Map(s.buyers.map((b) => [b.name, b.publicSectorShare]));
    expect([...shares.values()].some((x) => x > 0)).toBe(true);
    for (const b of allBuyers(e)) {
      const removed = b.steps.china_access - b.steps.public_sector;
      if ((shares.get(b.name) ?? 0) > 0) expect(removed).toBeGreaterThan(0);
      else expect(removed).toBe(0);
    }
    expect(period(e, "FY2027Q4").buyers.find((b) => b.name === "Others")?.binding).toBe("public_sector");
  },
  "customs-block": (e, s) => {
    for (const b of allBuyers(e)) expect(b.shipped).toBe(0);
    e.periods.forEach((p, t) => {
      expect(p.totals.shipped).toBe(0);
      expect(p.totals.chinaRevenue).toBe(s.market.baselineChinaRevenue[t]);
    });
  },
  "us-rule-jan-2026": (e, s) => {
    const cap = s.us.chinaCapOfUsVolume as number;
    const us = s.us.usShipments as readonly number[];
    e.periods.forEach((p, t) => {
      expect(p.totals.shipped).toBeLessThanOrEqual(cap * us[t] + 1e-6);
      expect(cap * us[t]).toBeLessThan(s.market.supply[t]);
    });
    expect(allBuyers(e).some((b) => b.binding === "supply")).toBe(true);
  },
};

describe("each built-in scenario validates, evaluates, and its claim holds", () => {
  test("every scenario has a claim check", () => {
    expect(Object.keys(CLAIMS).sort()).toEqual(BUILT_IN_SCENARIOS.map((s) => s.id).sort());
  });

  test.each(cases)("%s", (id, s) => {
    const scenario = validated(s);
    const e = evaluate(scenario);
    expect(e.periods).toHaveLength(4);
    for (const b of allBuyers(e)) {
      expect(Number.isFinite(b.shipped)).toBe(true);
      expect(b.shipped).toBeGreaterThanOrEqual(0);
    }
    CLAIMS[id](e, scenario, s.document);
  });
});
