/**
 * A small dependency-free SVG chart: line or grouped bars, axes with labels, title, legend,
 * an optional dashed reference line and a source note. Pure string output.
 */
import { chartFileName } from "../files";
import { display } from "../formats";
import { ChartSpec, Report } from "../model";
import { wrapText } from "../text";
import { RenderedFile } from "./renderer";

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];
const W = 760;
const H = 440;
const M = { left: 90, right: 24, top: 78, bottom: 96 };
const FONT = `font-family="Helvetica, Arial, sans-serif"`;

/** Every chart of a report as an .svg file. */
export function renderCharts(report: Report): RenderedFile[] {
  return report.charts.map((c) => ({ name: chartFileName(c), data: renderSvgChart(c) }));
}

export function renderSvgChart(c: ChartSpec): string {
  const plot = { x: M.left, y: M.top, w: W - M.left - M.right, h: H - M.top - M.bottom };
  const values = c.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const low = Math.min(0, ...values, c.reference?.value ?? 0);
  const ticks = low < 0 ? niceTicksBetween(low, Math.max(0, ...values, c.reference?.value ?? 0)) : niceTicks(Math.max(0, ...values, c.reference?.value ?? 0));
  const top = ticks[ticks.length - 1];
  const bottom = ticks[0];
  const y = (v: number) => plot.y + plot.h - (top === bottom ? 0 : ((v - bottom) / (top - bottom)) * plot.h);
  const band = plot.w / Math.max(1, c.categories.length);
  const xMid = (i: number) => plot.x + band * (i + 0.5);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(c.title)}">`,
    `<title>${esc(c.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${W / 2}" y="26" text-anchor="middle" font-size="17" font-weight="bold" ${FONT}>${esc(c.title)}</text>`,
    ...legend(c),
  ];
  for (const t of ticks) {
    parts.push(
      `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="#d9d9d9" stroke-width="1"/>`,
      `<text x="${plot.x - 8}" y="${r(y(t) + 4)}" text-anchor="end" font-size="11" ${FONT}>${esc(display(t, c.yFormat))}</text>`,
    );
  }
  // Many categories (histogram bins): label every k-th so the labels do not overlap.
  const every = Math.ceil(c.categories.length / 12);
  c.categories.forEach((cat, i) => i % every === 0 && parts.push(`<text x="${r(xMid(i))}" y="${plot.y + plot.h + 18}" text-anchor="middle" font-size="11" ${FONT}>${esc(cat)}</text>`));
  parts.push(...(c.kind === "line" ? lines(c, xMid, y) : bars(c, plot.x, band, y)));
  if (c.reference) {
    const ry = r(y(c.reference.value));
    parts.push(
      `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${ry}" y2="${ry}" stroke="#595959" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text x="${plot.x + plot.w - 4}" y="${ry - 6}" text-anchor="end" font-size="11" fill="#595959" ${FONT}>${esc(c.reference.label)}</text>`,
    );
  }
  if (bottom < 0) parts.push(`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${r(y(0))}" y2="${r(y(0))}" stroke="#000000"/>`);
  parts.push(
    `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${plot.y + plot.h}" y2="${plot.y + plot.h}" stroke="#000000"/>`,
    `<line x1="${plot.x}" x2="${plot.x}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#000000"/>`,
    `<text x="${plot.x + plot.w / 2}" y="${plot.y + plot.h + 40}" text-anchor="middle" font-size="12" ${FONT}>${esc(c.xLabel)}</text>`,
    `<text transform="translate(18 ${plot.y + plot.h / 2}) rotate(-90)" text-anchor="middle" font-size="12" ${FONT}>${esc(c.yLabel)}</text>`,
    ...wrapText(c.source, 120).map((line, i) => `<text x="12" y="${H - 34 + i * 13}" font-size="10" fill="#595959" ${FONT}>${esc(line)}</text>`),
    "</svg>",
  );
  return parts.join("\n") + "\n";
}

function legend(c: ChartSpec): string[] {
  const out: string[] = [];
  let x = M.left;
  c.series.forEach((s, i) => {
    out.push(
      `<rect x="${x}" y="42" width="12" height="12" fill="${colour(i)}"/>`,
      `<text x="${x + 17}" y="52" font-size="12" ${FONT}>${esc(s.name)}</text>`,
    );
    x += 30 + s.name.length * 7;
  });
  return out;
}

function lines(c: ChartSpec, x: (i: number) => number, y: (v: number) => number): string[] {
  return c.series.flatMap((s, k) => {
    const out: string[] = [];
    // A null breaks the line: each run of values is its own polyline.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${colour(k)}" stroke-width="2.5"/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return flush();
      run.push(`${r(x(i))},${r(y(v))}`);
      out.push(`<circle cx="${r(x(i))}" cy="${r(y(v))}" r="4" fill="${colour(k)}"><title>${esc(`${s.name}, ${c.categories[i]}: ${display(v, c.yFormat)}`)}</title></circle>`);
    });
    flush();
    return out;
  });
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

/**
 * Axis ticks from 0 to a round number at or above `max`, 4 to 10 steps of 1, 2 or 5 × 10^k.
 * @example niceTicks(2.9e9) // returns [0, 1e9, 2e9, 3e9]
 */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) as number;
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
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) as number;
  const out: number[] = [];
  for (let k = Math.floor(min / step + 1e-9); k * step < max + step * 1e-9 || out.length < 2; k++) out.push(round(k * step));
  if (out[out.length - 1] < max) out.push(round((Math.floor(min / step + 1e-9) + out.length) * step));
  return out;
}

const round = (v: number) => Number(v.toPrecision(12));
const r = (v: number) => Math.round(v * 10) / 10;
const colour = (i: number) => PALETTE[i % PALETTE.length];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
