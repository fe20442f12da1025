/**
 * "Download .xlsx" in the preview host: the report last filled, written by the report's own
 * xlsx renderer (ExcelJS), which webpack puts in a chunk fetched on the first click only, so
 * the taskpane bundle does not carry it. Nothing leaves the page: the file is a Blob URL.
 */
import { Report } from "../../report/model";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The .xlsx file of `report`, as `chips report --format xlsx` writes it. */
export async function xlsxFile(report: Report): Promise<{ name: string; data: Uint8Array }> {
  const { xlsxRenderer } = await import(/* webpackChunkName: "xlsx" */ "../../report/render/xlsx");
  const [file] = await xlsxRenderer.render(report);
  return { name: file.name, data: typeof file.data === "string" ? new TextEncoder().encode(file.data) : file.data };
}

/** Saves bytes as a file: a temporary object URL behind an <a download>, clicked once. */
export function saveFile(doc: Document, name: string, data: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type }));
  const a = Object.assign(doc.createElement("a"), { href: url, download: name, hidden: true });
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; give slow browsers a moment.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Wires the Download button: renders the report `lastReport` gives (the one last filled) and
 * saves it, reporting progress and failures through `status`.
 */
export function wireDownload(button: HTMLElement, lastReport: () => Report | undefined, status: (text: string) => void): void {
  button.addEventListener("click", () => {
    const report = lastReport();
    if (!report) return status("Fill sheets first, then download them.");
    button.setAttribute("disabled", "");
    status("Writing the .xlsx file…");
    xlsxFile(report)
      .then((file) => {
        saveFile(button.ownerDocument, file.name, file.data, XLSX_MIME);
        status(`Downloaded ${file.name}: ${report.sheets.map((s) => s.name).join(", ")}.`);
      })
      .catch((e: unknown) => status(`Could not write the .xlsx file: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => button.removeAttribute("disabled"));
  });
}
