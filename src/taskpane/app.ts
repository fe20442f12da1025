/**
 * The task pane UI: choose or load a scenario, edit its key assumptions and buyers (problems
 * shown next to the field the engine names), see totals and a chart update live, and fill
 * sheets through whichever SheetWriter the host provides (Excel, or the in-page preview).
 */
import { BUILT_IN_SCENARIOS, Evaluation, formatProblem } from "../engine";
import { CELL_MODES, CellMode, Report } from "../report/model";
import { formatBare, formatNumber } from "../report/formats";
import { barChart } from "./chart";
import { applyFluentTheme } from "./fluent";
import {
  ASSUMPTIONS,
  BUYER_FIELDS,
  RULE_FIELDS,
  FieldSpec,
  elementPath,
  fieldFor,
  fieldId,
  formatInput,
  getAt,
  parseInput,
  periodLayout,
  periodsOf,
  sameEveryPeriod,
  setAt,
  setPeriodValue,
  varyByPeriod,
} from "./form";
import { Host, detectHost } from "./host";
import { fillFault } from "./excel/hostFaults";
import { noticeLines } from "./notice";
import { readPastedText } from "./pasteText";
import { wireDownload } from "./preview/download";
import { Evaluated, evaluateDocument, sheetNamesFor } from "./reportFor";
import { StoredScenario } from "./scenarioStore";
import { UncertaintyPanel } from "./uncertainty/panel";
import { simulationRunner } from "./uncertainty/runner";
import { CalcWorker, calcClient } from "../functions/calcClient";
import { fillReport } from "./fillReport";
import { spawnWorker } from "./uncertainty/spawnWorker";
import { $, h } from "./dom";

type Json = Record<string, unknown>;

const count = (n: number) => formatNumber(n, "units");
const bn = (n: number) => formatBare(n, "usdBillions");

class App {
  private doc: Json = {};
  private source = "";
  private evaluated: Evaluated = { ok: false, problems: [] };
  private readonly unchecked = new Set<string>();
  /** Per-period fields the analyst opened with "Vary by period" (shown per period even while all equal). */
  private readonly expanded = new Set<string>();
  private saved: StoredScenario[] = [];
  /** The report last filled: what "Download .xlsx" (preview host) writes. */
  private filled?: Report;
  /** Monte Carlo and tornado in a Web Worker (issue #6); edits the document's uncertainty block. */
  private readonly uncertainty = new UncertaintyPanel(simulationRunner(spawnWorker));
  /** The Fill's Monte Carlo runs in the simulation worker where the page has Web Workers. */
  private readonly calc = typeof Worker === "undefined" ? undefined : calcClient(() => spawnWorker() as unknown as CalcWorker);

  constructor(private readonly host: Host) {}

  async start(): Promise<void> {
    $("host-note").textContent =
      this.host.kind === "excel" ? "Connected to Excel: Fill writes the sheets into this workbook." : "Preview: not running in Excel; Fill shows the sheets below.";
    $("save").textContent = this.host.kind === "excel" ? "Save to workbook" : "Save in browser";
    const builtin = $<HTMLSelectElement>("builtin");
    builtin.append(h("option", { value: "", textContent: "(custom)" }), ...BUILT_IN_SCENARIOS.map((s) => h("option", { value: s.id, textContent: s.document.name })));
    builtin.addEventListener("change", () => this.pickBuiltIn(builtin.value));
    $("add-buyer").addEventListener("click", () => this.addBuyer());
    $("add-rule").addEventListener("click", () => this.addRule());
    $("load-text").addEventListener("click", () => this.loadText($<HTMLTextAreaElement>("paste").value, "pasted text"));
    $<HTMLInputElement>("file").addEventListener("change", (e) => void this.loadFile((e.target as HTMLInputElement).files?.[0]));
    $("save").addEventListener("click", () => void this.save());
    $("load-saved").addEventListener("click", () => this.loadSaved());
    $("mode").addEventListener("change", () => this.renderSheetChoices());
    $("fill").addEventListener("click", () => void this.fill());
    wireDownload($("download"), () => this.filled, (text) => this.status(text));
    this.renderBuyerHeader();
    await this.refreshSaved();
    builtin.value = BUILT_IN_SCENARIOS[0].id;
    this.pickBuiltIn(builtin.value);
  }

  // ---- scenario sources ----

  private pickBuiltIn(id: string): void {
    const s = BUILT_IN_SCENARIOS.find((b) => b.id === id);
    if (!s) return;
    $("narrative").textContent = s.narrative;
    this.setDocument(structuredClone(s.document) as unknown as Json, `built-in: ${s.id}`);
  }

  private setDocument(doc: Json, source: string): void {
    this.doc = doc;
    this.expanded.clear();
    this.source = source;
    this.renderFields();
    this.update();
  }

  private loadText(text: string, source: string): void {
    const pasted = readPastedText(text, source);
    if (!pasted.ok) return this.showNotice(pasted.title, pasted.lines);
    $<HTMLSelectElement>("builtin").value = "";
    $("narrative").textContent = "";
    this.setDocument(pasted.doc, source);
  }

  private async loadFile(file: File | undefined): Promise<void> {
    if (file) this.loadText(await file.text(), file.name);
  }

  private async refreshSaved(): Promise<void> {
    const loaded = await this.host.store.load();
    this.saved = [...loaded.scenarios];
    if (loaded.notice) this.showNotice("Saved scenarios:", [loaded.notice]);
    $<HTMLSelectElement>("saved").replaceChildren(h("option", { value: "", textContent: "(none)" }), ...this.saved.map((s, i) => h("option", { value: String(i), textContent: s.name })));
  }

  private loadSaved(): void {
    const i = $<HTMLSelectElement>("saved").value;
    const s = i === "" ? undefined : this.saved[Number(i)];
    if (!s) return this.status("Choose a saved scenario first.");
    $<HTMLSelectElement>("builtin").value = "";
    this.setDocument(structuredClone(s.document) as Json, `saved: ${s.name}`);
  }

  private async save(): Promise<void> {
    const name = typeof this.doc.name === "string" && this.doc.name ? this.doc.name : "Scenario";
    const next = [...this.saved.filter((s) => s.name !== name), { name, document: structuredClone(this.doc) }];
    try {
      await this.host.store.save(next);
      await this.refreshSaved();
      this.status(`Saved "${name}" (${next.length} scenario${next.length === 1 ? "" : "s"} stored).`);
    } catch (e) {
      this.showNotice("Could not save the scenario:", [e instanceof Error ? e.message : String(e)]);
    }
  }

  // ---- the form ----

  /** A field's control: one input, or for a field that varies by period one input per period in a row. */
  private control(spec: FieldSpec, labelled = true): HTMLElement {
    const periods = periodsOf(this.doc);
    if (!spec.perPeriod || periods.length < 2) return this.single(spec, labelled);
    const layout = periodLayout(getAt(this.doc, spec.path), periods.length, this.expanded.has(spec.path));
    const id = fieldId(spec.path);
    const error = h("span", { id: `${id}-error`, className: "error" });
    const toggle = h("button", { type: "button", className: "vary", textContent: layout.varies ? "Same every period" : "Vary by period" });
    toggle.setAttribute("aria-label", `${layout.varies ? "Same every period" : "Vary by period"}: ${spec.label}`);
    toggle.addEventListener("click", () => {
      if (layout.varies) {
        this.expanded.delete(spec.path);
        sameEveryPeriod(this.doc, spec.path);
      } else {
        this.expanded.add(spec.path);
        varyByPeriod(this.doc, spec.path, periods.length);
      }
      this.renderFields();
      this.update();
      (document.getElementById(fieldId(layout.varies ? spec.path : elementPath(spec.path, 0))) as HTMLElement | null)?.focus();
    });
    const label = labelled ? h("span", { className: "label", textContent: spec.label }) : undefined;
    if (!layout.varies) {
      const one = this.single(spec, labelled);
      one.append(toggle);
      return one;
    }
    // The whole field's problems (a list of the wrong length) show on the group; each period's at its input.
    const group = h(
      "div",
      { id, className: "periods", role: "group" },
      ...periods.map((p, t) =>
        this.input(
          { ...spec, path: elementPath(spec.path, t), label: `${spec.label}, ${p}` },
          layout.values[t],
          (v) => setPeriodValue(this.doc, spec.path, t, periods.length, v),
          p,
        ),
      ),
    );
    group.dataset.path = spec.path;
    group.setAttribute("aria-label", spec.label);
    group.setAttribute("aria-describedby", error.id);
    return h("div", { className: "field per-period" }, ...(label ? [label] : []), group, toggle, error);
  }

  /** One input for the whole field, labelled or (in a table cell) with an aria-label. */
  private single(spec: FieldSpec, labelled: boolean): HTMLElement {
    const value = getAt(this.doc, spec.path);
    const cell = this.input(spec, Array.isArray(value) ? value[0] : value, (v) => setAt(this.doc, spec.path, v), labelled ? undefined : "");
    if (!labelled) return cell;
    const input = cell.querySelector<HTMLElement>("[data-path]") as HTMLElement;
    const error = cell.querySelector(".error") as HTMLElement;
    const label = h("label", { htmlFor: input.id, textContent: spec.label });
    if (spec.kind === "flag") return h("div", { className: "field flag" }, input, label, error);
    if (spec.hint) {
      const hint = h("span", { id: `${input.id}-hint`, className: "hint", textContent: spec.hint });
      input.setAttribute("aria-describedby", `${hint.id} ${error.id}`);
      return h("div", { className: "field" }, label, input, hint, error);
    }
    return h("div", { className: "field" }, label, input, error);
  }

  /**
   * An input bound to one document value (`set` writes it), with its error span; `caption`:
   * a small visible label (a period's name), "" for an aria-label only.
   */
  private input(spec: FieldSpec, value: unknown, set: (v: unknown) => void, caption?: string): HTMLElement {
    const id = fieldId(spec.path);
    let input: HTMLInputElement | HTMLSelectElement;
    if (spec.kind === "choice") {
      input = h("select", { id }, ...(spec.choices ?? []).map((c) => h("option", { value: c, textContent: c })));
      input.value = typeof value === "string" ? value : (spec.choices?.[0] ?? "");
    } else if (spec.kind === "flag") {
      input = h("input", { id, type: "checkbox", checked: value === true || ((value === undefined || value === null) && /\.(usApproved|enabled)(\[\d+\])?$/.test(spec.path)) });
    } else {
      input = h("input", { id, type: spec.kind === "number" ? "number" : "text", value: formatInput(value) });
      if (spec.kind === "number") input.step = "any";
      if (spec.placeholder) input.placeholder = spec.placeholder; // a blank takes the default
    }
    input.dataset.path = spec.path;
    const error = h("span", { id: `${id}-error`, className: "error" });
    input.setAttribute("aria-describedby", error.id);
    input.addEventListener(spec.kind === "flag" || spec.kind === "choice" ? "change" : "input", () => {
      set(input instanceof HTMLInputElement && input.type === "checkbox" ? input.checked : parseInput(spec.kind, input.value));
      this.update();
    });
    if (caption === undefined) return h("div", {}, input, error);
    input.setAttribute("aria-label", spec.label);
    if (caption === "") return h("div", {}, input, error);
    return h("div", { className: "period" }, h("label", { htmlFor: id, className: "hint", textContent: caption }), input, error);
  }

  private renderFields(): void {
    $("assumptions").replaceChildren(...ASSUMPTIONS.map((g) => h("fieldset", {}, h("legend", { textContent: g.legend }), ...g.fields.map((f) => this.control(f)))));
    this.renderRows("buyers", "buyers", BUYER_FIELDS, (b, i) => (typeof b?.name === "string" ? b.name : `buyer ${i + 1}`));
    this.renderRows("rules", "rules", RULE_FIELDS, (r, i) => (typeof r?.id === "string" && r.id !== "" ? `rule ${r.id}` : `rule ${i + 1}`));
  }

  /** One table row per item of the document's list `key`, one control per field, and a Remove button. */
  private renderRows(tableId: string, key: "buyers" | "rules", fields: typeof BUYER_FIELDS, nameOf: (item: Json | undefined, i: number) => string): void {
    const items = Array.isArray(this.doc[key]) ? (this.doc[key] as unknown[]) : [];
    $<HTMLTableElement>(tableId).tBodies[0].replaceChildren(
      ...items.map((item, i) => {
        const name = nameOf(item as Json | undefined, i);
        const cells = fields.map((f) => h("td", {}, this.control({ ...f, path: `${key}[${i}].${f.key}`, label: `${f.label}, ${name}` }, false)));
        const remove = h("button", { type: "button", className: "remove", textContent: "Remove" });
        remove.setAttribute("aria-label", `Remove ${name}`);
        remove.addEventListener("click", () => {
          (this.doc[key] as unknown[]).splice(i, 1);
          this.renderFields();
          this.update();
        });
        return h("tr", {}, ...cells, h("td", {}, remove));
      }),
    );
  }

  private renderBuyerHeader(): void {
    for (const [tableId, fields] of [["buyers", BUYER_FIELDS], ["rules", RULE_FIELDS]] as const) {
      $<HTMLTableElement>(tableId).tHead!.rows[0].replaceChildren(
        ...fields.map((f) => h("th", { scope: "col", textContent: f.label })),
        h("th", { scope: "col" }, h("span", { className: "hint", textContent: "Actions" })),
      );
    }
  }

  private addRule(): void {
    const rules = Array.isArray(this.doc.rules) ? (this.doc.rules as unknown[]) : (this.doc.rules = []);
    rules.push({ id: `rule${rules.length + 1}`, after: "china_access", expression: "units", enabled: true });
    this.renderFields();
    this.update();
    (document.getElementById(fieldId(`rules[${rules.length - 1}].expression`)) as HTMLInputElement | null)?.focus();
  }

  private addBuyer(): void {
    const buyers = Array.isArray(this.doc.buyers) ? (this.doc.buyers as unknown[]) : (this.doc.buyers = []);
    buyers.push({ name: `Buyer ${buyers.length + 1}`, requested: 10000, domesticUnits: 10000, publicSectorShare: 0, usApproved: true });
    this.renderFields();
    this.update();
    (document.getElementById(fieldId(`buyers[${buyers.length - 1}].name`)) as HTMLInputElement | null)?.focus();
  }

  // ---- evaluation and results ----

  private update(): void {
    this.evaluated = evaluateDocument(this.doc);
    this.showProblems();
    this.uncertainty.update(this.doc);
    if (this.evaluated.ok) this.showResults(this.evaluated.evaluation);
    this.renderSheetChoices();
  }

  private showProblems(): void {
    const inputs = Array.from(document.querySelectorAll<HTMLElement>("[data-path]"));
    const byPath = new Map(inputs.map((i) => [i.dataset.path as string, i]));
    for (const i of inputs) {
      i.removeAttribute("aria-invalid");
      $(`${i.id}-error`).textContent = "";
    }
    $("notice").hidden = true;
    if (this.evaluated.ok) return;
    const general: string[] = [];
    for (const p of this.evaluated.problems) {
      const path = fieldFor(p.path, new Set(byPath.keys()));
      const input = path ? byPath.get(path) : undefined;
      if (!input) {
        general.push(formatProblem(p));
        continue;
      }
      input.setAttribute("aria-invalid", "true");
      const err = $(`${input.id}-error`);
      // A list of equal values shown as one input can repeat one problem per period: say it once.
      if (!err.textContent?.includes(p.message)) err.textContent = err.textContent ? `${err.textContent} ${p.message}` : p.message;
    }
    if (general.length > 0) this.showNotice("The scenario has problems:", general);
    this.status(`The scenario has ${this.evaluated.problems.length} problem(s); results show the last valid inputs.`);
  }

  private showResults(ev: Evaluation): void {
    $<HTMLTableElement>("summary").tBodies[0].replaceChildren(
      ...ev.periods.map((p) =>
        h("tr", {}, h("th", { scope: "row", textContent: p.period }), ...[count(p.totals.shipped), bn(p.totals.revenue), bn(p.totals.usShare), bn(p.totals.chinaRevenue)].map((t) => h("td", { textContent: t }))),
      ),
    );
    $("chart").replaceChildren(barChart("China revenue by quarter", ev.periods.map((p) => p.period), ev.periods.map((p) => p.totals.chinaRevenue)));
    this.status("");
  }

  private mode(): CellMode {
    const v = $<HTMLSelectElement>("mode").value;
    return (CELL_MODES as readonly string[]).includes(v) ? (v as CellMode) : "native";
  }

  private renderSheetChoices(): void {
    if (!this.evaluated.ok) return;
    const names = sheetNamesFor(this.evaluated, this.mode(), this.source);
    const box = $("sheets");
    box.replaceChildren(
      h("legend", { textContent: "Sheets" }),
      ...names.map((name, i) => {
        const input = h("input", { type: "checkbox", id: `sheet-choice-${i}`, checked: !this.unchecked.has(name), value: name });
        input.addEventListener("change", () => (input.checked ? this.unchecked.delete(name) : this.unchecked.add(name)));
        return h("div", { className: "field flag" }, input, h("label", { htmlFor: input.id, textContent: name }));
      }),
    );
  }

  // ---- filling ----

  private async fill(): Promise<void> {
    if (!this.evaluated.ok) return this.status("Fix the problems above before filling sheets.");
    if (sheetNamesFor(this.evaluated, this.mode(), this.source).every((name) => this.unchecked.has(name))) return this.status("Choose at least one sheet.");
    const button = $("fill");
    button.setAttribute("disabled", "");
    this.status("Filling sheets…");
    try {
      const all = await fillReport(this.evaluated, this.mode(), this.calc, this.source);
      const report = { ...all, sheets: all.sheets.filter((s) => !this.unchecked.has(s.name)) };
      const result = await this.host.writer.fill(report, { confirmReplace: (name) => this.confirm(name) });
      this.filled = report;
      if (this.host.kind === "preview") $("preview-section").hidden = false;
      const kept = result.kept.length > 0 ? ` Kept your edited ${result.kept.join(", ")}.` : "";
      this.status(`Filled ${result.written.length} sheet(s): ${result.written.join(", ")}.${kept}`);
      if (result.leftOut) this.showNotice("This version of Excel lacks some features; the sheets were filled without them:", result.leftOut);
    } catch (e) {
      const fault = fillFault(e);
      this.showNotice(fault.title, fault.lines);
      this.status("");
    } finally {
      button.removeAttribute("disabled");
    }
  }

  /** Office add-ins cannot use window.confirm: an inline dialog asks instead. */
  private confirm(sheet: string): Promise<boolean> {
    const box = $("confirm");
    $("confirm-text").textContent = `You edited the sheet "${sheet}" since the last fill. Replace it, or keep your version and write the new one to a copy?`;
    box.hidden = false;
    $("confirm-replace").focus();
    return new Promise((resolve) => {
      const done = (answer: boolean) => () => {
        box.hidden = true;
        $("confirm-replace").replaceWith($("confirm-replace").cloneNode(true));
        $("confirm-keep").replaceWith($("confirm-keep").cloneNode(true));
        resolve(answer);
      };
      $("confirm-replace").addEventListener("click", done(true), { once: true });
      $("confirm-keep").addEventListener("click", done(false), { once: true });
    });
  }

  private status(text: string): void {
    $("status").textContent = text;
  }

  private showNotice(title: string, lines: readonly string[]): void {
    const notice = $("notice");
    notice.replaceChildren(h("strong", { textContent: title }), h("ul", {}, ...noticeLines(lines).map((l) => h("li", { textContent: l }))));
    notice.hidden = false;
  }
}

/** Starts the pane once the host is known. */
export async function start(): Promise<void> {
  applyFluentTheme();
  const host = await detectHost($("preview"));
  document.body.dataset.host = host.kind;
  await new App(host).start();
  document.body.dataset.ready = "true";
}
