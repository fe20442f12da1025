/**
 * Markdown for investor notes: a section per sheet, a table per block with numbers as the
 * workbook formats them, long sources as footnotes, and the charts embedded as SVG images.
 */
import { chartFileName } from "../files";
import { display } from "../formats";
import { Report, ReportCell, TableBlock } from "../model";
import { Renderer } from "./renderer";

export const MARKDOWN_FILE = "chokepoint.md";

export const markdownRenderer: Renderer = {
  format: "md",
  render: async (report) => [{ name: MARKDOWN_FILE, data: reportMarkdown(report) }],
};

const MODE_TEXT = {
  values: "numbers as computed by the Chokepoint engine",
  native: "the workbook carries native spreadsheet formulas over its Assumptions sheet",
  live: "the workbook carries CHIPS add-in formulas where they fit and native formulas elsewhere",
} as const;

export function reportMarkdown(report: Report): string {
  const footnotes = new Footnotes();
  const out = [`# ${report.title}`, "", `Cell mode: ${report.mode} (${MODE_TEXT[report.mode]}). Sheets: ${report.sheets.map((s) => s.name).join(", ")}.`];
  for (const sheet of report.sheets) {
    out.push("", `## ${sheet.name}`, "", `*${escape(sheet.title)}*`);
    for (const block of sheet.blocks) {
      if (block.kind === "note") out.push("", escape(block.lines.join(" ")));
      else out.push("", `### ${escape(block.title)}`, "", ...table(block, footnotes));
    }
  }
  if (report.charts.length > 0) {
    out.push("", "## Charts", "");
    for (const chart of report.charts) out.push(`![${escape(chart.title)}](${chartFileName(chart)})`, "");
  }
  out.push(...footnotes.definitions());
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function table(block: TableBlock, footnotes: Footnotes): string[] {
  const numeric = block.columns.map((_, c) => block.rows.some((r) => typeof r[c]?.value === "number"));
  const text = (cell: ReportCell | undefined, c: number): string => {
    if (!cell || cell.value === null) return "";
    const shown = display(cell.value, cell.format);
    const cellText = block.columns[c].footnotes && typeof cell.value === "string" && shown !== "" ? footnotes.ref(shown) : escape(shown);
    return cell.role === "total" && cellText !== "" ? `**${cellText}**` : cellText;
  };
  return [
    `| ${block.columns.map((c) => escape(c.header)).join(" | ")} |`,
    `|${numeric.map((n) => (n ? "---:" : "---")).join("|")}|`,
    ...block.rows.map((r) => `| ${block.columns.map((_, c) => text(r[c], c)).join(" | ")} |`),
  ];
}

/** Numbered footnotes, one per distinct text. */
class Footnotes {
  private readonly texts: string[] = [];

  ref(text: string): string {
    let i = this.texts.indexOf(text);
    if (i < 0) i = this.texts.push(text) - 1;
    return `[^${i + 1}]`;
  }

  definitions(): string[] {
    return this.texts.length === 0 ? [] : ["", ...this.texts.map((t, i) => `[^${i + 1}]: ${escape(t)}`)];
  }
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
