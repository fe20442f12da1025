/**
 * The number formats a report uses, as Excel format codes, and how hosts without number
 * formats (Markdown, SVG labels) display them. Only these codes are understood by `display`.
 */
import { CellValue } from "./model";

export const FORMATS = {
  /** Chips, whole (pro-rata allocation leaves fractions). */
  units: "#,##0",
  /** US dollars in billions: 2.8e9 → $2.8bn. */
  usdBillions: '$#,##0.0,,,"bn"',
  /** Reported dollar figures, to the $10m: 2.97e9 → $2.97bn. */
  usdBillions2: '$#,##0.00,,,"bn"',
  /** Prices: 27000 → $27,000. */
  usd: "$#,##0",
  /** Shares and rates: 0.25 → 25.0%. */
  percent: "0.0%",
  /** Signed changes: 0.579 → +57.9%. */
  change: "+0.0%;-0.0%;0.0%",
  /** Ratios and multiples: 0.5, 6.00. */
  ratio: "0.00",
} as const;

export type FormatCode = (typeof FORMATS)[keyof typeof FORMATS];

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A non-negative number with `decimals` places and thousands separators. */
function fixed(n: number, decimals: number): string {
  const [whole, frac] = n.toFixed(decimals).split(".");
  return group(whole) + (frac ? `.${frac}` : "");
}

/** Minus sign only when something non-zero is shown (no "-0"). */
function signed(n: number, decimals: number, body: (abs: string) => string, plus = false): string {
  const abs = fixed(Math.abs(n), decimals);
  const zero = Number(abs.replace(/,/g, "")) === 0;
  const sign = n < 0 && !zero ? "-" : plus && !zero ? "+" : "";
  return sign + body(abs);
}

/**
 * A cell value as Excel would show it with `format` (text, flags and blanks as they are).
 * @example display(2.8e9, FORMATS.usdBillions) // returns "$2.8bn"
 * @example display(0.579, FORMATS.change) // returns "+57.9%"
 */
export function display(value: CellValue, format?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case FORMATS.units:
      return signed(value, 0, (a) => a);
    case FORMATS.usdBillions:
      return signed(value / 1e9, 1, (a) => `$${a}bn`);
    case FORMATS.usdBillions2:
      return signed(value / 1e9, 2, (a) => `$${a}bn`);
    case FORMATS.usd:
      return signed(value, 0, (a) => `$${a}`);
    case FORMATS.percent:
      return signed(value * 100, 1, (a) => `${a}%`);
    case FORMATS.change:
      return signed(value * 100, 1, (a) => `${a}%`, true);
    case FORMATS.ratio:
      return signed(value, 2, (a) => a);
    default:
      return String(value);
  }
}
