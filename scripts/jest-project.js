#!/usr/bin/env node
// `npm run test:unit -- FILES…`: Jest's --selectProjects takes every word after it as a project
// name, so it goes last and the user's arguments (paths, -t, --watch) go before it.
"use strict";
const { spawnSync } = require("child_process");

const [project, ...rest] = process.argv.slice(2);
const r = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), ...rest, "--selectProjects", project], { stdio: "inherit" });
process.exit(r.status ?? 1);
