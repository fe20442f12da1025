/**
 * A content hash of what a sheet holds, computed the same way from the grid we write and
 * from what Excel reads back (the used range's address and formulas), so a differing hash
 * means someone edited the sheet since the last fill.
 */
import { SheetGrid, a1, cellInput } from "../grid";

type Scalar = string | number | boolean | null | undefined;

/** FNV-1a, 32 bit: enough to notice an edit, and the same in every host. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

// Excel may reformat a formula (case, spaces) and turns "2027" text into a number: compare loosely.
const norm = (v: Scalar): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" && v.startsWith("=")) return v.replace(/\s+/g, "").toUpperCase();
  return String(v);
};

/** Hash of a used range as Excel reports it: address without the sheet part, and formulas. */
export function rangeHash(address: string, formulas: readonly (readonly Scalar[])[]): string {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return fnv1a(`${local.replace(/\$/g, "")}\n${formulas.map((r) => r.map(norm).join("\t")).join("\n")}`);
}

/** Hash of a grid as Excel will report it once written (its non-empty bounding box). */
export function gridHash(grid: SheetGrid): string {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  const inputs = grid.cells.map((r) => r.map(cellInput));
  inputs.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === "") return;
      top = Math.min(top, i);
      left = Math.min(left, j);
      bottom = Math.max(bottom, i);
      right = Math.max(right, j);
    }),
  );
  if (bottom < 0) return rangeHash("A1", [[""]]);
  const box = inputs.slice(top, bottom + 1).map((r) => r.slice(left, right + 1).map((v) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v)));
  return rangeHash(`${a1(top, left)}:${a1(bottom, right)}`, box);
}
