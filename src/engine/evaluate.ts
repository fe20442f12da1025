/**
 * Runs the pipeline over every period and buyer of a validated scenario and derives the
 * outputs of docs/model.md: shipped, revenue, usShare, nvidiaNet, h20Equivalent, binding, largestCut,
 * totals. Periods run in order, each seeing what the earlier ones shipped (cumulative limits).
 */
import { messages } from "./messages";
import { PeriodContext, Step, StepId } from "./pipeline";
import { Problem, Result, fail, ok } from "./problems";
import { RuleError, RuleFailure, pipelineFor } from "./rules/pipelineFor";
import { Scenario, buyersAt, policyAt } from "./scenario";

export interface BuyerOutcome {
  readonly name: string;
  readonly shipped: number;
  readonly revenue: number;
  readonly usShare: number;
  readonly nvidiaNet: number;
  readonly h20Equivalent: number;
  /** The last step that removed units: the constraint the buyer's shipments end at; "none" if nothing was removed. */
  readonly binding: StepId | "none";
  /** The step that removed the most units (ties: the earlier step); "none" if nothing was removed. */
  readonly largestCut: StepId | "none";
  /** The quantity after each step, in pipeline order. */
  readonly steps: Readonly<Record<StepId, number>>;
}

export interface PeriodTotals {
  readonly requested: number;
  readonly shipped: number;
  readonly revenue: number;
  readonly usShare: number;
  readonly nvidiaNet: number;
  readonly h20Equivalent: number;
  readonly chinaRevenue: number;
  /** Extension: the baseline the China revenue builds on, so reports can show the uplift. */
  readonly baselineChinaRevenue: number;
}

export interface PeriodOutcome {
  readonly period: string;
  readonly buyers: readonly BuyerOutcome[];
  readonly totals: PeriodTotals;
}

export interface Evaluation {
  readonly scenario: string;
  readonly periods: readonly PeriodOutcome[];
}

/**
 * Evaluates a validated scenario through `pipeline`: docs/model.md's, with the scenario's custom
 * rules inserted, by default. Throws RuleError when a custom rule fails (a result above the
 * units it receives, negative or not finite); prefer `evaluateScenario`, which returns those
 * failures as problems. Scenarios without rules never throw.
 * @example evaluate(scenario).periods[0].totals.shipped // returns 60000 — the H200 units shipped to China in the first period
 */
export function evaluate(scenario: Scenario, pipeline: readonly Step[] = pipelineFor(scenario)): Evaluation {
  const shippedBefore = scenario.buyers.map(() => 0);
  const periods = scenario.periods.map((period, t): PeriodOutcome => {
    const outcome = evaluatePeriod(pipeline, period, periodContext(scenario, t, shippedBefore));
    outcome.buyers.forEach((o, b) => (shippedBefore[b] += o.shipped));
    return outcome;
  });
  return { scenario: scenario.name, periods };
}

/**
 * What period t's steps see, given each buyer's units shipped before t (summed over the
 * earlier periods): the one place a PeriodContext is made.
 */
export function periodContext(scenario: Scenario, t: number, shippedBefore: readonly number[]): PeriodContext {
  let usShipmentsThrough: number | null = 0;
  for (let u = 0; u <= t && usShipmentsThrough !== null; u++) {
    const us = scenario.us.usShipments[u];
    usShipmentsThrough = us === null ? null : usShipmentsThrough + us;
  }
  const totalShippedBefore = shippedBefore.reduce((a, x) => a + x, 0);
  return { t, scenario, policy: policyAt(scenario, t), buyers: buyersAt(scenario, t), shippedBefore: shippedBefore.slice(), totalShippedBefore, usShipmentsThrough };
}

/** Period t's context rebuilt from an evaluation of the scenario (for views that show a step's limit). */
export function periodContextOf(scenario: Scenario, evaluation: Evaluation, t: number): PeriodContext {
  const before = scenario.buyers.map((_, b) => evaluation.periods.slice(0, t).reduce((a, p) => a + p.buyers[b].shipped, 0));
  return periodContext(scenario, t, before);
}

/**
 * Evaluates a validated scenario like `evaluate`, but returns custom-rule failures as problems
 * instead of throwing: one per failing rule, naming the rule, the first buyer and period it
 * failed for, and how many more buyer-periods failed. Located at `rules[i].expression`.
 * With an explicit `pipeline`, a failing rule step throws, so only the first failure is reported.
 * @example evaluateScenario(scenario).ok // returns true — false when a custom rule raised a quantity
 */
export function evaluateScenario(scenario: Scenario, pipeline?: readonly Step[]): Result<Evaluation> {
  const failures: RuleFailure[] = [];
  try {
    const evaluation = evaluate(scenario, pipeline ?? pipelineFor(scenario, (f) => failures.push(f)));
    return failures.length === 0 ? ok(evaluation) : fail(...summarise(failures));
  } catch (e) {
    if (e instanceof RuleError) return fail(...e.problems);
    throw e;
  }
}

/** The first failure of each rule, with how many more there were. */
function summarise(failures: readonly RuleFailure[]): Problem[] {
  const byRule = new Map<string, { first: Problem; more: number }>();
  for (const f of failures) {
    const seen = byRule.get(f.rule);
    if (seen) seen.more++;
    else byRule.set(f.rule, { first: f.problem, more: 0 });
  }
  return [...byRule.values()].map(({ first, more }) => (more === 0 ? first : { ...first, message: first.message + messages.ruleMoreFailures(more) }));
}

function evaluatePeriod(pipeline: readonly Step[], period: string, context: PeriodContext): PeriodOutcome {
  const { market, us } = context.policy;
  const { buyers } = context;
  // trail[k][b]: the quantity of buyer b after step k.
  const trail: number[][] = [];
  let units = buyers.map(() => 0);
  for (const step of pipeline) {
    if (step.kind === "buyer") {
      units = units.map((u, b) => step.apply(u, b, context));
    } else {
      units = units.slice();
      step.apply(units, context);
    }
    trail.push(units);
  }

  const outcomes = buyers.map((buyer, b): BuyerOutcome => {
    const quantities = trail.map((row) => row[b]);
    const shipped = quantities[quantities.length - 1];
    const revenue = shipped * market.h200Price;
    const usShare = revenue * us.revenueShare;
    return {
      name: buyer.name,
      shipped,
      revenue,
      usShare,
      nvidiaNet: revenue - usShare,
      h20Equivalent: shipped * market.h20Multiple,
      binding: bindingStep(pipeline, quantities),
      largestCut: largestCutStep(pipeline, quantities),
      steps: Object.fromEntries(pipeline.map((s, k) => [s.id, quantities[k]])),
    };
  });

  const sum = (pick: (o: BuyerOutcome) => number) => outcomes.reduce((acc, o) => acc + pick(o), 0);
  const revenue = sum((o) => o.revenue);
  const nvidiaNet = sum((o) => o.nvidiaNet);
  const baselineChinaRevenue = market.baselineChinaRevenue;
  return {
    period,
    buyers: outcomes,
    totals: {
      requested: sum((o) => o.steps[pipeline[0].id]),
      shipped: sum((o) => o.shipped),
      revenue,
      usShare: sum((o) => o.usShare),
      nvidiaNet,
      h20Equivalent: sum((o) => o.h20Equivalent),
      chinaRevenue: baselineChinaRevenue + (market.usShareTreatment === "cost" ? revenue : nvidiaNet),
      baselineChinaRevenue,
    },
  };
}

/**
 * The last step that removed units: the constraint the buyer's shipments end at (relaxing an
 * earlier cut alone would not raise them past it); "none" when the final quantity equals the first.
 * @example bindingStep(PIPELINE, [100, 100, 60, 60, 60, 40, 40]) // returns "domestic_ratio"
 */
export function bindingStep(pipeline: readonly Step[], quantities: readonly number[]): StepId | "none" {
  if (quantities[quantities.length - 1] === quantities[0]) return "none";
  for (let k = quantities.length - 1; k >= 1; k--) if (quantities[k] < quantities[k - 1]) return pipeline[k].id;
  return "none";
}

/**
 * The step that removed the most units from the quantity before it; the earlier step wins a
 * tie; "none" when the final quantity equals the first (nothing was removed overall).
 * @example largestCutStep(PIPELINE, [100, 100, 60, 60, 60, 40, 40]) // returns "china_access"
 */
export function largestCutStep(pipeline: readonly Step[], quantities: readonly number[]): StepId | "none" {
  if (quantities[quantities.length - 1] === quantities[0]) return "none";
  let best: StepId | "none" = "none";
  let most = 0;
  for (let k = 1; k < quantities.length; k++) {
    const removed = quantities[k - 1] - quantities[k];
    if (removed > most) {
      most = removed;
      best = pipeline[k].id;
    }
  }
  return best;
}
