/**
 * Problems drawn where the eye is: each at its field (the input marked invalid, one message
 * per problem below it), the rest in a notice (under the paste box for pasted or opened text,
 * quoting the line with a caret). A notice raised by an action scrolls into view and takes focus.
 */
import { $, h } from "./dom";
import { NoticeItem } from "./notice";
import { PlacedProblems } from "./paneState";

/**
 * Marks the fields in `problems` invalid with their messages, adds the `warnings` (plausibility:
 * shown, not invalid), and clears every other field's.
 */
export function showFieldProblems(problems: PlacedProblems, warnings?: PlacedProblems): void {
  for (const input of Array.from(document.querySelectorAll<HTMLElement>("[data-path]"))) {
    const box = document.getElementById(`${input.id}-error`);
    if (!box || !box.classList.contains("error")) continue;
    const path = input.dataset.path as string;
    const messages = problems.at.get(path) ?? [];
    if (messages.length > 0) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    box.replaceChildren(
      ...messages.map((m) => h("span", { className: "message", textContent: m })),
      ...(warnings?.at.get(path) ?? []).map((m) => h("span", { className: "message warning", textContent: `Check: ${m}` })),
    );
  }
}

/** Shows a notice in `box` (an element with role alert); `focus`: scroll it into view and focus it. */
export function showNotice(box: HTMLElement, title: string, items: readonly NoticeItem[], focus = false): void {
  box.replaceChildren(
    h("strong", { textContent: title.endsWith(":") ? title : `${title}:` }),
    h(
      "ul",
      {},
      ...items.map((item) =>
        h("li", {}, h("span", { textContent: item.text }), ...(item.quote ? [h("pre", { className: "quote", textContent: item.quote.join("\n") })] : [])),
      ),
    ),
  );
  box.hidden = false;
  if (focus) {
    box.tabIndex = -1;
    box.scrollIntoView({ block: "center" });
    box.focus();
  }
}

export function hideNotice(id: string): void {
  $(id).hidden = true;
}
