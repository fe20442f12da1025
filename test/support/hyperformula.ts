/**
 * The CHIPS catalogue registered in a real formula engine (HyperFormula, GPL-3.0, a test-only
 * dependency), so formulas with cell references, ranges, spills and native functions around
 * our functions are evaluated as a spreadsheet would. Arguments reach our functions the way
 * Excel passes them (matrices, null for blanks, error objects); our results and errors go back
 * as HyperFormula values and CellErrors.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import * as chips from "../../src/functions/functions";
import { gridSpill, sensitivitySpill, simulateSpill } from "../../src/functions/longCalcs";
import { CORES } from "../../src/engine";
import { FakeCustomFunctionsError, installCustomFunctions } from "./customFunctions";
import { declaredFunctions } from "./jsdoc";


const TO_HF: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};
const FROM_HF: Record<string, string> = Object.fromEntries(Object.entries(TO_HF).map(([code, type]) => [type, code]));

/** A HyperFormula value as Excel hands it to a custom function. */
function toExcel(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return new FakeCustomFunctionsError(FROM_HF[v.type] ?? "#VALUE!", v.message);
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // HyperFormula's rich numbers
  return v;
}
const toExcelArg = (arg: unknown) => (arg === undefined ? undefined : arg instanceof SimpleRangeValue ? arg.data.map((row) => row.map(toExcel)) : [[toExcel(arg)]]);

function toHf(v: unknown): any {
  if (v instanceof FakeCustomFunctionsError) return new CellError(TO_HF[v.code] ?? ErrorType.VALUE, v.message);
  return v;
}

/**
 * HyperFormula calls functions synchronously: the CHIPS functions that return Promises are called
 * through their synchronous halves (test/functions/asyncCalcs.test.ts: both give the same spill).
 */
const SYNCHRONOUS: Record<string, (...a: any[]) => unknown> = { SIMULATE: simulateSpill, SENSITIVITY: sensitivitySpill, SENSITIVITY_GRID: gridSpill };

function call(exportName: string, args: unknown[]): any {
  try {
    const result = (SYNCHRONOUS[exportName] ?? (chips as Record<string, (...a: unknown[]) => unknown>)[exportName])(...args.map(toExcelArg));
    const grid = result as unknown[][];
    if (grid.length === 1 && grid[0].length === 1) return toHf(grid[0][0]);
    return SimpleRangeValue.onlyValues(grid.map((row) => row.map(toHf)));
  } catch (e) {
    return toHf(e);
  }
}

const ELEMENTWISE = new Set(Object.keys(CORES));

class ChipsPlugin extends FunctionPlugin {
  static override implementedFunctions: Record<string, any> = {};
}

for (const f of declaredFunctions()) {
  const name = `CHIPS.${f.id}`;
  ChipsPlugin.implementedFunctions[name] = {
    method: f.id,
    sizeOfResultArrayMethod: `${f.id}_size`,
    vectorizationForbidden: true, // our functions broadcast ranges themselves
    parameters: f.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
  };
  (ChipsPlugin.prototype as any)[f.id] = function (this: any, ast: any, state: any) {
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => call(f.exportName, args));
  };
  (ChipsPlugin.prototype as any)[`${f.id}_size`] = function (this: any, ast: any, state: any) {
    if (ELEMENTWISE.has(f.id)) {
      // Excel's broadcast: each argument 1 or N along each axis.
      let width = 1;
      let height = 1;
      for (const arg of ast.args) {
        const s: ArraySize = this.arraySizeForAst(arg, state);
        if ((s.width !== 1 && width !== 1 && s.width !== width) || (s.height !== 1 && height !== 1 && s.height !== height)) return ArraySize.scalar();
        width = Math.max(width, s.width);
        height = Math.max(height, s.height);
      }
      return new ArraySize(width, height);
    }
    // Table functions: the size depends on the data, so evaluate to find it. HyperFormula
    // predicts sizes while it loads the sheet, so only literal cells in rows above the
    // formula are known by then: put table formulas below their data.
    const value = call(
      f.exportName,
      ast.args.map((a: any) => this.evaluateAst(a, state)),
    );
    return value instanceof SimpleRangeValue ? new ArraySize(value.width(), value.height()) : ArraySize.scalar();
  };
}

let registered = false;

/** A HyperFormula instance over `sheet` (rows of values and formulas) with CHIPS registered. */
export function chipsWorkbook(sheet: unknown[][]): HyperFormula {
  if (!registered) {
    installCustomFunctions();
    const names = Object.fromEntries(Object.keys(ChipsPlugin.implementedFunctions).map((n) => [n, n]));
    HyperFormula.registerFunctionPlugin(ChipsPlugin, { enGB: names, enUS: names });
    registered = true;
  }
  return HyperFormula.buildFromArray(sheet as any, { licenseKey: "gpl-v3", smartRounding: false });
}
