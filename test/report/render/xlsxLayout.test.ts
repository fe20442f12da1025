/** The written workbook's layout: opens on Summary, wrapped rows tall enough, print areas, pictures, links green, Yes/No. */
import ExcelJS from "exceljs";
import { buildReport } from "../../../src/report";
import { ChartImage, shownValue, toWorkbook, wrappedLines, xlsxRendererWith } from "../../../src/report/render/xlsx";
import { builtInInputs } from "../support/builtIns";
import { exampleInputs } from "../support/examples";

const report = buildReport(builtInInputs(), { mode: "native", uncertainty: { iterations: 200 } });
// A 1x1 PNG stands for each chart: the layout, not the drawing, is under test here.
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
const images = new Map<string, ChartImage>(report.charts.map((c) => [c.id, { png: PNG, width: 760, height: 460 }]));

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  const [file] = await xlsxRendererWith(images).render(report);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.data as Uint8Array) as unknown as ExcelJS.Buffer);
});

test("the workbook opens on Summary, its first sheet", () => {
  expect(wb.worksheets[0].name).toBe("Summary");
  expect(wb.views[0]).toMatchObject({ activeTab: 0, firstSheet: 0 });
});

test("law: every wrapping cell's row is tall enough for its lines at its column's width", () => {
  const short: string[] = [];
  let wrapped = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) =>
      row.eachCell((c, col) => {
        if (!c.alignment?.wrapText) return;
        const text = typeof c.value === "string" ? c.value : c.value && typeof c.value === "object" && "text" in c.value ? String(c.value.text) : undefined;
        if (!text) return;
        // An independent lower bound: no line holds more characters than the column is wide.
        const lines = Math.ceil(text.length / (ws.getColumn(col).width ?? 8.43));
        wrapped++;
        if (lines > 1 && (row.height ?? 15) < lines * 15) short.push(`${ws.name}!R${r}C${col}: ${lines} lines, height ${row.height}`);
      }),
    );
  }
  expect(wrapped).toBeGreaterThan(100);
  expect(short).toEqual([]);
});

test("every sheet has a print area, fits to one page wide and repeats a header row", () => {
  for (const ws of wb.worksheets) {
    expect(ws.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?[A-Z]+\$?\d+$/);
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(ws.headerFooter.oddFooter).toContain("&A"); // the sheet's (the scenario's) name
    expect(ws.headerFooter.oddFooter).toContain("Page &P of &N");
  }
});

test("every report chart is pictured beside its table, each where the sheet anchors it", () => {
  const pictured = new Set<string>();
  for (const sheet of report.sheets) {
    const anchors = [...(sheet.charts ?? []), ...(sheet.images ?? [])];
    const got = wb.getWorksheet(sheet.name)!.getImages();
    expect(got.map((g) => [g.range.tl.nativeCol, g.range.tl.nativeRow])).toEqual(anchors.map((a) => [a.at.col - 1, a.at.row - 1]));
    anchors.forEach((a) => pictured.add(a.chart));
  }
  expect([...pictured].sort()).toEqual(report.charts.map((c) => c.id).sort());
});

test("without pictures (the pane's download) the workbook has none", () => {
  expect(toWorkbook(report).worksheets.flatMap((ws) => ws.getImages())).toEqual([]);
});

test("links to another sheet are green; formulas that compute are black", () => {
  const summary = wb.getWorksheet("Summary")!;
  let links = 0;
  summary.eachRow((row) =>
    row.eachCell((c) => {
      // A link is a bare reference to one cell of another sheet (or a defined name); anything else computes.
      if (c.formula && /^'(?:[^']|'')+'!\$?[A-Z]+\$?\d+$/.test(c.formula)) {
        links++;
        expect(c.font?.color?.argb).toBe("FF008000");
      } else if (c.formula) expect(c.font?.color?.argb).toBe("FF000000");
    }),
  );
  expect(links).toBeGreaterThan(10);
});

test("a true/false that labels something reads Yes/No; inputs and formula results keep their value", () => {
  expect(shownValue({ value: true, role: "label" })).toBe("Yes");
  expect(shownValue({ value: false, role: "calculation" })).toBe("No");
  expect(shownValue({ value: true, role: "input" })).toBe(true);
  expect(shownValue({ value: 3, role: "label" })).toBe(3);
  expect(wrappedLines("China revenue vs the latest quarter", 12)).toBe(4);
});

test("the examples' workbook still opens on Summary without pictures", async () => {
  const plain = toWorkbook(buildReport(exampleInputs()));
  expect(plain.worksheets[0].name).toBe("Summary");
});
