/**
 * The preview host's sheet writer: the report's sheets as HTML grids in the page (column
 * letters, row numbers, values shown with their number formats), the same cells in the same
 * places as in Excel. Each cell carries its A1 address and raw value for tests and screen readers.
 * Cells under a colour scale are shaded as Excel shades them (see colorScaleShades), with text
 * in black or white, whichever reads better on the fill.
 * A sheet's native charts (drawn in Excel over its cells) show below its grid as the report's
 * SVG charts, an image whose text alternative is the chart's title.
 */
import { display } from "../../report/formats";
import { ChartSpec, Report, ReportSheet } from "../../report/model";
import { renderSvgChart } from "../../report/render/svg";
import { SheetGrid, a1, colorScaleShades, columnName, sheetGrid } from "../grid";
import { FillResult, SheetWriter } from "../sheetWriter";

export class PreviewSheetWriter implements SheetWriter {
  readonly host = "preview" as const;
  constructor(private readonly container: HTMLElement) {}

  async fill(report: Report): Promise<FillResult> {
    const grids = report.sheets.map(sheetGrid);
    this.container.replaceChildren(...grids.map((g, i) => renderSheet(g, i, sheetCharts(report.sheets[i], report.charts))));
    this.container.hidden = false;
    return { written: grids.map((g) => g.name), kept: [] };
  }
}

/** The specs of the charts a sheet anchors (an unknown id draws nothing here). */
const sheetCharts = (sheet: ReportSheet, specs: readonly ChartSpec[]): ChartSpec[] =>
  (sheet.charts ?? []).flatMap((c) => specs.filter((s) => s.id === c.chart));

/** A chart as an image: the SVG text in a data URL, never parsed into the page. */
function chartFigure(spec: ChartSpec): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = "sheet-chart";
  figure.dataset.chart = spec.id;
  const img = document.createElement("img");
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSvgChart(spec))}`;
  img.alt = spec.title;
  figure.append(img);
  return figure;
}

function renderSheet(grid: SheetGrid, index: number, charts: readonly ChartSpec[] = []): HTMLElement {
  const section = document.createElement("section");
  section.className = "sheet";
  section.dataset.sheet = grid.name;
  const heading = document.createElement("h3");
  heading.id = `sheet-${index}`;
  heading.textContent = grid.name;
  // A wide grid scrolls inside a focusable region, so keyboard users can scroll it too.
  const scroller = document.createElement("div");
  scroller.className = "grid-scroll";
  scroller.tabIndex = 0;
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-labelledby", heading.id);
  const table = document.createElement("table");
  table.className = "grid";
  const head = table.createTHead().insertRow();
  const corner = th("", "col");
  corner.append(Object.assign(document.createElement("span"), { className: "sr-only", textContent: "Row" }));
  head.append(corner, ...Array.from({ length: grid.cols }, (_, j) => th(columnName(j), "col")));
  const body = table.createTBody();
  const shades = colorScaleShades(grid);
  grid.cells.forEach((row, i) => {
    const tr = body.insertRow();
    tr.append(th(String(i + 1), "row"));
    let spanned = 0;
    row.forEach((c, j) => {
      if (spanned > 0) return void spanned--;
      const td = tr.insertCell();
      const address = a1(i, j);
      td.dataset.cell = address;
      if (!c) return;
      // Text in column A (a title, a note) runs over the empty cells to its right, as in Excel,
      // instead of widening column A past the value columns.
      if (SPANS.has(c.role)) {
        spanned = emptyAfter(row, j);
        if (spanned > 0) td.colSpan = spanned + 1;
      }
      td.textContent = display(c.value, c.format);
      td.dataset.value = c.value === null ? "" : String(c.value);
      td.className = `role-${c.role}${typeof c.value === "number" ? " num" : ""}`;
      if (c.formula) td.title = `=${c.formula}`;
      const shade = shades.get(address);
      if (shade) {
        td.style.backgroundColor = shade.fill;
        td.style.color = shade.text;
        td.dataset.fill = shade.fill;
      }
    });
  });
  scroller.append(table);
  section.append(heading, scroller, ...charts.map(chartFigure));
  return section;
}

/** The roles whose text may run over empty neighbours. */
const SPANS: ReadonlySet<string> = new Set(["title", "tableTitle", "note"]);

/** How many empty cells follow column j in the row. */
function emptyAfter(row: readonly (unknown | null)[], j: number): number {
  let n = 0;
  while (j + 1 + n < row.length && row[j + 1 + n] === null) n++;
  return n;
}

function th(text: string, scope: "col" | "row"): HTMLTableCellElement {
  const cell = document.createElement("th");
  cell.scope = scope;
  cell.textContent = text;
  return cell;
}
