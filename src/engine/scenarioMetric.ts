/**
 * One number (or binding word) out of an evaluation, by metric name, for formulas such as
 * =CHIPS.SCENARIO("Base", "chinaRevenue", , "FY2027Q2").
 */
import { Evaluation } from "./evaluate";
import { messages } from "./messages";
import { Result, fail, ok, problem } from "./problems";

export const TOTAL_METRICS = ["requested", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "chinaRevenue", "baselineChinaRevenue"] as const;
export const BUYER_METRICS = ["shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "binding"] as const;

/**
 * A period's total (no buyer) or a buyer's figure; without a period, the sum over all periods
 * (binding needs a period). Step ids (e.g. "china_access") read a buyer's step trail.
 * @example scenarioMetric(evaluate(scenario), "shipped") // returns { ok: true, value: 60000 } — total shipped over all periods
 */
export function scenarioMetric(evaluation: Evaluation, metric: string, buyer?: string | null, period?: string | null): Result<number | string> {
  const periods = period === null || period === undefined ? evaluation.periods : evaluation.periods.filter((p) => p.period === period);
  if (periods.length === 0) {
    return fail(problem("enum", "period", messages.notOneOf(period, evaluation.periods.map((p) => p.period))));
  }
  if (buyer === null || buyer === undefined) {
    if (!(TOTAL_METRICS as readonly string[]).includes(metric)) return fail(problem("enum", "metric", messages.notOneOf(metric, TOTAL_METRICS)));
    return ok(periods.reduce((sum, p) => sum + p.totals[metric as (typeof TOTAL_METRICS)[number]], 0));
  }
  const names = evaluation.periods[0]?.buyers.map((b) => b.name) ?? [];
  if (!names.includes(buyer)) return fail(problem("enum", "buyer", messages.notOneOf(buyer, names)));
  const stepIds = Object.keys(evaluation.periods[0]?.buyers[0]?.steps ?? {});
  const known = [...BUYER_METRICS, ...stepIds];
  if (!known.includes(metric)) return fail(problem("enum", "metric", messages.notOneOf(metric, known)));
  const outcomes = periods.map((p) => p.buyers.find((b) => b.name === buyer)!);
  if (metric === "binding") {
    if (outcomes.length !== 1) return fail(problem("missing", "period", messages.required("a period: binding is per period")));
    return ok(outcomes[0].binding);
  }
  return ok(outcomes.reduce((sum, o) => sum + (stepIds.includes(metric) ? o.steps[metric] : (o[metric as Exclude<(typeof BUYER_METRICS)[number], "binding">] as number)), 0));
}
