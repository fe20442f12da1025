/** Number formatting for the human table. Locale-independent so output is the same everywhere. */

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function fixed(n: number, decimals: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = Math.abs(n).toFixed(decimals);
  const [whole, frac] = s.split(".");
  const sign = n < 0 && Number(s) !== 0 ? "-" : "";
  return sign + group(whole) + (frac ? `.${frac}` : "");
}

/**
 * Chips, rounded to whole units (pro-rata allocation leaves fractions).
 * @example units(19499.6) // returns "19,500"
 */
export const units = (n: number): string => fixed(n, 0);

/**
 * US dollars in millions, whole.
 * @example usdMillions(1.62e9) // returns "1,620"
 */
export const usdMillions = (n: number): string => fixed(n / 1e6, 0);

/**
 * US dollars in billions with a unit, for summary lines.
 * @example usdBillions(4.42e9) // returns "$4.42bn"
 */
export const usdBillions = (n: number): string => `$${fixed(n / 1e9, 2)}bn`;

/**
 * A signed percentage change, or "n/a" when the base is zero.
 * @example percentChange(4.42e9, 2.8e9) // returns "+57.9%"
 */
export function percentChange(value: number, base: number): string {
  if (base === 0) return "n/a";
  const p = ((value - base) / base) * 100;
  return `${p >= 0 ? "+" : ""}${fixed(p, 1)}%`;
}
