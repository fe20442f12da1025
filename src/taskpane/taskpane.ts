/*
 * The task pane entry (webpack "taskpane"). app.ts wires the UI; it must work in a plain
 * browser too, where Office.onReady gives host null or office.js did not load at all.
 * This module keeps small pure helpers that Jest imports without a DOM.
 */
import { Evaluation, evaluateScenario, formatProblem, validateScenario } from "../engine";
import { uniqueSheetName as uniqueName } from "./sheetNames";

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

/** `base`, else `base (2)`, …: the first name no existing sheet uses (case-insensitively). */
export function uniqueSheetName(existing: readonly string[], base = SHEET_NAME): string {
  return uniqueName(existing, base);
}

// Jest imports this module for its pure helpers; only a page starts the UI. "eager" keeps the
// app in this bundle (no extra chunk) while Node never evaluates its DOM and Fluent imports.
if (typeof document !== "undefined") {
  void import(/* webpackMode: "eager" */ "./app").then((m) => m.start());
}
