#!/usr/bin/env node
// Shim for the `chips` bin: the CLI is TypeScript compiled to lib/ by `npm run build:cli`.
"use strict";
const path = require("path");

const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
let cli;
try {
  cli = require(entry);
} catch (e) {
  // Only a missing build gets the friendly hint; anything else is a real error.
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(entry)) {
    process.stderr.write("chips: not built yet — run `npm ci` (or `npm run build:cli`)\n");
    process.exit(1);
  }
  throw e;
}
cli.run();
