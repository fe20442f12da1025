#!/usr/bin/env node
// `npm run test:unit -- FILES…`: Jest's --selectProjects takes every word after it as a project
// name, so it goes last and the user's arguments (paths, -t, --watch) go before it.
// The unit project is the inner loop: unless LAW_RUNS is set, each law runs about a third of the
// cases `npm test` (CI) gives it; every law still runs (see test/support/lawRuns.ts).
"use strict";
const { spawnSync } = require("child_process");

/** The inner loop's LAW_RUNS, against 100 in `npm test`: the least at which the laws of weight 1.5 still reach the 50 cases their generator-coverage checks need. */
const UNIT_LAW_RUNS = "34";

const [project, ...rest] = process.argv.slice(2);
const env = project === "unit" && process.env.LAW_RUNS === undefined ? { ...process.env, LAW_RUNS: UNIT_LAW_RUNS } : process.env;
const r = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), ...rest, "--selectProjects", project], { stdio: "inherit", env });
process.exit(r.status ?? 1);
