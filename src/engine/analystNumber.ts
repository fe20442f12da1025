/**
 * Numbers the way analysts type them: `27k`, `27,000`, `$27,000`, `1.5bn`, `60%`.
 *
 * Lenient surfaces (the pane's inputs, Excel text arguments) read them; strict ones (scenario
 * files) only use `analystNumberHint` to name the likely fix in their message. The scale is
 * applied to the decimal text (`1.5e9`), not by multiplying floats, so `0.1k` is exactly 100.
 */

/** A suffix and the power of ten it stands for; case-insensitive. */
const SCALES: Readonly<Record<string, number>> = { k: 3, m: 6, mm: 6, mn: 6, b: 9, bn: 9, t: 12, tn: 12, "%": -2 };

/** sign, `$`, digits (with well-formed thousands separators) or a plain decimal, exponent, suffix. */
const SHAPE = /^([+-]?)\s*(\$?)\s*([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*(k|mm|mn|m|bn|b|tn|t|%)?$/i;

export interface AnalystNumber {
  readonly value: number;
  /** True when the text was not already a plain number (a separator, `$`, a suffix or `%`). */
  readonly lenient: boolean;
}

/**
 * The number an analyst meant, or undefined when the text is not one.
 * @example readAnalystNumber("27k") // returns { value: 27000, lenient: true }
 * @example readAnalystNumber("$27,000") // returns { value: 27000, lenient: true }
 * @example readAnalystNumber("1.5bn") // returns { value: 1500000000, lenient: true }
 * @example readAnalystNumber("60%") // returns { value: 0.6, lenient: true }
 * @example readAnalystNumber("3e9") // returns { value: 3000000000, lenient: false }
 * @example readAnalystNumber("1,30,000") // returns undefined
 */
export function readAnalystNumber(text: string): AnalystNumber | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  const m = SHAPE.exec(t);
  if (!m) return undefined;
  const [, sign1, dollar, sign2, digits, exponent, suffix] = m;
  if (sign1 && sign2) return undefined;
  const sign = sign1 || sign2;
  const shift = (exponent ? Number(exponent) : 0) + (suffix ? SCALES[suffix.toLowerCase()] : 0);
  const value = Number(`${sign === "-" ? "-" : ""}${digits.replace(/,/g, "")}e${shift}`);
  if (!Number.isFinite(value)) return undefined;
  const lenient = dollar !== "" || suffix !== undefined || digits.includes(",");
  return { value: Object.is(value, -0) ? 0 : value, lenient };
}

/**
 * For strict inputs: how to write `text` as a plain number, when it reads as one the lenient way.
 * @example analystNumberHint("130,000") // returns "\"130,000\" looks like a number with a thousands separator: write 130000"
 * @example analystNumberHint("25%") // returns "\"25%\" is a percentage: write 0.25"
 * @example analystNumberHint("27k") // returns "\"27k\" is a scaled number: write 27000"
 * @example analystNumberHint("banana") // returns undefined
 */
export function analystNumberHint(text: string): string | undefined {
  const read = readAnalystNumber(text);
  if (!read || !read.lenient) return undefined;
  const shown = JSON.stringify(text.trim());
  const plain = plainNumber(read.value);
  if (/%\s*$/.test(text)) return `${shown} is a percentage: write ${plain}`;
  if (/[a-z]\s*$/i.test(text)) return `${shown} is a scaled number: write ${plain}`;
  if (text.includes(",")) return `${shown} looks like a number with a thousands separator: write ${plain}`;
  return `${shown} has a currency sign: write ${plain}`;
}

/**
 * A number as plain text a scenario file accepts: integers in full up to 1e21, else JS's shortest form.
 * @example plainNumber(1500000000) // returns "1500000000"
 * @example plainNumber(0.25) // returns "0.25"
 */
export function plainNumber(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
}
