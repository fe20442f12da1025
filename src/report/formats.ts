/**
 * The one number formatter of every surface (Markdown, Word, xlsx, SVG labels, pane, CLI).
 * Each display unit is one row of DISPLAY_UNITS; the Excel number format code written into
 * the workbook (FORMATS) and the text every other host shows (`display`) are both derived
 * from that row, so a number reads the same wherever it appears.
 *
 * Rounding is half away from zero on the number's decimal value, read to 15 significant digits
 * as a spreadsheet does: $4.05bn to one decimal is $4.1bn (JavaScript's toFixed gives 4.0,
 * because 4.05 is stored as 4.0499999…). One known difference: LibreOffice rounds a percentage
 * from the binary product value × 100, so at an exact half-way point whose product falls just
 * below it (0.0055 → 0.54999…) it shows 0.5% where this shows 0.6%.
 */
import { CellValue } from "./model";

interface DisplayUnit {
  /** Decimal places shown. */
  readonly decimals: number;
  /** Power of ten the value is divided by before rounding: 9 for $bn, -2 for percentages. */
  readonly shift: number;
  readonly prefix: string;
  readonly suffix: string;
  /** A "+" on positive values (signed changes). */
  readonly plus?: boolean;
  /** No thousands separators (shares and ratios, which stay small). */
  readonly ungrouped?: boolean;
}

/** Every display unit a report uses; FORMATS holds the Excel format code of each. */
export const DISPLAY_UNITS = {
  /** Chips, whole, with thousands separators (pro-rata allocation leaves fractions). */
  units: { decimals: 0, shift: 0, prefix: "", suffix: "" },
  /** Scenario totals in US dollar billions, one decimal: 2.8e9 → $2.8bn. */
  usdBillions: { decimals: 1, shift: 9, prefix: "$", suffix: "bn" },
  /** Reported dollar figures, to the $10m: 2.97e9 → $2.97bn. */
  usdBillions2: { decimals: 2, shift: 9, prefix: "$", suffix: "bn" },
  /** Buyer-level money in US dollar millions, whole: 526.5e6 → $527m. */
  usdMillions: { decimals: 0, shift: 6, prefix: "$", suffix: "m" },
  /** Prices: 27000 → $27,000. */
  usd: { decimals: 0, shift: 0, prefix: "$", suffix: "" },
  /** Shares and rates, one decimal: 0.25 → 25.0%. */
  percent: { decimals: 1, shift: -2, prefix: "", suffix: "%", ungrouped: true },
  /** Signed changes: 0.579 → +57.9%. */
  change: { decimals: 1, shift: -2, prefix: "", suffix: "%", plus: true, ungrouped: true },
  /** Ratios and multiples: 0.5 → 0.50. */
  ratio: { decimals: 2, shift: 0, prefix: "", suffix: "", ungrouped: true },
} as const satisfies Record<string, DisplayUnit>;

export type DisplayUnitName = keyof typeof DISPLAY_UNITS;

/**
 * The Excel number format code of a display unit: thousands separators (unless ungrouped), the decimals, one
 * trailing comma per thousand divided ($bn: three), the percent sign (which multiplies by 100).
 * @example formatCode(DISPLAY_UNITS.usdBillions) // returns '$#,##0.0,,,"bn"'
 */
export function formatCode(u: DisplayUnit): string {
  const number = `${u.ungrouped ? "" : "#,##"}0${u.decimals > 0 ? `.${"0".repeat(u.decimals)}` : ""}${",".repeat(Math.max(0, u.shift) / 3)}`;
  const shown = `${u.prefix}${number}${u.suffix === "%" ? "%" : u.suffix ? `"${u.suffix}"` : ""}`;
  return u.plus ? `+${shown};-${shown};${shown}` : shown;
}

type Codes = { readonly [K in DisplayUnitName]: string };

/** Excel number format codes, one per display unit (e.g. FORMATS.usdBillions = '$#,##0.0,,,"bn"'). */
export const FORMATS: Codes = Object.fromEntries(Object.entries(DISPLAY_UNITS).map(([name, u]) => [name, formatCode(u)])) as unknown as Codes;

export type FormatCode = Codes[DisplayUnitName];

const BY_CODE = new Map<string, DisplayUnit>(Object.entries(DISPLAY_UNITS).map(([name, u]) => [FORMATS[name as DisplayUnitName], u]));

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * |value| ÷ 10^shift rounded half away from zero to `decimals` places, read from the value's
 * 15 significant decimal digits (exact decimal arithmetic, no binary error), without grouping.
 * @example roundedDigits(4.05e9, 9, 1) // returns "4.1"
 */
export function roundedDigits(value: number, shift: number, decimals: number): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split("e");
  const digits = BigInt(mantissa.replace(".", ""));
  // |value| × 10^decimals ÷ 10^shift = digits × 10^power
  const power = Number(exponent) - 14 + decimals - shift;
  let scaled: bigint;
  if (power >= 0) scaled = digits * 10n ** BigInt(power);
  else {
    const divisor = 10n ** BigInt(-power);
    scaled = (digits + divisor / 2n) / divisor;
  }
  const text = scaled.toString().padStart(decimals + 1, "0");
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

/**
 * A number in a display unit: rounded half-up, grouped, signed (no "-0").
 * @example formatNumber(6.85e9, "usdBillions") // returns "$6.9bn"
 * @example formatNumber(-1234.5, "units") // returns "-1,235"
 */
export function formatNumber(value: number, unit: DisplayUnitName): string {
  return shownIn(value, DISPLAY_UNITS[unit]);
}

/**
 * The same number without its unit's symbols, for a table whose header names the unit ("US$ m").
 * @example formatBare(1.6195e9, "usdMillions") // returns "1,620"
 */
export function formatBare(value: number, unit: DisplayUnitName): string {
  return shownIn(value, { ...DISPLAY_UNITS[unit], prefix: "", suffix: "" });
}

function shownIn(value: number, u: DisplayUnit): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = roundedDigits(value, u.shift, u.decimals);
  const [whole, frac] = abs.split(".");
  const zero = /^[0.]*$/.test(abs);
  // A format with sections (signed changes) picks its section by the value's own sign, as
  // spreadsheets do: +0.00001 shows "+0.0%". Otherwise no "-0".
  const sign = u.plus ? (value > 0 ? "+" : value < 0 ? "-" : "") : value < 0 && !zero ? "-" : "";
  return `${sign}${u.prefix}${u.ungrouped ? whole : group(whole)}${frac === undefined ? "" : `.${frac}`}${u.suffix}`;
}

/**
 * A cell value as a spreadsheet shows it with `format` (text, flags and blanks as they are).
 * Only the codes in FORMATS are understood; any other number shows as it is.
 * @example display(2.8e9, FORMATS.usdBillions) // returns "$2.8bn"
 * @example display(0.579, FORMATS.change) // returns "+57.9%"
 * @example display(4.05e9, FORMATS.usdBillions) // returns "$4.1bn"
 */
export function display(value: CellValue, format?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const unit = format === undefined ? undefined : BY_CODE.get(format);
  return unit ? shownIn(value, unit) : String(value);
}

/**
 * A length display(value, format) never exceeds, for a number, found without formatting it: a
 * caller that wants only the longest text (a column's width) can skip numbers that cannot be it.
 * Counts the sign, the unit's symbols, every whole digit (one more for a rounding carry), the
 * separators and the decimals.
 * @example displayLengthBound(2.8e9, FORMATS.usdBillions) // returns 8
 * @example displayLengthBound(0.25, FORMATS.percent) // returns 7
 */
export function displayLengthBound(value: number, format?: string): number {
  const unit = format === undefined ? undefined : BY_CODE.get(format);
  if (!unit || !Number.isFinite(value)) return String(value).length;
  const whole = Math.max(1, Math.floor(Math.log10(Math.abs(value)) - unit.shift) + 1) + 1;
  const separators = unit.ungrouped ? 0 : Math.floor((whole - 1) / 3);
  return 1 + unit.prefix.length + whole + separators + (unit.decimals > 0 ? unit.decimals + 1 : 0) + unit.suffix.length;
}
