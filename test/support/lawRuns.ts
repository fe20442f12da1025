/**
 * The one knob for the volume of every property test: LAW_RUNS, the cases an ordinary law runs
 * (default 100, fast-check's own). A law whose cases are much cheaper or dearer than an ordinary
 * one says so with a weight and runs LAW_RUNS × weight cases (at least one). `npm test` (and so CI)
 * uses the default; `npm run test:unit`, the inner loop, sets 34 unless LAW_RUNS is given
 * (scripts/jest-project.js); `LAW_RUNS=1000 npm test` is the deep run.
 */
export const LAW_RUNS = Math.max(1, Number(process.env.LAW_RUNS ?? 100) || 100);

/** fast-check parameters for a law of the given weight. */
export const lawRuns = (weight = 1): { numRuns: number } => ({ numRuns: Math.max(1, Math.round(LAW_RUNS * weight)) });
