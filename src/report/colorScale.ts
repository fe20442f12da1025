/**
 * The three-colour scale of TableBlock.colorScale ("Red - Yellow - Green"): its colours and
 * criteria, shared by every renderer that draws it (the xlsx and workbook writers as a
 * conditional format, the preview as computed fills), and the shading a cell gets, computed
 * the way the spreadsheet does it. Pure: no DOM, no host API.
 */
import { CellValue } from "./model";

/** An RGB colour as "#RRGGBB" (upper-case hex). */
export type HexColor = `#${string}`;

/**
 * The scale: the lowest value red, the 50th percentile yellow, the highest green, as the
 * spreadsheet preset "Red - Yellow - Green".
 */
export const COLOR_SCALE = {
  minimum: "#F8696B",
  midpoint: "#FFEB84",
  maximum: "#63BE7B",
  /** The midpoint criterion: this percentile of the area's numbers (inclusive, as PERCENTILE). */
  midpointPercentile: 50,
} as const satisfies { minimum: HexColor; midpoint: HexColor; maximum: HexColor; midpointPercentile: number };

const channels = (color: string): [number, number, number] => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new Error(`not a #RRGGBB colour: ${color}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
};

const hex = (rgb: readonly number[]): HexColor => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0").toUpperCase()).join("")}`;

/**
 * The colour a fraction `t` (clamped to 0..1) of the way from `from` to `to`, mixed linearly
 * in RGB and rounded to whole channels.
 * @example mixColor("#000000", "#FFFFFF", 0.5) // returns "#808080"
 */
export function mixColor(from: string, to: string, t: number): HexColor {
  const f = Math.min(1, Math.max(0, t));
  const [a, b] = [channels(from), channels(to)];
  return hex(a.map((c, i) => c + (b[i] - c) * f));
}

/**
 * The `p`th percentile (0..100) of numbers, interpolating between ranks as Excel's
 * PERCENTILE.INC does; NaN for none.
 * @example percentileInc([1, 2, 3, 4], 50) // returns 2.5
 */
export function percentileInc(numbers: readonly number[], p: number): number {
  if (numbers.length === 0) return NaN;
  const sorted = [...numbers].sort((x, y) => x - y);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** A cell value the scale shades: a finite number (text, booleans and blanks are left alone, as in Excel). */
const shaded = (v: CellValue): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The fill of each value under the colour scale, as the spreadsheet draws it: the lowest number
 * gets the minimum colour, the midpoint percentile the midpoint colour, the highest the maximum
 * colour, and numbers in between a linear RGB mix of the two colours around them. A value that
 * is not a finite number gets null (no fill). Where the lowest value is also the midpoint (say
 * all values are equal), it takes the midpoint colour.
 * @example colorScaleFills([1, 2, 3, "n/a"]) // returns ["#F8696B", "#FFEB84", "#63BE7B", null]
 */
export function colorScaleFills(values: readonly CellValue[]): (HexColor | null)[] {
  const numbers = values.filter(shaded);
  if (numbers.length === 0) return values.map(() => null);
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const mid = percentileInc(numbers, COLOR_SCALE.midpointPercentile);
  return values.map((v) => {
    if (!shaded(v)) return null;
    if (v <= mid) return mid === min ? COLOR_SCALE.midpoint : mixColor(COLOR_SCALE.minimum, COLOR_SCALE.midpoint, (v - min) / (mid - min));
    return mixColor(COLOR_SCALE.midpoint, COLOR_SCALE.maximum, (v - mid) / (max - mid));
  });
}

/** WCAG relative luminance of a "#RRGGBB" colour (0 = black, 1 = white). */
function luminance(color: string): number {
  const [r, g, b] = channels(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG contrast ratio of two colours (1 to 21).
 * @example contrastRatio("#000000", "#FFFFFF") // returns 21
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour, black or white, that reads best on a background.
 * @example readableText("#63BE7B") // returns "#000000"
 */
export function readableText(background: string): "#000000" | "#FFFFFF" {
  return contrastRatio(background, "#000000") >= contrastRatio(background, "#FFFFFF") ? "#000000" : "#FFFFFF";
}
