/**
 * Workbook defined names for the Assumptions inputs, so formulas read `China_ApprovalRate`
 * rather than `'Assumptions'!$E$12`.
 *
 * The rule (also in the README): `[Scenario_]Block_Field[_Period]`, each part reduced to letters,
 * digits and `_` (anything else becomes `_`). Block is `US`, `China` (the cap's fields as
 * `China_CapBasis`, …), `Market`, or the buyer's name; Field is the catalogue key with its first
 * letter capitalised; Period is the quarter label for a per-period cell and absent for an
 * "All periods" cell. The scenario's name leads only when the report has several scenarios.
 * A part that does not start with a letter, or that reads like a cell reference (`FY2027`,
 * `R1C1`), is prefixed with `N_`; parts are cut to 60 characters; a name already taken (names
 * are case-insensitive) gets `_2`, `_3`, …. So every name is unique, starts with a letter,
 * holds only letters, digits and `_`, is no cell reference and stays far below Excel's 255.
 */
import { cellRef } from "./a1";

/** A workbook-level name for one cell. */
export interface DefinedName {
  readonly name: string;
  readonly sheet: string;
  /** 1-based. */
  readonly row: number;
  readonly col: number;
}

const MAX_PART = 60;

/** Something Excel or LibreOffice could read as a cell reference (A1 or R1C1 style) at the start of a name. */
const CELL_LIKE = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]?\d*)$/;

/**
 * One part of a defined name: letters, digits and `_` only, starting with a letter.
 * @example namePart("Alibaba Cloud (HK)") // returns "Alibaba_Cloud__HK_"
 * @example namePart("FY2027") // returns "N_FY2027"
 */
export function namePart(text: string): string {
  let s = text.replace(/[^A-Za-z0-9_]/g, "_").slice(0, MAX_PART);
  if (s === "" || !/^[A-Za-z]/.test(s) || CELL_LIKE.test(s)) s = `N_${s}`;
  return s;
}

/**
 * The capitalised field key.
 * @example fieldPart("approvalRate") // returns "ApprovalRate"
 */
export const fieldPart = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);

/** A name's parts joined, made unique against `taken` (lower-cased names), and recorded there. */
export function uniqueName(parts: readonly string[], taken: Set<string>): string {
  const want = parts.join("_");
  let name = want;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${want}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The reference a name refers to, as Excel's Name Manager writes it (sheet quoted, absolute cell).
 * @example nameReference({ name: "China_ApprovalRate", sheet: "Assumptions", row: 12, col: 5 }) // returns "'Assumptions'!$E$12"
 */
export const nameReference = (n: DefinedName): string => `'${n.sheet.replace(/'/g, "''")}'!${cellRef(n.row, n.col, true)}`;

const NAME_LIKE = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/**
 * Whether a formula only links to a cell elsewhere: a defined name, or one cell of another sheet.
 * (The banking convention colours such links green, other formulas black.)
 * @example isLink("China_ApprovalRate", new Set(["china_approvalrate"])) // returns true
 * @example isLink("B5*China_ApprovalRate", new Set(["china_approvalrate"])) // returns false
 */
export function isLink(formula: string, names: ReadonlySet<string>): boolean {
  const f = formula.trim();
  // Only a formula of name characters can be a name (and only then is it worth lower-casing).
  if (NAME_LIKE.test(f) && names.has(f.toLowerCase())) return true;
  return /^(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Z]{1,3}\$?\d+$/.test(f);
}
