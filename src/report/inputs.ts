/** Every input of a validated scenario as a list of cells: field path, label, period, value. */
import { Scenario } from "../engine";
import { FORMATS } from "./formats";
import { CellValue } from "./model";

export interface InputSpec {
  /** MODEL.md field path, e.g. `market.supply`, `buyers[0].requested`. */
  readonly path: string;
  readonly label: string;
  /** Index into scenario.periods for a per-period input; absent for one value for all periods. */
  readonly period?: number;
  readonly value: CellValue;
  readonly format?: string;
}

/** The key of an input cell: the path, plus `@t` for period t of a per-period input. */
export const inputKey = (path: string, period?: number): string => (period === undefined ? path : `${path}@${period}`);

/**
 * The scenario's inputs in the order of MODEL.md, defaults applied. Per-period fields give one
 * input per period; null stays null (a blank cell).
 * @example scenarioInputs(s).find((i) => i.path === "us.revenueShare")?.format // returns "0.0%"
 */
export function scenarioInputs(s: Scenario): InputSpec[] {
  const out: InputSpec[] = [];
  const one = (path: string, label: string, value: CellValue, format?: string) => out.push({ path, label, value, format });
  const each = (path: string, label: string, values: readonly number[] | null, format: string) =>
    s.periods.forEach((_, t) => out.push({ path, label, period: t, value: values ? values[t] : null, format }));

  one("us.exportsAllowed", "US allows H200 exports to China", s.us.exportsAllowed);
  one("us.approvedCustomersOnly", "Only US-approved customers licensed", s.us.approvedCustomersOnly);
  one("us.revenueShare", "Share of H200 China sales paid to the US government", s.us.revenueShare, FORMATS.percent);
  one("us.chinaCapOfUsVolume", "China volume cap, multiple of US shipments (blank: none)", s.us.chinaCapOfUsVolume, FORMATS.ratio);
  each("us.usShipments", "US H200 shipments (units)", s.us.usShipments, FORMATS.units);
  one("china.access", "Beijing access: open, approval or blocked", s.china.access);
  one("china.approvalRate", "Share of requested volume Beijing approves", s.china.approvalRate, FORMATS.percent);
  one("china.cap.basis", "Domestic-ratio cap basis: none, units or dollars", s.china.cap.basis);
  one("china.cap.ratio", "H200 allowed per domestic chip or dollar", s.china.cap.ratio, FORMATS.ratio);
  one("china.publicSectorBan", "Public-sector purchases barred", s.china.publicSectorBan);
  one("market.h200Price", "H200 price (USD)", s.market.h200Price, FORMATS.usd);
  one("market.domesticPrice", "Domestic processor price (USD)", s.market.domesticPrice, FORMATS.usd);
  each("market.supply", "H200 supply Nvidia can allocate to China (units)", s.market.supply, FORMATS.units);
  one("market.h20Multiple", "H20s per H200 in compute", s.market.h20Multiple, FORMATS.ratio);
  each("market.baselineChinaRevenue", "China revenue without H200 (USD)", s.market.baselineChinaRevenue, FORMATS.usdBillions);
  one("market.usShareTreatment", "US share treatment: cost or contra-revenue", s.market.usShareTreatment);
  s.buyers.forEach((b, i) => {
    const at = `buyers[${i}]`;
    one(`${at}.name`, "Buyer", b.name);
    each(`${at}.requested`, `${b.name}: H200 requested (units)`, b.requested, FORMATS.units);
    one(`${at}.domesticUnits`, `${b.name}: domestic AI processors held and planned (units)`, b.domesticUnits, FORMATS.units);
    one(`${at}.domesticValue`, `${b.name}: their value (USD; blank: units x domestic price)`, b.domesticValue, FORMATS.usdBillions);
    one(`${at}.publicSectorShare`, `${b.name}: public-sector share of demand`, b.publicSectorShare, FORMATS.percent);
    one(`${at}.usApproved`, `${b.name}: US-approved customer`, b.usApproved);
    one(`${at}.approvalRate`, `${b.name}: own approval share (blank: Beijing's)`, b.approvalRate, FORMATS.percent);
  });
  s.rules.forEach((r, i) => {
    one(`rules[${i}].after`, `Custom rule ${r.id}: runs after`, r.after);
    one(`rules[${i}].expression`, `Custom rule ${r.id}: expression${r.label ? ` (${r.label})` : ""}`, r.expression);
  });
  return out;
}
