/**
 * The Monte Carlo sheet: every figure is `simulate` with the seed and iteration count the sheet
 * states; the histogram's shares are formulas; the xlsx keeps the grid's colour scale; the
 * tornado and histogram SVGs draw negative bars and many bins legibly.
 */
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { inputLabel, readUncertainty, simulate } from "../../src/engine";
import { FORMATS, REPORT_ITERATIONS, buildReport, outputLabel, parameters } from "../../src/report";
import { renderSvgChart } from "../../src/report/render/svg";
import { xlsxRenderer } from "../../src/report/render/xlsx";
import { exampleInput } from "./support/examples";
import { sheet, table } from "./support/model";
import { recalculationErrors } from "./support/recalc";

const input = exampleInput("examples/uncertainty/monte-carlo.json");
const scenario = input.scenario;
const MC = "Monte Carlo"; // the results sheet keeps its name; the scenario, itself named "Monte Carlo", is "Monte Carlo scenario"
const notesOf = (r: ReturnType<typeof buildReport>, name: string) => sheet(r, name).blocks.flatMap((b) => (b.kind === "note" ? [b.lines.join(" ")] : []));

function simulated(iterations: number, seed: number) {
  const spec = readUncertainty(scenario.uncertainty, { iterations, seed });
  if (!spec.ok) throw new Error("invalid block");
  const r = simulate(scenario, spec.value);
  if (!r.ok) throw new Error("simulate failed");
  return r.value;
}

test("the sheet's numbers are simulate() with the stated seed and iterations (override), and it says how to reproduce them", () => {
  const report = buildReport([input], { uncertainty: { iterations: 3000, seed: 99 } });
  const sim = simulated(3000, 99);
  const run = table(report, MC, "Run");
  expect(run.rows.map((r) => [r[0].value, r[1].value])).toEqual([
    ["Iterations", 3000],
    ["Seed", 99],
    ["Evaluation", expect.stringMatching(/^fast/)],
    ["Generator", expect.any(String)],
  ]);
  expect(notesOf(report, MC).join(" ")).toContain("chips simulate examples/uncertainty/monte-carlo.json --seed 99 --iterations 3000");
  expect(notesOf(report, MC).join(" ")).toContain("seeded simulation");

  const p = table(report, MC, "Percentiles");
  expect(p.columns.map((c) => c.header)).toEqual(["Output", "Mean", "P10", "P50", "P90", "P5", "P95", "Min", "Max", "Std dev"]);
  expect(p.rows.map((r) => r[0].value)).toEqual(sim.outputs.map((o) => outputLabel(o.output)));
  p.rows.forEach((r, i) => {
    const o = sim.outputs[i];
    expect(r.slice(1).map((c) => c.value)).toEqual([o.mean, o.p10, o.p50, o.p90, o.percentiles.P5, o.percentiles.P95, o.min, o.max, o.sd]);
  });

  const h = table(report, MC, /^Histogram: China revenue, all periods/);
  const bins = sim.outputs[0].histogram;
  expect(h.rows.map((r) => [r[1].value, r[3].value, r[4].value])).toEqual(bins.map((b) => [b.count, b.from, b.to]));
  expect(h.rows.reduce((s, r) => s + (r[1].value as number), 0)).toBe(3000);
  expect(h.rows[0][2].formula).toMatch(/^B\d+\/SUM\(\$B\$\d+:\$B\$\d+\)$/);
  expect(h.rows.reduce((s, r) => s + (r[2].value as number), 0)).toBeCloseTo(1, 12);
  expect(recalculationErrors(report)).toEqual([]);

  const inputs = table(report, MC, "Uncertain inputs");
  expect(inputs.rows.map((r) => [r[0].value, r[1].value])).toEqual(sim.inputs.map((i) => [inputLabel(scenario, i.path), i.distribution.dist]));
  expect(inputs.rows[1][2].value).toBe(parameters({ dist: "triangular", min: 0.5, mode: 1, max: 1.5 }));
});

test("default iterations: the file's, at most REPORT_ITERATIONS (a larger request is noted)", () => {
  const big = { ...scenario, uncertainty: { ...(scenario.uncertainty as object), iterations: 50_000 } };
  const r = buildReport([{ ...input, scenario: big }]);
  expect(table(r, MC, "Run").rows[0][1].value).toBe(REPORT_ITERATIONS);
  expect(notesOf(r, MC).some((n) => n.includes("The file asks for 50,000 iterations; this report ran 10,000"))).toBe(true);
  const sim = simulated(REPORT_ITERATIONS, 2026);
  expect(table(r, MC, "Percentiles").rows[0][3].value).toBe(sim.outputs[0].p50);
});

test("a built-in scenario: the reproduction note names the file to save", () => {
  const r = buildReport([{ ...input, file: "built-in: x" }], { uncertainty: { iterations: 200 } });
  expect(notesOf(r, MC).join(" ")).toContain("`chips simulate FILE --seed 2026 --iterations 200` (FILE: this built-in scenario written out as a scenario file");
});

test("histogram: a bar ChartSpec with the bins' counts, and a sheet chart over the Bin and Count columns", () => {
  const report = buildReport([input], { uncertainty: { iterations: 1000 } });
  const spec = report.charts.find((c) => c.id === "histogram-monte-carlo")!;
  const sim = simulated(1000, 2026);
  expect(spec).toMatchObject({ kind: "bar", yFormat: FORMATS.units });
  expect(spec.series[0].values).toEqual(sim.outputs[0].histogram.map((b) => b.count));
  const h = table(report, MC, /^Histogram/);
  expect(sheet(report, MC).charts).toEqual([{ chart: "histogram-monte-carlo", data: { row: h.row + 1, col: 1, rows: h.rows.length + 1, cols: 2 }, seriesBy: "columns", at: expect.any(Object) }]);
});

test("xlsx: the grid's colour scale is a conditional format that ExcelJS reads back", async () => {
  const report = buildReport([input], { uncertainty: { iterations: 500 } });
  const grid = table(report, "Sensitivity", /^Grid:/);
  const area = grid.colorScale!;
  const [file] = await xlsxRenderer.render(report);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.data as Uint8Array) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Sensitivity") as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
  const col = (c: number) => String.fromCharCode(64 + c);
  expect(ws.conditionalFormattings).toEqual([
    {
      ref: `${col(area.col)}${area.row}:${col(area.col + area.cols - 1)}${area.row + area.rows - 1}`,
      rules: [
        expect.objectContaining({
          type: "colorScale",
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: [expect.objectContaining({ argb: "FFF8696B" }), expect.objectContaining({ argb: "FFFFEB84" }), expect.objectContaining({ argb: "FF63BE7B" })],
        }),
      ],
    },
  ]);
  expect(ws.getCell(area.row, area.col).formula).toMatch(/^[A-Z]+\d+$/);
  expect(wb.getWorksheet("Assumptions") as unknown as { conditionalFormattings: unknown[] }).toMatchObject({ conditionalFormattings: [] });
});

test("svg: a tornado's negative bars hang below a zero line; 20 bins label every other category", () => {
  const report = buildReport([input], { uncertainty: { iterations: 500 } });
  const tornado = renderSvgChart(report.charts.find((c) => c.id === "tornado-chinaRevenue-monte-carlo")!);
  expect(XMLValidator.validate(tornado)).toBe(true);
  const heights = [...tornado.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="#/g)].map((m) => Number(m[2]));
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.every((h) => h >= 0)).toBe(true);
  expect(tornado).toContain("-$"); // a negative tick label
  const histogram = renderSvgChart(report.charts.find((c) => c.id === "histogram-monte-carlo")!);
  expect(XMLValidator.validate(histogram)).toBe(true);
  const labels = [...histogram.matchAll(/<text x="[^"]+" y="36\d(?:\.\d)?" text-anchor="middle" font-size="11"[^>]*>([^<]*)<\/text>/g)];
  expect(labels.length).toBeLessThanOrEqual(12);
});
