/** The note's sources: each once, numbered in order of first use, in reader's words. */
import { Scenario, citation, eventById, factById } from "../../engine";
import { labelPaths } from "../labels";

export class SourceList {
  private readonly texts: string[] = [];

  /** The 1-based number of `text`, added on first use. */
  ref(text: string): number {
    let i = this.texts.indexOf(text);
    if (i < 0) i = this.texts.push(text) - 1;
    return i + 1;
  }

  all(): readonly string[] {
    return [...this.texts];
  }
}

/**
 * A source as an analyst reads it: data-set markers ("[fact id]", "[event id]") become the
 * figure's short citation (an unknown id is dropped), file names go, field paths are put in
 * words, the tool's own wording is replaced.
 * @example readableSource(scenario, "illustrative: as buyers[1].requested [fact x.y]") // returns "Illustrative: as Alibaba: H200 requested"
 * @example readableSource(scenario, "sized against [fact china_revenue.FY2026Q3.reuters]") // returns "Sized against (Reuters via reportify.ai, 2025-11-20, confidence M, billing basis)"
 */
export function readableSource(scenario: Scenario, text: string): string {
  const cleaned = labelPaths(
    scenario,
    text
      .replace(/\s*\[(fact|event) ([^\]]+)\]/g, (_, kind: string, id: string) => {
        const fact = kind === "fact" ? factById(id) : undefined;
        const event = kind === "event" ? eventById(id) : undefined;
        return fact ? ` (${citation(fact)})` : event ? ` (${citation({ ...event, estimate: false })})` : "";
      })
      .replace(/\s*\bas in [\w./-]+\.(?:json|ya?ml)\b/g, " as in the base example")
      .replace(/^Scenario setting \([^)]*\):/, "Scenario setting:")
      .replace(/^Scenario file.*, no source given$/, "Scenario file, no source given"),
  ).replace(/\s{2,}/g, " ");
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}
