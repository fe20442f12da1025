/**
 * The note's headline: 3-6 sentences written from the numbers, through the same formatter as
 * the tables (range across scenarios against the last reported quarter, what binds, the input
 * that moves it most, the asked percentiles, the probability-weighted view).
 */
import { FORMATS, display } from "../formats";
import { inputLabel } from "../labels";
import { scenarioInputs } from "../inputs";
import { shownPercentiles } from "../percentiles";
import type { NoteArgs } from "./buildNote";
import { removedBySteps, stepWords } from "./waterfall";

interface HeadlineArgs extends NoteArgs {
  readonly fy: { readonly label: string; readonly periods: readonly string[]; readonly complete: readonly number[] };
  readonly totals: readonly { readonly name: string; readonly value: number | null }[];
  readonly weightedTotal: number | null;
}

const bn = (v: number) => display(v, FORMATS.usdBillions);

export function headline(a: HeadlineArgs): string[] {
  const out: string[] = [];
  const known = a.totals.filter((t): t is { name: string; value: number } => t.value !== null);
  const year = a.fy.label.replace(/^FY/, "fiscal ");
  const quarters = a.fy.periods.length;
  if (known.length > 0) {
    const low = known.reduce((m, t) => (t.value < m.value ? t : m));
    const high = known.reduce((m, t) => (t.value > m.value ? t : m));
    const reported = display(a.latest.value, a.latest.format);
    out.push(
      known.length === 1
        ? `Nvidia's China revenue for ${year} comes to ${bn(low.value)} in ${low.name}, ${bn(low.value / quarters)} a quarter on average against ${reported} reported for ${a.latest.period}.`
        : `Nvidia's China revenue for ${year} ranges from ${bn(low.value)} (${low.name}) to ${bn(high.value)} (${high.name}) across ${known.length} scenarios: ${bn(low.value / quarters)} to ${bn(high.value / quarters)} a quarter on average, against ${reported} reported for ${a.latest.period}.`,
    );
  }
  const left = a.scenarios.filter((_, i) => !a.fy.complete.includes(i)).map((s) => s.scenario.name);
  if (known.length === 0 && a.scenarios.length > 0) {
    out.push(`The scenarios model different quarters of ${year} (${a.fy.periods.join(", ")}), so no range across them is given; Exhibit 1 shows each quarter.`);
  } else if (left.length > 0) {
    out.push(`${left.join(" and ")} ${left.length === 1 ? "models" : "model"} other quarters and ${left.length === 1 ? "is" : "are"} left out of that range.`);
  }
  out.push(bindingSentence(a));
  const moves = mostMoving(a);
  if (moves) out.push(moves);
  const spread = percentileSentence(a, year);
  if (spread) out.push(spread);
  out.push(
    a.weights && a.weightedTotal !== null
      ? `Weighted by the analyst's scenario probabilities, ${year} China revenue is ${bn(a.weightedTotal)}.`
      : "No scenario probabilities were given, so no scenario is weighted above another.",
  );
  return out;
}

/** Which step binds (the last that removes units) in how many of the scenarios that model the year. */
function bindingSentence(a: HeadlineArgs): string {
  const counts = new Map<string, string[]>();
  // The scenarios that model the year whole; when none does, each over its own quarters of it.
  const inYear = a.fy.complete.length > 0 ? a.scenarios.filter((_, i) => a.fy.complete.includes(i)) : a.scenarios;
  for (const s of inYear) {
    const binds = removedBySteps(s.evaluation, a.fy.periods).binds ?? "nothing";
    counts.set(binds, [...(counts.get(binds) ?? []), s.scenario.name]);
  }
  const ranked = [...counts.entries()].sort((p, q) => q[1].length - p[1].length);
  const words = (id: string) => (id === "nothing" ? "nothing" : stepWords(id));
  const [first, ...rest] = ranked;
  const n = inYear.length;
  if (n === 0) return "No scenario removes any units.";
  const lead = n === 1 ? `What binds is ${words(first[0])}` : `What binds most often is ${words(first[0])} (${first[1].length} of ${n} scenarios)`;
  const others = rest.map(([id, names]) => `${words(id)} in ${names.join(" and ")}`);
  return `${lead}${others.length > 0 ? `; ${others.join(", ")}` : ""}.`;
}

/** The input with the largest China revenue swing in the first scenario with a tornado. */
function mostMoving(a: HeadlineArgs): string | undefined {
  const k = a.plans.findIndex((p) => p?.tornado?.[0]?.bars.length);
  if (k < 0) return undefined;
  const { scenario } = a.scenarios[k];
  const bar = a.plans[k]!.tornado![0].bars[0];
  const format = scenarioInputs(scenario).find((i) => i.path === bar.path.replace(/\[\d+\]$/, ""))?.format;
  const value = (v: unknown) => (typeof v === "number" ? display(v, format ?? FORMATS.units) : String(v));
  return `In ${scenario.name}, the input that moves China revenue most is ${lowerFirst(inputLabel(scenario, bar.path))}: ${bn(bar.atLow)} at ${value(bar.low)}, ${bn(bar.atHigh)} at ${value(bar.high)}.`;
}

/** The percentiles the scenario's uncertainty block asks for (with the median), of its simulated China revenue. */
function percentileSentence(a: HeadlineArgs, year: string): string | undefined {
  const k = a.plans.findIndex((p) => p?.simulation?.outputs.some((o) => o.output === "totals.chinaRevenue"));
  if (k < 0) return undefined;
  const plan = a.plans[k]!;
  const o = plan.simulation!.outputs.find((x) => x.output === "totals.chinaRevenue")!;
  const shown = shownPercentiles(o).map(([k, v]) => `${k} ${bn(v)}`);
  const scope = a.scenarios[k].scenario.periods.every((p) => a.fy.periods.includes(p)) ? `${year} China revenue` : "China revenue over its quarters";
  return `Drawing its uncertain inputs together ${plan.simulation!.iterations.toLocaleString("en-US")} times, ${a.scenarios[k].scenario.name} puts ${scope} at ${shown.join(", ")}.`;
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) && !/^(Beijing|Nvidia|Tencent|Alibaba|ByteDance|Others)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
