import { CORES, runCore } from "./cores";
import { Result } from "./problems";

export interface H200AllowedArgs {
  /** Domestic holdings: chips, or USD on the dollars basis without domesticPrice. */
  readonly domestic: number;
  readonly ratio: number;
  /** "units" (default) or "dollars"; matched without regard to case or surrounding spaces. */
  readonly basis?: string | null;
  readonly h200Price?: number | null;
  readonly domesticPrice?: number | null;
}

/**
 * docs/model.md's `H200_ALLOWED`: the cap of step `domestic_ratio` alone, in H200 units.
 * Problems name the argument at fault.
 * @example h200Allowed({ domestic: 120000, ratio: 1 }) // returns { ok: true, value: 120000 }
 * @example h200Allowed({ domestic: 2.7e9, ratio: 0.5, basis: "dollars", h200Price: 27000 }) // returns { ok: true, value: 50000 }
 * @example h200Allowed({ domestic: 1000, ratio: 1, basis: "dollars", h200Price: 27000, domesticPrice: 13500 }) // returns { ok: true, value: 500 }
 */
export function h200Allowed(args: H200AllowedArgs): Result<number> {
  return runCore(CORES.H200_ALLOWED, [args.domestic, args.ratio, args.basis ?? null, args.h200Price ?? null, args.domesticPrice ?? null]);
}
