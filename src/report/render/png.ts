/**
 * PNG renders of the SVG charts, at 2x, for Word, PowerPoint and e-mail. Uses resvg (a real SVG
 * renderer, a native module loaded only here); text is drawn in the charts' named font family,
 * which must be installed (Debian fonts-dejavu-core), else resvg falls back to another font.
 */
import { renderAsync } from "@resvg/resvg-js";
import * as fs from "fs";
import { chartPngName } from "../files";
import { Report } from "../model";
import { RenderedFile } from "./renderer";
import { FONT_FAMILY, renderSvgChart } from "./svg";
import type { ChartImage, ChartImages } from "./xlsx";

/** Pixels per SVG unit in the PNG. */
export const PNG_SCALE = 2;

/** Where Debian's fonts-dejavu-core puts the charts' font; loading two files is far faster than scanning every system font. */
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => `/usr/share/fonts/truetype/dejavu/${f}`);
const fontFiles = (): string[] | undefined => (FONT_FILES.every((f) => fs.existsSync(f)) ? FONT_FILES : undefined);

/** Renders made or under way in this process (the Word note and the files beside it share them). */
const made = new Map<string, Promise<Uint8Array>>();

/**
 * An SVG document as PNG bytes at PNG_SCALE. Parsing and drawing run off the main thread
 * (resvg's renderAsync), so several charts render while the workbook is written.
 */
export function svgToPng(svg: string): Promise<Uint8Array> {
  const cached = made.get(svg);
  if (cached) return cached;
  const files = fontFiles();
  const png = renderAsync(svg, {
    fitTo: { mode: "zoom", value: PNG_SCALE },
    font: { ...(files ? { fontFiles: files, loadSystemFonts: false } : { loadSystemFonts: true }), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  }).then((image) => new Uint8Array(image.asPng()));
  if (made.size > 64) made.clear();
  made.set(svg, png);
  return png;
}

/** Every chart of a report as a .png beside its .svg. */
export function renderPngCharts(report: Report): Promise<RenderedFile[]> {
  return Promise.all(report.charts.map(async (c) => ({ name: chartPngName(c), data: await svgToPng(renderSvgChart(c)) })));
}

/** Every chart of a report as a picture for the .xlsx file (the same renders as the .png files), by chart id. */
export async function chartImages(report: Report): Promise<ChartImages> {
  const pictures = await Promise.all(
    report.charts.map(async (c): Promise<[string, ChartImage]> => {
      const svg = renderSvgChart(c);
      return [c.id, { png: await svgToPng(svg), ...svgSize(svg) }];
    }),
  );
  return new Map(pictures);
}

/** The width and height an SVG chart declares, in SVG units. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 760, height: 460 };
}
