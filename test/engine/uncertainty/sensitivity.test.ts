import { evaluateScenario, grid, scenarioMetric, sensitivity, swingInputsFrom, validateScenario } from "../../../src/engine";
import { MULTI, scenarioOf } from "./support";

/** evaluateScenario on the document with `set` applied: the independent reference. */
function direct(set: (doc: any) => void, metric: string, buyer: string | null = null, period: string | null = null): number {
  const doc = JSON.parse(JSON.stringify(MULTI));
  set(doc);
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const e = evaluateScenario(v.value);
  if (!e.ok) throw new Error("evaluation failed");
  const m = scenarioMetric(e.value, metric, buyer, period);
  if (!m.ok || typeof m.value !== "number") throw new Error("metric");
  return m.value;
}

test("tornado values equal direct evaluations of the perturbed documents, sorted by swing", () => {
  const s = scenarioOf(MULTI);
  const r = sensitivity(s, {
    inputs: [
      { path: "china.approvalRate", low: 0.4, high: 0.8 },
      { path: "market.supply", low: 100000, high: 400000 },
      { path: "buyers[0].requested[1]", low: 0, high: 200000 },
      { path: "china.cap.basis", low: "none", high: "dollars" },
      { path: "us.exportsAllowed", low: false, high: true },
    ],
    outputs: ["totals.shipped", "buyers.ByteDance.shipped@FY2027Q2"],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const [shipped, byteDance] = r.value;
  expect(shipped.base).toBe(direct(() => undefined, "shipped"));
  const bar = (path: string) => shipped.bars.find((b) => b.path === path)!;
  expect(bar("china.approvalRate").atLow).toBe(direct((d) => (d.china.approvalRate = 0.4), "shipped"));
  expect(bar("china.approvalRate").atHigh).toBe(direct((d) => (d.china.approvalRate = 0.8), "shipped"));
  expect(bar("market.supply").atHigh).toBe(direct((d) => (d.market.supply = 400000), "shipped"));
  expect(bar("buyers[0].requested[1]").atHigh).toBe(direct((d) => (d.buyers[0].requested[1] = 200000), "shipped"));
  expect(bar("china.cap.basis").atHigh).toBe(direct((d) => (d.china.cap.basis = "dollars"), "shipped"));
  expect(bar("us.exportsAllowed").atLow).toBe(0);
  expect(bar("china.approvalRate").base).toBe(0.6);
  const swings = shipped.bars.map((b) => b.swing);
  expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  expect(byteDance.bars.find((b) => b.path === "buyers[0].requested[1]")!.atHigh).toBe(direct((d) => (d.buyers[0].requested[1] = 200000), "shipped", "ByteDance", "FY2027Q2"));
});

test("grid values equal direct evaluations of the perturbed documents", () => {
  const s = scenarioOf(MULTI);
  const rows = [0.2, 0.6, 1];
  const columns = ["units", "dollars", "none"];
  const r = grid(s, { rows: { path: "china.approvalRate", values: rows }, columns: { path: "china.cap.basis", values: columns }, outputs: ["totals.chinaRevenue"] });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  rows.forEach((rate, i) =>
    columns.forEach((basis, j) => {
      expect(r.value.outputs[0].values[i][j]).toBe(
        direct((d) => {
          d.china.approvalRate = rate;
          d.china.cap.basis = basis;
        }, "chinaRevenue"),
      );
    }),
  );
});

test("sensitivity problems name the input and the reason; the scenario is never modified", () => {
  const s = scenarioOf(MULTI);
  const before = JSON.stringify(s);
  const r = sensitivity(s, { inputs: [{ path: "china.approvalRate", low: -0.1, high: 0.5 }, { path: "china.nope", low: 1, high: 2 }], outputs: ["totals.shipped"] });
  expect(!r.ok && r.problems.map((p) => p.path)).toEqual(["inputs[1]"]);
  const r2 = sensitivity(s, { inputs: [{ path: "china.approvalRate", low: -0.1, high: 0.5 }], outputs: ["totals.shipped"] });
  expect(!r2.ok && r2.problems[0]).toMatchObject({ code: "range", path: "inputs[0].low" });
  expect(JSON.stringify(s)).toBe(before);
});

test("an out-of-range value's message states the value and what the field allows, once", () => {
  const s = scenarioOf(MULTI);
  const r = sensitivity(s, { inputs: [{ path: "china.approvalRate", low: 1.5, high: 0.5 }], outputs: ["totals.shipped"] });
  const message = !r.ok ? r.problems[0].message : "";
  expect(message).toMatch(/1\.5/);
  expect(message).not.toMatch(/range \[|e\+/);
  const r2 = sensitivity(s, { inputs: [{ path: "china.cap.basis", low: "chips", high: "dollars" }], outputs: ["totals.shipped"] });
  const enumMessage = !r2.ok ? r2.problems[0].message : "";
  expect(enumMessage).toBe('the value "chips" is not one of ' + '"none", "units", "dollars"');
});

test("swing inputs from distributions: P10/P90, false/true, first/last", () => {
  const s = scenarioOf(MULTI);
  const inputs = swingInputsFrom(s, [
    { path: "china.approvalRate", distribution: { dist: "uniform", min: 0.4, max: 0.8 } },
    { path: "china.publicSectorBan", distribution: { dist: "bernoulli", p: 0.3 } },
    { path: "china.cap.basis", distribution: { dist: "choice", values: ["units", "none", "dollars"] } },
  ]);
  expect(inputs[0].low).toBeCloseTo(0.44, 12);
  expect(inputs[0].high).toBeCloseTo(0.76, 12);
  expect(inputs.slice(1)).toEqual([
    { path: "china.publicSectorBan", low: false, high: true },
    { path: "china.cap.basis", low: "units", high: "dollars" },
  ]);
});

describe("version 2: a period's element and the new fields are inputs like any other", () => {
  const V2 = {
    ...MULTI,
    china: { ...MULTI.china, access: ["blocked", "approval", "approval", "open"], orderRate: [1, 0.5, 1, 1], cap: { basis: "units", ratio: 1, scope: "cumulative" } },
    buyers: MULTI.buyers.map((b, i) => (i === 0 ? { ...b, licensedUnits: 150000 } : b)),
  };
  function directV2(set: (doc: any) => void, metric: string, period: string | null = null): number {
    const doc = JSON.parse(JSON.stringify(V2));
    set(doc);
    const v = validateScenario(doc);
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const e = evaluateScenario(v.value);
    if (!e.ok) throw new Error("evaluation failed");
    const m = scenarioMetric(e.value, metric, null, period);
    if (!m.ok || typeof m.value !== "number") throw new Error("metric");
    return m.value;
  }

  test("one period's access, one period's order rate, a licence quantity and a scope, each swung alone", () => {
    const r = sensitivity(scenarioOf(V2), {
      inputs: [
        { path: "china.access[0]", low: "blocked", high: "open" },
        { path: "china.orderRate[1]", low: 0, high: 1 },
        { path: "buyers[0].licensedUnits", low: 0, high: 1e6 },
        { path: "china.cap.scope", low: "period", high: "cumulative" },
      ],
      outputs: ["totals.shipped", "totals.shipped@FY2027Q1", "totals.shipped@FY2027Q2"],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const bar = (path: string) => r.value[0].bars.find((b) => b.path === path)!;
    // Opening the first quarter moves shipments earlier; the cumulative caps keep the horizon's total the same.
    const firstQuarter = r.value[1].bars.find((b) => b.path === "china.access[0]")!;
    expect(firstQuarter.atHigh).toBe(directV2((d) => (d.china.access[0] = "open"), "shipped", "FY2027Q1"));
    expect(firstQuarter.swing).toBeGreaterThan(0);
    expect(bar("china.access[0]").swing).toBe(0);
    expect(bar("china.access[0]").atHigh).toBe(directV2((d) => (d.china.access[0] = "open"), "shipped"));
    expect(bar("china.orderRate[1]").atLow).toBe(directV2((d) => (d.china.orderRate[1] = 0), "shipped"));
    expect(bar("buyers[0].licensedUnits").atLow).toBe(directV2((d) => (d.buyers[0].licensedUnits = 0), "shipped"));
    expect(bar("china.cap.scope").atLow).toBe(directV2((d) => (d.china.cap.scope = "period"), "shipped"));
    // So is the second quarter's order rate: it moves that quarter's shipments, not the horizon's.
    const secondQuarter = r.value[2].bars.find((b) => b.path === "china.orderRate[1]")!;
    expect(secondQuarter.atLow).toBe(directV2((d) => (d.china.orderRate[1] = 0), "shipped", "FY2027Q2"));
    expect(secondQuarter.swing).toBeGreaterThan(0);
    // The licence and the scope move the horizon's total.
    expect(bar("buyers[0].licensedUnits").swing).toBeGreaterThan(0);
    expect(bar("china.cap.scope").swing).toBeGreaterThan(0);
  });

  test("an element past the last period, or of a field that has none, is refused with the reason", () => {
    const r = sensitivity(scenarioOf(V2), { inputs: [{ path: "china.access[9]", low: "open", high: "blocked" }], outputs: ["totals.shipped"] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/period/);
  });
});
