/**
 * Errors Excel raises during a fill, in the user's terms: what happened and what to do. Office.js
 * errors carry a `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes); anything else keeps its
 * own message.
 */

/** A fill that failed and whose clean-up was refused too: the next fill removes what is left. */
export class FillInterrupted extends Error {
  constructor(readonly reason: unknown) {
    super(`${messageOf(reason)} Some hidden sheets of this fill are still in the workbook; the next Fill removes them.`);
    this.name = "FillInterrupted";
  }
}

const ADVICE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: "Excel is editing a cell. Press Enter or Esc to leave the cell, then Fill again.",
  AccessDenied: "The workbook or a sheet is protected. Unprotect it (Review → Protect Workbook or Unprotect Sheet), then Fill again.",
  RequestPayloadSizeLimitExceeded: "The report is too large for one request to Excel. Fill fewer sheets at a time.",
  ApiNotFound: "This version of Excel lacks a feature the fill needs. Update Excel, or use Excel on the web.",
};

function codeOf(e: unknown): string | undefined {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code === "string") return code;
  const m = e instanceof Error ? /^(\w+):/.exec(e.message) : null;
  return m?.[1];
}

function messageOf(e: unknown): string {
  if (e instanceof FillInterrupted) return e.message;
  const code = codeOf(e);
  if (code && ADVICE[code]) return ADVICE[code];
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

/**
 * The pane's notice for a failed fill: a title saying whether the workbook is as it was, and
 * what to do.
 * @example fillFault({ code: "InvalidOperationInCellEditMode", message: "…" }).lines // returns ["Excel is editing a cell. Press Enter or Esc to leave the cell, then Fill again."]
 */
export function fillFault(e: unknown): { readonly title: string; readonly lines: readonly string[] } {
  const title = e instanceof FillInterrupted ? "Could not fill the sheets:" : "Could not fill the sheets (the workbook was left as it was):";
  return { title, lines: [messageOf(e)] };
}
