/**
 * The pane's Uncertainty section (docs/model.md "Uncertainty"): the scenario's uncertain inputs
 * listed and edited (validated as you type, problems next to the field like the rest of the
 * pane), then a seeded Monte Carlo and a tornado run in a Web Worker with a progress bar and
 * Cancel, and the results: percentiles, a histogram and the tornado table.
 *
 * The panel edits the document's `uncertainty` block in place (so Save keeps it); app.ts only
 * constructs it and calls update() with the current document.
 */
import { DEFAULT_OUTPUTS, DistributionName, DocPath, Problem, Scenario, Tornado, formatProblem, problem, readDistribution, inputLabel, readUncertainty, simulate, validateScenario } from "../../engine";
import { OUTPUT_CHOICES, describeDistribution, figure, inputValue, outputLabel } from "./format";
import { histogramChart } from "./histogram";
import { PARAMS, PathChoice, defaultText, distributionFromText, distributionsFor, inputPathChoices, inputProblemPath, locateInputProblem, textFromDistribution } from "./inputForm";
import { RunOutcome, RunResults } from "./protocol";
import { Runner } from "./runner";
import { $, h } from "../dom";
import { shownPercentiles } from "../../report/percentiles";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a problem is located exactly at `want` in the document. */
const isAt = (at: DocPath, ...want: (string | number)[]): boolean => at.length === want.length && want.every((k, i) => at[i] === k);

/** The output index of a problem about `uncertainty.outputs[i]`, if it is one. */
const outputIndex = (at: DocPath): number | undefined => (at[0] === "uncertainty" && at[1] === "outputs" && typeof at[2] === "number" ? at[2] : undefined);

/** A number field's text as a document value: blank removes it, non-numbers stay text so the engine names them. */
const settingValue = (text: string): unknown => (text.trim() === "" ? undefined : Number.isFinite(Number(text)) ? Number(text) : text.trim());

/** The statistics around the percentiles, which are the ones the block asks for (shownPercentiles). */
const BEFORE = [["mean", "Mean"]] as const;
const AFTER = [
  ["sd", "Standard deviation"],
  ["min", "Lowest"],
  ["max", "Highest"],
] as const;

export class UncertaintyPanel {
  private doc: Json = {};
  private scenario: Scenario | undefined;
  private choices: PathChoice[] = [];
  private choicesKey = "";
  private results: RunResults | undefined;
  /** The document (as JSON) the shown results were computed from. */
  private resultsFor = "";
  private statusStep = -1;
  private iterationsRunning = 0;

  private readonly iterations = $<HTMLInputElement>("mc-iterations");
  private readonly seed = $<HTMLInputElement>("mc-seed");
  private readonly output = $<HTMLSelectElement>("mc-output");
  private readonly addPath = $<HTMLSelectElement>("mc-add-path");
  private readonly addDist = $<HTMLSelectElement>("mc-add-dist");
  private readonly runButton = $("mc-run");
  private readonly cancelButton = $("mc-cancel");
  private readonly progress = $<HTMLProgressElement>("mc-progress");

  constructor(private readonly runner: Runner) {
    this.output.replaceChildren(...OUTPUT_CHOICES.map((o) => h("option", { value: o, textContent: outputLabel(o) })));
    this.iterations.addEventListener("input", () => this.setSetting("iterations", this.iterations.value));
    this.seed.addEventListener("input", () => this.setSetting("seed", this.seed.value));
    this.output.addEventListener("change", () => {
      this.validate();
      this.renderResults();
    });
    this.addPath.addEventListener("change", () => this.renderDistChoices());
    this.addDist.addEventListener("change", () => this.renderParams());
    $("mc-add-input").addEventListener("click", () => this.addInput());
    this.runButton.addEventListener("click", () => void this.run());
    this.cancelButton.addEventListener("click", () => this.runner.cancel());
    this.setRunning(false);
  }

  /** Shows `doc` (the pane's current document; the panel writes its uncertainty block). */
  update(doc: Json): void {
    const fresh = doc !== this.doc;
    this.doc = doc;
    const valid = validateScenario(doc);
    this.scenario = valid.ok ? valid.value : undefined;
    if (fresh) this.showSettings();
    this.refreshPathChoices();
    this.renderInputs();
    this.validate();
  }

  // ---- the document's uncertainty block ----

  private block(): Json | undefined {
    return isObject(this.doc.uncertainty) ? this.doc.uncertainty : undefined;
  }

  private ensureInputs(): Json {
    const block = this.block() ?? (this.doc.uncertainty = {} as Json);
    if (!isObject(block.inputs)) block.inputs = {};
    return block.inputs as Json;
  }

  private inputEntries(): [string, unknown][] {
    const inputs = this.block()?.inputs;
    return isObject(inputs) ? Object.entries(inputs).filter(([k]) => !k.startsWith("x-") && !k.startsWith("$")) : [];
  }

  /** The outputs a run computes: the block's (or the defaults) plus the one chosen, last so problem indexes stay the block's. */
  private outputs(): unknown[] {
    const listed = this.block()?.outputs;
    const base: unknown[] = Array.isArray(listed) ? [...listed] : [...DEFAULT_OUTPUTS];
    return base.includes(this.output.value) ? base : [...base, this.output.value];
  }

  private showSettings(): void {
    const block = this.block();
    const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));
    this.iterations.value = text(block?.iterations);
    this.seed.value = text(block?.seed);
    const listed = Array.isArray(block?.outputs) ? block.outputs.filter((o): o is string => typeof o === "string") : [];
    for (const o of listed) if (!Array.from(this.output.options).some((opt) => opt.value === o)) this.output.append(h("option", { value: o, textContent: o }));
    this.output.value = listed[0] ?? "totals.chinaRevenue";
  }

  private setSetting(key: "iterations" | "seed", text: string): void {
    const block = this.block() ?? (this.doc.uncertainty = {} as Json);
    const v = settingValue(text);
    if (v === undefined) delete block[key];
    else block[key] = v;
    this.validate();
  }

  // ---- the inputs table ----

  private renderInputs(): void {
    const entries = this.inputEntries();
    const rows = entries.map(([path, d], i) => {
      // The label names the buyer and the period, so no path is shown.
      const words = this.choices.find((c) => c.path === path)?.label ?? (this.scenario ? inputLabel(this.scenario, path) : path);
      const error = h("span", { id: `mc-input-${i}-error`, className: "error" });
      error.dataset.input = path;
      const edit = h("button", { type: "button", className: "remove mc-edit", textContent: "Edit" });
      edit.setAttribute("aria-label", `Edit ${words}`);
      edit.addEventListener("click", () => this.editInput(path, d));
      const remove = h("button", { type: "button", className: "remove", textContent: "Remove" });
      remove.setAttribute("aria-label", `Remove ${words}`);
      remove.addEventListener("click", () => this.removeInput(path));
      const name = h("th", { scope: "row" }, h("span", { className: "mc-path", textContent: words }));
      name.append(h("span", { className: "mc-dist", textContent: describeDistribution(d) }), error);
      return h("tr", {}, name, h("td", { className: "mc-actions" }, edit, remove));
    });
    if (rows.length === 0) rows.push(h("tr", {}, h("td", { colSpan: 2, className: "hint", textContent: "No uncertain inputs yet: add one below." })));
    $<HTMLTableElement>("mc-inputs").tBodies[0].replaceChildren(...rows);
  }

  private removeInput(path: string): void {
    const inputs = this.block()?.inputs;
    if (isObject(inputs)) delete inputs[path];
    this.renderInputs();
    this.validate();
    this.status(`Removed ${path}.`);
    $("mc-inputs-region").focus();
  }

  private editInput(path: string, d: unknown): void {
    if (!Array.from(this.addPath.options).some((o) => o.value === path)) this.addPath.append(h("option", { value: path, textContent: path }));
    this.addPath.value = path;
    this.renderDistChoices();
    const raw = isObject(d) ? d : {};
    if (typeof raw.dist === "string" && Array.from(this.addDist.options).some((o) => o.value === raw.dist)) this.addDist.value = raw.dist;
    this.renderParams(textFromDistribution(raw));
    (this.firstParam() ?? this.addDist).focus();
  }

  // ---- the add form ----

  private refreshPathChoices(): void {
    if (!this.scenario) return; // keep the last valid scenario's paths while the form has problems
    this.choices = inputPathChoices(this.scenario);
    const key = this.choices.map((c) => `${c.group}\u0000${c.path}`).join("\u0001");
    if (key === this.choicesKey) return;
    this.choicesKey = key;
    const kept = this.addPath.value;
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const c of this.choices) {
      if (!groups.has(c.group)) groups.set(c.group, h("optgroup", { label: c.group }));
      groups.get(c.group)!.append(h("option", { value: c.path, textContent: c.label }));
    }
    this.addPath.replaceChildren(...groups.values());
    if (kept && this.choices.some((c) => c.path === kept)) this.addPath.value = kept;
    else {
      const used = new Set(this.inputEntries().map(([p]) => p));
      this.addPath.value = (this.choices.find((c) => !used.has(c.path)) ?? this.choices[0])?.path ?? "";
    }
    this.renderDistChoices();
  }

  private chosenPath(): PathChoice | undefined {
    return this.choices.find((c) => c.path === this.addPath.value);
  }

  private renderDistChoices(): void {
    const choice = this.chosenPath();
    const dists = choice ? distributionsFor(choice.kind) : (["uniform", "triangular", "normal", "bernoulli", "choice"] as DistributionName[]);
    const kept = this.addDist.value;
    this.addDist.replaceChildren(...dists.map((d) => h("option", { value: d, textContent: d })));
    this.addDist.value = dists.includes(kept as DistributionName) ? kept : dists[0];
    this.renderParams();
  }

  private renderParams(texts?: Record<string, string>): void {
    const dist = this.addDist.value as DistributionName;
    const choice = this.chosenPath();
    const values = texts ?? (choice ? defaultText(dist, choice.kind, choice.base) : {});
    const fields = (PARAMS[dist] ?? []).map((p) => {
      const id = `mc-add-${p.key}`;
      const input = h("input", { id, type: p.kind === "number" ? "number" : "text", value: values[p.key] ?? "" });
      if (p.kind === "number") input.step = "any";
      input.dataset.param = p.key;
      const error = h("span", { id: `${id}-error`, className: "error" });
      const described = [error.id];
      const parts: HTMLElement[] = [h("label", { htmlFor: id, textContent: p.label }), input];
      if (p.hint) {
        parts.push(h("span", { id: `${id}-hint`, className: "hint", textContent: p.hint }));
        described.unshift(`${id}-hint`);
      }
      input.setAttribute("aria-describedby", described.join(" "));
      return h("div", { className: "field" }, ...parts, error);
    });
    $("mc-add-params").replaceChildren(...fields);
    this.clearAddErrors();
  }

  private firstParam(): HTMLInputElement | null {
    return document.querySelector<HTMLInputElement>("#mc-add-params input");
  }

  private clearAddErrors(): void {
    for (const input of [this.addPath, this.addDist, ...Array.from(document.querySelectorAll<HTMLInputElement>("#mc-add-params input"))]) {
      input.removeAttribute("aria-invalid");
      $(`${input.id}-error`).textContent = "";
    }
  }

  private addInput(): void {
    this.clearAddErrors();
    const path = this.addPath.value;
    if (!this.scenario || !path) return this.status("Fix the scenario's problems above before adding an uncertain input.");
    const dist = this.addDist.value as DistributionName;
    const texts = Object.fromEntries(Array.from(document.querySelectorAll<HTMLInputElement>("#mc-add-params input")).map((i) => [i.dataset.param!, i.value]));
    const raw = distributionFromText(dist, texts);
    const at = inputProblemPath(path);
    const read = readDistribution(raw, at);
    let problems: readonly Problem[] = read.ok ? [] : read.problems;
    if (read.ok) {
      // The same checks a run makes: the distribution fits the field, and its extremes keep the scenario valid.
      const checked = simulate(this.scenario, { iterations: 1, seed: 1, inputs: [{ path, distribution: read.value }], outputs: ["totals.shipped"], percentiles: [], bins: 1 });
      problems = checked.ok ? [] : checked.problems;
    }
    if (problems.length > 0) {
      for (const p of problems) {
        const param = locateInputProblem(p.at)?.param;
        const field = param === "dist" ? this.addDist : (param && document.querySelector<HTMLInputElement>(`#mc-add-params input[data-param="${param}"]`)) || this.addPath;
        this.addError(field, p.message);
      }
      this.status(`${path} was not added: ${problems.length} problem(s), shown next to the fields.`);
      return;
    }
    const inputs = this.ensureInputs();
    const old = inputs[path];
    const replaced = old !== undefined;
    // Notes such as "x-source" stay with the input when it is replaced.
    inputs[path] = isObject(old) ? { ...Object.fromEntries(Object.entries(old).filter(([k]) => k.startsWith("x-"))), ...raw } : raw;
    this.renderInputs();
    this.validate();
    this.status(`${replaced ? "Replaced" : "Added"} ${path}: ${describeDistribution(raw)}.`);
  }

  private addError(field: HTMLElement, message: string): void {
    field.setAttribute("aria-invalid", "true");
    const error = $(`${field.id}-error`);
    error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
  }

  // ---- validation ----

  /** Checks the block as a run would (one iteration); shows problems next to their fields; returns them. */
  private validate(): readonly Problem[] {
    let problems: readonly Problem[];
    if (!this.scenario) problems = [problem("type", "", "Fix the scenario's problems above to run a simulation.")];
    else {
      const spec = readUncertainty(this.doc.uncertainty, { outputs: this.outputs() as string[] });
      const checked = spec.ok ? simulate(this.scenario, { ...spec.value, iterations: 1 }) : spec;
      problems = checked.ok ? [] : checked.problems;
    }
    this.showProblems(problems);
    this.markStale();
    return problems;
  }

  private showProblems(problems: readonly Problem[]): void {
    const fields = [this.iterations, this.seed, this.output];
    for (const f of fields) {
      f.removeAttribute("aria-invalid");
      $(`${f.id}-error`).textContent = "";
    }
    const rowErrors = Array.from(document.querySelectorAll<HTMLElement>("#mc-inputs .error[data-input]"));
    for (const e of rowErrors) e.textContent = "";
    $("mc-inputs-error").textContent = "";
    const general: string[] = [];
    const outputs = this.outputs();
    for (const p of problems) {
      const located = locateInputProblem(p.at);
      const row = located && rowErrors.find((e) => e.dataset.input === located.path);
      const output = outputIndex(p.at);
      if (isAt(p.at, "uncertainty", "iterations")) this.addError(this.iterations, p.message);
      else if (isAt(p.at, "uncertainty", "seed")) this.addError(this.seed, p.message);
      else if (output !== undefined && outputs[output] === this.output.value) this.addError(this.output, p.message);
      else if (row) row.textContent = row.textContent ? `${row.textContent} ${located.param ? `${located.param}: ` : ""}${p.message}` : `${located.param ? `${located.param}: ` : ""}${p.message}`;
      else if (isAt(p.at, "uncertainty", "inputs") || isAt(p.at, "uncertainty")) $("mc-inputs-error").textContent = p.message;
      else general.push(output !== undefined ? `output ${JSON.stringify(outputs[output])}: ${p.message}` : formatProblem(p));
    }
    const list = $("mc-problems");
    list.replaceChildren(...general.map((g) => h("li", { textContent: g })));
    list.hidden = general.length === 0;
  }

  // ---- running ----

  private async run(): Promise<void> {
    if (this.runner.running) return;
    const problems = this.validate();
    if (problems.length > 0 || !this.scenario) {
      this.status(`Fix the ${problems.length} problem(s) marked in this section before running.`);
      const invalid = document.querySelector<HTMLElement>("#mc-settings [aria-invalid='true']");
      invalid?.focus();
      return;
    }
    const spec = readUncertainty(this.doc.uncertainty);
    this.iterationsRunning = spec.ok ? spec.value.iterations : 0;
    const document_ = structuredClone(this.doc);
    const snapshot = JSON.stringify(this.doc);
    this.statusStep = -1;
    this.progress.value = 0;
    this.setRunning(true);
    this.status(`Running ${this.iterationsRunning.toLocaleString("en-US")} iterations…`);
    const outcome: RunOutcome = await this.runner.run({ document: document_, outputs: this.outputs() as string[] }, (f) => this.onProgress(f));
    this.setRunning(false);
    if (outcome.status === "done") {
      this.results = outcome.results;
      this.resultsFor = snapshot;
      this.progress.value = 1;
      const r = outcome.results.simulation;
      const rules = r.mode === "general" ? " Custom rules: every iteration used the general evaluator." : "";
      this.status(`Done: ${r.iterations.toLocaleString("en-US")} iterations, seed ${r.seed}, in ${(outcome.results.millis / 1000).toFixed(1)} s.${rules}`);
      this.renderResults();
    } else if (outcome.status === "cancelled") {
      this.progress.value = 0;
      this.status("Cancelled: the run was stopped and gave no results. Run again to start over.");
    } else {
      this.progress.value = 0;
      this.showProblems(outcome.problems);
      this.status(`The simulation could not run: ${outcome.problems.length} problem(s), shown in this section.`);
    }
    this.markStale();
  }

  private onProgress(fraction: number): void {
    this.progress.value = fraction;
    const step = Math.floor(fraction * 10);
    if (step === this.statusStep || fraction >= 1) return;
    this.statusStep = step;
    this.status(`Running ${this.iterationsRunning.toLocaleString("en-US")} iterations: ${step * 10}% done.`);
  }

  private setRunning(on: boolean): void {
    const focused = document.activeElement === this.runButton || document.activeElement === this.cancelButton;
    for (const [button, disabled] of [
      [this.runButton, on],
      [this.cancelButton, !on],
    ] as const) {
      button.toggleAttribute("disabled", disabled);
      // Fluent's button keeps its disabled state in ElementInternals; the attribute lets axe and other tools see it.
      if (disabled) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    }
    $("mc-section").dataset.running = String(on);
    if (focused) (on ? this.cancelButton : this.runButton).focus();
  }

  // ---- results ----

  private markStale(): void {
    $("mc-stale").hidden = !this.results || JSON.stringify(this.doc) === this.resultsFor;
  }

  private renderResults(): void {
    const results = this.results;
    $("mc-results").hidden = !results;
    if (!results) return;
    const { simulation: sim } = results;
    const chosen = this.output.value;
    const summary = sim.outputs.find((o) => o.output === chosen);
    $("mc-missing").hidden = Boolean(summary);
    $("mc-missing").textContent = summary ? "" : `${outputLabel(chosen)} was not part of this run: run again to see it.`;
    const shown = summary ?? sim.outputs[0];
    if (!shown) return;
    const table = $<HTMLTableElement>("mc-percentiles");
    table.caption!.textContent = `${outputLabel(shown.output)}: ${sim.iterations.toLocaleString("en-US")} iterations, seed ${sim.seed}`;
    const stats: [string, string, number][] = [
      ...BEFORE.map(([key, label]): [string, string, number] => [key, label, shown[key]]),
      ...shownPercentiles(shown).map(([key, value]): [string, string, number] => [key.toLowerCase(), key === "P50" ? "P50 (median)" : key, value]),
      ...AFTER.map(([key, label]): [string, string, number] => [key, label, shown[key]]),
    ];
    table.tBodies[0].replaceChildren(
      ...stats.map(([key, label, value]) => {
        const cell = h("td", { textContent: figure(shown.output, value) });
        cell.dataset.stat = key;
        cell.dataset.value = String(value);
        return h("tr", {}, h("th", { scope: "row", textContent: label }), cell);
      }),
    );
    $("mc-histogram").replaceChildren(histogramChart(shown, sim.iterations, "mc-histogram-title"));
    this.renderTornado(shown.output, results.tornado);
  }

  private renderTornado(output: string, tornado: RunResults["tornado"]): void {
    const table = $<HTMLTableElement>("mc-tornado");
    const body = table.tBodies[0];
    if (!tornado) return void body.replaceChildren();
    if (!tornado.ok) {
      table.caption!.textContent = "Tornado";
      body.replaceChildren(h("tr", {}, h("td", { colSpan: 4, textContent: `The tornado could not run: ${tornado.problems.map(formatProblem).join("; ")}` })));
      return;
    }
    const t: Tornado | undefined = tornado.value.find((x) => x.output === output);
    if (!t) return void body.replaceChildren();
    table.caption!.textContent = `Tornado: ${outputLabel(output)} with each input at its P10 and P90, the others as in the scenario (base ${figure(output, t.base)})`;
    const widest = Math.max(...t.bars.map((b) => b.swing), 0);
    body.replaceChildren(
      ...t.bars.map((b) => {
        const bar = h("span", { className: "mc-swing-bar" });
        bar.style.width = `${widest > 0 ? (100 * b.swing) / widest : 0}%`;
        bar.setAttribute("aria-hidden", "true");
        const cell = (v: number, key: string) => {
          const td = h("td", { textContent: figure(output, v) });
          td.dataset.value = String(v);
          td.dataset.key = key;
          return td;
        };
        const swing = cell(b.swing, "swing");
        swing.append(bar);
        const row = h(
          "tr",
          {},
          h("th", { scope: "row" }, h("span", { className: "mc-path", textContent: this.scenario ? inputLabel(this.scenario, b.path) : b.path }), h("span", { className: "hint mc-range", textContent: `${inputValue(b.low)} → ${inputValue(b.high)}` })),
          cell(b.atLow, "atLow"),
          cell(b.atHigh, "atHigh"),
          swing,
        );
        row.dataset.input = b.path;
        return row;
      }),
    );
  }

  private status(text: string): void {
    $("mc-status").textContent = text;
  }
}
