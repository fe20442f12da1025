/**
 * Printing: the built-in scenarios' native workbook, with its chart pictures, converted to PDF
 * by LibreOffice (as an analyst would print it). Every page is one sheet's full width: it shows
 * both the first and the last header of the sheet's repeated header row (a sheet wider than the
 * page would print its right-hand columns on pages of their own, without the first column).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Report, buildReport } from "../../../src/report";
import { chartImages } from "../../../src/report/render/png";
import { toWorkbook } from "../../../src/report/render/xlsx";
import { builtInInputs } from "../support/builtIns";
import { convert, findSoffice } from "../support/libreoffice";
import { tables } from "../support/model";

const soffice = findSoffice();
const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if ((!soffice || !hasPoppler) && !process.env.CI) console.warn("test/report/render/print.test.ts skipped: needs soffice (libreoffice-calc-nogui) and pdftotext (poppler-utils)");
const suite = (soffice && hasPoppler) || process.env.CI ? describe : describe.skip;

/** The header row the sheet repeats on every page (its print titles), as words of its first and last cells. */
function repeatedHeader(report: Report, sheetName: string, printTitlesRow: string): { first: string; last: string } | undefined {
  const row = Number(printTitlesRow.split(":")[0]);
  const t = tables(report.sheets.find((s) => s.name === sheetName)!).find((b) => b.row + 1 === row);
  if (!t) return undefined;
  const word = (h: string) => h.split(/\s+/)[0];
  return { first: word(t.columns[0].header), last: word(t.columns[t.columns.length - 1].header) };
}

suite("printing to PDF with LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    if (!soffice || !hasPoppler) throw new Error("CI is set but soffice or pdftotext is missing: apt-get install -y libreoffice-calc-nogui poppler-utils");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-print-test-"));
  });
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test("every page prints one sheet's full width, its header row repeated; every sheet prints", async () => {
    const report = buildReport(builtInInputs(), { mode: "native" });
    const wb = toWorkbook(report, await chartImages(report));
    const file = path.join(dir, "chokepoint.xlsx");
    await wb.xlsx.writeFile(file);
    const [pdf] = convert(soffice as string, [file], path.join(dir, "pdf"), "pdf");

    const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).split("\f").filter((p) => p.trim() !== "");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages.length);
    // The footer names the sheet: "<report title> - <sheet>   Page n of N".
    const footer = (page: string) => new RegExp(`${report.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} - (.+?)\\s+Page \\d+ of \\d+`).exec(page)?.[1];
    const bySheet = new Map<string, string[]>();
    for (const page of pages) {
      const name = footer(page);
      expect(name).toBeDefined();
      bySheet.set(name!, [...(bySheet.get(name!) ?? []), page]);
    }
    expect([...bySheet.keys()]).toEqual(report.sheets.map((s) => s.name));

    const problems: string[] = [];
    for (const ws of wb.worksheets) {
      const header = repeatedHeader(report, ws.name, ws.pageSetup.printTitlesRow ?? "");
      if (!header) continue;
      bySheet.get(ws.name)!.forEach((page, i) => {
        for (const word of [header.first, header.last]) if (!page.includes(word)) problems.push(`${ws.name}, page ${i + 1}: no "${word}" (its header row is cut)`);
      });
    }
    expect(problems).toEqual([]);
    console.log(`printed ${pages.length} pages: ${[...bySheet].map(([s, p]) => `${s} ${p.length}`).join(", ")}`);
  }, 240_000);
});
