/**
 * The charts' font as the repository ships it: DejaVu Sans and DejaVu Sans Bold cut down to the
 * characters below (assets/fonts, written by scripts/subset-chart-font.js from Debian's
 * fonts-dejavu-core). resvg reads a font file again for every glyph it draws, so a 85 KB cut
 * draws the same pixels several times faster than the 0.75 MB originals, and the PNGs look the
 * same on every machine, with or without DejaVu installed.
 */

/** The shipped files, in assets/fonts. */
export const CHART_FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;

/**
 * The code points the cut keeps, as inclusive [first, last] ranges: Latin with its accents,
 * the punctuation, currency and maths signs a note uses. Text outside them (CJK names, say)
 * is drawn from the system's fonts instead.
 */
export const CHART_FONT_COVERAGE: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x24f], // Latin-1 Supplement, Latin Extended-A and B
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x203a], // per mille, primes, angle quotes
  [0x20ac, 0x20ac], // euro sign
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus sign
  [0x221e, 0x221e], // infinity
  [0x2248, 0x2248], // almost equal
  [0x2260, 0x2265], // not equal, less and greater or equal
];

const covered = (code: number): boolean => CHART_FONT_COVERAGE.some(([first, last]) => code >= first && code <= last);

/** Whether the shipped cut draws every character of `text` (line breaks and tabs draw nothing). */
export function chartFontCovers(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code === 0x0a || code === 0x0d || code === 0x09) continue;
    if (!covered(code)) return false;
  }
  return true;
}

/** Every covered character, in order: what the generator keeps. */
export function chartFontCharacters(): string {
  return CHART_FONT_COVERAGE.map(([first, last]) => Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)).join("")).join("");
}
