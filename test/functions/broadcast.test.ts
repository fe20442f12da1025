/** Ranges in, spills out: Excel's broadcasting, written once and checked for every element-wise function. */
import fc from "fast-check";
import { CORES } from "../../src/engine";
import * as chips from "../../src/functions/functions";
import { calcClient } from "../../src/functions/calcClient";
import { useCalcClient } from "../../src/functions/longCalcs";
import { FakeCalcWorker } from "../support/calcWorker";
import { FakeCustomFunctionsError, installCustomFunctions, outcome, settled, single } from "../support/customFunctions";
import { lawRuns } from "../support/lawRuns";

beforeAll(installCustomFunctions);
afterAll(() => useCalcClient(undefined));

type Fn = (...args: unknown[]) => unknown[][];
const fn = (id: string) => (chips as unknown as Record<string, Fn>)[id];
const ELEMENTWISE = Object.keys(CORES);

test("every core is exposed as a custom function", () => {
  for (const id of ELEMENTWISE) expect(typeof fn(id)).toBe("function");
});

describe("shapes", () => {
  const share = fn("US_REVENUE_SHARE");
  test("scalar x column → column", () => {
    expect(share([[100], [200], [300]], [[0.5]])).toEqual([[50], [100], [150]]);
  });
  test("column x row → grid", () => {
    expect(share([[100], [200]], [[0.1, 0.5]])).toEqual([
      [10, 50],
      [20, 100],
    ]);
  });
  test("equal shapes pair up", () => {
    expect(share([[100, 200]], [[0.1, 0.5]])).toEqual([[10, 100]]);
  });
  test("a plain scalar (not wrapped in a matrix) is a 1 x 1 range", () => {
    expect(share(100, 0.5)).toEqual([[50]]);
  });
  test("an omitted optional argument takes its default everywhere", () => {
    expect(share([[100], [200]])).toEqual([[25], [50]]);
  });
  test("mismatched shapes are one #VALUE! with a message naming both arguments", () => {
    expect(outcome(() => share([[1], [2], [3]], [[0.1], [0.2]]))).toEqual({
      code: "#VALUE!",
      message: "rate: rate has 2 rows but sales has 3; use ranges of the same size, or a single cell, row or column",
    });
    expect(outcome(() => share([[1, 2, 3]], [[0.1, 0.2]]))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("columns") });
  });
  test("a bad cell is an error in its own cell; the rest still compute", () => {
    const [[a], [b], [c]] = outcome(() => share([[100], ["lots"], [-1]])) as unknown[][];
    expect(a).toBe(25);
    expect(b).toMatchObject({ code: "#VALUE!" });
    expect(c).toMatchObject({ code: "#NUM!" });
  });
});

/** Valid numeric inputs per parameter kind, so the element-wise law is tested on real values. */
const validFor = (kind: string, fraction?: boolean): fc.Arbitrary<number | boolean | null> =>
  kind === "boolean" ? fc.boolean() : kind === "text" ? fc.constant(null) : fraction ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.double({ min: 0, max: 1e6, noNaN: true });

test.each(ELEMENTWISE)("%s: elementwise results equal scalar calls", (id) => {
  const core = CORES[id as keyof typeof CORES];
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.tuple(...core.params.map((p) => fc.tuple(fc.constantFrom("column", "scalar"), fc.array(validFor(p.kind, p.fraction), { minLength: 6, maxLength: 6 })))),
      (rows, params) => {
        const args = params.map(([shape, values]) => (shape === "column" ? values.slice(0, rows).map((v) => [v]) : [[values[0]]]));
        const spilled = outcome(() => fn(id)(...args)) as unknown[][];
        const expectedRows = params.some(([shape]) => shape === "column") ? rows : 1;
        expect(spilled).toHaveLength(expectedRows);
        spilled.forEach((row, r) => {
          const scalarArgs = args.map((m) => (m.length === 1 ? m[0][0] : m[r][0]));
          expect(row[0]).toEqual(single(fn(id), ...scalarArgs));
        });
      },
    ),
    lawRuns(2),
  );
});

const anyExcelValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constant(null),
  fc.string(),
  fc.boolean(),
  fc.constantFrom("units", "dollars", "approval", "open", "blocked", "cost", "contra-revenue", "TRUE", "", " 5 "),
  fc.constantFrom(...["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"].map((c) => new FakeCustomFunctionsError(c, "upstream"))),
);
const anyMatrix = fc.oneof(
  anyExcelValue,
  fc.integer({ min: 1, max: 3 }).chain((r) => fc.integer({ min: 1, max: 3 }).chain((c) => fc.array(fc.array(anyExcelValue, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))),
);
const isExcelCell = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "object" && v !== null && String((v as { code: string }).code).startsWith("#"));

/** Cells per call: the element-wise functions cost a few microseconds, the table functions run the whole model. */
const WHOLE_MODEL = ["SUPPLY_ALLOCATE", "EVALUATE", "BASELINE", "REPORTED", "SOURCE", "METRICS", "SCENARIO", "SIMULATE", "SENSITIVITY", "SENSITIVITY_GRID"];

test.each([...ELEMENTWISE, ...WHOLE_MODEL])("%s: any Excel input gives numbers or Excel errors, never a thrown JavaScript error", async (id) => {
  useCalcClient(calcClient(() => new FakeCalcWorker())); // SIMULATE and the sensitivities answer large calls from a worker
  await fc.assert(
    fc.asyncProperty(fc.array(anyMatrix, { minLength: 1, maxLength: 6 }), async (args) => {
      const r = await settled(() => fn(id)(...args));
      // One expect per case, over every cell: an expect per cell made this law the slowest test.
      const cells = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
      expect(cells.filter((cell) => !((Array.isArray(r) && typeof cell === "string") || isExcelCell(cell)))).toEqual([]);
    }),
    lawRuns(WHOLE_MODEL.includes(id) ? 5 : 20),
  );
});
