/** Cited figures: what the Sources sheet lists, and the one figure the report itself needs. */
import { ChinaBasis, baselineFact, basisLabel, citation, reportedQuarters } from "../engine";
import { factText } from "./baselineSources";
import { FORMATS } from "./formats";

export interface Citation {
  /** What is cited, e.g. "Nvidia China revenue, FY2026Q3". */
  readonly figure: string;
  readonly value: number | string | null;
  /** Format code (formats.ts) of a numeric value. */
  readonly format?: string;
  readonly source: string;
  /** As the source gives it, e.g. "~2025-11-20". */
  readonly date: string;
  /** H, M or L as in research/facts.md; "illustrative", "derived" or "" otherwise. */
  readonly confidence: string;
}

/**
 * A citation as one line: its source text, with the date and confidence added unless the
 * text already gives them (data-set citations do).
 * @example citationLine({ figure: "x", value: 1, source: "Reuters", date: "2025-11-20", confidence: "M" }) // returns "Reuters, 2025-11-20, confidence M"
 */
export function citationLine(c: Citation): string {
  const date = c.date === "" || c.source.includes(c.date) ? "" : `, ${c.date}`;
  const confidence = c.confidence === "" || /\bconfidence [HML]\b/.test(c.source) ? "" : `, confidence ${c.confidence}`;
  return `${c.source}${date}${confidence}`;
}

/** The quarter the Comparison sheet measures scenarios against. */
export interface LatestReported extends Citation {
  readonly period: string;
  readonly value: number;
  /** Publisher, date and confidence only, for chart footers; default citationLine(). */
  readonly shortSource?: string;
}

/**
 * Nvidia's latest reported China revenue on the customer-headquarters basis Nvidia reports on
 * now: the data set's last such quarter (other reports of it are listed on Sources as a conflict).
 */
export const LATEST_REPORTED_CHINA_REVENUE: LatestReported = latestReported("chinaRevenue", "hq");

function latestReported(metric: string, basis: ChinaBasis): LatestReported {
  const period = reportedQuarters(metric, basis).pop();
  if (period === undefined) throw new Error(`baseline data set: no ${metric} on the ${basis} basis`);
  const found = baselineFact(metric, period, undefined, basis);
  if (!found.ok) throw new Error(`baseline data set: no ${metric} ${period}`);
  const fact = found.value;
  return {
    figure: `Nvidia China revenue (incl. Hong Kong), ${period}, ${basisLabel(basis)}`,
    period,
    value: fact.value,
    format: FORMATS.usdBillions,
    source: factText(fact),
    shortSource: citation(fact),
    date: fact.date ?? "",
    confidence: fact.confidence,
  };
}
