/**
 * Small pure queries over the sourced baseline: a metric's default value, a one-line
 * citation, the list of metrics, and the conflicts the research found. China revenue comes
 * in two series (by customer headquarters and by billing location) that are never mixed:
 * every query of a China figure is on one basis, and its citation names it.
 */
import { Result, fail, ok, problem } from "../problems";
import { CHINA_BASES, ChinaBasis, FACTS, Fact, POLICY_EVENTS, PolicyEvent } from "./facts";

/** Messages of the baseline queries, kept together. */
export const baselineMessages = {
  unknownMetric: (metric: string, metrics: readonly string[]) => `unknown metric ${JSON.stringify(metric)}; metrics: ${metrics.join(", ")}`,
  unknownPeriod: (metric: string, period: string | null, periods: readonly string[]) =>
    `${metric} has no figure for ${period === null ? "no period" : JSON.stringify(period)}; its periods: ${periods.join(", ")}`,
  periodNeeded: (metric: string, periods: readonly string[]) => `${metric} has figures for several periods; name one of: ${periods.join(", ")}`,
  unknownSource: (metric: string, period: string | null, source: string, known: readonly string[]) =>
    `no ${metric}${period === null ? "" : ` ${period}`} figure from ${JSON.stringify(source)}; its entries: ${known.join(", ")}`,
  sourceOnOtherBasis: (id: string, basis: string, asked: string) => `${id} is on the ${basis} basis, not the ${asked} basis; leave the basis blank or name a ${asked}-basis entry`,
  unknownBasis: (basis: string) => `unknown basis ${JSON.stringify(basis)}; bases: ${CHINA_BASES.join(" (customer headquarters), ")} (billing location)`,
  noBasis: (metric: string) => `${metric} is not a China revenue figure and has no basis; leave the basis blank`,
  notOnBasis: (metric: string, period: string | null, basis: string, others: readonly string[]) =>
    `no ${metric}${period === null ? "" : ` ${period}`} figure on the ${basis} basis${others.length ? `; it is reported on the ${others.join(", ")} basis` : ""}`,
} as const;

/** Whether a string names a China revenue basis. */
export const isChinaBasis = (s: string): s is ChinaBasis => (CHINA_BASES as readonly string[]).includes(s);

/** A basis in words, for outputs that show a China figure. */
export const basisLabel = (basis: ChinaBasis): string => (basis === "hq" ? "customer-HQ basis" : "billing basis");

/** How a period (or its absence) is listed in messages. */
const periodLabel = (p: string | null): string => p ?? "(none)";

/**
 * The metrics that have at least one figure, sorted.
 * @example listMetrics().includes("chinaRevenue") // returns true
 */
export function listMetrics(facts: readonly Fact[] = FACTS): string[] {
  return [...new Set(facts.map((f) => f.metric))].sort();
}

/** The periods a metric has figures for, in the order they first appear (null = no period). */
export function periodsOf(metric: string, facts: readonly Fact[] = FACTS): (string | null)[] {
  return [...new Set(facts.filter((f) => f.metric === metric).map((f) => f.period))];
}

/**
 * The fact with this id, if any.
 * @example factById("china_revenue.FY2026Q3.reuters")?.value // returns 2.8e9
 */
export function factById(id: string, facts: readonly Fact[] = FACTS): Fact | undefined {
  return facts.find((f) => f.id === id);
}

/** The policy event with this id, if any. */
export function eventById(id: string, events: readonly PolicyEvent[] = POLICY_EVENTS): PolicyEvent | undefined {
  return events.find((e) => e.id === id);
}

/** The key naming the source in a fact id: its last dot-separated part ("reuters" in "china_revenue.FY2026Q3.reuters"). */
export const sourceKeyOf = (f: Fact): string => f.id.slice(f.id.lastIndexOf(".") + 1);

/**
 * The figure for `metric` in `period`: the default entry, or the entry named by `source`
 * (a full fact id or its last part, e.g. "opencapital"). `period` may be left out when the
 * metric has figures for one period only (or none tied to a period). A China revenue figure
 * is on one `basis`: the one asked for, else "hq" (Nvidia's reporting basis since FY2026Q3)
 * when the period has an HQ-basis figure, else the basis it has. An entry named by `source`
 * decides the basis itself unless one is asked for.
 * @example baselineFact("chinaRevenue", "FY2026Q3").ok // returns true
 */
export function baselineFact(metric: string, period?: string | null, source?: string, basis?: string, facts: readonly Fact[] = FACTS): Result<Fact> {
  const ofMetric = facts.filter((f) => f.metric === metric);
  if (ofMetric.length === 0) return fail(problem("enum", "metric", baselineMessages.unknownMetric(metric, listMetrics(facts))));
  if (basis !== undefined && !isChinaBasis(basis)) return fail(problem("enum", "basis", baselineMessages.unknownBasis(basis)));
  if (basis !== undefined && ofMetric[0].basis === undefined) return fail(problem("enum", "basis", baselineMessages.noBasis(metric)));
  const periods = periodsOf(metric, facts);
  let chosen: string | null;
  if (period === undefined) {
    if (periods.length > 1) return fail(problem("missing", "period", baselineMessages.periodNeeded(metric, periods.map(periodLabel))));
    chosen = periods[0];
  } else {
    chosen = period;
  }
  const inPeriod = ofMetric.filter((f) => f.period === chosen);
  if (inPeriod.length === 0) return fail(problem("enum", "period", baselineMessages.unknownPeriod(metric, chosen, periods.map(periodLabel))));
  const bases = [...new Set(inPeriod.flatMap((f) => (f.basis ? [f.basis] : [])))];
  const named = source === undefined ? undefined : inPeriod.filter((f) => f.id === source || sourceKeyOf(f) === source);
  const onBasis = basis ?? (named && named.length === 1 ? named[0].basis : undefined) ?? (bases.includes("hq") ? "hq" : bases[0]);
  const group = onBasis === undefined ? inPeriod : inPeriod.filter((f) => f.basis === onBasis);
  if (group.length === 0) return fail(problem("enum", "basis", baselineMessages.notOnBasis(metric, chosen, onBasis ?? "", bases)));
  const entry = source === undefined ? group.find((f) => f.isDefault) ?? group[0] : group.find((f) => f.id === source || sourceKeyOf(f) === source);
  if (!entry) {
    const elsewhere = named?.[0];
    if (elsewhere?.basis) return fail(problem("enum", "basis", baselineMessages.sourceOnOtherBasis(elsewhere.id, elsewhere.basis, onBasis ?? "")));
    return fail(problem("enum", "source", baselineMessages.unknownSource(metric, chosen, source ?? "", inPeriod.map((f) => f.id))));
  }
  return ok(entry);
}

/**
 * The value of `metric` in `period` (the default entry, or the one from `source`), in base units.
 * @example baselineValue("chinaRevenue", "FY2026Q3") // returns { ok: true, value: 2.97e9 }
 * @example baselineValue("chinaRevenue", "FY2026Q3", undefined, "billing") // returns { ok: true, value: 2.8e9 }
 * @example baselineValue("chinaRevenue", "FY2024Q1") // returns { ok: true, value: 1.59e9 }
 * @example baselineValue("usRevenueShare") // returns { ok: true, value: 0.25 }
 */
export function baselineValue(metric: string, period?: string | null, source?: string, basis?: string, facts: readonly Fact[] = FACTS): Result<number> {
  const r = baselineFact(metric, period, source, basis, facts);
  return r.ok ? ok(r.value.value) : r;
}

/**
 * One line naming where a figure comes from: publisher (or title), date, confidence,
 * "estimate" for estimates and derived figures, and the basis of a China revenue figure.
 * @example citation(factById("china_revenue.FY2026Q3.reuters")) // returns "Reuters via reportify.ai, 2025-11-20, confidence M, billing basis"
 */
export function citation(entry: Pick<Fact, "source" | "date" | "confidence" | "estimate"> & { readonly basis?: ChinaBasis }): string {
  const who = entry.source.publisher ?? entry.source.title;
  return `${who}, ${entry.date ?? "undated"}, confidence ${entry.confidence}${entry.estimate ? ", estimate" : ""}${entry.basis ? `, ${basisLabel(entry.basis)}` : ""}`;
}

/** Entries sharing one metric, period and basis. */
export interface FactGroup {
  readonly metric: string;
  readonly period: string | null;
  readonly basis?: ChinaBasis;
  readonly entries: readonly Fact[];
  /** The distinct values, in entry order. */
  readonly values: readonly number[];
}

/** Every metric+period+basis group, in first-appearance order (the two China bases are separate series, not a conflict). */
export function groups(facts: readonly Fact[] = FACTS): FactGroup[] {
  const byKey = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.metric}\u0000${f.period ?? ""}\u0000${f.basis ?? ""}`;
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey.values()].map((entries) => ({
    metric: entries[0].metric,
    period: entries[0].period,
    ...(entries[0].basis ? { basis: entries[0].basis } : {}),
    entries,
    values: [...new Set(entries.map((e) => e.value))],
  }));
}

/**
 * The groups whose entries disagree: same metric, period and basis, different values. Conflicts
 * are listed, not hidden; each group's default entry says why it was chosen.
 * @example conflicts().some((g) => g.metric === "chinaRevenue" && g.period === "FY2026Q3" && g.basis === "billing") // returns true
 */
export function conflicts(facts: readonly Fact[] = FACTS): FactGroup[] {
  return groups(facts).filter((g) => g.values.length > 1);
}
