/** Number formatting for the human table: the report's one formatter (half-up, locale-independent). */
import { formatBare, formatNumber } from "../report/formats";

/**
 * Chips, rounded to whole units (pro-rata allocation leaves fractions).
 * @example units(19499.6) // returns "19,500"
 */
export const units = (n: number): string => formatNumber(n, "units");

/**
 * US dollars in millions, whole, for columns headed "US$ m".
 * @example usdMillions(1.62e9) // returns "1,620"
 */
export const usdMillions = (n: number): string => formatBare(n, "usdMillions");

/**
 * US dollars in billions with a unit, one decimal, for summary lines.
 * @example usdBillions(4.42e9) // returns "$4.4bn"
 */
export const usdBillions = (n: number): string => formatNumber(n, "usdBillions");

/**
 * A signed percentage change, or "n/a" when the base is zero.
 * @example percentChange(4.42e9, 2.8e9) // returns "+57.9%"
 */
export function percentChange(value: number, base: number): string {
  if (base === 0) return "n/a";
  return formatNumber((value - base) / base, "change");
}
