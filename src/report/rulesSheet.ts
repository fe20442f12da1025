/**
 * The Rules sheet: every custom rule of every scenario — where it runs, its expression, label,
 * source, and what the workbook does with it (spreadsheets cannot run rule expressions, so a
 * rule's column holds the engine's values and the formulas after it start from those).
 */
import { RESULT_SHEETS } from "./sheetNames";
import { Scenario } from "../engine";
import { SheetLayout, cell } from "./layout";
import { Column, ReportSheet } from "./model";

export const RULES = RESULT_SHEETS.rules;

const COLUMNS: readonly Column[] = [
  { header: "Scenario" },
  { header: "Rule" },
  { header: "Runs after" },
  { header: "Expression" },
  { header: "Label" },
  { header: "Source" },
  { header: "Enabled" },
  { header: "In the workbook" },
];

/** The sheet, or undefined when no scenario has a rule. */
export function rulesSheet(scenarios: readonly Scenario[]): ReportSheet | undefined {
  const rows = scenarios.flatMap((s) => s.rules.map((r) => ({ scenario: s.name, rule: r })));
  if (rows.length === 0) return undefined;
  const layout = new SheetLayout();
  layout.note("Custom rules (docs/scenario-format.md): mathjs expressions that may only lower the quantity after the step they follow.");
  layout.gap();
  const text = (v: string | undefined) => cell.label(v === undefined || v === "" ? null : v);
  const list = layout.table(
    "Custom rules",
    COLUMNS,
    () =>
      rows.map(({ scenario, rule }) => [
        text(scenario),
        text(rule.id),
        text(rule.after),
        text(rule.expression),
        text(rule.label),
        text(rule.source),
        cell.label(rule.enabled === false ? "FALSE" : "TRUE"),
        text(rule.enabled === false ? "not applied" : "engine values (a spreadsheet cannot evaluate rule expressions)"),
      ]),
    true,
  );
  return layout.sheet(RULES, "Rules: custom rules of every scenario", { rows: list.row + 1, cols: 0 });
}
