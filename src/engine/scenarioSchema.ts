/**
 * The JSON Schema of scenario files, derived from the field catalogue, so an editor (VS Code
 * for JSON; YAML with the Red Hat extension) offers completion, hover help and squiggles.
 * `npm run schema` writes it to schema/scenario.schema.json; a test keeps that file in step.
 * The validator stays the authority: the schema cannot say every cross-field rule.
 */
import { FIELDS, FieldGroup, FieldRow, RULE_FIELDS, boundsOf, fieldsOf } from "./fieldCatalogue";
import { PERIOD_LABEL } from "./validate";

type Schema = Record<string, unknown>;

/** Keys starting with "$" or "x-" are free for editors and users' own metadata. */
const FREE_KEYS = { "^(\\$|x-)": {} };

function numberSchema(row: FieldRow): Schema {
  const b = boundsOf(row);
  return {
    type: "number",
    ...(b.fraction ? { minimum: 0, maximum: 1 } : {}),
    ...(b.min !== undefined ? { minimum: b.min } : {}),
    ...(b.above !== undefined ? { exclusiveMinimum: b.above } : {}),
    ...(b.max !== undefined ? { maximum: b.max } : {}),
  };
}

function oneValueSchema(row: FieldRow): Schema {
  if (row.kind === "flag") return { type: "boolean" };
  if (row.kind === "enum") return { type: "string", enum: row.values ?? [] };
  if (row.kind === "text") return { type: "string", ...(row.required === true ? { minLength: 1 } : {}) };
  return numberSchema(row);
}

/** One value, or (a field that may vary by period) a list of them; a null element means the default, so it is allowed unless there is none. */
function valueSchema(row: FieldRow): Schema {
  const one = oneValueSchema(row);
  if (!row.perPeriod) return one;
  const item = row.required === true ? one : { anyOf: [one, { type: "null" }] };
  return { anyOf: [one, { type: "array", minItems: 1, items: item }] };
}

/** One field: its value's schema, null when null means something, its label, help and default. */
function fieldSchema(row: FieldRow): Schema {
  const value = valueSchema(row);
  const typed = row.default === null ? { anyOf: [value, { type: "null" }] } : value;
  const when = typeof row.required === "string" ? ` Required when ${row.required}.` : "";
  const unit = row.perPeriod ? " One value, or a list with one per period." : "";
  const help = row.help.charAt(0).toUpperCase() + row.help.slice(1);
  return { title: row.label, description: `${help}.${unit}${when}`, ...typed, ...(row.default !== undefined ? { default: row.default } : {}) };
}

function objectSchema(group: FieldGroup, fields: readonly FieldRow[], nested: Record<string, Schema> = {}): Schema {
  const rows = fieldsOf(group, fields);
  const required = rows.filter((r) => r.required === true).map((r) => r.key);
  return {
    type: "object",
    properties: { ...Object.fromEntries(rows.map((r) => [r.key, fieldSchema(r)])), ...nested },
    ...(required.length > 0 ? { required } : {}),
    patternProperties: FREE_KEYS,
    additionalProperties: false,
  };
}

/**
 * The scenario file's JSON Schema (draft-07, which both editors' JSON and YAML support reads).
 * @example scenarioSchema().required.includes("buyers") // returns true
 */
export function scenarioSchema(fields: readonly FieldRow[] = FIELDS): Schema {
  const top = objectSchema("scenario", fields);
  const ruleRequired = RULE_FIELDS.filter((f) => f.required).map((f) => f.key);
  const properties = {
    ...(top.properties as Schema),
    periods: {
      title: "Periods",
      description: "Nvidia fiscal quarters in chronological order, e.g. [\"FY2027Q1\", \"FY2027Q2\"]; per-period lists align with it.",
      type: "array",
      minItems: 1,
      uniqueItems: true,
      items: { type: "string", pattern: PERIOD_LABEL.source },
    },
    us: { title: "US policy", ...objectSchema("us", fields) },
    china: { title: "China policy", ...objectSchema("china", fields, { cap: { title: "Domestic-ratio cap", ...objectSchema("cap", fields) } }) },
    market: { title: "Market", ...objectSchema("market", fields) },
    buyers: { title: "Buyers", type: "array", minItems: 1, items: objectSchema("buyer", fields) },
    rules: {
      title: "Custom rules",
      description: "Extra steps in the pipeline; each may only lower or keep the quantity.",
      type: "array",
      items: {
        type: "object",
        properties: Object.fromEntries(RULE_FIELDS.map((f) => [f.key, { type: f.type, description: f.help }])),
        required: ruleRequired,
        patternProperties: FREE_KEYS,
        additionalProperties: false,
      },
    },
    uncertainty: { title: "Uncertainty", description: "Monte Carlo and sensitivity inputs (checked when a simulation runs).", type: "object" },
  };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Chokepoint scenario",
    description: "One set of policy and market assumptions for the H200 China model.",
    type: "object",
    properties,
    required: [...(top.required as string[]), "periods", "market", "buyers"],
    patternProperties: FREE_KEYS,
    additionalProperties: false,
  };
}
