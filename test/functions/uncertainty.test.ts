/**
 * CHIPS.SIMULATE, CHIPS.SENSITIVITY and CHIPS.SENSITIVITY_GRID: the same numbers as the engine's
 * simulate, sensitivity and grid on the same scenario, deterministic for a seed, and every bad
 * range an Excel error whose message says where and what to fix.
 */
import fs from "fs";
import path from "path";
import fc from "fast-check";
import { DetailedCellError } from "hyperformula";
import { OutputSummary, Scenario, grid, readUncertainty, sensitivity, simulate, validateScenario } from "../../src/engine";
// The registered CHIPS.SIMULATE, SENSITIVITY and SENSITIVITY_GRID return Promises (long ones run in
// the worker); their synchronous halves are tested here, and asyncCalcs.test.ts checks that the
// registered functions spill exactly what these do, in place and through the worker.
import { gridSpill as SENSITIVITY_GRID, sensitivitySpill as SENSITIVITY, simulateSpill as SIMULATE } from "../../src/functions/longCalcs";
import { FakeCustomFunctionsError, installCustomFunctions, outcome } from "../support/customFunctions";
import { chipsWorkbook } from "../support/hyperformula";
import { DISTRIBUTION_HEADER, Row, distributionsFromBlock, rect, tablesFromDoc } from "./scenarioTables";
import { lawRuns } from "../support/lawRuns";

beforeAll(installCustomFunctions);

type Doc = Record<string, any>;
const ROOT = path.join(__dirname, "../..");
const DOC: Doc = JSON.parse(fs.readFileSync(path.join(ROOT, "examples/uncertainty/monte-carlo.json"), "utf8"));
const { policy, buyers } = tablesFromDoc(DOC);
const BUYERS = rect(buyers);
const POLICY = rect(policy);
const DISTRIBUTIONS = rect(distributionsFromBlock(DOC.uncertainty.inputs));
const OUTPUTS: string[] = DOC.uncertainty.outputs;

function scenarioOf(doc: Doc): Scenario {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

/** The Excel error a call gives, as { code, message }; fails the test if the call returned a spill. */
function errorOf(f: () => unknown[][]): { code: string; message: string } {
  const r = outcome(f);
  if (Array.isArray(r)) throw new Error(`expected an Excel error, got a spill: ${JSON.stringify(r).slice(0, 300)}`);
  return r as { code: string; message: string };
}

const column = (values: unknown[]) => values.map((v) => [v]);

describe("CHIPS.SIMULATE", () => {
  test("equals the engine's simulate on the same scenario and spec, statistic by statistic", () => {
    const spill = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, column(OUTPUTS), [[2000]], [[2026]], [[5, 50, 95]]);
    const spec = readUncertainty(DOC.uncertainty, { iterations: 2000 });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    const r = simulate(scenarioOf(DOC), spec.value);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(spill[0]).toEqual(["statistic", ...OUTPUTS]);
    const expected: [string, (o: OutputSummary) => number][] = [
      ["mean", (o) => o.mean],
      ["sd", (o) => o.sd],
      ["min", (o) => o.min],
      ["max", (o) => o.max],
      ["P5", (o) => o.percentiles.P5],
      ["P50", (o) => o.p50],
      ["P95", (o) => o.percentiles.P95],
      ["iterations", () => 2000],
      ["seed", () => 2026],
    ];
    expect(spill.map((row) => row[0])).toEqual(["statistic", ...expected.map(([k]) => k)]);
    expected.forEach(([label, value], i) => expect(spill[i + 1]).toEqual([label, ...r.value.outputs.map(value)]));
    // The outputs really vary: the spill is not a constant table.
    expect(spill[2][1] as number).toBeGreaterThan(0);
    expect(spill[5][1] as number).toBeLessThan(spill[7][1] as number);
  });

  test("defaults: totals.chinaRevenue, 10,000 iterations, seed 1, P10/P50/P90", () => {
    const spill = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS);
    const spec = readUncertainty({ inputs: DOC.uncertainty.inputs }, { outputs: ["totals.chinaRevenue"] });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    expect(spec.value).toMatchObject({ iterations: 10000, seed: 1, percentiles: [10, 50, 90] });
    const r = simulate(scenarioOf(DOC), spec.value);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const o = r.value.outputs[0];
    expect(spill).toEqual([
      ["statistic", "totals.chinaRevenue"],
      ["mean", o.mean],
      ["sd", o.sd],
      ["min", o.min],
      ["max", o.max],
      ["P10", o.p10],
      ["P50", o.p50],
      ["P90", o.p90],
      ["iterations", 10000],
      ["seed", 1],
    ]);
  });

  test("the same seed gives the same spill; another seed gives other numbers", () => {
    const run = (seed: number) => SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, [["totals.shipped"]], [[3000]], [[seed]]);
    const a = run(7);
    expect(run(7)).toEqual(a);
    const b = run(8);
    expect(b[0]).toEqual(a[0]);
    expect(b[1][1]).not.toBe(a[1][1]); // means differ
    expect(b.slice(1, 8).some((row, i) => row[1] !== a[i + 1][1])).toBe(true);
  });

  test("a percentile given as one cell, numeric text and duplicates", () => {
    const spill = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[500]], null as never, [["97.5", 97.5, null]]);
    expect(spill.map((r) => r[0])).toEqual(["statistic", "mean", "sd", "min", "max", "P97.5", "iterations", "seed"]);
  });

  test("a choice with weights, numeric text in number cells, and columns in any order and case", () => {
    const distributions = [
      ["Dist", "INPUT", "max", "min", "values", "weights"],
      ["uniform", "china.approvalRate", "0.8", 0.4, null, null],
      ["choice", "china.cap.basis", null, null, "units, dollars", "0.7; 0.3"],
    ];
    const spill = SIMULATE(BUYERS, POLICY, distributions, [["totals.shipped"]], [[1000]], [[3]]);
    const r = simulate(
      scenarioOf(DOC),
      (() => {
        const s = readUncertainty(
          { inputs: { "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 }, "china.cap.basis": { dist: "choice", values: ["units", "dollars"], weights: [0.7, 0.3] } } },
          { iterations: 1000, seed: 3, outputs: ["totals.shipped"] },
        );
        if (!s.ok) throw new Error(JSON.stringify(s.problems));
        return s.value;
      })(),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(spill[1]).toEqual(["mean", r.value.outputs[0].mean]);
  });

  test("a choice over a flag takes 1/0 as TRUE/FALSE; blank list items (a trailing comma) are skipped", () => {
    const run = (values: string) => SIMULATE(BUYERS, POLICY, [["input", "dist", "values"], ["china.publicSectorBan", "choice", values]], [["totals.shipped"]], [[300]]);
    expect(run("1, 0,")).toEqual(run("TRUE, FALSE"));
    expect(run("TRUE, FALSE")).not.toEqual(run("FALSE, TRUE")); // the order of values matters to the draw, so the check above is not vacuous
  });

  test("a bernoulli on a flag and a normal without min/max", () => {
    const distributions = [
      ["input", "dist", "p", "mean", "sd"],
      ["china.publicSectorBan", "bernoulli", 0.5, null, null],
      ["market.supply[1]", "normal", null, 150000, 20000],
    ];
    const spill = SIMULATE(BUYERS, POLICY, distributions, [["totals.shipped"]], [[200]]);
    const spec = readUncertainty(
      { inputs: { "china.publicSectorBan": { dist: "bernoulli", p: 0.5 }, "market.supply[1]": { dist: "normal", mean: 150000, sd: 20000 } } },
      { iterations: 200, outputs: ["totals.shipped"] },
    );
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    const r = simulate(scenarioOf(DOC), spec.value);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(spill.slice(1, 4)).toEqual([
      ["mean", r.value.outputs[0].mean],
      ["sd", r.value.outputs[0].sd],
      ["min", r.value.outputs[0].min],
    ]);
  });

  describe("bad ranges give an Excel error saying what to fix, and never throw anything else", () => {
    const withRow = (row: Row) => [DISTRIBUTION_HEADER, row];
    const blank = (n: number) => new Array(n).fill(null);
    test.each([
      ["an unknown input path", withRow(["china.aprovalRate", "uniform", 0.4, null, 0.8, ...blank(5)]), "#VALUE!", 'distributions row 2: "china.aprovalRate" is not an input that can vary'],
      ["min above max", withRow(["china.approvalRate", "uniform", 0.8, null, 0.4, ...blank(5)]), "#NUM!", 'distributions row 2, column "max": must be at least min (0.8), got 0.4'],
      ["text where a number is expected", withRow(["china.approvalRate", "uniform", "low", null, 0.8, ...blank(5)]), "#VALUE!", 'distributions row 2, column "min": expected a finite number, got "low"'],
      ["a blank required cell", withRow(["china.approvalRate", "uniform", 0.4, null, null, ...blank(5)]), "#VALUE!", 'distributions row 2, column "max": required for a "uniform" distribution'],
      ["an unknown distribution", withRow(["china.approvalRate", "lognormal", 0.4, null, 0.8, ...blank(5)]), "#VALUE!", 'distributions row 2, column "dist": must be "uniform", "triangular", "normal", "bernoulli" or "choice", got "lognormal"'],
      ["a range outside the field's", withRow(["china.approvalRate", "uniform", 0.4, null, 1.5, ...blank(5)]), "#NUM!", "distributions row 2: "],
      ["a distribution that does not fit the input", withRow(["china.publicSectorBan", "uniform", 0, null, 1, ...blank(5)]), "#VALUE!", 'distributions row 2, column "dist": a true/false input takes "bernoulli" or "choice"'],
      ["a choice value the field does not take", withRow(["china.cap.basis", "choice", ...blank(6), "units, dolars", null]), "#NUM!", 'distributions row 2: the value "dolars" is not one of "none", "units", "dollars"'],
      ["the same input twice", [DISTRIBUTION_HEADER, ["china.approvalRate", "uniform", 0.4, null, 0.8, ...blank(5)], ["china.approvalRate", "uniform", 0.1, null, 0.2, ...blank(5)]], "#VALUE!", 'distributions row 3, column "input": "china.approvalRate" is already given in row 2'],
      ["an unknown column", [["input", "dist", "minimum"], ["china.approvalRate", "uniform", 0.4]], "#VALUE!", 'distributions header 3: unknown column "minimum"'],
      ["no dist column", [["input", "min", "max"], ["china.approvalRate", 0.4, 0.8]], "#VALUE!", 'distributions: needs a "dist" column'],
      ["a header but no rows", [DISTRIBUTION_HEADER], "#VALUE!", "distributions: has a header row but no input rows"],
      ["an empty range", [[]], "#VALUE!", "distributions: needs a header row"],
      ["a blank cell", [[null]], "#VALUE!", "distributions: needs a header row"],
      ["a number as the input path", withRow([5, "uniform", 0.4, null, 0.8, ...blank(5)]), "#VALUE!", 'distributions row 2, column "input": expected an input path'],
    ])("%s", (_label, distributions, code, message) => {
      const e = errorOf(() => SIMULATE(BUYERS, POLICY, distributions as unknown[][]));
      expect(e.code).toBe(code);
      expect(e.message).toContain(message);
    });

    test.each([
      ["0 iterations", { iterations: 0 }, "#NUM!", "iterations: must be a whole number from 1 to 200,000 (Excel's limit"],
      ["a huge iteration count", { iterations: 1e9 }, "#NUM!", "iterations: must be a whole number from 1 to 200,000"],
      ["fractional iterations", { iterations: 10.5 }, "#NUM!", "iterations: must be a whole number"],
      ["text iterations", { iterations: "many" }, "#VALUE!", 'iterations: expected a number (Monte Carlo iterations), got "many"'],
      ["a negative seed", { seed: -1 }, "#NUM!", "seed: must be a whole number from 0 to 4,294,967,295, got -1"],
      ["a percentile above 100", { percentiles: [[10, 150]] }, "#NUM!", "percentiles[1]: must be a number from 0 to 100 (10 for P10), got 150"],
      ["an unknown output", { output: "totals.chinaRevenu" }, "#VALUE!", 'output: unknown metric "chinaRevenu"'],
      ["an unknown buyer in one of several outputs", { output: [["totals.shipped"], ["buyers.Baidu.shipped"]] }, "#VALUE!", 'output "buyers.Baidu.shipped": unknown buyer "Baidu"'],
      ["a number as the output", { output: 5 }, "#VALUE!", "output: expected an output name"],
    ])("%s", (_label, args: Record<string, unknown>, code, message) => {
      const m = (v: unknown) => (v === undefined ? null : Array.isArray(v) ? v : [[v]]);
      const e = errorOf(() => SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, m(args.output) as never, m(args.iterations) as never, m(args.seed) as never, m(args.percentiles) as never));
      expect(e.code).toBe(code);
      expect(e.message).toContain(message);
    });

    test("a problem in the scenario tables names the field, as CHIPS.EVALUATE does", () => {
      const badPolicy = POLICY.map((r) => (r[0] === "china.access" ? ["china.access", "closed", ...r.slice(2)] : r));
      const e = errorOf(() => SIMULATE(BUYERS, badPolicy, DISTRIBUTIONS));
      expect(e).toMatchObject({ code: "#VALUE!", message: expect.stringContaining('china.access: must be "open", "approval" or "blocked", got "closed"') });
    });

    test("several problems are reported together", () => {
      const e = errorOf(() => SIMULATE(BUYERS, POLICY, [DISTRIBUTION_HEADER, ["china.approvalRate", "uniform", 0.9, null, 0.1, ...blank(5)]], null as never, [[0]]));
      expect(e.message).toContain('distributions row 2, column "max"');
      expect(e.message).toContain("iterations: must be a whole number");
    });

    test("an error value in a range is passed through unchanged", () => {
      const na = new (globalThis as any).CustomFunctions.Error("#N/A", "from a lookup");
      const r = outcome(() => SIMULATE(BUYERS, POLICY, [DISTRIBUTION_HEADER, ["china.approvalRate", "uniform", na, null, 0.8, ...blank(5)]]));
      expect(r).toEqual({ code: "#N/A", message: "from a lookup" });
    });
  });
});

const SWINGS = [
  ["input", "low", "high"],
  ["china.approvalRate", 0.4, 0.8],
  ["market.supply[0]", 40000, 80000],
  ["china.cap.basis", "units", "dollars"],
  ["china.publicSectorBan", "FALSE", true],
  ["buyers[ByteDance].domesticUnits", "60000", 180000],
];

describe("CHIPS.SENSITIVITY", () => {
  test("equals the engine's sensitivity: bars sorted by swing, then the base row", () => {
    const spill = SENSITIVITY(BUYERS, POLICY, SWINGS, [["totals.shipped"]]);
    const r = sensitivity(scenarioOf(DOC), {
      inputs: [
        { path: "china.approvalRate", low: 0.4, high: 0.8 },
        { path: "market.supply[0]", low: 40000, high: 80000 },
        { path: "china.cap.basis", low: "units", high: "dollars" },
        { path: "china.publicSectorBan", low: false, high: true },
        { path: "buyers[ByteDance].domesticUnits", low: 60000, high: 180000 },
      ],
      outputs: ["totals.shipped"],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const t = r.value[0];
    const flag = (v: unknown) => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v);
    expect(spill).toEqual([
      ["input", "low", "high", "at low", "at high", "swing"],
      ...t.bars.map((b) => [b.path, flag(b.low), flag(b.high), b.atLow, b.atHigh, b.swing]),
      ["base", "", "", t.base, t.base, 0],
    ]);
    const swings = spill.slice(1, -1).map((row) => row[5] as number);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(swings[0]).toBeGreaterThan(0);
  });

  test("the default output is totals.chinaRevenue", () => {
    const spill = SENSITIVITY(BUYERS, POLICY, SWINGS.slice(0, 2));
    const r = sensitivity(scenarioOf(DOC), { inputs: [{ path: "china.approvalRate", low: 0.4, high: 0.8 }], outputs: ["totals.chinaRevenue"] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(spill[1]).toEqual(["china.approvalRate", 0.4, 0.8, r.value[0].bars[0].atLow, r.value[0].bars[0].atHigh, r.value[0].bars[0].swing]);
  });

  test.each([
    ["an unknown input path", [["input", "low", "high"], ["china.approval", 0.4, 0.8]], "#VALUE!", 'swings row 2: "china.approval" is not an input that can vary'],
    ["a low value outside the field's range", [["input", "low", "high"], ["market.supply[0]", 1, 2], ["china.approvalRate", 2, 0.8]], "#NUM!", 'swings row 3, column "low": '],
    ["a blank high", [["input", "low", "high"], ["china.approvalRate", 0.4, null]], "#VALUE!", 'swings row 2, column "high": required'],
    ["text where a number is expected", [["input", "low", "high"], ["china.approvalRate", "low", 0.8]], "#NUM!", 'swings row 2, column "low"'],
    ["no high column", [["input", "low"], ["china.approvalRate", 0.4]], "#VALUE!", 'swings: needs a "high" column'],
    ["an empty range", [[]], "#VALUE!", "swings: needs a header row"],
  ])("%s", (_label, swings, code, message) => {
    const e = errorOf(() => SENSITIVITY(BUYERS, POLICY, swings as unknown[][]));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  test("1 and 0 swing a flag like TRUE and FALSE (as flag arguments read them); elsewhere they stay numbers", () => {
    const asNumbers = SENSITIVITY(BUYERS, POLICY, [["input", "low", "high"], ["china.publicSectorBan", 0, 1], ["china.approvalRate", 0, 1]], [["totals.shipped"]]);
    const asFlags = SENSITIVITY(BUYERS, POLICY, [["input", "low", "high"], ["china.publicSectorBan", false, "TRUE"], ["china.approvalRate", 0, 1]], [["totals.shipped"]]);
    expect(asNumbers).toEqual(asFlags);
    expect(asNumbers.find((r) => r[0] === "china.publicSectorBan")?.slice(1, 3)).toEqual(["FALSE", "TRUE"]);
    expect(asNumbers.find((r) => r[0] === "china.approvalRate")?.slice(1, 3)).toEqual([0, 1]);
  });

  test("several outputs are refused with a way out", () => {
    const e = errorOf(() => SENSITIVITY(BUYERS, POLICY, SWINGS, [["totals.shipped", "totals.usShare"]]));
    expect(e).toEqual({ code: "#VALUE!", message: "output: give one output per CHIPS.SENSITIVITY (got 2); use one formula per output" });
  });
});

describe("CHIPS.SENSITIVITY_GRID", () => {
  test("equals the engine's grid, with the axis values along the edges", () => {
    const spill = SENSITIVITY_GRID(BUYERS, POLICY, column(["china.approvalRate", 0.4, 0.6, 0.8]), [["china.cap.basis", "units", "dollars"]], [["totals.shipped"]]);
    const r = grid(scenarioOf(DOC), { rows: { path: "china.approvalRate", values: [0.4, 0.6, 0.8] }, columns: { path: "china.cap.basis", values: ["units", "dollars"] }, outputs: ["totals.shipped"] });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const v = r.value.outputs[0].values;
    expect(spill).toEqual([
      ["china.approvalRate \\ china.cap.basis", "units", "dollars"],
      [0.4, ...v[0]],
      [0.6, ...v[1]],
      [0.8, ...v[2]],
    ]);
    expect(v[0][0]).not.toBe(v[2][0]);
  });

  test.each([
    ["an axis without values", column(["china.approvalRate"]), [["china.cap.ratio", 1]], "#VALUE!", 'rowAxis: needs values after the input path "china.approvalRate"'],
    ["an empty axis", [[]], [["china.cap.ratio", 1]], "#VALUE!", "rowAxis: its first cell is the input path"],
    ["an unknown path", column(["china.approvalRate", 0.5]), [["china.cap.ration", 1]], "#VALUE!", 'columnAxis: "china.cap.ration" is not an input that can vary'],
    ["a value out of range", column(["china.approvalRate", 0.5, 7]), [["china.cap.ratio", 1]], "#NUM!", "rowAxis: "],
  ])("%s", (_label, rows, columns, code, message) => {
    const e = errorOf(() => SENSITIVITY_GRID(BUYERS, POLICY, rows as unknown[][], columns as unknown[][]));
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });
});

describe("on a sheet, in a real formula engine", () => {
  /** Policy rows, a blank row, buyers, a blank row, then `extra` rows; the formula below all of them. */
  function onSheet(extra: Row[], formula: (at: { buyers: string; policy: string; extra: string }) => string) {
    const blocks = [POLICY, BUYERS, extra];
    const width = Math.max(...blocks.flat().map((r) => r.length));
    const sheet: Row[] = [];
    const ranges: string[] = [];
    const letter = (i: number) => String.fromCharCode(65 + i);
    for (const block of blocks) {
      const top = sheet.length + 1;
      sheet.push(...block.map((r) => [...r, ...new Array(width - r.length).fill(null)]), []);
      ranges.push(`A${top}:${letter(width - 1)}${top + block.length - 1}`);
    }
    const row = sheet.length;
    sheet.push([]);
    sheet[row][width + 1] = formula({ policy: ranges[0], buyers: ranges[1], extra: ranges[2] });
    const hf = chipsWorkbook(sheet);
    try {
      const out: unknown[][] = [];
      for (let r = row; ; r++) {
        const first = hf.getCellValue({ sheet: 0, row: r, col: width + 1 });
        if (first === null) break;
        const cells: unknown[] = [first];
        for (let c = width + 2; hf.getCellValue({ sheet: 0, row: r, col: c }) !== null; c++) cells.push(hf.getCellValue({ sheet: 0, row: r, col: c }));
        out.push(cells);
      }
      return out;
    } finally {
      hf.destroy();
    }
  }

  test("=CHIPS.SIMULATE(buyers, policy, distributions, , 500, 9) spills what the function returns", () => {
    const spill = onSheet(DISTRIBUTIONS, (a) => `=CHIPS.SIMULATE(${a.buyers}, ${a.policy}, ${a.extra}, , 500, 9)`);
    expect(spill).toEqual(SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[500]], [[9]]));
    expect(spill[0]).toEqual(["statistic", "totals.chinaRevenue"]);
  });

  test("=CHIPS.SENSITIVITY(buyers, policy, swings, \"totals.shipped\") spills the tornado", () => {
    const spill = onSheet(SWINGS as Row[], (a) => `=CHIPS.SENSITIVITY(${a.buyers}, ${a.policy}, ${a.extra}, "totals.shipped")`);
    expect(spill).toEqual(SENSITIVITY(BUYERS, POLICY, SWINGS, [["totals.shipped"]]));
  });

  test("a bad distributions range is #NUM! with the location in the message", () => {
    const bad = [DISTRIBUTION_HEADER, ["china.approvalRate", "uniform", 0.8, null, 0.4, null, null, null, null, null]];
    const [[cell]] = onSheet(bad, (a) => `=CHIPS.SIMULATE(${a.buyers}, ${a.policy}, ${a.extra})`);
    expect(cell).toBeInstanceOf(DetailedCellError);
    expect((cell as DetailedCellError).value).toBe("#NUM!");
    expect((cell as DetailedCellError).message).toContain('distributions row 2, column "max"');
  });
});

// How long this takes is measured by `npm run bench` (CHIPS.SIMULATE 200k rows), not here.
test("200,000 iterations, the Excel limit, run and spill", () => {
  const spill = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, [["totals.chinaRevenue"]], [[200000]]);
  expect(spill[spill.length - 2]).toEqual(["iterations", 200000]);
});

describe("the README's worked examples are what the functions spill", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  /** The markdown table of the function's README section whose header row starts with `first`. */
  function readmeTable(id: string, first: string): string[][] {
    const section = readme.split(`<a id="${id}"></a>`)[1].split("<a id=")[0];
    const rows = section
      .split("\n")
      .filter((l) => l.startsWith("|"))
      .map((l) =>
        l
          .slice(1, -1)
          .split("|")
          .map((c) => c.trim().replace(/\\\\/g, "\\")),
      );
    const start = rows.findIndex((r) => r[0] === first);
    expect(start).toBeGreaterThanOrEqual(0);
    let end = start + 2;
    while (end < rows.length && rows[end].length === rows[start].length && !/^-+$/.test(rows[end][0])) end++;
    return [rows[start], ...rows.slice(start + 2, end)];
  }
  /** A README cell matches a spilled value: the same text, or the number in `scale` units to the digits shown. */
  function expectShown(shown: string, actual: unknown, scale: number) {
    if (typeof actual === "string") return expect(shown).toBe(actual);
    const decimals = shown.split(".")[1]?.length ?? 0;
    expect({ shown, actual }).toEqual({ shown, actual: expect.any(Number) });
    expect(Math.abs(Number(shown) - (actual as number) / scale)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
  }
  const compare = (table: string[][], spill: unknown[][], scaleOf: (row: number, col: number) => number) => {
    expect(table.length).toBe(spill.length);
    table.forEach((row, r) => {
      expect(row.length).toBe(spill[r].length);
      row.forEach((cell, c) => expectShown(cell, spill[r][c] === "" ? "" : spill[r][c], scaleOf(r, c)));
    });
  };
  const SWINGS_EXAMPLE = [
    ["input", "low", "high"],
    ["china.approvalRate", 0.4, 0.8],
    ["china.cap.ratio", 0.5, 1.5],
    ["china.cap.basis", "units", "dollars"],
    ["market.supply[0]", 40000, 80000],
    ["china.publicSectorBan", false, true],
  ];

  test("CHIPS.SIMULATE", () => {
    const table = readmeTable("chipssimulate", "statistic");
    // the distributions table of the README is the example's uncertainty block
    const dists = readmeTable("chipssimulate", "input");
    expect(dists.map((r) => r.map((c) => (c === "" ? null : Number.isFinite(Number(c)) ? Number(c) : c)))).toEqual(DISTRIBUTIONS);
    const spill = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, [["totals.chinaRevenue", "totals.shipped"]], null as never, [[2026]]);
    compare(table, spill, (r, c) => (r >= spill.length - 2 || c === 0 ? 1 : c === 1 ? 1e9 : 1e3));
  });

  test("CHIPS.SENSITIVITY", () => {
    const spill = SENSITIVITY(BUYERS, POLICY, SWINGS_EXAMPLE);
    compare(readmeTable("chipssensitivity", "input"), spill, (_, c) => (c >= 3 ? 1e9 : 1));
  });

  test("CHIPS.SENSITIVITY_GRID", () => {
    const spill = SENSITIVITY_GRID(BUYERS, POLICY, column(["china.approvalRate", 0.4, 0.6, 0.8]), [["china.cap.ratio", 0.5, 1, 1.5]]);
    compare(readmeTable("chipssensitivity_grid", "china.approvalRate \\ china.cap.ratio"), spill, (r, c) => (r > 0 && c > 0 ? 1e9 : 1));
  });
});

describe("laws over hostile ranges on a valid scenario", () => {
  const PATHS = ["china.approvalRate", "china.cap.ratio", "china.cap.basis", "market.supply[0]", "market.supply", "china.publicSectorBan", "buyers[0].requested[1]", "buyers[Baidu].domesticUnits", "market.h200Price", "us.usShipments[0]", "china.aprovalRate", "totals.shipped", "[", ""];
  const WORDS = ["uniform", "normal", "bernoulli", "choice", "Uniform", "lognormal", "units, dollars", "0.7, 0.3", "TRUE, FALSE", "1, 0", "units,,", "TRUE", " 5 ", "", "dollars"];
  const cell = fc.oneof(
    fc.constantFrom(0, 0.4, 0.5, 0.8, 1, 1.5, 40000, 60000, 80000, 10000, -1, 1e300, NaN, Infinity, null, null, null),
    fc.constantFrom(...PATHS, ...WORDS),
    fc.double(),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
    fc.constantFrom(new FakeCustomFunctionsError("#N/A", "upstream")),
  );
  const KEEP = Symbol("keep");
  const DIST_ROWS: Record<string, unknown>[] = [
    { input: "china.approvalRate", dist: "uniform", min: 0.4, max: 0.8 },
    { input: "china.cap.ratio", dist: "triangular", min: 0.5, mode: 1, max: 1.5 },
    { input: "china.cap.basis", dist: "choice", values: "units, dollars", weights: "0.7, 0.3" },
    { input: "market.supply[0]", dist: "normal", mean: 60000, sd: 10000, min: 40000, max: 80000 },
    { input: "china.publicSectorBan", dist: "bernoulli", p: 0.8 },
  ];
  const SWING_ROWS: Record<string, unknown>[] = [
    { input: "china.approvalRate", low: 0.4, high: 0.8 },
    { input: "china.cap.basis", low: "units", high: "dollars" },
    { input: "market.supply", low: 0, high: 1e6 },
    { input: "china.publicSectorBan", low: 0, high: 1 },
  ];
  /**
   * A header of the real columns (all, shuffled, or a subset with a stray one) and rows that are
   * valid rows with about one cell in six replaced by a hostile value.
   */
  const table = (columns: readonly string[], valid: readonly Record<string, unknown>[]) =>
    fc
      .tuple(
        fc.oneof({ arbitrary: fc.shuffledSubarray([...columns], { minLength: columns.length }), weight: 3 }, { arbitrary: fc.shuffledSubarray([...columns, "minimum", "Dist", ""]), weight: 1 }),
        fc.integer({ min: 0, max: 4 }),
      )
      .chain(([header, n]) =>
        fc
          .array(fc.tuple(fc.constantFrom(...valid), fc.array(fc.oneof({ arbitrary: fc.constant(KEEP), weight: 5 }, { arbitrary: cell, weight: 1 }), { minLength: header.length, maxLength: header.length })), {
            minLength: n,
            maxLength: n,
          })
          .map((rows) => [header.length === 0 ? [null] : header, ...rows.map(([row, cells]) => header.map((h, i) => (cells[i] === KEEP ? (row[h] ?? null) : cells[i])))]),
      );
  const small = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom(0, 1e9, 10.5, "many", null, NaN, Infinity, true));
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), a.map((v) => (Array.isArray(v) ? v : [[v]])));
  const outputs = fc.oneof(fc.constantFrom("totals.shipped", "buyers.ByteDance.shipped@FY2027Q1", "totals.usShare[0]", "totals.chinaRevenu", "buyers.Baidu.shipped", ""), fc.constant([["totals.shipped", "totals.revenue"]]), cell);
  const isCell = (v: unknown) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
  const lawful = (r: unknown) => {
    if (Array.isArray(r)) {
      expect(r.length).toBeGreaterThan(1);
      for (const row of r) {
        expect(row).toHaveLength(r[0].length);
        for (const c of row) expect(isCell(c)).toBe(true);
      }
    } else {
      expect(r).toEqual({ code: expect.stringMatching(/^#/), message: expect.any(String) });
    }
  };

  test("SIMULATE gives a rectangular spill of text and finite numbers or an Excel error, the same one every time", () => {
    fc.assert(
      fc.property(table(DISTRIBUTION_HEADER as string[], DIST_ROWS), maybe(outputs), maybe(small), maybe(small), maybe(fc.oneof(cell, fc.constant([[5, 95, 50]]))), (d, o, n, seed, ps) => {
        const run = () => outcome(() => SIMULATE(BUYERS, POLICY, d as unknown[][], o as never, n as never, seed as never, ps as never));
        const r = run();
        lawful(r);
        expect(run()).toEqual(r);
      }),
      lawRuns(4),
    );
  });

  test("SENSITIVITY and SENSITIVITY_GRID give a rectangular spill of text and finite numbers or an Excel error", () => {
    fc.assert(
      fc.property(table(["input", "low", "high"], SWING_ROWS), maybe(outputs), fc.array(cell, { minLength: 0, maxLength: 4 }), fc.array(cell, { minLength: 0, maxLength: 4 }), (swings, o, rowAxis, columnAxis) => {
        lawful(outcome(() => SENSITIVITY(BUYERS, POLICY, swings as unknown[][], o as never)));
        lawful(outcome(() => SENSITIVITY_GRID(BUYERS, POLICY, column(rowAxis), [columnAxis], o as never)));
      }),
      lawRuns(4),
    );
  });

  test("the generators reach real spills, so the laws above are not only about errors", () => {
    // A fixed sample (the laws' volume at LAW_RUNS=100): the count it must reach is absolute.
    const spills = fc.sample(fc.tuple(table(DISTRIBUTION_HEADER as string[], DIST_ROWS), table(["input", "low", "high"], SWING_ROWS)), { numRuns: 400, seed: 42 }).map(([d, sw]) => [
      Array.isArray(outcome(() => SIMULATE(BUYERS, POLICY, d as unknown[][], null as never, [[20]]))),
      Array.isArray(outcome(() => SENSITIVITY(BUYERS, POLICY, sw as unknown[][]))),
    ]);
    expect(spills.filter(([s]) => s).length).toBeGreaterThan(20);
    expect(spills.filter(([, t]) => t).length).toBeGreaterThan(20);
  });
});
