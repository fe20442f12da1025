/**
 * `npm run bench [-- --quick]`: prints every figure with its ratio against a baseline measured
 * in the same run. Wall-clock goals are reported, never enforced (times flake); `--quick` is the
 * CI mode, which fails only on deterministic budgets.
 */
import { functionsBench } from "./functions.bench";
import { Row, printTable } from "./harness";

const quick = process.argv.includes("--quick");
const rows: Row[] = [...functionsBench(quick)];
printTable(rows);
console.log(`\n${quick ? "quick mode: " : ""}wall-clock goals are reported, not enforced; see BENCHMARKS.md`);
