/** The data-driven formula suite (formulas.json), evaluated inside a real formula engine. */
import { DetailedCellError } from "hyperformula";
import cases from "./formulas.json";
import { chipsWorkbook } from "../support/hyperformula";

type Expected = number | string | { error: string; message?: string } | { contains: string } | Expected[][];
const FORMULA_COLUMN = 9; // J: clear of the data in A:G and of spills

function expectCell(actual: unknown, expected: Expected, where: string) {
  if (typeof expected === "number") {
    expect({ where, actual }).toEqual({ where, actual: expect.any(Number) });
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (typeof expected === "string") {
    expect(actual).toBe(expected);
  } else if (!Array.isArray(expected) && "contains" in expected) {
    expect(actual).toEqual(expect.stringContaining(expected.contains));
  } else if (!Array.isArray(expected)) {
    expect(actual).toBeInstanceOf(DetailedCellError);
    const e = actual as DetailedCellError;
    expect({ where, code: e.value }).toEqual({ where, code: expected.error });
    if (expected.message) expect(e.message).toContain(expected.message);
  }
}

test("the suite covers every function in the catalogue", () => {
  const used = new Set(cases.cases.flatMap((c) => [...c.formula.matchAll(/CHIPS\.(\w+)/g)].map((m) => m[1])));
  for (const id of ["H200_ALLOWED", "US_REVENUE_SHARE", "NVIDIA_NET", "H20_EQUIVALENT", "US_LICENSE", "CHINA_ACCESS", "ORDERS", "PUBLIC_SECTOR", "DOMESTIC_RATIO", "SUPPLY_LIMIT", "SUPPLY_ALLOCATE", "CHINA_REVENUE", "BASELINE", "REPORTED", "SOURCE", "METRICS", "SIMULATE", "SENSITIVITY", "SENSITIVITY_GRID"]) {
    expect(used).toContain(id);
  }
});

test.each(cases.cases.map((c) => [c.formula, c.expected as Expected]))("%s", (formula, expected) => {
  const sheet = cases.data.map((row) => [...row, null, null, null]);
  sheet[0][FORMULA_COLUMN] = formula;
  const hf = chipsWorkbook(sheet);
  try {
    if (Array.isArray(expected)) {
      expected.forEach((row, r) =>
        row.forEach((cell, c) => expectCell(hf.getCellValue({ sheet: 0, row: r, col: FORMULA_COLUMN + c }), cell, `${formula} [${r},${c}]`)),
      );
      // nothing spilled beyond the expected shape
      expect(hf.getCellValue({ sheet: 0, row: expected.length, col: FORMULA_COLUMN })).toBeNull();
      expect(hf.getCellValue({ sheet: 0, row: 0, col: FORMULA_COLUMN + expected[0].length })).toBeNull();
    } else {
      expectCell(hf.getCellValue({ sheet: 0, row: 0, col: FORMULA_COLUMN }), expected, formula);
    }
  } finally {
    hf.destroy();
  }
});
