/** The uncertainty module's user-facing messages, kept together (as ../messages.ts is for the rest). */
import { orList } from "../messages";
const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? "a list" : v !== null && typeof v === "object" ? "an object" : String(v));

export const uncertaintyMessages = {
  unknownDist: (v: unknown, allowed: readonly string[]) => `must be ${orList(allowed.map((a) => JSON.stringify(a)))}, got ${show(v)}`,
  notNumber: (v: unknown) => `expected a finite number, got ${show(v)}`,
  orderedBounds: (min: number, max: number) => `must be at least min (${min}), got ${max}`,
  triangular: () => "needs min <= mode <= max and min < max",
  positive: (v: number) => `must be greater than 0, got ${v}`,
  probability: (v: number) => `must be a probability between 0 and 1, got ${v}`,
  emptyValues: () => "needs at least one value",
  weights: () => "needs one non-negative number per value, not all 0",
  noInputs: () => 'needs at least one uncertain input, e.g. {"china.approvalRate": {"dist": "uniform", "min": 0.4, "max": 0.8}}',
  iterations: (v: unknown) => `must be a whole number from 1 to 10,000,000, got ${show(v)}`,
  seed: (v: unknown) => `must be a whole number from 0 to 4294967295, got ${show(v)}`,
  percentile: (v: unknown) => `must be a number from 0 to 100, got ${show(v)}`,
  bins: (v: unknown) => `must be a whole number from 1 to 1000, got ${show(v)}`,
  outputName: (v: unknown) => `expected an output such as "totals.chinaRevenue", got ${show(v)}`,
  // Input paths.
  pathSyntax: (path: string) =>
    `${JSON.stringify(path)} is not a field path; write e.g. "china.approvalRate", "market.supply[2]" or "buyers[0].requested"`,
  notAnInput: (path: string, inputs: readonly string[]) => `${JSON.stringify(path)} is not an input that can vary; the inputs are: ${inputs.join(", ")}`,
  buyerIndex: (at: string, count: number) => `no buyer ${at}; the scenario has ${count} (buyers[0] to buyers[${count - 1}], or a buyer's name)`,
  periodIndex: (at: number, count: number) => `no period [${at}]; the scenario has ${count} (0 to ${count - 1})`,
  unsetSeries: (path: string) => `${path} is not set in this scenario, so one of its periods cannot vary; vary the whole field instead`,
  distForKind: (dist: string, kind: string) =>
    kind === "boolean"
      ? `a true/false input takes "bernoulli" or "choice", not ${JSON.stringify(dist)}`
      : kind === "enum"
        ? `a choice input takes "choice", not ${JSON.stringify(dist)}`
        : `a number input takes "uniform", "triangular", "normal" or "choice", not ${JSON.stringify(dist)}`,
  badValue: (v: unknown, detail: string) => `the value ${show(v)} ${detail}`,
  drawInvalid: (value: unknown, detail: string) => `with this input at ${show(value)} the scenario is invalid: ${detail}`,
  normalEmpty: () => "the normal distribution has no mass inside the field's range (mean too far outside it)",
  // Outputs.
  outputSyntax: (v: string) =>
    `unknown output ${JSON.stringify(v)}; write "totals.METRIC" or "buyers.NAME.METRIC", optionally with @PERIOD or [period index] (e.g. "totals.chinaRevenue@FY2027Q1")`,
  outputMetric: (metric: string, allowed: readonly string[]) => `unknown metric ${JSON.stringify(metric)}; the metrics are: ${allowed.join(", ")}`,
  outputBuyer: (name: string, names: readonly string[]) => `unknown buyer ${JSON.stringify(name)}; the buyers are: ${names.join(", ")}`,
  outputPeriod: (p: string, periods: readonly string[]) => `unknown period ${JSON.stringify(p)}; the periods are: ${periods.join(", ")}`,
  // Sensitivity.
  gridValues: () => "needs at least one value",
  // The block's `grid` field.
  gridField: () =>
    'expected {"rows": PATH or {"path": PATH, "values": [...]}, "columns": likewise, "output"?: NAME}, e.g. {"rows": "china.approvalRate", "columns": "market.supply[0]"}',
  gridAxisValues: () => "expected a non-empty list of numbers, true/false or words",
  cancelled: (done: number, total: number) => `cancelled after ${done} of ${total} iterations`,
} as const;
