/** The charts for notes: China revenue by quarter per scenario, and shipped units by buyer. */
import { LatestReported, citationLine } from "./citations";
import { FORMATS, display } from "./formats";
import { ChartSpec } from "./model";
import { ScenarioReportInput } from "./reportInput";
import { allPeriods } from "./comparisonSheet";
import { slug } from "./text";

export function reportCharts(scenarios: readonly ScenarioReportInput[], latest: LatestReported): ChartSpec[] {
  const periods = allPeriods(scenarios);
  const named = scenarios.map((s) => s.file ?? s.scenario.name);
  const files = named.every((f) => f.startsWith("built-in: ")) ? `built-in scenarios ${named.map((f) => f.slice("built-in: ".length)).join(", ")}` : named.join(", ");
  const source = `Source: Chokepoint model (${files}); inputs and citations in the report's Assumptions and Sources.`;
  const revenue: ChartSpec = {
    id: "china-revenue",
    kind: "line",
    title: "Nvidia China revenue by quarter, per scenario",
    xLabel: "Nvidia fiscal quarter",
    yLabel: "China revenue (US$)",
    yFormat: FORMATS.usdBillions,
    categories: periods,
    series: scenarios.map(({ scenario, evaluation }) => ({
      name: scenario.name,
      values: periods.map((p) => evaluation.periods.find((o) => o.period === p)?.totals.chinaRevenue ?? null),
    })),
    reference: { value: latest.value, label: `${latest.period} reported ${display(latest.value, latest.format)}` },
    source: `${source} Reported: ${latest.shortSource ?? citationLine(latest)}.`,
  };
  const shipped = scenarios.map(
    ({ scenario, evaluation }, i): ChartSpec => ({
      id: `shipped-${slug(scenario.name)}${scenarios.slice(0, i).some((s) => slug(s.scenario.name) === slug(scenario.name)) ? `-${i + 1}` : ""}`,
      kind: "bar",
      title: `H200 units shipped by buyer: ${scenario.name}`,
      xLabel: "Buyer",
      yLabel: "H200 units shipped",
      yFormat: FORMATS.units,
      categories: scenario.buyers.map((b) => b.name),
      series: evaluation.periods.map((p) => ({ name: p.period, values: p.buyers.map((b) => b.shipped) })),
      source,
    }),
  );
  return [revenue, ...shipped];
}
