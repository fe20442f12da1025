/**
 * The Sensitivity sheet: tornado and grid figures are the engine's (sensitivity, grid, and a
 * plain evaluate of the scenario with the input set), and in native mode each is a formula that
 * a spreadsheet engine (HyperFormula) recomputes to the same number, following edits of the
 * Low/High and axis cells.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { InputValue, Scenario, TOTAL_METRICS, evaluate, grid, sensitivity, swingInputsFrom, readUncertainty, validateScenario, formatProblem } from "../../src/engine";
import { Report, ReportCell, TableBlock, buildReport, inputLabel } from "../../src/report";
import { exampleInput } from "./support/examples";
import { builtInInputs } from "./support/builtIns";
import { allCells, sheet, table, tables } from "./support/model";
import { recalculated, recalculationErrors } from "./support/recalc";

const input = exampleInput("examples/uncertainty/monte-carlo.json");
const scenario = input.scenario;
const options = { uncertainty: { iterations: 2000 } };
const native = buildReport([input], options);
const values = buildReport([input], { ...options, mode: "values" });
const SENS = "Sensitivity";

/** The scenario document with `path` set to `value`, validated and evaluated: the figure without the uncertainty module. */
function direct(settings: readonly (readonly [string, InputValue])[], metric: (typeof TOTAL_METRICS)[number]): number {
  const doc = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  delete doc.uncertainty;
  for (const [path, value] of settings) {
    const keys = path.match(/[A-Za-z]+|\d+/g)!.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    let node = doc as Record<string | number, unknown>;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    node[keys[keys.length - 1]] = value;
  }
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("; "));
  return evaluate(r.value).periods.reduce((s, p) => s + p.totals[metric], 0);
}

const spec = readUncertainty(scenario.uncertainty);
if (!spec.ok) throw new Error("the example's uncertainty block is invalid");
const swing = swingInputsFrom(scenario, spec.value.inputs);
const tornado = sensitivity(scenario, { inputs: swing, outputs: ["totals.chinaRevenue", "totals.shipped"] });
if (!tornado.ok) throw new Error("sensitivity failed");

const gridTable = (r: Report): TableBlock => table(r, SENS, /^Grid: /);

test("sheets: Sensitivity and Monte Carlo after Comparison; none with include: false or without a block", () => {
  // The scenario itself is called "Monte Carlo": the results sheet keeps its name, the scenario's sheet says it is a scenario.
  expect(native.sheets.map((s) => s.name)).toEqual(["Summary", "Assumptions", "Monte Carlo scenario", "Comparison", "Sensitivity", "Monte Carlo", "Reported vs modelled", "Sources"]);
  expect(buildReport([input], { uncertainty: { include: false } }).sheets.map((s) => s.name)).toEqual(["Summary", "Assumptions", "Monte Carlo scenario", "Comparison", "Reported vs modelled", "Sources"]);
  expect(buildReport([exampleInput("base.json")]).sheets.map((s) => s.name)).toEqual(["Summary", "Assumptions", "Base", "Comparison", "Reported vs modelled", "Sources"]);
  const two = buildReport([input, { ...input, scenario: { ...scenario, name: "Other" } }], options);
  // With two, each is named after its scenario's sheet, shortened at a word to Excel's 31 characters.
  expect(two.sheets.map((s) => s.name)).toEqual([
    "Summary",
    "Assumptions",
    "Monte Carlo scenario",
    "Other",
    "Comparison",
    "Sensitivity - Monte Carlo",
    "Monte Carlo - Monte Carlo",
    "Sensitivity - Other",
    "Monte Carlo - Other",
    "Reported vs modelled",
    "Sources",
  ]);
  expect(new Set(two.charts.map((c) => c.id)).size).toBe(two.charts.length);
});

test("the built-in report has the sheets too (approval-and-unit-cap carries an illustrative block)", () => {
  const r = buildReport(builtInInputs(), options);
  expect(r.sheets.map((s) => s.name)).toContain("Sensitivity");
  expect(r.sheets.map((s) => s.name)).toContain("Monte Carlo");
  expect(recalculationErrors(r)).toEqual([]);
});

describe.each([
  ["native", native],
  ["values", values],
])("tornado (%s)", (_mode, report) => {
  test.each([
    [0, "China revenue", "chinaRevenue"],
    [1, "H200 shipped", "shipped"],
  ] as const)("output %i (%s): rows are the engine's bars, largest swing first, and equal a direct evaluate", (o, label, metric) => {
    const t = table(report, SENS, `Tornado: ${label}, all periods (largest swing first)`);
    const bars = tornado.value[o].bars;
    expect(t.rows.map((r) => r[0].value)).toEqual(bars.map((b) => inputLabel(scenario, b.path)));
    t.rows.forEach((r, i) => {
      const b = bars[i];
      expect(r[3].value).toBe(b.atLow);
      expect(r[4].value).toBe(b.atHigh);
      expect(r[5].value).toBe(b.swing);
      expect(b.atLow).toBeCloseTo(direct([[b.path, b.low]], metric), 3);
      expect(b.atHigh).toBeCloseTo(direct([[b.path, b.high]], metric), 3);
    });
    for (let i = 1; i < t.rows.length; i++) expect(t.rows[i][5].value as number).toBeLessThanOrEqual(t.rows[i - 1][5].value as number);
  });

  test("grid: the engine's grid() over the two largest China-revenue swings, 5 values from low to high", () => {
    const g = gridTable(report);
    const axes = [tornado.value[0].bars[0], tornado.value[0].bars[1]];
    const colValues = g.rows[0].slice(1).map((c) => c.value);
    const rowValues = g.rows.slice(1).map((r) => r[0].value);
    const spread = (b: (typeof axes)[number]) => (typeof b.low === "number" ? [0, 1, 2, 3, 4].map((k) => (k === 4 ? b.high : (b.low as number) + (((b.high as number) - (b.low as number)) * k) / 4)) : [b.low, b.high]);
    expect(rowValues).toEqual(spread(axes[0]));
    expect(colValues).toEqual(spread(axes[1]));
    const engine = grid(scenario, { rows: { path: axes[0].path, values: rowValues as InputValue[] }, columns: { path: axes[1].path, values: colValues as InputValue[] }, outputs: ["totals.chinaRevenue"] });
    if (!engine.ok) throw new Error("grid failed");
    g.rows.slice(1).forEach((r, i) =>
      r.slice(1).forEach((c, j) => {
        expect(c.value).toBe(engine.value.outputs[0].values[i][j]);
        expect(c.value as number).toBeCloseTo(direct([[axes[0].path, rowValues[i] as InputValue], [axes[1].path, colValues[j] as InputValue]], "chinaRevenue"), 3);
      }),
    );
    expect(g.colorScale).toEqual({ row: g.row + 3, col: 2, rows: rowValues.length, cols: colValues.length });
  });
});

test("values mode: no formulas and no calculation blocks", () => {
  const s = sheet(values, SENS);
  expect(tables(s).some((t) => t.title.startsWith("Calculation"))).toBe(false);
  expect(allCells(values).filter((c) => c.sheet === SENS && c.cell.formula !== undefined)).toEqual([]);
});

test("native: every tornado and grid figure is a formula; HyperFormula recomputes the engine's numbers (native and live)", () => {
  const g = gridTable(native);
  for (const r of g.rows.slice(1)) for (const c of r.slice(1)) expect(c.formula).toMatch(/^[A-Z]+\d+$/); // a calculation block's total
  expect(g.rows.slice(1).flatMap((r) => r.slice(1)).some((c) => /TABLE\(/.test(c.formula ?? ""))).toBe(false);
  const t = table(native, SENS, /^Tornado: China revenue/);
  for (const r of t.rows) expect([r[3].formula, r[4].formula]).toEqual([expect.stringMatching(/^[A-Z]+\d+$/), expect.stringMatching(/^[A-Z]+\d+$/)]);
  expect(recalculationErrors(native)).toEqual([]);
  expect(recalculationErrors(buildReport([input], { ...options, mode: "live" }), { chips: true })).toEqual([]);
});

/** A HyperFormula workbook of the report, values and formulas as written, with its defined names. */
const workbook = (report: Report): HyperFormula => recalculated(report);

const valueAt = (hf: HyperFormula, sheetName: string, row: number, col: number): number => {
  const v = hf.getCellValue({ sheet: hf.getSheetId(sheetName) as number, row: row - 1, col: col - 1 });
  if (v instanceof DetailedCellError || typeof v !== "number") throw new Error(`${sheetName}!R${row}C${col}: ${String(v)}`);
  return v;
};

test("native: changing a grid axis cell, a tornado Low cell or an Assumptions input recomputes the figures as the engine would", () => {
  const g = gridTable(native);
  const rowAxis = tornado.value[0].bars[0];
  const colAxis = tornado.value[0].bars[1];
  const numeric = typeof colAxis.low === "number" ? colAxis : rowAxis;
  expect(typeof numeric.low).toBe("number");
  const hf = workbook(native);
  const id = hf.getSheetId(SENS) as number;
  try {
    // A column-axis (or row-axis) value moved: the grid's cells there follow.
    const onColumns = numeric === colAxis;
    const axisAt = onColumns ? { row: g.row + 2, col: 2 } : { row: g.row + 3, col: 1 };
    const moved = ((numeric.low as number) + (numeric.high as number)) / 2 + 0.01 * (numeric.high as number);
    const before = valueAt(hf, SENS, g.row + 3, 2);
    hf.setCellContents({ sheet: id, row: axisAt.row - 1, col: axisAt.col - 1 }, [[moved]]);
    const other = onColumns ? g.rows[1][0].value : g.rows[0][1].value;
    const want = direct(
      onColumns
        ? [
            [rowAxis.path, other as InputValue],
            [colAxis.path, moved],
          ]
        : [
            [rowAxis.path, moved],
            [colAxis.path, other as InputValue],
          ],
      "chinaRevenue",
    );
    const after = valueAt(hf, SENS, g.row + 3, 2);
    expect(after).not.toBe(before);
    expect(after).toBeCloseTo(want, 3);

    // A tornado Low value edited: its row's "at low" follows.
    const inputs = table(native, SENS, /^Tornado inputs/);
    const k = inputs.rows.findIndex((r) => r[0].value === "Share of requested volume Beijing approves");
    hf.setCellContents({ sheet: id, row: inputs.row + 2 + k - 1, col: 1 }, [[0.5]]);
    const t = table(native, SENS, /^Tornado: China revenue/);
    const i = t.rows.findIndex((r) => r[0].value === "Share of requested volume Beijing approves");
    expect(valueAt(hf, SENS, t.row + 2 + i, 4)).toBeCloseTo(direct([["china.approvalRate", 0.5]], "chinaRevenue"), 3);
  } finally {
    hf.destroy();
  }
});

test("the file's uncertainty.grid picks the axes, their values and the output", () => {
  const doc = {
    ...(JSON.parse(JSON.stringify(scenario)) as Scenario),
    uncertainty: { ...(scenario.uncertainty as object), grid: { rows: { path: "china.approvalRate", values: [0.5, 0.7] }, columns: "market.supply[0]", output: "totals.shipped" } },
  };
  const r = buildReport([{ ...input, scenario: doc, evaluation: evaluate(doc) }], options);
  const g = gridTable(r);
  expect(g.title).toMatch(/^Grid: H200 shipped, all periods/);
  expect(g.rows.slice(1).map((x) => x[0].value)).toEqual([0.5, 0.7]);
  expect(g.rows[0]).toHaveLength(6); // 5 values of market.supply[0], P10..P90 of its normal
  expect(recalculationErrors(r)).toEqual([]);
  const notes = sheet(r, SENS).blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
  expect(notes.some((n) => n.includes("as set in the file's uncertainty.grid"))).toBe(true);

  const bad = { ...doc, uncertainty: { ...(scenario.uncertainty as object), grid: { rows: "china.nope", columns: "market.supply[0]" } } };
  const rb = buildReport([{ ...input, scenario: bad, evaluation: evaluate(bad) }], options);
  const badNotes = sheet(rb, SENS).blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
  expect(badNotes.some((n) => n.startsWith("Grid: ") && n.includes("china.nope"))).toBe(true);
  expect(tables(sheet(rb, SENS)).some((t) => t.title.startsWith("Grid:"))).toBe(false);
});

test("an invalid uncertainty block: the sheets say why, the rest of the report is built", () => {
  const bad = { ...scenario, uncertainty: { inputs: { "china.approvalRate": { dist: "uniform", min: 0.8, max: 0.4 } } } };
  const r = buildReport([{ ...input, scenario: bad, evaluation: evaluate(bad) }]);
  const notes = sheet(r, SENS).blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));
  expect(notes.some((n) => n.includes("uncertainty.inputs"))).toBe(true);
  expect(tables(sheet(r, SENS))).toEqual([]);
});

test("charts: a horizontal tornado ChartSpec per output (change from base), bars named by input with their low/high values, and sheet charts reading the chart-data tables", () => {
  const spec0 = native.charts.find((c) => c.id === "tornado-chinaRevenue-monte-carlo")!;
  const bars = tornado.value[0].bars;
  expect(spec0).toMatchObject({ kind: "bar", orientation: "horizontal" });
  expect(spec0.categories).toEqual(bars.map((b) => inputLabel(scenario, b.path)));
  for (const c of spec0.categories) expect(c).not.toMatch(/^(us|china|market|buyers)[.[]/);
  expect(spec0.ends).toHaveLength(bars.length);
  expect(spec0.ends![0]).toEqual([expect.stringMatching(/^at /), expect.stringMatching(/^at /)]);
  expect(spec0.series.map((s) => s.values)).toEqual([bars.map((b) => b.atLow - tornado.value[0].base), bars.map((b) => b.atHigh - tornado.value[0].base)]);
  const s = sheet(native, SENS);
  expect(s.charts?.map((c) => c.chart)).toEqual(["tornado-chinaRevenue-monte-carlo", "tornado-shipped-monte-carlo"]);
  const chart = s.charts![0];
  const data = table(native, SENS, /^Tornado chart data: China revenue/);
  expect(chart.data).toEqual({ row: data.row + 1, col: 1, rows: data.rows.length + 1, cols: 3 });
  expect(chart.seriesBy).toBe("columns");
  const cells: ReportCell[][] = data.rows as ReportCell[][];
  expect(cells.map((r) => r[1].value)).toEqual(spec0.series[0].values);
});

test("readUncertainty: the optional grid field (a path or {path, values}; output), and its problems with field paths", () => {
  const inputs = { "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 } };
  const ok = readUncertainty({ inputs, grid: { rows: "china.approvalRate", columns: { path: "market.supply[0]", values: [4e4, 8e4] }, output: "totals.shipped" } });
  expect(ok.ok && ok.value.grid).toEqual({ rows: { path: "china.approvalRate" }, columns: { path: "market.supply[0]", values: [4e4, 8e4] }, output: "totals.shipped" });
  expect(readUncertainty({ inputs }).ok && "grid" in (readUncertainty({ inputs }) as { value: object }).value).toBe(false);
  const bad = readUncertainty({ inputs, grid: { rows: 3, columns: { path: "x", values: [] }, extra: 1 } });
  expect(bad.ok ? [] : bad.problems.map((p) => p.path).sort()).toEqual(["uncertainty.grid.columns.values", "uncertainty.grid.extra", "uncertainty.grid.rows"]);
  const notObject = readUncertainty({ inputs, grid: [] });
  expect(notObject.ok ? [] : notObject.problems.map((p) => p.path)).toEqual(["uncertainty.grid"]);
});

test("native and live: the calculation blocks of a cumulative scenario (cumulative cap, licence quota, cumulative China-to-US cap) recompute the engine's numbers", () => {
  const doc = JSON.parse(JSON.stringify(scenario)) as { us: Record<string, unknown>; china: { cap: Record<string, unknown> }; buyers: Record<string, unknown>[] };
  const v2 = (scope: "period" | "cumulative") => {
    const d = JSON.parse(JSON.stringify(doc));
    d.china.cap.scope = scope;
    d.us = { ...d.us, chinaCapOfUsVolume: 0.5, usShipments: [100000, 150000, 200000, 250000], chinaCapScope: scope };
    d.buyers[0] = { ...d.buyers[0], licensedUnits: 150000 };
    const r = validateScenario(d);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join("; "));
    return r.value;
  };
  const cumulative = v2("cumulative");
  // The cumulative limits change the numbers, so the blocks' cumulative formulas are exercised.
  const shipped = (s: Scenario) => evaluate(s).periods.map((p) => p.totals.shipped);
  expect(shipped(cumulative)).not.toEqual(shipped(v2("period")));
  const report = buildReport([{ scenario: cumulative, evaluation: evaluate(cumulative) }], options);
  expect(tables(sheet(report, SENS)).some((t) => t.title.startsWith("Calculation"))).toBe(true);
  expect(recalculationErrors(report)).toEqual([]);
  expect(recalculationErrors(buildReport([{ scenario: cumulative, evaluation: evaluate(cumulative) }], { ...options, mode: "live" }), { chips: true })).toEqual([]);
});
