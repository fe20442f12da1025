/** Built-in scenarios: every number has a source or says it is illustrative; each validates, evaluates, and its claim holds. */
import { Evaluation, Scenario, evaluate, formatProblem, validateScenario } from "../../../src/engine";
import { FACTS, POLICY_EVENTS } from "../../../src/engine/baseline/facts";
import { reportedQuarters } from "../../../src/engine/baseline/reported";
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

const FORWARD = ["FY2027Q3", "FY2027Q4", "FY2028Q1", "FY2028Q2", "FY2028Q3", "FY2028Q4"];
const forward = BUILT_IN_SCENARIOS.filter((s) => s.id !== "december-2025-view");
const evaluated = (s: BuiltInScenario) => evaluate(validated(s));

describe("the built-in set", () => {
  test("seven scenarios with unique ids and names, the December 2025 view among them", () => {
    expect(BUILT_IN_SCENARIOS.map((s) => s.id)).toEqual(["status-quo", "licence-quotas", "ratio-cap-units", "ratio-cap-dollars", "beijing-blocks", "bis-cap-binds", "december-2025-view"]);
    expect(new Set(BUILT_IN_SCENARIOS.map((s) => s.document.name)).size).toBe(BUILT_IN_SCENARIOS.length);
  });

  test("the forward stories cover the quarters after the last reported one, FY2027Q3-FY2028Q4", () => {
    const last = reportedQuarters("chinaRevenue", "hq").pop() as string;
    expect(last).toBe("FY2027Q2");
    for (const s of forward) expect(s.document.periods).toEqual(FORWARD);
    expect(FORWARD[0] > last).toBe(true);
  });

  test("the forward baselines are on the customer-HQ basis, from the last reported quarter's run-rate", () => {
    for (const s of forward) {
      const id = s.document["x-sources"]["market.baselineChinaRevenue"];
      const fact = FACTS.find((f) => f.id === id);
      expect(fact).toMatchObject({ basis: "hq", period: "FY2027Q2", isDefault: true });
      expect(s.document.market.baselineChinaRevenue).toEqual(FORWARD.map(() => fact?.value));
    }
  });

  test("no two built-ins give the same China revenue path", () => {
    const paths = BUILT_IN_SCENARIOS.map((s) => JSON.stringify(evaluated(s).periods.map((p) => [p.period, Math.round(p.totals.chinaRevenue)])));
    expect(new Set(paths).size).toBe(BUILT_IN_SCENARIOS.length);
  });

  test.each(cases)("%s: a one-line description that says what binds and when, and a claim", (_id, s) => {
    expect(s.narrative).not.toMatch(/\n/);
    expect(s.document.description).toBe(s.narrative);
    expect(s.narrative).toMatch(/\bbinds?\b/);
    expect(s.narrative).toMatch(/FY20\d\dQ[1-4]/);
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
});

// ---------------------------------------------------------------------------------------
// Claims, checked in code: each checks the story's point.
// ---------------------------------------------------------------------------------------

type Row = Evaluation["periods"][number]["buyers"][number] & { period: string };
const rows = (e: Evaluation): Row[] => e.periods.flatMap((p) => p.buyers.map((b) => ({ period: p.period, ...b })));
const inPeriods = (e: Evaluation, periods: readonly string[]) => rows(e).filter((r) => periods.includes(r.period));
const bindings = (e: Evaluation, periods: readonly string[]) => [...new Set(inPeriods(e, periods).map((r) => r.binding))];
const PAUSED = ["FY2027Q3", "FY2027Q4"];
const ORDERING = ["FY2028Q1", "FY2028Q2", "FY2028Q3", "FY2028Q4"];
const shippedBy = (e: Evaluation, name: string) => rows(e).filter((r) => r.name === name).map((r) => r.shipped);
const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function ordersPausedFirst(e: Evaluation) {
  expect(bindings(e, PAUSED)).toEqual(["orders"]);
  for (const r of inPeriods(e, PAUSED)) expect(r.shipped).toBe(0);
}

const CLAIMS: Record<string, (e: Evaluation, s: Scenario) => void> = {
  "status-quo": (e, s) => {
    expect(bindings(e, FORWARD)).toEqual(["orders"]);
    for (const r of rows(e)) expect(r.shipped).toBe(0);
    e.periods.forEach((p, t) => expect(p.totals.chinaRevenue).toBe(s.market.baselineChinaRevenue[t]));
  },
  "licence-quotas": (e, s) => {
    ordersPausedFirst(e);
    const bindingOf = (name: string, period: string) => rows(e).find((r) => r.name === name && r.period === period)?.binding;
    for (const name of ["ByteDance", "Alibaba", "Tencent"]) for (const p of ["FY2028Q2", "FY2028Q3", "FY2028Q4"]) expect({ name, p, b: bindingOf(name, p) }).toEqual({ name, p, b: "us_license" });
    expect(bindingOf("JD.com", "FY2028Q3")).toBe("none");
    expect(bindingOf("JD.com", "FY2028Q4")).toBe("us_license");
    expect(rows(e).filter((r) => r.name === "Six other licensed firms").map((r) => r.binding)).not.toContain("us_license");
    s.buyers.forEach((b) => expect(total(shippedBy(e, b.name))).toBeLessThanOrEqual(b.licensedUnits[0] as number));
    expect(shippedBy(e, "ByteDance")).toEqual([0, 0, 60_000, 15_000, 0, 0]);
  },
  "ratio-cap-units": (e, s) => {
    ordersPausedFirst(e);
    expect(bindings(e, ORDERING)).toEqual(["domestic_ratio"]);
    s.buyers.forEach((b) => {
      const shipped = shippedBy(e, b.name);
      shipped.forEach((_x, t) => expect(total(shipped.slice(0, t + 1))).toBeLessThanOrEqual(b.domesticUnits[t] + 1e-6));
    });
    expect(rows(e).map((r) => r.binding)).not.toContain("us_license");
  },
  "ratio-cap-dollars": (e) => {
    ordersPausedFirst(e);
    expect(bindings(e, ORDERING)).toEqual(["domestic_ratio"]);
    const units = evaluated(BUILT_IN_SCENARIOS.find((x) => x.id === "ratio-cap-units") as BuiltInScenario);
    const shipped = (x: Evaluation) => total(x.periods.map((p) => p.totals.shipped));
    expect(shipped(e)).toBeGreaterThan(shipped(units));
  },
  "beijing-blocks": (e) => {
    ordersPausedFirst(e);
    for (const r of inPeriods(e, ["FY2028Q1"])) expect(r.shipped).toBe(r.steps.requested);
    expect(bindings(e, ["FY2028Q2", "FY2028Q3", "FY2028Q4"])).toEqual(["china_access"]);
    for (const r of inPeriods(e, ["FY2028Q2", "FY2028Q3", "FY2028Q4"])) expect(r.shipped).toBe(0);
  },
  "bis-cap-binds": (e, s) => {
    ordersPausedFirst(e);
    expect(bindings(e, ORDERING)).toEqual(["supply"]);
    const us = s.us.usShipments as readonly number[];
    e.periods.forEach((_p, t) => {
      if (t < 2) return;
      const chinaSoFar = total(e.periods.slice(0, t + 1).map((p) => p.totals.shipped));
      expect(chinaSoFar).toBeCloseTo(0.5 * total(us.slice(0, t + 1)), 3);
    });
  },
  "december-2025-view": (e, s) => {
    expect(s.periods).toEqual(["FY2027Q1", "FY2027Q2"]);
    expect(bindings(e, s.periods)).toEqual(["supply"]);
    const doc = (BUILT_IN_SCENARIOS.find((x) => x.id === "december-2025-view") as BuiltInScenario).document;
    const cited = Object.values(doc["x-sources"]).flatMap((v) => (v.startsWith("illustrative") ? references(v).map((r) => r.id) : [v]));
    for (const id of cited) {
      const date = FACTS.find((f) => f.id === id)?.date ?? POLICY_EVENTS.find((x) => x.id === id)?.date ?? null;
      expect({ id, asOfDecember2025: date !== null && date <= "2025-12-31" }).toEqual({ id, asOfDecember2025: true });
    }
    expect(FACTS.find((f) => f.id === doc["x-sources"]["market.baselineChinaRevenue"])).toMatchObject({ basis: "billing", period: "FY2026Q3" });
  },
};

describe("each built-in scenario validates, evaluates, and its claim holds", () => {
  test("every scenario has a claim check", () => {
    expect(Object.keys(CLAIMS).sort()).toEqual(BUILT_IN_SCENARIOS.map((s) => s.id).sort());
  });

  test.each(cases)("%s", (id, s) => {
    const scenario = validated(s);
    const e = evaluate(scenario);
    expect(e.periods).toHaveLength(s.document.periods.length);
    for (const b of rows(e)) {
      expect(Number.isFinite(b.shipped)).toBe(true);
      expect(b.shipped).toBeGreaterThanOrEqual(0);
    }
    CLAIMS[id](e, scenario);
  });
});
