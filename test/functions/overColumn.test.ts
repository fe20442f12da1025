/**
 * The element-wise functions' fast path (one number column against single values) against their
 * general path: the same cells, values and error messages, on any cells. The reference is the
 * function called cell by cell with single values, which never takes the fast path.
 */
import fc from "fast-check";
import { CORES, Core, ParamSpec, acceptedInterval } from "../../src/engine";
import * as chips from "../../src/functions/functions";
import { FakeCustomFunctionsError, installCustomFunctions, outcome, single } from "../support/customFunctions";
import { lawRuns } from "../support/lawRuns";

beforeAll(installCustomFunctions);
afterEach(() => jest.restoreAllMocks());

type Fn = (...args: unknown[]) => unknown[][];
const fn = (id: string) => (chips as unknown as Record<string, Fn>)[id];
const ALL_CORES = Object.values(CORES as Record<string, Core>);

/** Blanks, text, flags, error values, NaN, infinities, huge, tiny and negative numbers. */
const hostileCell = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, -1, 1, 1.5, 1e6, 1e9, 1e12, 1e15, 1e15 + 2, 5e-324, 1e300, -1e300, Number.MAX_VALUE, NaN, Infinity, -Infinity),
  fc.constantFrom(null, undefined, "", " ", "5", " 2.5 ", "-3", "lots", "TRUE", "units", " Dollars ", "none", "approval", "cost"),
  fc.boolean(),
  fc.constantFrom(...["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"].map((c) => new FakeCustomFunctionsError(c, "upstream"))),
);

/** What a sheet mostly holds for a parameter: a valid value of its kind (numbers near and at the bounds). */
function validCell(spec: ParamSpec): fc.Arbitrary<unknown> {
  if (spec.kind === "boolean") return fc.oneof(fc.boolean(), fc.constant(null));
  if (spec.kind === "text") return fc.constantFrom(null, ...(spec.choices ?? []));
  const { atLeast, above, atMost } = acceptedInterval(spec);
  const lo = Math.max(atLeast, above, -1e6);
  const hi = Math.min(atMost, 1e6);
  const edges = [atLeast, atMost].filter(Number.isFinite);
  return fc.oneof(fc.double({ min: lo, max: hi, noNaN: true }), fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }), fc.constantFrom(...edges, 0.25, 1));
}

/** A cell a sheet may hold: mostly valid, sometimes anything. */
const cellFor = (spec: ParamSpec, validWeight: number) => fc.oneof({ arbitrary: validCell(spec), weight: validWeight }, { arbitrary: hostileCell, weight: 1 });

/** Every (core, column) pair the fast path can take: a number parameter down a column. */
const COLUMNS = ALL_CORES.flatMap((core) => core.params.flatMap((p, at) => (p.kind === "number" ? [[`${core.name}(${p.name} column)`, core, at] as const] : [])));

test.each(COLUMNS)("%s: a column against single values spills what the cell-by-cell calls give, on any cells", (_, core, at) => {
  const f = fn(core.name);
  const column = fc.oneof(
    fc.array(validCell(core.params[at]), { minLength: 2, maxLength: 12 }), // all valid: the fast path throughout
    fc.array(cellFor(core.params[at], 3), { minLength: 2, maxLength: 12 }), // mixed: the general path for the odd cells
  );
  const singles = fc.tuple(...core.params.map((p) => cellFor(p, 6)));
  fc.assert(
    fc.property(column, singles, fc.integer({ min: 0, max: core.params.length }), (cells, values, passed) => {
      // Trailing optional arguments may be omitted, as Excel passes them (at least up to the column).
      const count = Math.max(passed, at + 1);
      const args = values.slice(0, count).map((v, i) => (i === at ? cells.map((c) => [c]) : [[v]]));
      const spilled = outcome(() => f(...args));
      const byCell = outcome(() => cells.map((c) => [single(f, ...values.slice(0, count).map((v, i) => (i === at ? c : v)))]));
      expect(spilled).toEqual(byCell);
    }),
    lawRuns(),
  );
});

describe("the fast path is the one taken for a clean column", () => {
  const share = CORES.US_REVENUE_SHARE as Core;
  const column = [[100], [200], [300]];

  test("the core is specialised once per call and compute is not run per row", () => {
    const overFirst = jest.spyOn(share, "overFirst" as never);
    const compute = jest.spyOn(share, "compute");
    expect(chips.US_REVENUE_SHARE(column, [[0.5]])).toEqual([[50], [100], [150]]);
    expect(overFirst).toHaveBeenCalledTimes(1);
    expect(compute).not.toHaveBeenCalled();
  });

  test("a bad single value leaves the whole call to the general path: every cell has its error", () => {
    const overFirst = jest.spyOn(share, "overFirst" as never);
    expect(outcome(() => chips.US_REVENUE_SHARE(column, [[2]]))).toEqual(Array(3).fill([{ code: "#NUM!", message: "rate: must be a fraction between 0 and 1 (e.g. 0.25 for 25%), got 2" }]));
    expect(overFirst).not.toHaveBeenCalled();
  });

  test("odd cells of a number column get the general path's errors; the rest compute", () => {
    const na = new FakeCustomFunctionsError("#N/A", "from a lookup");
    const cells = [100, null, "", " 8 ", "lots", true, na, NaN, -1, 2e15, 400];
    const spilled = outcome(() => chips.US_REVENUE_SHARE(cells.map((c) => [c]), [[0.5]])) as unknown[][];
    expect(spilled.map(([c]) => (typeof c === "number" ? c : (c as { code: string }).code))).toEqual([50, 0, 0, 4, "#VALUE!", "#VALUE!", "#N/A", "#NUM!", "#NUM!", "#NUM!", 200]);
    expect(spilled).toEqual(cells.map((c) => [single(chips.US_REVENUE_SHARE, c, 0.5)]));
  });
});
