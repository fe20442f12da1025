import { CORES, runCore } from "./cores";
import { Result } from "./problems";

/**
 * docs/model.md's `US_REVENUE_SHARE(sales, [rate=0.25])` with its arguments checked:
 * sales at least 0, rate a fraction. Problems name the argument at fault.
 * @example usRevenueShareOf({ sales: 4e9, rate: null }) // returns { ok: true, value: 1e9 }
 */
export function usRevenueShareOf(args: { readonly sales: number; readonly rate?: number | null }): Result<number> {
  return runCore(CORES.US_REVENUE_SHARE, [args.sales, args.rate ?? null]);
}
