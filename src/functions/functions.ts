/*
 * The CHIPS custom functions. Each body is a thin adapter: read the raw Excel arguments,
 * call the engine, map the result. The JSDoc below is what Excel users read in the formula
 * bar and is build input for functions.json (custom-functions-metadata-plugin).
 * Parameters are `unknown` (Excel type "any") so blanks, text and booleans reach us and get
 * a message that says what to fix, instead of Excel's bare #VALUE!.
 */
import { h200Allowed } from "../engine/h200Allowed";
import { DEFAULT_US_REVENUE_SHARE, usRevenueShareOf } from "../engine/usRevenueShare";
import { excelCall } from "./adapter";
import { numberArg, textArg } from "./coerce";

/**
 * Returns the most H200 chips a buyer may buy under a Beijing cap tied to its domestic AI processors.
 * @customfunction H200_ALLOWED
 * @param domestic Domestic AI processors the buyer holds and plans to buy: a chip count, or their value in US dollars on the "dollars" basis when domesticPrice is omitted.
 * @param ratio H200 chips allowed per domestic chip ("units") or per dollar of domestic chips ("dollars"), e.g. 1 for one-for-one.
 * @param [basis] "units" (default) to count chips, or "dollars" to compare dollar values.
 * @param [h200Price] Price of one H200 in US dollars. Required on the "dollars" basis.
 * @param [domesticPrice] Price of one domestic processor in US dollars. When given on the "dollars" basis, domestic counts chips.
 * @returns The H200 cap in chips.
 */
export function H200_ALLOWED(domestic: unknown, ratio: unknown, basis?: unknown, h200Price?: unknown, domesticPrice?: unknown): number {
  return excelCall(
    {
      domestic: numberArg(domestic, "domestic", "domestic chips, or their USD value", 0),
      ratio: numberArg(ratio, "ratio", "H200 per domestic chip or dollar", 0),
      basis: textArg(basis, "basis", "units"),
      h200Price: numberArg(h200Price, "h200Price", "USD per H200", null),
      domesticPrice: numberArg(domesticPrice, "domesticPrice", "USD per domestic processor", null),
    },
    (a) => h200Allowed({ domestic: a.domestic ?? 0, ratio: a.ratio ?? 0, basis: a.basis, h200Price: a.h200Price, domesticPrice: a.domesticPrice }),
  );
}

/**
 * Returns the part of H200 sales to China paid to the US government (25% unless a rate is given).
 * @customfunction US_REVENUE_SHARE
 * @param sales H200 sales to China in US dollars.
 * @param [rate] Share paid to the US government, between 0 and 1. Default 0.25 (25%, announced 8 December 2025).
 * @returns The US government's share in US dollars.
 */
export function US_REVENUE_SHARE(sales: unknown, rate?: unknown): number {
  return excelCall(
    {
      sales: numberArg(sales, "sales", "H200 sales in USD", 0),
      rate: numberArg(rate, "rate", "share paid to the US government", DEFAULT_US_REVENUE_SHARE),
    },
    (a) => usRevenueShareOf({ sales: a.sales ?? 0, rate: a.rate }),
  );
}
