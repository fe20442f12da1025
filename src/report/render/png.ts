/**
 * PNG renders of the SVG charts, at 2x, for Word, PowerPoint and e-mail. Uses resvg (a real SVG
 * renderer, a native module loaded only here); text is drawn in the charts' font as the
 * repository ships it (chartFont.ts), and in the system's fonts where a chart names characters
 * that cut lacks.
 */
import { renderAsync } from "@resvg/resvg-js";
import * as fs from "fs";
import * as path from "path";
import { CHART_FONT_FILES, chartFontCovers } from "./chartFont";
import { chartFileName, chartPngName } from "../files";
import { RenderedFile } from "./renderer";
import type { ChartImage, ChartImages, PictureReport } from "./pictures";
import { FONT_FAMILY, renderSvgChart, svgSize } from "./svg";

/** Pixels per SVG unit in the PNG. */
export const PNG_SCALE = 2;

/**
 * The shipped font files: assets/fonts in the nearest folder above this module that has them
 * (the repository, whether this runs from src, lib or the bench's build).
 */
export function chartFontFiles(from = __dirname): string[] | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const files = CHART_FONT_FILES.map((f) => path.join(dir, "assets", "fonts", f));
    if (files.every((f) => fs.existsSync(f))) return files;
    if (path.dirname(dir) === dir) return undefined;
  }
}
let shipped: string[] | undefined | null = null;

/**
 * resvg's font options for `svg`: the shipped cut alone (fast, the same on every machine), or,
 * when the chart names a character the cut lacks, the system's fonts alone, as a browser would
 * draw the .svg (with both, a lacking glyph would come from whichever font resvg meets first).
 */
function fontOptions(svg: string) {
  shipped ??= chartFontFiles();
  const families = { defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY };
  return shipped && chartFontCovers(svgText(svg)) ? { fontFiles: shipped, loadSystemFonts: false, ...families } : { loadSystemFonts: true, ...families };
}

/** The characters an SVG chart draws: its text content, markup and attributes aside. */
const svgText = (svg: string): string => svg.replace(/<[^>]*>/g, "");

/**
 * An SVG document as PNG bytes at PNG_SCALE. Parsing and drawing run on resvg's own threads
 * (renderAsync); the PNG encoding runs on the caller's.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, { fitTo: { mode: "zoom", value: PNG_SCALE }, font: fontOptions(svg) });
  return new Uint8Array(image.asPng());
}

/** Every chart of a report drawn once: as an .svg and a .png beside it, and the same PNGs by chart id for the workbook and the Word note. */
export async function chartPictures(report: Pick<PictureReport, "charts">): Promise<{ files: RenderedFile[]; images: ChartImages }> {
  const drawn = await Promise.all(
    report.charts.map(async (chart) => {
      const svg = renderSvgChart(chart);
      return { chart, svg, png: await svgToPng(svg) };
    }),
  );
  return {
    files: drawn.flatMap(({ chart, svg, png }) => [
      { name: chartFileName(chart), data: svg },
      { name: chartPngName(chart), data: png },
    ]),
    images: new Map(drawn.map(({ chart, svg, png }): [string, ChartImage] => [chart.id, { png, ...svgSize(svg) }])),
  };
}

/** Every chart of a report as a picture for the .xlsx and .docx files, by chart id. */
export const chartImages = async (report: Pick<PictureReport, "charts">): Promise<ChartImages> => (await chartPictures(report)).images;
