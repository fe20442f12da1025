/**
 * docs/model.md cannot drift: its worked example (the JSON block) is evaluated by the engine and
 * by the reference, and every figure in its tables — each step, shipped, binding and largestCut
 * per buyer and quarter, and every total — must match both, to the precision written.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { evaluate } from "../../src/engine/evaluate";
import { validateScenario } from "../../src/engine/validate";
import { EvaluationJson, disagreements } from "../engine/contract/agreement";
import { REFERENCE_STEPS, referenceEvaluate } from "../engine/contract/reference";

const DOC = readFileSync(join(__dirname, "../../docs/model.md"), "utf8");

/** The text after an HTML-comment marker of the worked example. */
function after(marker: string): string {
  const at = DOC.indexOf(`<!-- worked example: ${marker} -->`);
  if (at < 0) throw new Error(`docs/model.md has no "${marker}" marker`);
  return DOC.slice(at).split("\n").slice(1).join("\n");
}

/** The first Markdown table after a marker: its header cells and its rows of cells. */
function table(marker: string): { header: string[]; rows: string[][] } {
  const lines = after(marker).split("\n");
  const start = lines.findIndex((l) => l.startsWith("|"));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  const cells = (l: string) => l.split("|").slice(1, -1).map((c) => c.trim());
  const [header, , ...rows] = lines.slice(start, end < 0 ? undefined : end).map(cells);
  return { header, rows };
}

/** A written figure ("1,397.25") checked against a value, to the decimals written: within half a unit of the last digit. */
function matches(written: string, value: number, scale: number): boolean {
  if (!/^-?[\d,]+(\.\d+)?$/.test(written)) return false;
  const decimals = written.split(".")[1]?.length ?? 0;
  return Math.abs(Number(written.replace(/,/g, "")) - value / scale) <= 0.5 * 10 ** -decimals + 1e-9;
}

const code = (cell: string) => /^`([^`]+)`/.exec(cell)?.[1];
const scaleOf = (cell: string) => (cell.includes("(US$ m)") ? 1e6 : 1);

const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(after("scenario"))?.[1] ?? "null");
const validated = validateScenario(example);
const evaluations = {
  engine: () => {
    if (!validated.ok) throw new Error(validated.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
    return evaluate(validated.value) as unknown as EvaluationJson;
  },
  reference: () => referenceEvaluate(example) as unknown as EvaluationJson,
};

test("the worked example is a valid scenario, and the engine and the reference agree on it", () => {
  expect(validated.ok ? [] : validated.problems).toEqual([]);
  expect(disagreements(evaluations.engine(), referenceEvaluate(example))).toEqual([]);
});

describe.each(Object.entries(evaluations))("every figure of the worked example's tables is the %s's", (_, evaluation) => {
  test("the steps table: each step, binding and largestCut, for every buyer in every quarter", () => {
    const e = evaluation();
    const { header, rows } = table("steps");
    expect(header.slice(0, 2)).toEqual(["quarter", "buyer"]);
    expect(header.slice(2).map(code)).toEqual([...REFERENCE_STEPS, "binding", "largestCut"]);
    // Every buyer-quarter once, in order.
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(e.periods.flatMap((p) => p.buyers.map((b) => `${p.period} ${b.name}`)));
    const wrong: string[] = [];
    for (const row of rows) {
      const buyer = e.periods.find((p) => p.period === row[0])?.buyers.find((b) => b.name === row[1]);
      if (!buyer) throw new Error(`no ${row[1]} in ${row[0]}`);
      header.slice(2).forEach((cell, k) => {
        const id = code(cell) as string;
        const written = row[k + 2];
        const ok = id === "binding" || id === "largestCut" ? code(written) === buyer[id] : matches(written, buyer.steps[id], scaleOf(cell));
        if (!ok) wrong.push(`${row[0]} ${row[1]} ${id}: written ${written}, evaluated ${JSON.stringify(id in buyer.steps ? buyer.steps[id] : buyer[id])}`);
      });
      if (!matches(row[2 + REFERENCE_STEPS.indexOf("supply")], buyer.shipped as number, 1)) wrong.push(`${row[0]} ${row[1]}: the supply column is not shipped`);
    }
    expect(wrong).toEqual([]);
  });

  test("the totals table: every total of every quarter", () => {
    const e = evaluation();
    const { header, rows } = table("totals");
    expect(header[0]).toBe("quarter");
    expect(header.slice(1).map(code)).toEqual(["requested", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "chinaRevenue"]);
    expect(rows.map((r) => r[0])).toEqual(e.periods.map((p) => p.period));
    const wrong: string[] = [];
    rows.forEach((row, t) => {
      header.slice(1).forEach((cell, k) => {
        const key = code(cell) as string;
        const value = e.periods[t].totals[key];
        if (!matches(row[k + 1], value, scaleOf(cell))) wrong.push(`${row[0]} ${key}: written ${row[k + 1]}, evaluated ${value}`);
      });
    });
    expect(wrong).toEqual([]);
  });
});

test("the model document points nowhere outside the repository", () => {
  expect(DOC).not.toMatch(/MODEL\.md|shared\/|\.\.\/|\/work\//);
  for (const [, target] of DOC.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) {
    if (!/^https?:/.test(target)) expect(() => readFileSync(join(__dirname, "../../docs", target))).not.toThrow();
  }
});
