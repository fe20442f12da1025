/**
 * Sources from the sourced baseline data set: an `x-sources` value of a built-in scenario (a
 * fact id, a policy-event id, or "illustrative: why") resolved to readable text with the data
 * set's date and confidence, and the report input for a built-in scenario. Pure.
 */
import { BuiltInScenario, FACTS, Fact, FactGroup, POLICY_EVENTS, PolicyEvent, citation, conflicts } from "../engine";
import { ScenarioDocument, SourceCitation } from "./document";
import { citedDate, confidenceOf } from "./sources";

/**
 * A fact as one readable line: the source's title, then citation() (publisher, date,
 * confidence, "estimate"), then the address when there is one.
 * @example resolveSource("china_revenue.FY2026Q3.reuters").text.includes(" — Reuters via reportify.ai, 2025-11-20, confidence M, billing basis (https://") // returns true
 */
export function factText(fact: Fact): string {
  return `${fact.source.title} — ${citation(fact)}${fact.source.url ? ` (${fact.source.url})` : ""}`;
}

/** A policy event as one readable line: what happened, then who reported it, when, and the confidence. */
export function eventText(event: PolicyEvent): string {
  const who = event.source.publisher ?? event.source.title;
  const effective = event.effective ? `, effective ${event.effective}` : "";
  return `${event.event} — ${who}, ${event.date}${effective}, confidence ${event.confidence}${event.source.url ? ` (${event.source.url})` : ""}`;
}

/** The ids a note names as "[fact id]". */
const referencedFacts = (text: string): string[] => [...text.matchAll(/\[fact ([^\]\s]+)\]/g)].map((m) => m[1]);

/**
 * Resolves one `x-sources` value. Unknown ids and free text fall back to what the text says
 * (date and confidence mark read from it).
 * @example resolveSource("china_revenue.FY2026Q3.reuters").confidence // returns "M"
 * @example resolveSource("illustrative: no figure reported").confidence // returns "illustrative"
 */
export function resolveSource(value: string, facts: readonly Fact[] = FACTS, events: readonly PolicyEvent[] = POLICY_EVENTS): SourceCitation {
  const fact = facts.find((f) => f.id === value);
  if (fact) return { text: factText(fact), date: fact.date ?? "", confidence: fact.confidence, facts: [fact.id] };
  const event = events.find((e) => e.id === value);
  if (event) return { text: eventText(event), date: event.date, confidence: event.confidence, facts: [] };
  const known = new Set(facts.map((f) => f.id));
  const named = referencedFacts(value).filter((id) => known.has(id));
  if (/^illustrative\b/i.test(value)) return { text: value, date: "", confidence: "illustrative", facts: named };
  return { text: value, date: citedDate(value), confidence: confidenceOf(value), facts: named };
}

/** The report's document for a built-in scenario: its data, and every x-sources entry resolved. */
export function builtInDocument(builtIn: BuiltInScenario): ScenarioDocument {
  const xSources = builtIn.document["x-sources"];
  const citations = Object.fromEntries(Object.entries(xSources).map(([path, value]) => [path, resolveSource(value)]));
  const notes = Object.fromEntries(Object.entries(citations).map(([path, c]) => [path, c.text]));
  return { data: builtIn.document, notes, citations };
}

/** How a built-in scenario is named in the report, e.g. "built-in: washington-only". */
export const builtInFile = (builtIn: BuiltInScenario): string => `built-in: ${builtIn.id}`;

/** The data-set facts and conflict groups a report cites. */
export interface BaselineCited {
  /** Every fact cited, once, in data-set order. */
  readonly facts: readonly Fact[];
  /** Every conflict group (same metric and period, different values) sharing a metric and period with a cited fact. */
  readonly conflicts: readonly FactGroup[];
}

/**
 * The facts named by `ids` (unknown ids ignored), deduplicated, and the conflicts touching them.
 * @example baselineCited(["china_revenue.FY2026Q3.reuters"]).conflicts[0].entries.length // returns 2 — Reuters' and another billing-basis report; the customer-HQ figure is another series
 */
export function baselineCited(ids: Iterable<string>, facts: readonly Fact[] = FACTS): BaselineCited {
  const wanted = new Set(ids);
  const cited = facts.filter((f) => wanted.has(f.id));
  const key = (metric: string, period: string | null) => `${metric}\u0000${period ?? ""}`;
  const touched = new Set(cited.map((f) => key(f.metric, f.period)));
  return { facts: cited, conflicts: conflicts(facts).filter((g) => touched.has(key(g.metric, g.period))) };
}
