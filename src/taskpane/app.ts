/**
 * The task pane's wiring: scenario sources (built-ins, paste box, file, saved), the form
 * (formView.ts over the pure paneState.ts), live totals and chart, and Fill through whichever
 * SheetWriter the host provides (Excel, or the in-page preview).
 */
import { BUILT_IN_SCENARIOS, Problem } from "../engine";
import { CellMode, Report } from "../report/model";
import { askReplace } from "./confirmDialog";
import { applyFluentTheme } from "./fluent";
import { FormView } from "./formView";
import { Host, detectHost } from "./host";
import { fillFault } from "./excel/hostFaults";
import { noticeItems, noticeLines } from "./notice";
import { PaneState, PlacedProblems, placeProblems, plausibilityWarnings } from "./paneState";
import { readPastedText } from "./pasteText";
import { cellMode, showResults, showSheetChoices } from "./resultsView";
import { hideNotice, showFieldProblems, showNotice } from "./problemView";
import { wireDownload } from "./preview/download";
import { sheetNamesFor } from "./reportFor";
import { StoredScenario } from "./scenarioStore";
import { UncertaintyPanel } from "./uncertainty/panel";
import { simulationRunner } from "./uncertainty/runner";
import { CalcWorker, calcClient } from "../functions/calcClient";
import { fillReport } from "./fillReport";
import { spawnWorker } from "./uncertainty/spawnWorker";
import { $, h } from "./dom";

type Json = Record<string, unknown>;


class App {
  private readonly state = new PaneState();
  private readonly form = new FormView(this.state, () => this.update());
  private readonly unchecked = new Set<string>();
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
    $("add-buyer").addEventListener("click", () => this.form.add("buyers"));
    $("add-rule").addEventListener("click", () => this.form.add("rules"));
    $("load-text").addEventListener("click", () => this.loadText($<HTMLTextAreaElement>("paste").value, "pasted text"));
    $<HTMLInputElement>("file").addEventListener("change", (e) => void this.loadFile((e.target as HTMLInputElement).files?.[0]));
    $("save").addEventListener("click", () => void this.save());
    $("load-saved").addEventListener("click", () => this.loadSaved());
    $("mode").addEventListener("change", () => this.renderSheetChoices());
    $("fill").addEventListener("click", () => void this.fill());
    wireDownload($("download"), () => this.filled, (text) => this.status(text));
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

  /** Shows a new document; `fromText`: it came from the paste box or a file, whose notice shows its other problems. */
  private setDocument(doc: Json, source: string, fromText = false, textHints?: (problems: readonly Problem[]) => Problem[]): void {
    this.state.load(doc, source, textHints);
    hideNotice("paste-notice");
    this.form.render();
    const placed = this.update(fromText);
    // A document that arrives with problems: take the analyst to the first one.
    if (placed?.first !== undefined) this.form.focus(placed.first);
    else if (fromText && placed && placed.general.length > 0) $("paste-notice").focus();
  }

  private loadText(text: string, source: string): void {
    const pasted = readPastedText(text, source);
    if (!pasted.ok) return showNotice($("paste-notice"), pasted.title, noticeItems(pasted.problems), true);
    $<HTMLSelectElement>("builtin").value = "";
    $("narrative").textContent = "";
    this.setDocument(pasted.doc, source, true, pasted.hints);
  }

  private async loadFile(file: File | undefined): Promise<void> {
    if (file) this.loadText(await file.text(), file.name);
  }

  private async refreshSaved(): Promise<void> {
    const loaded = await this.host.store.load();
    this.saved = [...loaded.scenarios];
    if (loaded.notice) this.showNotice("Saved scenarios", [loaded.notice]);
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
    const name = this.state.name;
    const next = [...this.saved.filter((s) => s.name !== name), { name, document: structuredClone(this.state.doc) }];
    try {
      await this.host.store.save(next);
      await this.refreshSaved();
      this.status(`Saved "${name}" (${next.length} scenario${next.length === 1 ? "" : "s"} stored).`);
    } catch (e) {
      this.showNotice("Could not save the scenario", [e instanceof Error ? e.message : String(e)]);
    }
  }

  // ---- evaluation and results ----

  /** Shows the state's verdict (evaluated already); `fromText`: problems no field shows go under the paste box. */
  private update(fromText = false): PlacedProblems | undefined {
    const evaluated = this.state.evaluated;
    this.uncertainty.update(this.state.doc);
    $("notice").hidden = true;
    const fields = this.form.fieldPaths();
    const placed = placeProblems(evaluated.ok ? [] : evaluated.problems, fields);
    showFieldProblems(placed, evaluated.ok ? placeProblems(plausibilityWarnings(evaluated.scenario), fields) : undefined);
    if (evaluated.ok) {
      showResults(evaluated.evaluation);
      this.status("");
      this.renderSheetChoices();
      return placed;
    }
    if (placed.general.length > 0) {
      const box = fromText ? $("paste-notice") : $("notice");
      showNotice(box, "The scenario has problems", noticeItems(placed.general));
    }
    this.status(`The scenario has ${evaluated.problems.length} problem(s); results show the last valid inputs.`);
    return placed;
  }

  private mode(): CellMode {
    return cellMode($<HTMLSelectElement>("mode").value);
  }

  private renderSheetChoices(): void {
    const evaluated = this.state.evaluated;
    if (evaluated.ok) showSheetChoices(sheetNamesFor(evaluated, this.mode(), this.state.source), this.unchecked);
  }

  // ---- filling ----

  private async fill(): Promise<void> {
    const evaluated = this.state.evaluated;
    if (!evaluated.ok) return this.status("Fix the problems above before filling sheets.");
    if (sheetNamesFor(evaluated, this.mode(), this.state.source).every((name) => this.unchecked.has(name))) return this.status("Choose at least one sheet.");
    const button = $("fill");
    button.setAttribute("disabled", "");
    this.status("Filling sheets…");
    try {
      const all = await fillReport(evaluated, this.mode(), this.calc, this.state.source);
      const report = { ...all, sheets: all.sheets.filter((s) => !this.unchecked.has(s.name)) };
      const result = await this.host.writer.fill(report, { confirmReplace: askReplace });
      this.filled = report;
      if (this.host.kind === "preview") $("preview-section").hidden = false;
      const kept = result.kept.length > 0 ? ` Kept your edited ${result.kept.join(", ")}.` : "";
      this.status(`Filled ${result.written.length} sheet(s): ${result.written.join(", ")}.${kept}`);
      if (result.leftOut) this.showNotice("This version of Excel lacks some features; the sheets were filled without them", result.leftOut, true);
    } catch (e) {
      const fault = fillFault(e);
      this.showNotice(fault.title, fault.lines, true);
      this.status("");
    } finally {
      button.removeAttribute("disabled");
    }
  }

  private status(text: string): void {
    $("status").textContent = text;
  }

  private showNotice(title: string, lines: readonly string[], focus = false): void {
    showNotice($("notice"), title, noticeLines(lines).map((text) => ({ text })), focus);
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
