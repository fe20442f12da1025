/**
 * The pane's state, without a DOM: the scenario document being edited (kept as written, so
 * Save stores what the analyst typed), which per-period fields are opened, the engine's
 * verdict on it, and where each of its problems shows. The views (formView.ts,
 * problemView.ts) draw this state and call its edits; app.ts wires them to the page.
 */
import { Problem, STEP_IDS, Scenario, formatPath, plausibilityWarnings as enginePlausibility, problem } from "../engine";
import { FieldSpec, InputReading, ItemField, elementPath, readInput, ruleFieldsOf, sameEveryPeriod, setAt, setPeriodValue, varyByPeriod, periodsOf, getAt } from "./form";
import { Evaluated, evaluateDocument } from "./reportFor";

export type Json = Record<string, unknown>;

/** The lists of items the pane edits row by row. */
export type ItemList = "buyers" | "rules";

/** What a new buyer or rule starts as. */
const NEW_ITEM: Readonly<Record<ItemList, (n: number) => Json>> = {
  buyers: (n) => ({ name: `Buyer ${n}`, requested: 10000, domesticUnits: 10000, publicSectorShare: 0, usApproved: true }),
  rules: (n) => ({ id: `rule${n}`, after: "china_access", expression: "units", enabled: true }),
};

export class PaneState {
  doc: Json = {};
  /** Where the document came from ("built-in: …", a file name): the report's note names it. */
  source = "";
  evaluated: Evaluated = { ok: false, problems: [] };
  /** Per-period fields the analyst opened with "Vary by period" (shown per period even while all equal). */
  readonly expanded = new Set<string>();

  /** Hints that need the text the document came from (see load); dropped at the first edit, when the text no longer says what the document holds. */
  private textHints: ((problems: readonly Problem[]) => Problem[]) | undefined;

  /** Starts over with `doc` (a copy the pane may edit); `textHints`: from the pasted or opened text it was read from. */
  load(doc: Json, source: string, textHints?: (problems: readonly Problem[]) => Problem[]): void {
    this.doc = doc;
    this.source = source;
    this.textHints = textHints;
    this.expanded.clear();
    this.evaluate();
  }

  evaluate(): Evaluated {
    const evaluated = evaluateDocument(this.doc);
    return (this.evaluated = !evaluated.ok && this.textHints ? { ok: false, problems: this.textHints(evaluated.problems) } : evaluated);
  }

  /** Re-evaluates after an edit. */
  private edited(): void {
    this.textHints = undefined;
    this.evaluate();
  }

  get periods(): string[] {
    return periodsOf(this.doc);
  }

  /** The document's list `list` (empty while it has none). */
  items(list: ItemList): Json[] {
    const v = this.doc[list];
    return Array.isArray(v) ? (v as Json[]) : [];
  }

  /** The name a list item goes by in labels: a buyer's name, a rule's id. */
  itemName(list: ItemList, i: number): string {
    const item = this.items(list)[i] as Json | undefined;
    const own = list === "buyers" ? item?.name : item?.id;
    if (typeof own === "string" && own.trim() !== "") return list === "rules" ? `Rule ${own}` : own;
    return list === "buyers" ? `Buyer ${i + 1}` : `Rule ${i + 1}`;
  }

  /** A rule's fields: `after` offers the built-in steps and the rules before it. */
  ruleFields(i: number): ItemField[] {
    const earlier = this.items("rules")
      .slice(0, i)
      .map((r) => r.id)
      .filter((id): id is string => typeof id === "string" && id !== "");
    return ruleFieldsOf([...STEP_IDS, ...earlier]);
  }

  /**
   * Typed text (or a ticked box) into the field, or into period `t` of it; `typing`: not yet
   * committed (an `input` event, not `change`). Returns the reading, so the view can show how
   * the number was read; a reading of kind "typing" leaves the document as it was.
   */
  enter(spec: FieldSpec, input: string | boolean, t: number | undefined, typing: boolean): InputReading {
    const reading: InputReading = typeof input === "boolean" ? { kind: "value", value: input } : readInput(spec.kind, input, typing);
    if (reading.kind === "typing") return reading;
    if (t === undefined) setAt(this.doc, spec.path, reading.value);
    else setPeriodValue(this.doc, spec.path, t, this.periods.length, reading.value);
    this.edited();
    return reading;
  }

  /** "Vary by period" / "Same every period"; returns the path of the input to focus next. */
  toggleVary(path: string, varies: boolean): string {
    if (varies) {
      this.expanded.delete(path);
      sameEveryPeriod(this.doc, path);
    } else {
      this.expanded.add(path);
      varyByPeriod(this.doc, path, this.periods.length);
    }
    this.edited();
    return varies ? path : elementPath(path, 0);
  }

  /** Appends a new buyer or rule; returns the path of its first field. */
  add(list: ItemList): string {
    const items = Array.isArray(this.doc[list]) ? (this.doc[list] as unknown[]) : (this.doc[list] = []);
    items.push(NEW_ITEM[list](items.length + 1));
    this.edited();
    return `${list}[${items.length - 1}].${list === "buyers" ? "name" : "expression"}`;
  }

  remove(list: ItemList, i: number): void {
    this.items(list).splice(i, 1);
    this.edited();
  }

  /** The scenario's name for saving it. */
  get name(): string {
    const n = getAt(this.doc, "name");
    return typeof n === "string" && n.trim() !== "" ? n : "Scenario";
  }
}

/** Where the problems show: each at its field (one list of messages per field), the rest together. */
export interface PlacedProblems {
  readonly at: ReadonlyMap<string, readonly string[]>;
  readonly general: readonly Problem[];
  /** The field of the first problem that has one, to focus. */
  readonly first?: string;
}

/**
 * The field that shows a problem: the problem's path itself or its nearest parent among
 * `fields` (a per-period value shown as one input shows at that input). The one place the
 * pane maps a problem to a field.
 */
export function fieldFor(p: Pick<Problem, "at" | "path">, fields: ReadonlySet<string>): string | undefined {
  // The problem's own place, then each enclosing one (its segments less the last, and so on).
  for (let n = p.at.length; n > 0; n--) {
    const path = formatPath(p.at.slice(0, n));
    if (fields.has(path)) return path;
  }
  return fields.has(p.path) ? p.path : undefined;
}

/**
 * Places problems at the fields shown: one message per problem, each said once per field (a
 * value shown once for every period repeats per period in the engine's list), and a "missing"
 * follow-on at a field that already has a problem of another kind is dropped (the value is
 * there, only wrong).
 */
export function placeProblems(problems: readonly Problem[], fields: ReadonlySet<string>): PlacedProblems {
  const byField = new Map<string, Problem[]>();
  const general: Problem[] = [];
  let first: string | undefined;
  for (const p of problems) {
    const field = fieldFor(p, fields);
    if (field === undefined) {
      if (!general.some((g) => g.path === p.path && g.message === p.message)) general.push(p);
      continue;
    }
    first ??= field;
    const list = byField.get(field) ?? [];
    if (!list.some((q) => q.message === p.message)) list.push(p);
    byField.set(field, list);
  }
  const at = new Map<string, string[]>();
  for (const [field, list] of byField) {
    const kept = list.some((p) => p.code !== "missing") ? list.filter((p) => p.code !== "missing") : list;
    at.set(
      field,
      kept.map((p) => p.message),
    );
  }
  return { at, general, ...(first !== undefined ? { first } : {}) };
}

/**
 * The engine's plausibility warnings for a valid scenario (values off by about 1,000×: an H200
 * price under $1,000), as problems to show beside their field without blocking anything.
 */
export const plausibilityWarnings = (scenario: Scenario): readonly Problem[] => enginePlausibility(scenario).map((w) => problem("range", w.at, w.message));
