/**
 * The Assumptions sheet: every input of every scenario, styled as inputs, each with its source
 * and a defined name. The scenario sheets' formulas read these cells by name, so this is where an
 * analyst changes a number.
 */
import { FieldRow } from "../engine";
import { Citation, LatestReported, citationLine } from "./citations";
import { DefinedName, fieldPart, namePart, uniqueName } from "./definedNames";
import { ScenarioDocument, SourceCitation, isWritten } from "./document";
import { InputBlock, InputRow, InputSpec, inputRows } from "./inputs";
import { SheetLayout, cell, columns } from "./layout";
import { CellValue, Column, ReportSheet } from "./model";
import { ScenarioReportInput } from "./reportInput";
import { citedDate, confidenceOf, sourceFor } from "./sources";

export const ASSUMPTIONS = "Assumptions";

/** A cited input, for the Sources sheet. */
export interface CitedInput extends Citation {
  readonly scenario: string;
  readonly field: string;
  /** The periods the source covers: "all", one quarter, or quarters joined by ", ". */
  readonly period: string;
  /** The input's Source cell on the Assumptions sheet (1-based), to link to its Sources row. */
  readonly at: { readonly row: number; readonly col: number };
  /** Data-set fact ids the source names. */
  readonly facts: readonly string[];
}

/** Where a formula finds an input: its defined name (per-period fields: at `period`). */
export type InputRef = (path: string, period?: number) => string;

export interface AssumptionsSheet {
  readonly sheet: ReportSheet;
  /** Per scenario (same order as given): the defined name of an input cell. */
  readonly inputRefs: readonly InputRef[];
  /** Every input cell's defined name. */
  readonly names: readonly DefinedName[];
  readonly latestReportedRef: string;
  /** The latest reported quarter's Source cell (1-based), to link to its Sources row. */
  readonly latestSourceAt: { readonly row: number; readonly col: number };
  readonly cited: readonly CitedInput[];
}

/** Columns of a block: the label, the field path, the units, the "All periods" value, a value per period, the source. */
const FIXED_COLUMNS = 3;
const ALL_PERIODS_COLUMN = FIXED_COLUMNS + 1;
const blockColumns = (periods: readonly string[]): Column[] => [
  ...columns("Input", "Field", "Units", "All periods"),
  ...columns(...periods),
  { header: "Source", footnotes: true },
];
const LATEST_COLUMNS: readonly Column[] = [...columns("Input", "Field", "Units", "Value"), { header: "Source", footnotes: true }];

const BLOCK_TITLES = { us: "US policy", china: "China policy", market: "Market" } as const;
const BLOCK_NAMES = { us: "US", china: "China", market: "Market" } as const;

/**
 * The Assumptions sheet: per scenario, a table per block (US, China, market, each buyer) with a
 * row per field and the periods across. A field that does not vary by period in this scenario
 * (the catalogue's non-per-period fields, and any whose value is the same in every period) is
 * written once, in "All periods", and every period's formula reads that cell.
 */
export function assumptionsSheet(scenarios: readonly ScenarioReportInput[], latest: LatestReported): AssumptionsSheet {
  const layout = new SheetLayout();
  layout.note("Inputs in blue: change one and the scenario sheets recalculate (native and live modes). Formulas read them by name (e.g. China_ApprovalRate, ByteDance_Requested_FY2027Q3).");
  layout.note('A value the same in every period is written once, under "All periods"; a value that changes by period has a cell per period. Source: x-sources entry (built-ins: from the sourced data set) or YAML comment, else the value\'s origin; a cited source links to Sources.');
  layout.gap();

  const taken = new Set<string>();
  const names: DefinedName[] = [];
  const LATEST_VALUE = 4;
  const latestName = uniqueName(["LatestReportedChinaRevenue"], taken);
  let latestSourceAt = { row: 0, col: LATEST_COLUMNS.length };
  layout.table("Report inputs", LATEST_COLUMNS, (firstRow) => {
    names.push({ name: latestName, sheet: ASSUMPTIONS, row: firstRow, col: LATEST_VALUE });
    latestSourceAt = { row: firstRow, col: LATEST_COLUMNS.length };
    return [
      [
        cell.label(`Nvidia's latest reported China revenue (${latest.period}), the Comparison's yardstick`),
        cell.label("latestReportedChinaRevenue"),
        cell.label("USD"),
        cell.input(latest.value, latest.format),
        cell.label(citationLine(latest)),
      ],
    ];
  });

  const cited: CitedInput[] = [];
  const scenarioParts = new Set<string>();
  const inputRefs = scenarios.map(({ scenario, file, document: doc }): InputRef => {
    const prefix = scenarios.length > 1 ? [uniqueName([namePart(scenario.name)], scenarioParts)] : [];
    const periods = scenario.periods;
    const cols = blockColumns(periods);
    const sourceCol = cols.length;
    const refs = new Map<string, { all?: string; at: string[] }>();
    const rows = inputRows(scenario);
    const blocks = new Map<string, InputRow[]>();
    for (const r of rows) {
      const key = blockKey(r.block);
      const inBlock = blocks.get(key);
      if (inBlock) inBlock.push(r);
      else blocks.set(key, [r]);
    }
    for (const inBlock of blocks.values()) {
      const block = inBlock[0].block;
      const buyer = block.kind === "buyer" ? scenario.buyers[block.buyer].name : undefined;
      const blockPart = buyer === undefined ? BLOCK_NAMES[block.kind as keyof typeof BLOCK_NAMES] : namePart(buyer);
      const what = buyer === undefined ? BLOCK_TITLES[block.kind as keyof typeof BLOCK_TITLES] : `buyer ${buyer}`;
      const title = `${scenario.name}${file ? ` (${file})` : ""}: ${what}`;
      layout.table(title, cols, (firstRow) =>
        inBlock.map((input, i) => {
          const r = firstRow + i;
          const field = fieldPart(input.field.group === "cap" ? `cap${fieldPart(input.field.key)}` : input.field.key);
          const nameAt = (col: number, period?: string): string => {
            const name = uniqueName([...prefix, blockPart, field, ...(period === undefined ? [] : [period])], taken);
            names.push({ name, sheet: ASSUMPTIONS, row: r, col });
            return name;
          };
          const choices = choicesOf(input.field);
          const value = (v: CellValue) => ({ ...cell.input(v, input.format), ...(choices ? { choices } : {}) });
          const ref: { all?: string; at: string[] } = input.allPeriods ? { all: nameAt(ALL_PERIODS_COLUMN), at: [] } : { at: periods.map((p, t) => nameAt(ALL_PERIODS_COLUMN + 1 + t, p)) };
          refs.set(input.path, ref);
          const label = buyer === undefined ? input.field.label : `${buyer}: ${input.field.label}`;
          const source = rowSource(input, label, doc, file, periods);
          for (const c of source.cited) cited.push({ ...c, scenario: scenario.name, field: input.path, at: { row: r, col: sourceCol } });
          return [
            cell.label(rowLabel(input.field.label)),
            cell.label(input.path),
            cell.label(unitsOf(input.field)),
            input.allPeriods ? value(input.values[0]) : cell.blank(),
            ...periods.map((_, t) => (input.allPeriods ? cell.blank() : value(input.values[t]))),
            cell.label(source.text),
          ];
        }),
      );
    }
    if (scenario.rules.length > 0) {
      layout.table(`${scenario.name}: custom rules (as written in the scenario; formulas are translated from them when the report is built)`, columns("Rule", "Runs after", "Expression"), () =>
        scenario.rules.map((rule) => [cell.label(rule.label ? `${rule.id} (${rule.label})` : rule.id), cell.label(rule.after), cell.label(rule.expression)]),
      );
    }
    return (path, period) => {
      const ref = refs.get(path);
      const name = ref?.all ?? (period === undefined ? undefined : ref?.at[period]);
      if (name === undefined) throw new Error(`no Assumptions cell for ${path}${period === undefined ? "" : ` in period ${period}`} in ${scenario.name}`);
      return name;
    };
  });

  return { sheet: layout.sheet(ASSUMPTIONS, "Assumptions: every input of every scenario", { rows: 1, cols: 0 }), inputRefs, names, latestReportedRef: latestName, latestSourceAt, cited };
}

const blockKey = (b: InputBlock): string => (b.kind === "buyer" ? `buyer${b.buyer}` : b.kind);

/** A buyer field's label begins in lower case (it follows the buyer's name elsewhere); a row starts with a capital. */
const rowLabel = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);

/**
 * The units column: from the field's display format, else its kind (enums list their words).
 * @example unitsOf({ kind: "fraction", format: "percent" }) // returns "%"
 */
export function unitsOf(field: Pick<FieldRow, "kind" | "format" | "values">): string {
  switch (field.format) {
    case "units":
      return "units";
    case "usd":
      return "USD";
    case "usdBillions":
      return "USD";
    case "percent":
      return "%";
    case "ratio":
      return "ratio";
  }
  if (field.kind === "enum") return (field.values ?? []).join(" / ");
  if (field.kind === "flag") return "TRUE / FALSE";
  if (field.kind === "fraction") return "%";
  if (field.kind === "units") return "units";
  if (field.kind === "usd" || field.kind === "price") return "USD";
  return "";
}

/** The values a data-validation list offers for a field: an enum's words, TRUE and FALSE for a flag. */
export function choicesOf(field: Pick<FieldRow, "kind" | "values">): readonly string[] | undefined {
  if (field.kind === "enum") return field.values;
  if (field.kind === "flag") return ["TRUE", "FALSE"];
  return undefined;
}

/**
 * A row's Source cell and its citations: the source of each period's value, once when every
 * period has the same one, else each quarter's in turn.
 */
function rowSource(input: InputRow, label: string, doc: ScenarioDocument | undefined, file: string | undefined, periods: readonly string[]): { text: string; cited: Omit<CitedInput, "scenario" | "field" | "at">[] } {
  const perPeriod = periods.map((_, t) => sourceOf({ path: input.path, label, period: input.field.perPeriod ? t : undefined, value: input.values[t], format: input.format }, doc, file));
  const distinct: { text: string; cited?: SourceCitation; periods: number[] }[] = [];
  perPeriod.forEach((s, t) => {
    const same = distinct.find((d) => d.text === s.text);
    if (same) same.periods.push(t);
    else distinct.push({ ...s, periods: [t] });
  });
  const covers = (ts: readonly number[]) => (ts.length === periods.length ? "all" : ts.map((t) => periods[t]).join(", "));
  const text = distinct.length === 1 ? distinct[0].text : distinct.map((d) => `${covers(d.periods)}: ${d.text}`).join(" | ");
  const cited = distinct.flatMap((d) => {
    if (!d.cited) return [];
    const v = input.values[d.periods[0]];
    return [{ period: covers(d.periods), figure: label, value: typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v, format: input.format, source: d.cited.text, date: d.cited.date, confidence: d.cited.confidence, facts: d.cited.facts }];
  });
  return { text, cited };
}

/**
 * An input's source: a resolved citation (built-in scenarios) in preference to note text,
 * whose date and confidence are read from the text.
 */
export function sourceOf(input: InputSpec, doc: ScenarioDocument | undefined, file: string | undefined): { text: string; cited?: SourceCitation } {
  const resolved = doc?.citations ? sourceFor(doc.citations, input.path, input.period) : undefined;
  if (resolved) return { text: resolved.text, cited: resolved };
  const note = doc ? sourceFor(doc.notes, input.path, input.period) : undefined;
  if (note) return { text: note, cited: { text: note, date: citedDate(note), confidence: confidenceOf(note), facts: [] } };
  if (doc && doc.data !== undefined && !isWritten(doc.data, input.path)) {
    // A built-in cites every number it ships: a default it leaves unset (e.g. china.orderRate 1,
    // every approved unit ordered) is the model's assumption, labelled illustrative.
    if (doc.citations && typeof input.value === "number") {
      const text = "illustrative: the model's default, which this scenario does not set";
      return { text, cited: { text, date: "", confidence: "illustrative", facts: [] } };
    }
    return { text: "Model default (the scenario does not set it)" };
  }
  if (file?.startsWith("built-in:")) return { text: `Scenario setting (${file}): part of the policy story it models, not a sourced figure` };
  return { text: `Scenario file${file ? ` ${file}` : ""}, no source given` };
}
