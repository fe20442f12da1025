/** Jest setup: a law that states no volume of its own runs LAW_RUNS cases (see lawRuns.ts). */
import fc from "fast-check";
import { LAW_RUNS } from "./lawRuns";

fc.configureGlobal({ numRuns: LAW_RUNS });
