#!/usr/bin/env node
// Writes schema/scenario.schema.json, and the field table and rule names of docs/scenario-format.md, from the field catalogue
// (run `npm run schema`; tests check both are current).
"use strict";
const fs = require("fs");
const path = require("path");
const { scenarioSchema } = require("../lib/engine/scenarioSchema.js");

const out = path.join(__dirname, "..", "schema", "scenario.schema.json");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(scenarioSchema(), null, 2) + "\n");
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);

// The field table of docs/scenario-format.md, between its markers.
const { withFieldTable, withRuleNameTable } = require("../lib/engine/fieldDocs.js");
const page = path.join(__dirname, "..", "docs", "scenario-format.md");
const withFields = withFieldTable(fs.readFileSync(page, "utf8"));
if (withFields === undefined) throw new Error(`${page}: the field table's markers are missing`);
const updated = withRuleNameTable(withFields);
if (updated === undefined) throw new Error(`${page}: the rule-name table's markers are missing`);
fs.writeFileSync(page, updated);
process.stdout.write(`wrote the field table and the rule names of ${path.relative(process.cwd(), page)}\n`);
