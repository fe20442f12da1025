import { rangeMessage } from "./fields";
import { messages } from "./messages";
import { Problem, Result, fail, ok, problem } from "./problems";

/** The default share of H200 China sales paid to the US government (Trump, 8 Dec 2025: "25%"). */
export const DEFAULT_US_REVENUE_SHARE = 0.25;

/**
 * The part of H200 China sales paid to the US government.
 * @example usRevenueShare(1e9) // returns 250000000
 * @example usRevenueShare(1e9, 0.15) // returns 150000000
 */
export function usRevenueShare(sales: number, rate: number = DEFAULT_US_REVENUE_SHARE): number {
  return sales * rate;
}

/**
 * MODEL.md's `US_REVENUE_SHARE(sales, [rate=0.25])` with its arguments checked:
 * sales at least 0, rate a fraction. Problems name the argument at fault.
 * @example usRevenueShareOf({ sales: 4e9, rate: null }) // returns { ok: true, value: 1e9 }
 */
export function usRevenueShareOf(args: { readonly sales: number; readonly rate?: number | null }): Result<number> {
  const rate = args.rate ?? DEFAULT_US_REVENUE_SHARE;
  const problems: Problem[] = [];
  const salesBad = Number.isFinite(args.sales) ? rangeMessage(args.sales, { min: 0 }) : messages.notFinite("sales");
  if (salesBad) problems.push(problem("range", "sales", salesBad));
  const rateBad = Number.isFinite(rate) ? rangeMessage(rate, { fraction: true }) : messages.notFinite("rate");
  if (rateBad) problems.push(problem("range", "rate", rateBad));
  return problems.length > 0 ? fail(...problems) : ok(usRevenueShare(args.sales, rate));
}
