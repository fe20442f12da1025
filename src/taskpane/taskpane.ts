/*
 * Minimal task pane: evaluates a small built-in scenario with the engine and shows the totals
 * per period; inside Excel it can also write them to a new worksheet. It must work in a plain
 * browser too, where Office.onReady gives host null or office.js did not load at all.
 */
import { Evaluation, evaluateScenario, formatProblem, validateScenario } from "../engine";

/** A small scenario document, validated like a user's file would be. */
export const EXAMPLE_SCENARIO = {
  name: "Example",
  description:
    "Two quarters, two buyers: the US takes 25% of sales, Beijing approves half of each request and allows one H200 per domestic chip.",
  periods: ["FY2027Q1", "FY2027Q2"],
  us: { revenueShare: 0.25 },
  china: { access: "approval", approvalRate: 0.5, cap: { basis: "units", ratio: 1 } },
  market: { h200Price: 27000, supply: [150000, 200000] },
  buyers: [
    { name: "Buyer A", requested: [120000, 160000], domesticUnits: 50000 },
    { name: "Buyer B", requested: [60000, 80000], domesticUnits: 200000 },
  ],
};

export const SHEET_NAME = "Chokepoint summary";
export const SUMMARY_HEADER = ["Period", "Shipped units", "Revenue ($bn)", "US share ($bn)"];
export type SummaryRow = [period: string, shipped: number, revenueBn: number, usShareBn: number];
export type Summary = { ok: true; rows: SummaryRow[] } | { ok: false; problems: string[] };

/** Validates and evaluates a scenario document; problems come back as "path: message" lines. */
export function summarize(doc: unknown = EXAMPLE_SCENARIO): Summary {
  const r = validateScenario(doc);
  const evaluated = r.ok ? evaluateScenario(r.value) : r;
  return evaluated.ok ? { ok: true, rows: summaryRows(evaluated.value) } : { ok: false, problems: evaluated.problems.map(formatProblem) };
}

export function summaryRows(ev: Evaluation): SummaryRow[] {
  return ev.periods.map((p) => [p.period, p.totals.shipped, p.totals.revenue / 1e9, p.totals.usShare / 1e9]);
}

/**
 * `base`, else `base (2)`, `base (3)`, …: the first name no existing sheet uses, so a user's
 * sheet is never overwritten. Excel compares sheet names case-insensitively.
 */
export function uniqueSheetName(existing: readonly string[], base = SHEET_NAME): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  return name;
}

/** Adds a new worksheet with the summary table and returns its name. */
async function writeSummarySheet(rows: SummaryRow[]): Promise<string> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(sheets.items.map((s) => s.name));
    const sheet = sheets.add(name);
    const width = SUMMARY_HEADER.length;
    const all = sheet.getRangeByIndexes(0, 0, rows.length + 1, width);
    all.values = [SUMMARY_HEADER, ...rows];
    sheet.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
    if (rows.length > 0) {
      sheet.getRangeByIndexes(1, 1, rows.length, width - 1).numberFormat = rows.map(() => ["#,##0", "#,##0.00", "#,##0.00"]);
    }
    all.format.autofitColumns();
    sheet.activate();
    await context.sync();
    return name;
  });
}

/** True inside Excel; false in a plain browser or when office.js is missing. */
async function inExcel(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`taskpane.html has no #${id}`);
  return el as T;
}

const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const billions = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function showNotice(title: string, lines: readonly string[]): void {
  const notice = element("notice");
  notice.replaceChildren();
  const strong = document.createElement("strong");
  strong.textContent = title;
  const list = document.createElement("ul");
  for (const line of lines) {
    const li = document.createElement("li");
    li.textContent = line;
    list.append(li);
  }
  notice.append(strong, list);
  notice.hidden = false;
}

function showTable(rows: readonly SummaryRow[]): void {
  const body = element<HTMLTableElement>("summary").tBodies[0];
  body.replaceChildren(
    ...rows.map(([period, shipped, revenue, usShare]) => {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = period;
      tr.append(th);
      for (const text of [count(shipped), billions(revenue), billions(usShare)]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
  element("summary").hidden = false;
}

/** Evaluates the example and shows the result; returns the rows, or null on problems. */
function runExample(): SummaryRow[] | null {
  element("notice").hidden = true;
  const summary = summarize();
  if (!summary.ok) {
    element("summary").hidden = true;
    showNotice("The example scenario has problems:", summary.problems);
    return null;
  }
  showTable(summary.rows);
  element("status").textContent = `Evaluated ${summary.rows.length} periods.`;
  return summary.rows;
}

async function init(): Promise<void> {
  element("example-description").textContent = EXAMPLE_SCENARIO.description;
  element("evaluate").addEventListener("click", () => void runExample());

  if (!(await inExcel())) return;
  const write = element<HTMLButtonElement>("write-sheet");
  write.hidden = false;
  write.addEventListener("click", async () => {
    const rows = runExample();
    if (!rows) return;
    write.disabled = true;
    try {
      const name = await writeSummarySheet(rows);
      element("status").textContent = `Wrote the summary to the new sheet "${name}".`;
    } catch (e) {
      showNotice("Could not write the summary sheet:", [e instanceof Error ? e.message : String(e)]);
    } finally {
      write.disabled = false;
    }
  });
}

// Jest imports this module for its pure helpers; only a page has a document to wire up.
if (typeof document !== "undefined") void init();
