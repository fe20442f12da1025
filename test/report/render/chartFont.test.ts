/**
 * The charts' shipped font: the cut draws every character it claims exactly as the full DejaVu
 * does, and a chart naming a character it lacks still gets that glyph from the system's fonts.
 */
import { Resvg } from "@resvg/resvg-js";
import * as fs from "fs";
import * as os from "os";
import { CHART_FONT_COVERAGE, CHART_FONT_FILES, chartFontCharacters, chartFontCovers } from "../../../src/report/render/chartFont";
import { chartFontFiles, svgToPng } from "../../../src/report/render/png";
import { FONT_FAMILY } from "../../../src/report/render/svg";

/** Debian's fonts-dejavu-core (installed by .ci/run): the originals the cut was made from. */
const FULL = CHART_FONT_FILES.map((f) => `/usr/share/fonts/truetype/dejavu/${f}`);
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Lines of `text`, 48 characters each, regular then bold. */
function specimen(text: string): string {
  const chars = Array.from(text);
  const lines = Array.from({ length: Math.ceil(chars.length / 48) }, (_, i) => chars.slice(i * 48, i * 48 + 48).join(""));
  const rows = ["normal", "bold"].flatMap((weight, w) =>
    lines.map((line, i) => `<text x="4" y="${20 + (w * lines.length + i) * 22}" font-size="16" font-weight="${weight}" font-family="${FONT_FAMILY}">${escapeXml(line)}</text>`),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${40 + rows.length * 22}">${rows.join("")}</svg>`;
}
const pixels = (svg: string, fontFiles: string[]) => new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().pixels;

test("the full DejaVu the cut is checked against is installed (Debian fonts-dejavu-core)", () => {
  expect(FULL.filter((f) => !fs.existsSync(f))).toEqual([]);
});

test("law: the shipped cut draws every covered character, regular and bold, pixel for pixel as the full font", () => {
  const shipped = chartFontFiles();
  expect(shipped).toBeDefined();
  const svg = specimen(chartFontCharacters());
  const cut = pixels(svg, shipped!);
  expect(Buffer.compare(cut, pixels(svg, FULL))).toBe(0);
  // Not a blank page: the specimen draws ink.
  expect(cut.some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
});

test("the cut is small: resvg reads it again for every glyph", () => {
  for (const f of chartFontFiles()!) expect(fs.statSync(f).size).toBeLessThan(150_000);
});

test("coverage: Latin text is covered; CJK and Greek are not; line breaks draw nothing", () => {
  expect(chartFontCovers("Huawei Ascend 910C: 1.2m units — Q3 FY2027, ≤ 25% ±0.5 €")).toBe(true);
  expect(chartFontCovers("Zhōngguó, São Paulo, Łódź\n\t")).toBe(true);
  expect(chartFontCovers("字节跳动")).toBe(false);
  expect(chartFontCovers("Δ revenue")).toBe(false);
  expect(chartFontCharacters().length).toBe(CHART_FONT_COVERAGE.reduce((n, [a, b]) => n + b - a + 1, 0));
});

test("a chart naming a character the cut lacks is drawn with the system's fonts (here the full DejaVu)", async () => {
  const svg = specimen("Δ revenue");
  const png = Buffer.from(await svgToPng(svg));
  const withCut = Buffer.from(new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().asPng());
  const withFull = Buffer.from(new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { fontFiles: FULL, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().asPng());
  expect(png.equals(withFull)).toBe(true);
  expect(png.equals(withCut)).toBe(false);
});

test("the shipped files are found from the repository's folders and not from outside it", () => {
  expect(chartFontFiles()).toHaveLength(CHART_FONT_FILES.length);
  expect(chartFontFiles(os.tmpdir())).toBeUndefined();
});
