/**
 * The investor note from evaluated scenarios: a headline written from the numbers, then the
 * exhibits (China revenue by scenario, its chart, the tornado, requested-to-shipped), then an
 * appendix per scenario with its assumptions, whose sources are footnotes (each once).
 * Calculation scaffolding (formulas, sensitivity blocks) stays in the workbook.
 */
import { Evaluation } from "../../engine";
import { sourceOf } from "../assumptionsSheet";
import { LatestReported, citationLine } from "../citations";
import { FORMATS, display } from "../formats";
import { inputLabel } from "../labels";
import { scenarioInputs } from "../inputs";
import { ScenarioReportInput } from "../reportInput";
import { UncertaintyPlan } from "../uncertainty";
import { headline } from "./headline";
import { AppendixSection, Exhibit, Note, NoteCell, NoteTable } from "./model";
import { SourceList, readableSource } from "./sources";
import { fiscalYear, sumOver } from "./fiscalYear";
import { reportedExhibit } from "./reportedExhibit";
import { ScenarioWeights, weighted } from "./weights";
import { removedBySteps, stepHeading, stepWords } from "./waterfall";
import { warningNotes } from "../warnings";

export interface NoteArgs {
  readonly title: string;
  readonly scenarios: readonly ScenarioReportInput[];
  readonly latest: LatestReported;
  /** Per scenario (same order): its uncertainty plan, if it has an uncertainty block. */
  readonly plans: readonly (UncertaintyPlan | undefined)[];
  /** Per scenario: the id of its China revenue tornado chart, if drawn. */
  readonly tornadoCharts: readonly (string | undefined)[];
  readonly revenueChart: string;
  readonly waterfallChart: string;
  /** Probabilities by scenario name (checked to sum to 1 by the caller); none: nothing is weighted. */
  readonly weights?: ScenarioWeights;
}

const bn = FORMATS.usdBillions;
const num = (value: number | null, format: string, strong = false): NoteCell => ({ value, format, ...(strong ? { strong } : {}) });
const text = (value: string, strong = false): NoteCell => ({ value, ...(strong ? { strong } : {}) });

export function buildNote(a: NoteArgs): Note {
  const sources = new SourceList();
  const fy = fiscalYear(a.scenarios.map((s) => s.scenario.periods));
  // A scenario that does not model the whole year has no total for it (it is named as left out).
  const totals = a.scenarios.map((s, i) => ({ name: s.scenario.name, value: fy.complete.includes(i) ? sumOver(s.evaluation, fy.periods, (t) => t.chinaRevenue) : null }));
  const weightedTotal = a.weights ? weighted(a.weights, totals) : null;

  const latestNote = sources.ref(citationLine(a.latest));
  const exhibits: Exhibit[] = [
    revenueByScenario(a, fy, totals, weightedTotal, latestNote),
    {
      label: "Exhibit 2",
      title: `China revenue by quarter, per scenario, against the ${a.latest.period} reported quarter`,
      chart: a.revenueChart,
      notes: [[`Dashed grey line: ${a.latest.period} as reported (${display(a.latest.value, a.latest.format)}). Scenarios with the same numbers are drawn with different dashes and markers and labelled at the line's end.`]],
    },
    ...tornadoExhibit(a),
    waterfallExhibit(a, fy),
    ...reportedExhibit(a, sources),
  ];
  return {
    title: a.title,
    headline: headline({ ...a, fy, totals, weightedTotal }),
    exhibits,
    appendix: a.scenarios.map((s) => appendixSection(s, a.weights, sources)),
    sources: sources.all(),
  };
}

function revenueByScenario(a: NoteArgs, fy: { label: string; periods: string[] }, totals: readonly { name: string; value: number | null }[], weightedTotal: number | null, latestNote: number): Exhibit {
  const w = a.weights;
  const quarter = (e: Evaluation, p: string) => e.periods.find((o) => o.period === p)?.totals.chinaRevenue ?? null;
  const rows: NoteCell[][] = a.scenarios.map((s, i) => [
    text(s.scenario.name),
    ...(w ? [num(w[s.scenario.name] ?? 0, FORMATS.percent)] : []),
    ...fy.periods.map((p) => num(quarter(s.evaluation, p), bn)),
    num(totals[i].value, bn, true),
  ]);
  if (w) {
    const perQuarter = fy.periods.map((p) => weighted(w, a.scenarios.map((s) => ({ name: s.scenario.name, value: quarter(s.evaluation, p) }))));
    rows.push([text("Probability-weighted", true), num(1, FORMATS.percent, true), ...perQuarter.map((v) => num(v, bn, true)), num(weightedTotal, bn, true)]);
  }
  const table: NoteTable = { columns: ["Scenario", ...(w ? ["Probability"] : []), ...fy.periods, `${fy.label} total`], rows };
  const values = totals.filter((t) => (w ? (w[t.name] ?? 0) > 0 : true)).map((t) => t.value).filter((v): v is number => v !== null);
  return {
    label: "Exhibit 1",
    title: `Nvidia China revenue by scenario, ${fy.label} (US$ bn)`,
    table,
    notes: [
      [`China revenue = the baseline without H200 plus H200 sales as each scenario books them. Last reported quarter: ${a.latest.period}, ${display(a.latest.value, a.latest.format)}`, { footnote: latestNote }, "."],
      w
        ? [`Probabilities are the analyst's. Weighted ${fy.label} China revenue ${display(weightedTotal, bn)}; the weighted scenarios range from ${display(Math.min(...values), bn)} to ${display(Math.max(...values), bn)}.`]
        : ["No scenario probabilities were given, so nothing is weighted (give each scenario a probability, or weights when the report is made)."],
    ],
  };
}

function tornadoExhibit(a: NoteArgs): Exhibit[] {
  const k = a.plans.findIndex((p, i) => p?.tornado !== undefined && a.tornadoCharts[i] !== undefined);
  if (k < 0) return [];
  const { scenario } = a.scenarios[k];
  const t = (a.plans[k]?.tornado ?? [])[0];
  const fmt = (path: string, v: unknown): NoteCell => {
    if (typeof v !== "number") return text(String(v));
    const input = scenarioInputs(scenario).find((i) => i.path === path.replace(/\[\d+\]$/, ""));
    return num(v, input?.format ?? FORMATS.units);
  };
  const rows = t.bars.map((b) => [text(inputLabel(scenario, b.path)), fmt(b.path, b.low), fmt(b.path, b.high), num(b.atLow, bn), num(b.atHigh, bn), num(b.swing, bn, true)]);
  return [
    {
      label: "Exhibit 3",
      title: `What moves China revenue most: ${scenario.name}, one input at a time (US$ bn, all its quarters)`,
      table: { columns: ["Input", "Low", "High", "China revenue at low", "China revenue at high", "Swing"], rows },
      chart: a.tornadoCharts[k],
      notes: [[`Each input at the 10th and 90th percentile of its range, every other input as in the scenario (base ${display(t.base, bn)}); largest swing first.`]],
    },
  ];
}

function waterfallExhibit(a: NoteArgs, fy: { label: string; periods: string[] }): Exhibit {
  const steps = [...new Set(a.scenarios.flatMap((s) => removedBySteps(s.evaluation, fy.periods).removed.map((r) => r.step)))];
  const rows = a.scenarios.map((s) => {
    const w = removedBySteps(s.evaluation, fy.periods);
    return [
      text(s.scenario.name),
      num(w.requested, FORMATS.units),
      ...steps.map((id) => num(-(w.removed.find((r) => r.step === id)?.units ?? 0), FORMATS.units)),
      num(w.shipped, FORMATS.units, true),
      text(w.largestCut === undefined ? "nothing" : stepWords(w.largestCut)),
      text(w.binds === undefined ? "nothing" : stepWords(w.binds)),
    ];
  });
  return {
    label: a.plans.some((p) => p?.tornado) ? "Exhibit 4" : "Exhibit 3",
    title: `From requested to shipped: H200 units each step removes, ${fy.label}`,
    table: { columns: ["Scenario", "Requested", ...steps.map(stepHeading), "Shipped", "Largest cut", "What binds"], rows },
    chart: a.waterfallChart,
    notes: [["Units summed over the fiscal year's quarters and every buyer; each step's column is what it removes from what the step before it let through. Largest cut: the step that removes the most; what binds: the last step that removes units, where shipments end (relaxing an earlier cut alone would not raise them)."]],
  };
}

function appendixSection(s: ScenarioReportInput, weights: ScenarioWeights | undefined, sources: SourceList): AppendixSection {
  const { scenario, evaluation } = s;
  const quarters: NoteTable = {
    columns: ["Quarter", "Requested", "Shipped", "H200 revenue", "US government share", "China revenue", "What binds"],
    rows: evaluation.periods.map((p) => {
      const w = removedBySteps(evaluation, [p.period]);
      return [text(p.period), num(p.totals.requested, FORMATS.units), num(p.totals.shipped, FORMATS.units), num(p.totals.revenue, bn), num(p.totals.usShare, bn), num(p.totals.chinaRevenue, bn, true), text(w.binds === undefined ? "nothing" : stepWords(w.binds))];
    }),
  };
  const buyers: NoteTable = {
    columns: ["Buyer", "Shipped", "Revenue", "US government share", "What binds"],
    rows: scenario.buyers.map((b, i) => {
      const outcomes = evaluation.periods.map((p) => p.buyers[i]);
      const sum = (pick: (o: (typeof outcomes)[number]) => number) => outcomes.reduce((x, o) => x + pick(o), 0);
      const binds = removedBySteps(evaluation, scenario.periods, i).binds;
      return [text(b.name), num(sum((o) => o.shipped), FORMATS.units), num(sum((o) => o.revenue), FORMATS.usdMillions), num(sum((o) => o.usShare), FORMATS.usdMillions), text(binds === undefined ? "nothing" : stepWords(binds))];
    }),
  };
  return {
    title: scenario.name,
    paragraphs: [
      [readableSource(scenario, scenario.description)],
      ...(weights ? [[`Probability: ${display(weights[scenario.name] ?? 0, FORMATS.percent)}.`]] : []),
      ...warningNotes(scenario).map((w) => [w]),
    ],
    tables: [
      { title: "By quarter (US$ bn)", table: quarters },
      { title: "By buyer, all quarters (US$ m)", table: buyers },
      { title: "Assumptions", table: assumptions(s, sources) },
    ],
  };
}

/** The scenario's inputs, per-period ones on one row each, every value with its source as a footnote. */
function assumptions(s: ScenarioReportInput, sources: SourceList): NoteTable {
  const { scenario } = s;
  const inputs = scenarioInputs(scenario).filter((i) => !/^buyers\[\d+\]\.name$/.test(i.path) && i.value !== null);
  // A per-period field's inputs, grouped by path in first-seen order.
  const byPath = new Map<string, typeof inputs>();
  for (const input of inputs) {
    const group = byPath.get(input.path);
    if (group) group.push(input);
    else byPath.set(input.path, [input]);
  }
  // Many inputs share a source text (e.g. every buyer's "no source given"): each is put in words once.
  const readable = new Map<string, string>();
  const inWords = (text: string) => readable.get(text) ?? readable.set(text, readableSource(scenario, text)).get(text)!;
  const rows: NoteCell[][] = [];
  for (const all of byPath.values()) {
    const input = all[0];
    const refs = [...new Set(all.map((i) => sources.ref(inWords(sourceOf(i, s.document, s.file).text))))];
    const values = all.map((i) => display(i.value, i.format));
    const same = values.every((v) => v === values[0]);
    const value: NoteCell =
      all.length === 1 || same ? { value: typeof input.value === "boolean" ? (input.value ? "yes" : "no") : input.value, format: input.format, footnotes: refs } : { value: values.join(" / "), footnotes: refs };
    rows.push([text(inputLabel(scenario, input.path)), value]);
  }
  return { columns: ["Assumption", "Value"], rows };
}
