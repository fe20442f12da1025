/**
 * The one human label of every input and output, for every surface (report, note, pane,
 * tornado, Monte Carlo): "Tencent: domestic AI processors held and planned (units)",
 * "H200 supply Nvidia can allocate to China (units), FY2027Q1", "China revenue, all periods".
 */
import { FIELDS, FieldRow, segmentsOf } from "./fieldCatalogue";
import { Scenario } from "./scenario";
import { TOTAL_METRICS } from "./scenarioMetric";
import { resolveInput } from "./uncertainty/inputs";

/** Each output metric in words. */
export const METRIC_LABELS: Readonly<Record<(typeof TOTAL_METRICS)[number] | "binding", string>> = {
  requested: "H200 requested",
  shipped: "H200 shipped",
  revenue: "H200 revenue",
  usShare: "US share",
  nvidiaNet: "Nvidia net",
  h20Equivalent: "H20-equivalent",
  chinaRevenue: "China revenue",
  baselineChinaRevenue: "Baseline China revenue",
  binding: "Binding step",
};

/** The metric of an output name ("totals.chinaRevenue@FY2027Q1" → "chinaRevenue"). */
export const metricOf = (output: string): string => output.replace(/(@[^@]+|\[\d+\])$/, "").split(".").pop() ?? output;

/**
 * An output in words.
 * @example outputLabel("totals.chinaRevenue") // returns "China revenue, all periods"
 * @example outputLabel("buyers.Tencent.shipped@FY2027Q1") // returns "Tencent: H200 shipped, FY2027Q1"
 */
export function outputLabel(output: string): string {
  const period = /@([^@]+)$/.exec(output)?.[1] ?? /\[(\d+)\]$/.exec(output)?.[1];
  const metric = metricOf(output);
  const buyer = /^buyers\.(.+)\.[^.]+?(?:@[^@]+|\[\d+\])?$/.exec(output)?.[1] ?? /^buyers\[(\d+)\]/.exec(output)?.[0];
  const words = Object.prototype.hasOwnProperty.call(METRIC_LABELS, metric) ? METRIC_LABELS[metric as keyof typeof METRIC_LABELS] : metric;
  return `${buyer ? `${buyer}: ` : ""}${words}, ${period === undefined ? "all periods" : /^\d+$/.test(period) ? `period ${period}` : period}`;
}

/**
 * An input path of `scenario` in words: the field's label, the buyer's name before it, the
 * period after it. A path that does not resolve is returned as written (its problem says why).
 * @example inputLabel(validateScenario({ name: "T", periods: ["FY2027Q1"], market: { h200Price: 1, supply: 1 }, buyers: [{ name: "Tencent", requested: 1, domesticUnits: 1 }] }).value, "buyers[0].domesticUnits") // returns "Tencent: domestic AI processors held and planned (units)"
 */
export function inputLabel(scenario: Scenario, path: string, fields: readonly FieldRow[] = FIELDS): string {
  const slot = resolveInput(scenario, path, fields);
  if (typeof slot === "string") return path;
  const at = slot.docPath;
  const buyer = at[0] === "buyers" ? (at[1] as number) : undefined;
  const row = fields.find((f) => {
    const own = segmentsOf(f, buyer ?? 0);
    return own.every((k, i) => at[i] === k);
  });
  if (!row) return path;
  const period = at.length > segmentsOf(row, buyer ?? 0).length ? (at[at.length - 1] as number) : undefined;
  return `${buyer !== undefined ? `${scenario.buyers[buyer].name}: ` : ""}${row.label}${period !== undefined ? `, ${scenario.periods[period]}` : ""}`;
}
