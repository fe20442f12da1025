/**
 * A small dependency-free SVG chart: lines, grouped bars or a horizontal tornado, axes with
 * labels, a title, a legend that wraps inside the canvas, an optional dashed reference line and a
 * source note. Lines that coincide stay visible: each series has its own dash pattern and marker
 * and a label at its end. Pure string output; text widths are estimated from the font size.
 */
import { chartFileName } from "../files";
import { display } from "../formats";
import { ChartSpec, Report } from "../model";
import { wrapText } from "../text";
import { RenderedFile } from "./renderer";

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"];
/** Dash patterns, so equal lines stay visible as interleaved dashes. */
const DASHES = ["", "9 5", "3 4", "14 4 3 4", "6 3", "2 6", "10 2 2 2 2 2"];
const MARKERS = ["circle", "square", "triangle", "diamond", "cross", "bar", "star"] as const;
export const CHART_WIDTH = 760;
/** The family named first: the one the PNGs are drawn in (shipped in assets/fonts, chartFont.ts), then common fallbacks. */
export const FONT_FAMILY = "DejaVu Sans";
const FONT = `font-family="${FONT_FAMILY}, Helvetica, Arial, sans-serif"`;
/** Average glyph width as a share of the font size (DejaVu Sans runs wide; this errs on the wide side). */
export const CHAR_WIDTH = 0.62;
const W = CHART_WIDTH;
const PAD = 12;

/** Estimated width of `text` at `size` pixels. */
export const textWidth = (text: string, size: number): number => text.length * size * CHAR_WIDTH;

/** Every chart of a report as an .svg file. */
export function renderCharts(report: Pick<Report, "charts">): RenderedFile[] {
  return report.charts.map((c) => ({ name: chartFileName(c), data: renderSvgChart(c) }));
}

interface Frame {
  readonly parts: string[];
  /** The first free y below the title and legend. */
  readonly top: number;
}

/** Title (wrapped) and legend (wrapped rows), from the top of the canvas. */
function header(c: ChartSpec, height: number): Frame {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" role="img" aria-label="${esc(c.title)}">`,
    `<title>${esc(c.title)}</title>`,
    `<rect width="${W}" height="${height}" fill="#ffffff"/>`,
  ];
  let y = 26;
  // Bold glyphs run about 10% wider.
  for (const line of wrapText(c.title, Math.floor((W - 2 * PAD) / (17 * CHAR_WIDTH * 1.1)))) {
    parts.push(`<text x="${W / 2}" y="${y}" text-anchor="middle" font-size="17" font-weight="bold" ${FONT}>${esc(line)}</text>`);
    y += 21;
  }
  const rows = legendRows(c);
  rows.forEach((row, r) => {
    const ly = y + 4 + r * 18;
    for (const e of row) parts.push(...legendEntry(c, e.index, e.x, ly, e.label));
  });
  return { parts, top: y + 4 + rows.length * 18 + 8 };
}

/** Legend entries laid out in rows that fit the canvas; a name too long for a row is wrapped onto its own. */
function legendRows(c: ChartSpec): { index: number; x: number; label: string }[][] {
  const rows: { index: number; x: number; label: string }[][] = [[]];
  let x = PAD;
  const maxChars = Math.floor((W - 2 * PAD - 24) / (12 * CHAR_WIDTH));
  c.series.forEach((s, index) => {
    for (const label of wrapText(s.name, maxChars)) {
      const width = 24 + textWidth(label, 12) + 18;
      if (x + width > W - PAD && rows[rows.length - 1].length > 0) {
        rows.push([]);
        x = PAD;
      }
      rows[rows.length - 1].push({ index, x, label });
      x += width;
    }
  });
  return rows.filter((r) => r.length > 0);
}

function legendEntry(c: ChartSpec, k: number, x: number, y: number, label: string): string[] {
  const sample =
    c.kind === "line"
      ? [`<line x1="${x}" x2="${x + 20}" y1="${y - 4}" y2="${y - 4}" stroke="${colour(k)}" stroke-width="2.5"${dash(k)}/>`, marker(k, x + 10, y - 4, 3.5, "")]
      : [`<rect x="${x + 4}" y="${y - 10}" width="12" height="12" fill="${colour(k)}"/>`];
  return [...sample, `<text class="legend" data-series="${k}" x="${x + 24}" y="${y}" font-size="12" ${FONT}>${esc(label)}</text>`];
}

function footer(c: ChartSpec, height: number): string[] {
  const lines = wrapText(c.source, Math.floor((W - 2 * PAD) / (10 * CHAR_WIDTH)));
  return lines.map((line, i) => `<text x="${PAD}" y="${height - 8 - (lines.length - 1 - i) * 13}" font-size="10" fill="#595959" ${FONT}>${esc(line)}</text>`);
}

const finite = (c: ChartSpec): number[] => c.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
const isEmpty = (c: ChartSpec): boolean => finite(c).every((v) => v === 0);

export function renderSvgChart(c: ChartSpec): string {
  let svg = drawn.get(c);
  if (svg === undefined) drawn.set(c, (svg = c.orientation === "horizontal" ? horizontalChart(c) : verticalChart(c)));
  return svg;
}

/**
 * Charts drawn in this process, by spec object: a report's .svg file, its .png, the workbook's
 * picture and the Word note's all draw the same spec. A spec is read-only data, so its drawing
 * cannot go stale; the entries go with their report.
 */
const drawn = new WeakMap<ChartSpec, string>();

function verticalChart(c: ChartSpec): string {
  const H = 460;
  const frame = header(c, H);
  const sourceLines = wrapText(c.source, Math.floor((W - 2 * PAD) / (10 * CHAR_WIDTH))).length;
  const endLabels = c.kind === "line" ? c.series.map((s) => shorten(s.name, 22)) : [];
  const right = endLabels.length > 0 ? Math.min(190, Math.max(...endLabels.map((l) => textWidth(l, 11))) + 24) : 24;
  const catLines = c.categories.map(() => 1);
  const plot = { x: 90, y: frame.top + 8, w: 0, h: 0 };
  plot.w = W - plot.x - right;
  const band = plot.w / Math.max(1, c.categories.length);
  const wrapped = c.categories.map((cat) => wrapText(cat, Math.max(4, Math.floor((band - 4) / (11 * CHAR_WIDTH)))));
  wrapped.forEach((w, i) => (catLines[i] = w.length));
  const catHeight = 14 * Math.max(1, ...catLines);
  plot.h = H - plot.y - (catHeight + 6 + 24 + sourceLines * 13 + 14);
  const values = finite(c);
  const empty = isEmpty(c);
  const hi = Math.max(0, ...values, c.reference?.value ?? 0);
  const lo = Math.min(0, ...values, c.reference?.value ?? 0);
  const ticks = empty ? [0] : lo < 0 ? niceTicksBetween(lo, hi) : niceTicks(hi);
  const top = ticks[ticks.length - 1];
  const bottom = ticks[0];
  const y = (v: number) => plot.y + plot.h - (top === bottom ? 0 : ((v - bottom) / (top - bottom)) * plot.h);
  const xMid = (i: number) => plot.x + band * (i + 0.5);
  const parts = frame.parts;

  for (const t of ticks) {
    parts.push(
      `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="#d9d9d9" stroke-width="1"/>`,
      `<text x="${plot.x - 8}" y="${r(y(t) + 4)}" text-anchor="end" font-size="11" ${FONT}>${esc(display(t, c.yFormat))}</text>`,
    );
  }
  // Many categories (histogram bins): label every k-th so the labels do not overlap.
  const every = Math.ceil(c.categories.length / 12);
  wrapped.forEach((lines, i) => {
    if (i % every !== 0) return;
    lines.forEach((line, j) => parts.push(`<text x="${r(xMid(i))}" y="${plot.y + plot.h + 16 + j * 14}" text-anchor="middle" font-size="11" ${FONT}>${esc(line)}</text>`));
  });
  if (empty) parts.push(`<text x="${r(plot.x + plot.w / 2)}" y="${r(plot.y + plot.h / 2)}" text-anchor="middle" font-size="16" fill="#595959" ${FONT}>${esc(c.emptyText ?? "No data")}</text>`);
  else parts.push(...(c.kind === "line" ? lines(c, xMid, y, plot.x + plot.w, endLabels, plot) : bars(c, plot.x, band, y)));
  if (c.reference && !empty) {
    const ry = r(y(c.reference.value));
    parts.push(
      // Drawn over the series, so a scenario at the reported level does not hide it.
      `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${ry}" y2="${ry}" stroke="#595959" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text x="${plot.x + 6}" y="${ry - 6}" font-size="11" fill="#595959" ${FONT}>${esc(c.reference.label)}</text>`,
    );
  }
  if (bottom < 0) parts.push(`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${r(y(0))}" y2="${r(y(0))}" stroke="#000000"/>`);
  parts.push(
    `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${r(plot.y + plot.h)}" y2="${r(plot.y + plot.h)}" stroke="#000000"/>`,
    `<line x1="${plot.x}" x2="${plot.x}" y1="${r(plot.y)}" y2="${r(plot.y + plot.h)}" stroke="#000000"/>`,
    `<text x="${r(plot.x + plot.w / 2)}" y="${r(plot.y + plot.h + catHeight + 22)}" text-anchor="middle" font-size="12" ${FONT}>${esc(c.xLabel)}</text>`,
    `<text transform="translate(18 ${r(plot.y + plot.h / 2)}) rotate(-90)" text-anchor="middle" font-size="12" ${FONT}>${esc(shorten(c.yLabel, Math.floor(plot.h / (12 * CHAR_WIDTH))))}</text>`,
    ...footer(c, H),
    "</svg>",
  );
  return parts.join("\n") + "\n";
}

/** Categories down the left, one row each; each series a bar from zero, labelled at its end. */
function horizontalChart(c: ChartSpec): string {
  const labelChars = 34;
  const wrapped = c.categories.map((cat) => wrapText(cat, labelChars).slice(0, 3));
  const rowH = Math.max(34, ...wrapped.map((l) => l.length * 13 + 8));
  const sourceLines = wrapText(c.source, Math.floor((W - 2 * PAD) / (10 * CHAR_WIDTH))).length;
  const probe = header(c, 0);
  const H = Math.ceil(probe.top + 8 + rowH * Math.max(1, c.categories.length) + 20 + 22 + sourceLines * 13 + 16);
  const frame = header(c, H);
  const left = Math.min(260, Math.max(80, ...wrapped.flat().map((l) => textWidth(l, 11))) + 16);
  const endRoom = Math.max(40, ...(c.ends ?? []).flat().map((e) => textWidth(e, 10) + 8));
  const plot = { x: left + endRoom, y: frame.top + 8, w: W - left - 2 * endRoom - PAD, h: rowH * Math.max(1, c.categories.length) };
  const values = finite(c);
  const empty = isEmpty(c);
  const ticks = empty ? [0] : niceTicksBetween(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x = (v: number) => plot.x + (hi === lo ? plot.w / 2 : ((v - lo) / (hi - lo)) * plot.w);
  const parts = frame.parts;
  for (const t of ticks) {
    parts.push(
      `<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#d9d9d9" stroke-width="1"/>`,
      `<text x="${r(x(t))}" y="${plot.y + plot.h + 16}" text-anchor="middle" font-size="11" ${FONT}>${esc(display(t, c.yFormat))}</text>`,
    );
  }
  const n = Math.max(1, c.series.length);
  const barH = (rowH - 10) / n;
  wrapped.forEach((lines, i) => {
    const rowTop = plot.y + rowH * i;
    lines.forEach((line, j) => parts.push(`<text x="${PAD}" y="${r(rowTop + rowH / 2 - ((lines.length - 1) * 13) / 2 + 4 + j * 13)}" font-size="11" ${FONT}>${esc(line)}</text>`));
    c.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === null || !Number.isFinite(v)) return;
      const by = rowTop + 5 + barH * k;
      const x0 = x(0);
      const x1 = x(v);
      parts.push(`<rect x="${r(Math.min(x0, x1))}" y="${r(by)}" width="${r(Math.abs(x1 - x0))}" height="${r(barH - 1)}" fill="${colour(k)}"><title>${esc(`${c.categories[i]}, ${s.name}: ${display(v, c.yFormat)}`)}</title></rect>`);
      const end = c.ends?.[i]?.[k];
      if (end) {
        const after = v >= 0;
        parts.push(`<text x="${r(after ? x1 + 4 : x1 - 4)}" y="${r(by + barH / 2 + 3)}" text-anchor="${after ? "start" : "end"}" font-size="10" ${FONT}>${esc(end)}</text>`);
      }
    });
  });
  if (empty) parts.push(`<text x="${r(plot.x + plot.w / 2)}" y="${r(plot.y + plot.h / 2)}" text-anchor="middle" font-size="16" fill="#595959" ${FONT}>${esc(c.emptyText ?? "No data")}</text>`);
  parts.push(
    `<line x1="${r(x(0))}" x2="${r(x(0))}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#000000"/>`,
    `<text x="${r(plot.x + plot.w / 2)}" y="${plot.y + plot.h + 36}" text-anchor="middle" font-size="12" ${FONT}>${esc(shorten(c.xLabel, Math.floor((W - 2 * PAD) / (12 * CHAR_WIDTH))))}</text>`,
    ...footer(c, H),
    "</svg>",
  );
  return parts.join("\n") + "\n";
}

function lines(c: ChartSpec, x: (i: number) => number, y: (v: number) => number, right: number, labels: readonly string[], plot: { y: number; h: number }): string[] {
  const out: string[] = [];
  const ends: { k: number; y: number }[] = [];
  c.series.forEach((s, k) => {
    // A null breaks the line: each run of values is its own polyline.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline data-series="${k}" points="${run.join(" ")}" fill="none" stroke="${colour(k)}" stroke-width="2.5"${dash(k)}/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return flush();
      run.push(`${r(x(i))},${r(y(v))}`);
    });
    flush();
    const last = s.values.map((v, i) => [v, i] as const).filter(([v]) => v !== null && Number.isFinite(v)).pop();
    if (last) ends.push({ k, y: y(last[0] as number) });
  });
  // Markers after every line, the first series' largest, so equal points show as nested shapes.
  c.series.forEach((s, k) =>
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return;
      out.push(marker(k, x(i), y(v), Math.max(2.5, 6 - k * 0.6), `${s.name}, ${c.categories[i]}: ${display(v, c.yFormat)}`));
    }),
  );
  // End labels, pushed apart so coinciding lines each keep their name.
  ends.sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const e of ends) placed.push(Math.max(e.y, (placed[placed.length - 1] ?? -Infinity) + 13));
  const overflow = Math.max(0, (placed[placed.length - 1] ?? 0) - (plot.y + plot.h));
  ends.forEach((e, j) => {
    const ly = Math.max(plot.y + 8, placed[j] - overflow);
    out.push(`<text class="end-label" data-series="${e.k}" x="${r(right + 8)}" y="${r(ly + 4)}" font-size="11" fill="${colour(e.k)}" ${FONT}>${esc(labels[e.k])}</text>`);
  });
  return out;
}

function bars(c: ChartSpec, left: number, band: number, y: (v: number) => number): string[] {
  const n = Math.max(1, c.series.length);
  const width = (band * 0.8) / n;
  return c.series.flatMap((s, k) =>
    s.values.flatMap((v, i) => {
      if (v === null || !Number.isFinite(v)) return [];
      const x = left + band * i + band * 0.1 + width * k;
      return [
        `<rect x="${r(x)}" y="${r(Math.min(y(v), y(0)))}" width="${r(width)}" height="${r(Math.abs(y(0) - y(v)))}" fill="${colour(k)}"><title>${esc(`${s.name}, ${c.categories[i]}: ${display(v, c.yFormat)}`)}</title></rect>`,
      ];
    }),
  );
}

/** The k-th series' marker shape at (x, y), radius `size`, with a tooltip. */
function marker(k: number, x: number, y: number, size: number, tip: string): string {
  const fill = `fill="${colour(k)}" stroke="#ffffff" stroke-width="0.8"`;
  const title = tip ? `<title>${esc(tip)}</title>` : "";
  const s = size;
  const poly = (pts: readonly (readonly [number, number])[]) => `<polygon points="${pts.map(([a, b]) => `${r(x + a)},${r(y + b)}`).join(" ")}" ${fill}>${title}</polygon>`;
  switch (MARKERS[k % MARKERS.length]) {
    case "circle":
      return `<circle cx="${r(x)}" cy="${r(y)}" r="${r(s)}" ${fill}>${title}</circle>`;
    case "square":
      return `<rect x="${r(x - s * 0.85)}" y="${r(y - s * 0.85)}" width="${r(s * 1.7)}" height="${r(s * 1.7)}" ${fill}>${title}</rect>`;
    case "triangle":
      return poly([[0, -s], [s, s * 0.8], [-s, s * 0.8]]);
    case "diamond":
      return poly([[0, -s], [s, 0], [0, s], [-s, 0]]);
    case "cross":
      return poly([[-s, -s / 3], [-s / 3, -s / 3], [-s / 3, -s], [s / 3, -s], [s / 3, -s / 3], [s, -s / 3], [s, s / 3], [s / 3, s / 3], [s / 3, s], [-s / 3, s], [-s / 3, s / 3], [-s, s / 3]]);
    case "bar":
      return `<rect x="${r(x - s)}" y="${r(y - s * 0.4)}" width="${r(2 * s)}" height="${r(s * 0.8)}" ${fill}>${title}</rect>`;
    default:
      return poly([[0, -s], [s * 0.3, -s * 0.3], [s, 0], [s * 0.3, s * 0.3], [0, s], [-s * 0.3, s * 0.3], [-s, 0], [-s * 0.3, -s * 0.3]]);
  }
}

/**
 * Axis ticks from 0 to a round number at or above `max`, 4 to 10 steps of 1, 2 or 5 × 10^k.
 * @example niceTicks(2.9e9) // returns [0, 1e9, 2e9, 3e9]
 */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw);
  // Below the smallest normal double the step underflows: no round ticks, just the ends.
  if (step === undefined || !(step > 0)) return [0, max];
  const out: number[] = [];
  for (let k = 0; k * step < max + step * 1e-9; k++) out.push(round(k * step));
  if (out[out.length - 1] < max) out.push(round(out.length * step));
  return out;
}

/**
 * Axis ticks over a range that goes below 0: round steps of 1, 2 or 5 × 10^k covering
 * [min, max], with 0 among them.
 * @example niceTicksBetween(-3e9, 1e9) // returns [-3e9, -2e9, -1e9, 0, 1e9]
 */
export function niceTicksBetween(min: number, max: number): number[] {
  if (!(max > min)) return niceTicks(max);
  const raw = (max - min) / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw);
  if (step === undefined || !(step > 0) || !Number.isFinite(max / step - min / step)) return [min, 0, max].filter((v, i, a) => a.indexOf(v) === i);
  const out: number[] = [];
  for (let k = Math.floor(min / step + 1e-9); k * step < max + step * 1e-9 || out.length < 2; k++) out.push(round(k * step));
  if (out[out.length - 1] < max) out.push(round((Math.floor(min / step + 1e-9) + out.length) * step));
  return out;
}

/** At most `n` characters, an ellipsis marking the cut. */
const shorten = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, Math.max(1, n - 1)).trimEnd()}…`);
const round = (v: number) => Number(v.toPrecision(12));
const r = (v: number) => Math.round(v * 10) / 10;
const colour = (i: number) => PALETTE[i % PALETTE.length];
const dash = (k: number) => (DASHES[k % DASHES.length] ? ` stroke-dasharray="${DASHES[k % DASHES.length]}"` : "");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The width and height an SVG chart declares, in SVG units. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: CHART_WIDTH, height: 460 };
}
