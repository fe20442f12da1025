/** Office add-ins cannot use window.confirm: an inline dialog asks whether to replace an edited sheet. */
import { $ } from "./dom";

/** Asks about the edited sheet `sheet`; true: replace it, false: keep it and write a copy. */
export function askReplace(sheet: string): Promise<boolean> {
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
