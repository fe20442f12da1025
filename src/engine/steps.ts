/**
 * The arithmetic of each pipeline step as a plain function of named inputs, so the scenario
 * pipeline and the step-by-step Excel functions compute with the same code.
 */
import { Access } from "./scenario";

/**
 * Step `us_license`: the quantity if Washington licenses this buyer, else 0.
 * @example usLicense(100, { exportsAllowed: true, approvedCustomersOnly: true, usApproved: false }) // returns 0
 */
export function usLicense(units: number, p: { exportsAllowed: boolean; approvedCustomersOnly: boolean; usApproved: boolean }): number {
  return p.exportsAllowed && (!p.approvedCustomersOnly || p.usApproved) ? units : 0;
}

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
 * Step `public_sector`: removes the public-sector share of demand when the ban applies.
 * @example publicSector(100, 0.3, true) // returns 70
 */
export function publicSector(units: number, publicSectorShare: number, ban: boolean): number {
  return ban ? units * (1 - publicSectorShare) : units;
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
 * usShipments when that cap is set (null = no cap).
 * @example supplyLimit(250000, 0.5, 300000) // returns 150000
 */
export function supplyLimit(supply: number, chinaCapOfUsVolume: number | null, usShipments: number | null): number {
  return chinaCapOfUsVolume === null || usShipments === null ? supply : Math.min(supply, chinaCapOfUsVolume * usShipments);
}
