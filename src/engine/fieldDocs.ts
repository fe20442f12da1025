/**
 * The field table and the rule-name table of docs/scenario-format.md, derived from the field
 * catalogue. `npm run schema` writes them between the page's markers; a test fails when the page differs.
 */
import { FIELDS, FieldRow, pathOf } from "./fieldCatalogue";
import { ruleNameTable } from "./rules/ruleNames";

export const FIELD_TABLE_START = "<!-- field table: generated from src/engine/fieldCatalogue.ts by `npm run schema` -->";
export const FIELD_TABLE_END = "<!-- end of field table -->";

const code = (v: unknown): string => `\`${JSON.stringify(v)}\``;

function defaultText(row: FieldRow): string {
  if (row.required === true) return "— required";
  if (row.default === undefined) return "—";
  return code(row.default);
}

function checkedText(row: FieldRow): string {
  const checks: Record<FieldRow["kind"], string> = {
    fraction: "fraction 0–1",
    units: "≥ 0",
    usd: "≥ 0",
    ratio: "≥ 0",
    price: "> 0",
    enum: `one of ${(row.values ?? []).map(code).join(", ")}`,
    flag: "boolean",
    text: row.required === true ? "non-empty text" : "text",
  };
  const perPeriod = row.perPeriod ? "; one value or one per period" : "";
  const when = typeof row.required === "string" ? `; required when ${row.required}` : "";
  return checks[row.kind] + perPeriod + when;
}

/**
 * The Markdown table of every catalogue field: path, label and meaning, default, what is checked.
 * @example fieldTable()[0] // returns "| path | label | meaning | default | checked |"
 */
export function fieldTable(fields: readonly FieldRow[] = FIELDS): string[] {
  return [
    "| path | label | meaning | default | checked |",
    "|---|---|---|---|---|",
    ...fields.map((row) => `| \`${pathOf(row)}\` | ${row.label} | ${row.help} | ${defaultText(row)} | ${checkedText(row)} |`),
  ];
}

/** The page with its field table (between the markers) replaced by `fieldTable(fields)`; undefined without markers. */
export function withFieldTable(page: string, fields: readonly FieldRow[] = FIELDS): string | undefined {
  return withTable(page, FIELD_TABLE_START, FIELD_TABLE_END, fieldTable(fields));
}

export const RULE_NAME_TABLE_START = "<!-- rule names: generated from src/engine/rules/ruleNames.ts by `npm run schema` -->";
export const RULE_NAME_TABLE_END = "<!-- end of rule names -->";

/** The page with its table of rule names (between the markers) replaced by `ruleNameTable()`; undefined without markers. */
export const withRuleNameTable = (page: string): string | undefined => withTable(page, RULE_NAME_TABLE_START, RULE_NAME_TABLE_END, ruleNameTable());

/** The page with the lines between two markers replaced; undefined without the markers. */
function withTable(page: string, startMarker: string, endMarker: string, lines: readonly string[]): string | undefined {
  const start = page.indexOf(startMarker);
  const end = page.indexOf(endMarker);
  if (start < 0 || end < start) return undefined;
  return page.slice(0, start + startMarker.length) + "\n" + lines.join("\n") + "\n" + page.slice(end);
}
