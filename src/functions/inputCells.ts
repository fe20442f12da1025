/** Single cells of the uncertainty ranges read as the engine's values: blanks, input paths, numbers, flags, lists. */
import { Cell, InputValue } from "../engine";

export const isBlank = (c: Cell): boolean => c === null || (typeof c === "string" && c.trim() === "");

/**
 * A cell as an input value: TRUE/FALSE flags, numbers (numeric text too), or a word.
 * @example inputValueOf(" true ") // returns true
 */
export function inputValueOf(c: Cell): InputValue | null {
  if (c === null) return null;
  if (typeof c !== "string") return c;
  const t = c.trim();
  if (t === "") return null;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A number cell for the engine's check: numeric text is the number, anything else as typed. */
export const numberOf = (c: Cell): unknown => {
  if (typeof c === "string" && c.trim() !== "" && Number.isFinite(Number(c.trim()))) return Number(c.trim());
  return c;
};

/** A list cell: comma- or semicolon-separated text, or one value. */
export const listOf = (c: Cell, item: (c: Cell) => unknown): unknown[] =>
  typeof c === "string"
    ? c
        .split(/[,;]/)
        .filter((s) => s.trim() !== "")
        .map(item)
    : [item(c)];

/** An input path cell (trimmed), or undefined when it is blank or not text. */
export const inputPathOf = (c: Cell): string | undefined => (typeof c === "string" && c.trim() !== "" ? c.trim() : undefined);

/** What a path cell should hold, for messages. */
export const inputPathExpected = (c: Cell): string => `expected an input path such as "china.approvalRate" or "market.supply[0]", got ${c === null ? "a blank cell" : String(c)}`;
