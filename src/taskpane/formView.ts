/**
 * The assumptions form, buyers and rules drawn from the pane state: one control per field
 * (one per period for a field that varies), each with its label, the number as read ("27,000"
 * for `27k`) and a place for its problems. Buyers and rules are stacked groups, so a 320 px
 * pane shows their names and per-period values whole.
 */
import { $, h } from "./dom";
import { ASSUMPTIONS, BUYER_FIELDS, FieldSpec, InputReading, ItemField, displayOf, elementPath, fieldId, getAt, itemSpec, periodLayout } from "./form";
import { ItemList, PaneState } from "./paneState";

export class FormView {
  /**
   * @param changed after every edit the document took (re-evaluated already)
   */
  constructor(
    private readonly state: PaneState,
    private readonly changed: () => void,
  ) {}

  /** Draws every field for the state's current document. */
  render(): void {
    $("assumptions").replaceChildren(...ASSUMPTIONS.map((g) => h("fieldset", {}, h("legend", { textContent: g.legend }), ...g.fields.map((f) => this.control(f)))));
    this.renderItems("buyers", () => BUYER_FIELDS);
    this.renderItems("rules", (i) => this.state.ruleFields(i));
  }

  /** Focuses (and scrolls to) the input of `path`, if it is shown. */
  focus(path: string): void {
    const el = document.getElementById(fieldId(path));
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus();
  }

  /** Every field path the form shows, for placing problems. */
  fieldPaths(): Set<string> {
    return new Set(Array.from(document.querySelectorAll<HTMLElement>("#assumptions [data-path], #buyers [data-path], #rules [data-path]"), (e) => e.dataset.path as string));
  }

  /** One group per item of the list, its fields stacked, and a Remove button. */
  private renderItems(list: ItemList, fieldsOf: (i: number) => readonly ItemField[]): void {
    $(list).replaceChildren(
      ...this.state.items(list).map((_, i) => {
        const name = this.state.itemName(list, i);
        const remove = h("button", { type: "button", className: "remove", textContent: "Remove" });
        remove.setAttribute("aria-label", `Remove ${name}`);
        remove.addEventListener("click", () => {
          this.state.remove(list, i);
          this.render();
          this.changed();
        });
        return h("fieldset", { className: "item" }, h("legend", { textContent: name }), ...fieldsOf(i).map((f) => this.control(itemSpec(list, i, f, name))), remove);
      }),
    );
  }

  /** Adds a buyer or rule and focuses its first field. */
  add(list: ItemList): void {
    const path = this.state.add(list);
    this.render();
    this.changed();
    this.focus(path);
  }

  /** A field's control: one input, or for a field that varies by period one input per period in a row. */
  private control(spec: FieldSpec): HTMLElement {
    const periods = this.state.periods;
    if (!spec.perPeriod || periods.length < 2) return this.single(spec);
    const layout = periodLayout(getAt(this.state.doc, spec.path), periods.length, this.state.expanded.has(spec.path));
    const word = layout.varies ? "Same every period" : "Vary by period";
    const toggle = h("button", { type: "button", className: "vary", textContent: word });
    toggle.setAttribute("aria-label", `${word}: ${spec.label}`);
    toggle.addEventListener("click", () => {
      const next = this.state.toggleVary(spec.path, layout.varies);
      this.render();
      this.changed();
      document.getElementById(fieldId(next))?.focus();
    });
    if (!layout.varies) {
      const one = this.single(spec);
      one.append(toggle);
      return one;
    }
    // The whole field's problems (a list of the wrong length) show on the group; each period's at its input.
    const id = fieldId(spec.path);
    const error = errorBox(id);
    const group = h(
      "div",
      { id, className: "periods", role: "group" },
      ...periods.map((p, t) => {
        const element = { ...spec, path: elementPath(spec.path, t), label: `${spec.label}, ${p}` };
        const cell = this.input(element, layout.values[t], t);
        const input = cell.querySelector("[data-path]") as HTMLElement;
        input.setAttribute("aria-label", element.label);
        return h("div", { className: "period" }, h("label", { htmlFor: input.id, className: "hint", textContent: p }), cell);
      }),
    );
    group.dataset.path = spec.path;
    group.setAttribute("aria-label", spec.label);
    group.setAttribute("aria-describedby", error.id);
    return h("div", { className: "field per-period" }, h("span", { className: "label", textContent: spec.label }), group, toggle, error);
  }

  /** One labelled input for the whole field. */
  private single(spec: FieldSpec): HTMLElement {
    const value = getAt(this.state.doc, spec.path);
    const cell = this.input(spec, Array.isArray(value) ? value[0] : value, undefined);
    const input = cell.querySelector<HTMLElement>("[data-path]") as HTMLElement;
    const label = h("label", { htmlFor: input.id, textContent: spec.label });
    return h("div", { className: spec.kind === "flag" ? "field flag" : "field" }, ...(spec.kind === "flag" ? [input, label] : [label, input]), ...Array.from(cell.childNodes).slice(1));
  }

  /**
   * An input bound to the field (or to period `t` of it), followed by how its number reads
   * and its problems.
   */
  private input(spec: FieldSpec, value: unknown, t: number | undefined): HTMLElement {
    const id = fieldId(spec.path);
    const shown = displayOf(spec, value);
    let input: HTMLInputElement | HTMLSelectElement;
    if ("choice" in shown) {
      input = h("select", { id }, ...(spec.choices ?? []).map((c) => h("option", { value: c, textContent: c })));
      input.value = shown.choice;
    } else if ("checked" in shown) {
      input = h("input", { id, type: "checkbox", checked: shown.checked });
    } else {
      input = h("input", { id, type: "text", value: shown.text });
      if (spec.kind === "number") input.inputMode = "decimal";
      if (shown.placeholder) input.placeholder = shown.placeholder; // a blank takes the default
    }
    input.dataset.path = spec.path;
    const reads = h("span", { id: `${id}-reads`, className: "reads" });
    reads.setAttribute("aria-live", "polite");
    const error = errorBox(id);
    input.setAttribute("aria-describedby", `${reads.id} ${error.id}`);
    // Events of an input drawn for another document (a blur after a new scenario was chosen) are ignored.
    const doc = this.state.doc;
    let pending = false;
    const enter = (typing: boolean) => {
      if (this.state.doc !== doc) return;
      const reading = this.state.enter(spec, input instanceof HTMLInputElement && input.type === "checkbox" ? input.checked : input.value, t, typing);
      pending = reading.kind === "typing";
      showReading(reads, reading);
      if (!pending) this.changed();
    };
    if (input instanceof HTMLInputElement && input.type === "text") {
      input.addEventListener("input", () => enter(true));
      // Leaving the field commits text still on its way to a number (`-0`); typed values are in already.
      input.addEventListener("change", () => pending && enter(false));
    } else input.addEventListener("change", () => enter(false));
    return h("div", { className: "control" }, input, reads, error);
  }
}

/** The element a field's problems go in (problemView.ts fills it). */
function errorBox(id: string): HTMLElement {
  return h("div", { id: `${id}-error`, className: "error" });
}

/** "= 27,000" beside a number typed as `27k`; nothing for a plain number. */
function showReading(reads: HTMLElement, reading: InputReading): void {
  if (reading.kind === "typing") return;
  reads.textContent = reading.reads ? `= ${reading.reads}` : "";
}
