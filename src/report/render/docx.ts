/**
 * The investor note as a Word document: the same Note as the Markdown, with real Word tables,
 * heading styles, the sources as footnotes (each once; a later mention repeats its number) and
 * the charts embedded as PNG images. Loaded on demand: it pulls in docx and resvg.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { display } from "../formats";
import { Note, NoteCell, NoteTable, Paragraph as NoteParagraph } from "../note/model";
import type { ChartImage, ChartImages, PictureReport } from "./pictures";
import { RenderedFile, Renderer } from "./renderer";

export const DOCX_FILE = "chokepoint.docx";

/** Width of an embedded chart on the page, in pixels at 96 to the inch (6.25 in). */
const IMAGE_WIDTH = 600;
const FONT = "Calibri";

/** The Word renderer that embeds `images` (the chart pictures by id); without them it draws its own. */
export function docxRendererWith(images?: ChartImages | Promise<ChartImages>): Renderer {
  return {
    format: "docx",
    render: async (report) => docxFiles(report, images ?? (await import("./png")).chartImages(report)),
  };
}

/** The note's file, with the charts' pictures (the renderer's, and the picture thread's). */
export async function docxFiles(report: PictureReport, images: ChartImages | Promise<ChartImages>): Promise<RenderedFile[]> {
  return [{ name: DOCX_FILE, data: await reportDocx(report, await images) }];
}

export async function reportDocx(report: PictureReport, images: ChartImages): Promise<Uint8Array> {
  const note: Note = report.note ?? { title: report.title, headline: ["This report has no note: its numbers are in the workbook."], exhibits: [], appendix: [], sources: [] };
  const marks = new FootnoteMarks();
  const body: (Paragraph | Table)[] = [new Paragraph({ text: note.title, heading: HeadingLevel.TITLE }), new Paragraph({ children: [new TextRun(note.headline.join(" "))], spacing: { after: 200 } })];
  for (const e of note.exhibits) {
    body.push(new Paragraph({ text: `${e.label}: ${e.title}`, heading: HeadingLevel.HEADING_2, keepNext: true }));
    if (e.table) body.push(table(e.table, marks));
    const chart = e.chart ? report.charts.find((c) => c.id === e.chart) : undefined;
    const picture = chart && images.get(chart.id);
    if (chart && picture) body.push(image(picture, chart.title));
    for (const p of e.notes) body.push(new Paragraph({ children: runs(p, marks, true), spacing: { before: 80 } }));
  }
  body.push(new Paragraph({ text: "Appendix: the scenarios in detail", heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
  for (const section of note.appendix) {
    body.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_2 }));
    for (const p of section.paragraphs) body.push(new Paragraph({ children: runs(p, marks, false) }));
    for (const t of section.tables) body.push(new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_3, keepNext: true }), table(t.table, marks));
  }
  const doc = new Document({
    creator: "Chokepoint",
    title: note.title,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    footnotes: Object.fromEntries(note.sources.map((text, i) => [String(i + 1), { children: [new Paragraph(text)] }])),
    // Letter paper, 0.7 in margins: room for the widest exhibit's whole numbers.
    sections: [{ properties: { page: { margin: { top: 1008, bottom: 1008, left: 1008, right: 1008 } } }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A source's first mention is a Word footnote; later mentions repeat its number in superscript. */
class FootnoteMarks {
  private readonly used = new Set<number>();

  mark(n: number): ParagraphChild {
    if (this.used.has(n)) return new TextRun({ text: String(n), superScript: true });
    this.used.add(n);
    return new FootnoteReferenceRun(n);
  }
}

function runs(p: NoteParagraph, marks: FootnoteMarks, italics: boolean): ParagraphChild[] {
  return p.map((run) => (typeof run === "string" ? new TextRun({ text: run, italics }) : marks.mark(run.footnote)));
}

/** Tables wider than this many columns are set smaller, so whole numbers fit on one line. */
const WIDE_TABLE = 7;

function table(t: NoteTable, marks: FootnoteMarks): Table {
  const numeric = t.columns.map((_, c) => t.rows.some((r) => typeof r[c]?.value === "number"));
  const size = t.columns.length > WIDE_TABLE ? 14 : 18;
  const cell = (children: ParagraphChild[], c: number, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ children, alignment: numeric[c] ? AlignmentType.RIGHT : AlignmentType.LEFT })],
      ...(header ? { shading: { fill: "D9E2F3" } } : {}),
      margins: { left: 60, right: 60 },
    });
  const header = new TableRow({ tableHeader: true, children: t.columns.map((h, c) => cell([new TextRun({ text: h, bold: true, size })], c, true)) });
  const rows = t.rows.map((r) => new TableRow({ cantSplit: true, children: t.columns.map((_, c) => cell(cellRuns(r[c], marks, size), c, false)) }));
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

function cellRuns(cell: NoteCell | undefined, marks: FootnoteMarks, size: number): ParagraphChild[] {
  if (!cell) return [];
  return [new TextRun({ text: display(cell.value, cell.format), bold: cell.strong === true, size }), ...(cell.footnotes ?? []).map((n) => marks.mark(n))];
}

function image({ png, width, height }: ChartImage, title: string): Paragraph {
  return new Paragraph({
    children: [
      new ImageRun({
        type: "png",
        data: png,
        transformation: { width: IMAGE_WIDTH, height: Math.round((height * IMAGE_WIDTH) / width) },
        altText: { name: title, description: title, title },
      }),
    ],
    spacing: { before: 120, after: 60 },
  });
}
