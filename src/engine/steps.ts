/**
 * The arithmetic of each pipeline step as a plain function of named inputs, so the scenario
 * pipeline and the step-by-step Excel functions compute with the same code.
 */
import { Access } from "./scenario";

/**
 * Step `us_license`: 0 unless Washington licenses this buyer; with a licence quantity, at most
 * what is left of it after the units shipped in earlier periods.
 * @example usLicense(100, { exportsAllowed: true, approvedCustomersOnly: true, usApproved: false }) // returns 0
 * @example usLicense(100, { exportsAllowed: true, approvedCustomersOnly: true, usApproved: true, licensedUnits: 75000, shippedBefore: 74950 }) // returns 50
 */
export function usLicense(
  units: number,
  p: { exportsAllowed: boolean; approvedCustomersOnly: boolean; usApproved: boolean; licensedUnits?: number | null; shippedBefore?: number },
): number {
  if (!(p.exportsAllowed && (!p.approvedCustomersOnly || p.usApproved))) return 0;
  return p.licensedUnits === null || p.licensedUnits === undefined ? units : Math.min(units, remaining(p.licensedUnits, p.shippedBefore ?? 0));
}

/**
 * What is left of a limit over the whole horizon once `used` has gone, never below 0.
 * @example remaining(1000, 1200) // returns 0
 */
export const remaining = (limit: number, used: number): number => Math.max(0, limit - used);

/**
 * Step `china_access`: unchanged if open, x approvalRate under approval, 0 if blocked.
 * @example chinaAccess(100, "approval", 0.6) // returns 60
 */
export function chinaAccess(units: number, access: Access, approvalRate: number): number {
  if (access === "open") return units;
  if (access === "blocked") return 0;
  return units * approvalRate;
}

/**
 * Step `orders`: the share of the approved volume that becomes firm, delivered orders.
 * @example orders(60, 0.5) // returns 30
 */
export const orders = (units: number, orderRate: number): number => units * orderRate;

/**
 * Step `public_sector`: removes the public-sector share of demand when the ban applies.
 * @example publicSector(100, 0.3, true) // returns 70
 */
export function publicSector(units: number, publicSectorShare: number, ban: boolean): number {
  return ban ? units * (1 - publicSectorShare) : units;
}

/**
 * Step `domestic_ratio` once the cap is known: at most the cap, or, with a cumulative scope,
 * what is left of it after the units shipped in earlier periods (`shippedBefore`; null: per period).
 * @example domesticRatio(500, 1000, 800) // returns 200
 */
export function domesticRatio(units: number, cap: number, shippedBefore: number | null): number {
  return Math.min(units, shippedBefore === null ? cap : remaining(cap, shippedBefore));
}

/**
 * Step `supply`: each buyer's pro-rata share when total demand exceeds the supply `limit`.
 * Writes into `out` (which may be `demands` itself) and returns it.
 * @example allocateSupply([100, 300], 200) // returns [50, 150]
 */
export function allocateSupply(demands: readonly number[], limit: number, out: number[] = demands.slice()): number[] {
  let total = 0;
  for (const d of demands) total += d;
  if (total <= limit) {
    for (let i = 0; i < demands.length; i++) out[i] = demands[i];
    return out;
  }
  for (let i = 0; i < demands.length; i++) out[i] = (demands[i] * limit) / total;
  return out;
}

/**
 * The supply that the `supply` step shares out: `supply`, lowered to chinaCapOfUsVolume x
 * usShipments when that cap is set (null = no cap). Cumulative scope: pass the US shipments
 * summed through this period and China's units shipped before it as `shippedBefore`; what is
 * left of the cap is the limit (never below 0).
 * @example supplyLimit(250000, 0.5, 300000) // returns 150000
 * @example supplyLimit(250000, 0.5, 600000, 200000) // returns 100000
 */
export function supplyLimit(supply: number, chinaCapOfUsVolume: number | null, usShipments: number | null, shippedBefore: number | null = null): number {
  if (chinaCapOfUsVolume === null || usShipments === null) return supply;
  const cap = chinaCapOfUsVolume * usShipments;
  return Math.min(supply, shippedBefore === null ? cap : remaining(cap, shippedBefore));
}
