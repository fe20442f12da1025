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
