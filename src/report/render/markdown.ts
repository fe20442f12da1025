/**
 * The investor note in Markdown: the headline, the exhibits (tables with numbers through the one
 * formatter, charts embedded as images beside the note), the appendix, and the sources as
 * footnotes, each once. The workbook keeps the calculation scaffolding.
 */
import { chartFileName } from "../files";
import { display } from "../formats";
import { Report } from "../model";
import { Note, NoteCell, NoteTable, Paragraph } from "../note/model";
import { Renderer } from "./renderer";

export const MARKDOWN_FILE = "chokepoint.md";

export const markdownRenderer: Renderer = {
  format: "md",
  render: async (report) => [{ name: MARKDOWN_FILE, data: reportMarkdown(report) }],
};

/** The heading the appendix starts at (the body before it is the note a reader sends). */
export const APPENDIX_HEADING = "## Appendix: the scenarios in detail";

export function reportMarkdown(report: Report): string {
  const note = report.note;
  if (!note) return `# ${escape(report.title)}\n\nThis report has no note: its numbers are in the workbook.\n`;
  const chartFile = (id: string) => {
    const chart = report.charts.find((c) => c.id === id);
    return chart ? { name: chartFileName(chart), title: chart.title } : undefined;
  };
  const out = [`# ${escape(note.title)}`, "", note.headline.map(escape).join(" ")];
  for (const e of note.exhibits) {
    out.push("", `## ${e.label}: ${escape(e.title)}`);
    if (e.table) out.push("", ...table(e.table));
    const chart = e.chart ? chartFile(e.chart) : undefined;
    if (chart) out.push("", `![${escape(chart.title)}](${chart.name})`);
    for (const p of e.notes) out.push("", `*${paragraph(p)}*`);
  }
  out.push("", APPENDIX_HEADING);
  for (const section of note.appendix) {
    out.push("", `### ${escape(section.title)}`);
    for (const p of section.paragraphs) out.push("", paragraph(p));
    for (const t of section.tables) out.push("", `#### ${escape(t.title)}`, "", ...table(t.table));
  }
  out.push("", "## Sources", "", ...footnotes(note));
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

/** A cell's text: the number through the one formatter, bold for totals, footnote marks after it. */
export function cellText(cell: NoteCell): string {
  const shown = escape(display(cell.value, cell.format));
  const marks = (cell.footnotes ?? []).map((n) => `[^${n}]`).join("");
  return `${cell.strong && shown !== "" ? `**${shown}**` : shown}${marks}`;
}

function table(t: NoteTable): string[] {
  const numeric = t.columns.map((_, c) => t.rows.some((r) => typeof r[c]?.value === "number"));
  return [
    `| ${t.columns.map(escape).join(" | ")} |`,
    `|${numeric.map((n) => (n ? "---:" : "---")).join("|")}|`,
    ...t.rows.map((r) => `| ${t.columns.map((_, c) => (r[c] ? cellText(r[c]) : "")).join(" | ")} |`),
  ];
}

const paragraph = (p: Paragraph): string => p.map((run) => (typeof run === "string" ? escape(run) : `[^${run.footnote}]`)).join("");

function footnotes(note: Note): string[] {
  return note.sources.map((text, i) => `[^${i + 1}]: ${escape(text)}`);
}

/**
 * Keeps text inside one table cell and stops Markdown from reading it as markup: emphasis,
 * code, HTML, links and footnote references. Brackets elsewhere ("[M]") stay readable.
 */
export function escape(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/([\\|*`<>])/g, "\\$1")
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace("_", "\\_"))
    .replace(/\[(?=\^)|\](?=[([])/g, "\\$&");
}
