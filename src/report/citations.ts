/** Cited figures: what the Sources sheet lists, and the one figure the report itself needs. */
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

/** The quarter the Comparison sheet measures scenarios against. */
export interface LatestReported extends Citation {
  readonly period: string;
  readonly value: number;
}

/**
 * Nvidia's latest reported China revenue (facts.md §1: FY2026Q3, $2.8bn; an aggregator shows
 * $2.97bn, unresolved). Used until the sourced baseline data set provides it.
 */
export const LATEST_REPORTED_CHINA_REVENUE: LatestReported = {
  figure: "Nvidia China revenue (incl. Hong Kong), FY2026Q3 (Aug-Oct 2025)",
  period: "FY2026Q3",
  value: 2.8e9,
  format: FORMATS.usdBillions,
  source: "Reuters via reportify.ai and analyticsinsight.net (opencapital.sh shows $2.97bn, lower confidence)",
  date: "~2025-11-20",
  confidence: "M",
};
