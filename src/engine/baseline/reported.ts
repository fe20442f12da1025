/**
 * What Nvidia reported, by period, and how a scenario's modelled China revenue compares with
 * it. China revenue is reported on two bases (see ChinaBasis); a comparison is on one.
 */
import type { Evaluation } from "../evaluate";
import { Result, fail, problem } from "../problems";
import { ChinaBasis, FACTS, Fact } from "./facts";
import { baselineFact, citation, isChinaBasis, periodsOf } from "./query";

export const reportedMessages = {
  noneReported: (metric: string, period: string, basis: string | undefined, latest: string | undefined) =>
    `no ${metric} is reported for ${period}${basis ? ` on the ${basis} basis` : ""}${latest ? `; the latest reported quarter is ${latest}` : ""}`,
} as const;

const QUARTER = /^FY\d{4}Q[1-4]$/;

/** The quarters a metric has a figure for (on `basis`, when given), in fiscal order. */
export function reportedQuarters(metric = "chinaRevenue", basis?: ChinaBasis, facts: readonly Fact[] = FACTS): string[] {
  const onBasis = facts.filter((f) => f.metric === metric && (basis === undefined || f.basis === basis));
  return periodsOf(metric, onBasis)
    .filter((p): p is string => p !== null && QUARTER.test(p))
    .sort();
}

/**
 * The figure Nvidia reported for `period` (the default entry; China revenue on `basis`, else
 * as baselineFact chooses). A period with no figure is a problem naming the latest one.
 * @example reportedFigure("FY2027Q2").ok // returns true
 * @example reportedFigure("FY2027Q3").ok // returns false
 */
export function reportedFigure(period: string, metric = "chinaRevenue", basis?: string, facts: readonly Fact[] = FACTS): Result<Fact> {
  const r = baselineFact(metric, period, undefined, basis, facts);
  if (r.ok || r.problems[0]?.path !== "period") return r;
  const latest = reportedQuarters(metric, basis !== undefined && isChinaBasis(basis) ? basis : undefined, facts).pop();
  return fail(problem("enum", "period", reportedMessages.noneReported(metric, period, basis, latest)));
}

/** One period of a reported-vs-modelled comparison; gap = modelled − reported. */
export interface ReportedVsModelled {
  readonly period: string;
  readonly modelled: number;
  readonly reported: number;
  readonly gap: number;
  readonly basis: ChinaBasis;
  /** The reported figure's one-line citation (it names the basis). */
  readonly source: string;
  readonly factId: string;
}

/**
 * Modelled China revenue against Nvidia's reported China revenue on one basis, for every
 * period of the evaluation that has a reported figure on that basis (others are left out).
 * @example reportedVsModelled({ periods: ["FY2027Q2"] }, { periods: [{ period: "FY2027Q2", totals: { chinaRevenue: 8e9 } }] }, "hq")[0].gap // returns 1.2e8
 */
export function reportedVsModelled(
  scenario: { readonly periods: readonly string[] },
  evaluation: { readonly periods: readonly { readonly period: string; readonly totals: Pick<Evaluation["periods"][number]["totals"], "chinaRevenue"> }[] },
  basis: ChinaBasis,
  facts: readonly Fact[] = FACTS,
): ReportedVsModelled[] {
  return scenario.periods.flatMap((period) => {
    const outcome = evaluation.periods.find((p) => p.period === period);
    const found = baselineFact("chinaRevenue", period, undefined, basis, facts);
    if (!outcome || !found.ok) return [];
    const fact = found.value;
    const modelled = outcome.totals.chinaRevenue;
    return [{ period, modelled, reported: fact.value, gap: modelled - fact.value, basis, source: citation(fact), factId: fact.id }];
  });
}

