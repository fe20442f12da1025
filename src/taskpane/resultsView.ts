/** The live results: totals per period, the China revenue chart, and the sheets Fill would write. */
import { Evaluation } from "../engine";
import { formatBare, formatNumber } from "../report/formats";
import { CELL_MODES, CellMode } from "../report/model";
import { barChart } from "./chart";
import { $, h } from "./dom";

const count = (n: number) => formatNumber(n, "units");
const bn = (n: number) => formatBare(n, "usdBillions");

/** The summary table and chart for an evaluation (the report's own formatters). */
export function showResults(ev: Evaluation): void {
  $<HTMLTableElement>("summary").tBodies[0].replaceChildren(
    ...ev.periods.map((p) =>
      h("tr", {}, h("th", { scope: "row", textContent: p.period }), ...[count(p.totals.shipped), bn(p.totals.revenue), bn(p.totals.usShare), bn(p.totals.chinaRevenue)].map((t) => h("td", { textContent: t }))),
    ),
  );
  $("chart").replaceChildren(barChart("China revenue by quarter", ev.periods.map((p) => p.period), ev.periods.map((p) => p.totals.chinaRevenue)));
}

/** The Cells choice as a cell mode ("native" for anything else). */
export const cellMode = (value: string): CellMode => ((CELL_MODES as readonly string[]).includes(value) ? (value as CellMode) : "native");

/** One checkbox per sheet; unticking one adds its name to `unchecked`. */
export function showSheetChoices(names: readonly string[], unchecked: Set<string>): void {
  $("sheets").replaceChildren(
    h("legend", { textContent: "Sheets" }),
    ...names.map((name, i) => {
      const input = h("input", { type: "checkbox", id: `sheet-choice-${i}`, checked: !unchecked.has(name), value: name });
      input.addEventListener("change", () => (input.checked ? unchecked.delete(name) : unchecked.add(name)));
      return h("div", { className: "field flag" }, input, h("label", { htmlFor: input.id, textContent: name }));
    }),
  );
}
