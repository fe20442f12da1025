/**
 * The field table of docs/scenario-format.md, derived from the field catalogue. `npm run schema`
 * writes it between the page's markers; a test fails when the page differs.
 */
import { FIELDS, FieldRow, pathOf } from "./fieldCatalogue";

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
  const start = page.indexOf(FIELD_TABLE_START);
  const end = page.indexOf(FIELD_TABLE_END);
  if (start < 0 || end < start) return undefined;
  return page.slice(0, start + FIELD_TABLE_START.length) + "\n" + fieldTable(fields).join("\n") + "\n" + page.slice(end);
}
