/** CHIPS.EVALUATE on a sheet (in a real formula engine) equals `chips evaluate --json` on the same scenario. */
import fs from "fs";
import os from "os";
import path from "path";
import { DetailedCellError } from "hyperformula";
import { parse as parseYaml } from "yaml";
import { EVALUATION_COLUMNS, Evaluation } from "../../src/engine";
import { chips, ROOT } from "../cli/chips";
import { chipsWorkbook } from "../support/hyperformula";
import { Row, tablesFromDoc } from "./scenarioTables";

type Doc = Record<string, any>;

/** Puts both tables on a sheet, evaluates the formula in a free column and reads the spill. */
function evaluateOnSheet(doc: Doc, extraArgs = ""): (string | number | boolean | null | DetailedCellError)[][] {
  const { policy, buyers } = tablesFromDoc(doc);
  const width = Math.max(...policy.map((r) => r.length), ...buyers.map((r) => r.length));
  const sheet: Row[] = [...policy, [], ...buyers].map((r) => [...r, ...new Array(width - r.length).fill(null)]);
  const col = width + 1;
  const top = sheet.length; // below the data: see chipsWorkbook's note on table formulas
  sheet.push(new Array(col + 1).fill(null));
  const letter = (i: number) => String.fromCharCode(65 + i);
  const buyersRange = `A${policy.length + 2}:${letter(width - 1)}${policy.length + 1 + buyers.length}`;
  const policyRange = `A1:${letter(width - 1)}${policy.length}`;
  sheet[top][col] = `=CHIPS.EVALUATE(${buyersRange}, ${policyRange}${extraArgs})`;
  const hf = chipsWorkbook(sheet);
  try {
    const values = hf.getSheetValues(0);
    const out = [];
    for (let r = top; r < values.length && values[r][col] !== null && values[r][col] !== undefined; r++) {
      const row = [];
      for (let c = col; c < (values[r].length ?? 0) && values[r][c] !== null && values[r][c] !== undefined; c++) row.push(values[r][c]);
      out.push(row);
    }
    if (out.length === 0) out.push([hf.getCellValue({ sheet: 0, row: top, col })]);
    return out as (string | number | boolean | null | DetailedCellError)[][];
  } finally {
    hf.destroy();
  }
}

const readDoc = (file: string): Doc => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
};

/** Equal within 1e-12 relative: both sides run the same engine, only JSON's round trip differs. */
const expectClose = (actual: unknown, expected: number) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));

/** The spill equals the CLI's evaluation of the same document, row by row. */
function expectSpillEqualsCli(doc: Doc, file: string) {
  const run = chips(["evaluate", file, "--json"]);
  expect(run.status).toBe(0);
  const expected = JSON.parse(run.stdout) as Evaluation;
  const table = evaluateOnSheet(doc);
  expect(table[0]).toEqual([...EVALUATION_COLUMNS]);
  let r = 1;
  for (const p of expected.periods) {
    for (const b of p.buyers) {
      const row = table[r++];
      expect(row.slice(0, 2)).toEqual([p.period, b.name]);
      [b.shipped, b.revenue, b.usShare, b.nvidiaNet, b.h20Equivalent].forEach((v, i) => expectClose(row[2 + i], v));
      expect(row.slice(7, 9)).toEqual([b.binding, b.largestCut]);
    }
    const total = table[r++];
    expect(total.slice(0, 2)).toEqual([p.period, "Total"]);
    expectClose(total[2], p.totals.shipped);
    expectClose(total[3], p.totals.revenue);
    expectClose(total[9], p.totals.chinaRevenue);
  }
  expect(table).toHaveLength(r);
  return expected;
}

describe.each(fs.readdirSync(path.join(ROOT, "examples")).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => `examples/${f}`))("%s", (file) => {
  test("CHIPS.EVALUATE on a sheet equals chips evaluate --json", () => {
    expectSpillEqualsCli(readDoc(file), file);
  });
});

/** A version-2 timeline: Beijing opens in the third quarter, orders pause, a licence quota and cumulative caps. */
const timeline: Doc = {
  name: "Timeline",
  periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"],
  us: { chinaCapOfUsVolume: 0.5, usShipments: [200, 200, 350, 400], chinaCapScope: "cumulative" },
  china: { access: ["blocked", "approval", "approval", "approval"], approvalRate: 0.5, orderRate: [1, 0, 1, 1], cap: { basis: "units", ratio: 1, scope: "cumulative" } },
  market: { h200Price: 27000, supply: [1000, 1000, 1000, 2000] },
  buyers: [
    { name: "A", requested: [400, 400, 400, 400], domesticUnits: 1000, licensedUnits: 500, approvalRate: [null, 0.8, 0.8, 0.6] },
    { name: "B", requested: 100, domesticUnits: [60, 60, 80, 80], orderRate: 0.8 },
  ],
};

test("a per-period policy and per-period buyer columns give the CLI's evaluation, with the new fields", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chips-")), "timeline.json");
  fs.writeFileSync(file, JSON.stringify(timeline));
  const { policy, buyers } = tablesFromDoc(timeline);
  expect(policy).toContainEqual(["china.access", "blocked", "approval", "approval", "approval"]);
  expect(buyers[0]).toEqual(expect.arrayContaining(["licensedUnits", "orderRate", "approvalRate FY2027Q2", "requested FY2027Q4", "domesticUnits FY2027Q3"]));
  const expected = expectSpillEqualsCli(timeline, file);
  // the cases the timeline is there for: a blocked quarter, a paused one (B orders at its own rate),
  // the cumulative US-volume cap sharing supply out, then A's licence quota and B's cumulative cap
  expect(expected.periods.map((p) => p.buyers.map((b) => `${b.binding}/${b.largestCut}`))).toEqual([
    ["china_access/china_access", "china_access/china_access"],
    ["orders/orders", "orders/china_access"],
    ["supply/china_access", "supply/china_access"],
    ["china_access/us_license", "domestic_ratio/china_access"],
  ]);
  expect(expected.periods[3].buyers[0].steps.us_license).toBeCloseTo(500 - expected.periods[2].buyers[0].shipped, 9);
});

test("a problem in a period's cell is #VALUE! naming the element and the cell", () => {
  const doc = structuredClone(timeline);
  doc.china.access = ["blocked", "approval", "paused", "approval"];
  const [[cell]] = evaluateOnSheet(doc);
  expect((cell as DetailedCellError).value).toBe("#VALUE!");
  const row = tablesFromDoc(doc).policy.findIndex((r) => r[0] === "china.access") + 1;
  expect((cell as DetailedCellError).message).toMatch(new RegExp(`^china\\.access\\[2\\]: .*"paused".* \\(policy row ${row}, column 4\\)$`));
});

test("showSteps spills the quantity after each step", () => {
  const table = evaluateOnSheet(readDoc("examples/base.json"), ", TRUE()");
  expect(table[0].slice(EVALUATION_COLUMNS.length)).toEqual(["requested", "us_license", "china_access", "orders", "public_sector", "domestic_ratio", "supply"]);
  const first = table[1];
  expect(first[EVALUATION_COLUMNS.length + 6]).toBeCloseTo(first[2] as number, 9); // after supply = shipped
});

test("a problem in the tables is #VALUE! with the field path and what to fix", () => {
  const doc = readDoc("examples/base.json");
  doc.china.access = "closed";
  const [[cell]] = evaluateOnSheet(doc);
  expect(cell).toBeInstanceOf(DetailedCellError);
  expect((cell as DetailedCellError).value).toBe("#VALUE!");
  expect((cell as DetailedCellError).message).toContain('china.access: must be one of "open", "approval", "blocked", got "closed"');
});

test("a misspelt policy key gets a suggestion", () => {
  const doc = readDoc("examples/base.json");
  doc.market.h200Prize = doc.market.h200Price;
  delete doc.market.h200Price;
  const [[cell]] = evaluateOnSheet(doc);
  expect((cell as DetailedCellError).message).toContain('unknown policy key "market.h200Prize"; did you mean "market.h200Price"?');
});

test("a rules range joins the pipeline, as in a scenario file's rules", () => {
  const doc = readDoc("examples/base.json");
  const rules = [{ id: "customs_check", after: "china_access", expression: "units * 0.8", label: "Customs checks cut approved volume 20%" }];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "chips-")), "rules.json");
  fs.writeFileSync(file, JSON.stringify({ ...doc, rules }));
  const run = chips(["evaluate", file, "--json"]);
  expect(run.status).toBe(0);
  const expected = JSON.parse(run.stdout) as Evaluation;

  const { policy, buyers } = tablesFromDoc(doc);
  const ruleRows: Row[] = [["id", "after", "expression", "label"], ...rules.map((r) => [r.id, r.after, r.expression, r.label])];
  const width = Math.max(...[...policy, ...buyers, ...ruleRows].map((r) => r.length));
  const pad = (rows: Row[]) => rows.map((r) => [...r, ...new Array(width - r.length).fill(null)]);
  const sheet: Row[] = [...pad(policy), [], ...pad(buyers), [], ...pad(ruleRows), new Array(width + 2).fill(null)];
  const p0 = 1, b0 = policy.length + 2, r0 = b0 + buyers.length + 1;
  const L = String.fromCharCode(64 + width);
  sheet[sheet.length - 1][width + 1] = `=CHIPS.EVALUATE(A${b0}:${L}${b0 + buyers.length - 1}, A${p0}:${L}${policy.length}, TRUE(), A${r0}:${L}${r0 + ruleRows.length - 1})`;
  const hf = chipsWorkbook(sheet);
  try {
    const row = sheet.length - 1;
    const header = [] as unknown[];
    for (let c = width + 1; hf.getCellValue({ sheet: 0, row, col: c }) !== null; c++) header.push(hf.getCellValue({ sheet: 0, row, col: c }));
    expect(header).toContain("customs_check");
    const shippedCol = width + 1 + header.indexOf("shipped");
    expected.periods[0].buyers.forEach((b, i) => expectClose(hf.getCellValue({ sheet: 0, row: row + 1 + i, col: shippedCol }), b.shipped));
    expect(expected.periods[0].buyers[0].steps).toHaveProperty("customs_check");
  } finally {
    hf.destroy();
  }
});
