/** Rounding-aware comparisons for figures reported to a few digits. */

/** Digits after the decimal point in `x` as written (up to 6). */
export function decimals(x: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = x * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 6;
}

/** Half a unit in the last written digit: the rounding error a reported figure may carry. */
export const halfUnit = (x: number): number => 0.5 * 10 ** -decimals(x);

/** The interval a figure reported as `value` (in units of `scale`, e.g. 1e9 for $B) may stand for, in base units. */
export function reported(value: number, scale = 1): [number, number] {
  const h = halfUnit(value / scale) * scale;
  return [value - h, value + h];
}

export const overlaps = (a: readonly [number, number], b: readonly [number, number]): boolean => a[0] <= b[1] && b[0] <= a[1];

/** The interval of a / b - 1 over the reported intervals of a and b (b > 0). */
export const growth = (a: [number, number], b: [number, number]): [number, number] => [a[0] / b[1] - 1, a[1] / b[0] - 1];

/** The interval of a sum of reported intervals. */
export const sum = (...xs: [number, number][]): [number, number] => [xs.reduce((s, x) => s + x[0], 0), xs.reduce((s, x) => s + x[1], 0)];
