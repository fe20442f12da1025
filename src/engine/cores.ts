/**
 * The spreadsheet-facing cores of the CHIPS catalogue, in the style of HyperFormula: each
 * function is a declarative row (its parameters with kinds, ranges and defaults) plus a plain
 * compute over checked values. `runCore` checks arguments once for all of them, so an adapter
 * (Excel, a test formula engine) only coerces host values and maps the result.
 */
import { MAX_PRICE, MAX_RATIO, MAX_UNITS, MAX_USD, rangeMessage } from "./fields";
import { messages } from "./messages";
import { Problem, Result, fail, ok, problem } from "./problems";
import { ACCESS_MODES, Access, CAP_BASES, US_SHARE_TREATMENTS, UsShareTreatment } from "./scenario";
import { allocateSupply, chinaAccess, domesticRatio, orders, publicSector, supplyLimit, usLicense } from "./steps";
import { DEFAULT_US_REVENUE_SHARE, usRevenueShare } from "./usRevenueShare";

export type ParamKind = "number" | "boolean" | "text";

export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  /** Plain words for messages: what the argument is, with its unit. */
  readonly what: string;
  /** The value of a blank or omitted argument; undefined = none (the compute handles null). */
  readonly blank?: number | boolean | string | null;
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly fraction?: boolean;
  /** Allowed words for text (matched case-insensitively, spaces trimmed). */
  readonly choices?: readonly string[];
  /** Words refused with a message of their own (e.g. basis "none", which has no cap). */
  readonly refused?: Readonly<Record<string, string>>;
}

export type ArgValue = number | boolean | string | null;

export interface Core {
  readonly name: string;
  readonly params: readonly ParamSpec[];
  /** The result from checked arguments, or the problem that stops it (a value, not a throw). */
  compute(args: readonly ArgValue[]): number | Problem;
  /**
   * Optional, for loops down a column of the first argument: `compute` with the other
   * arguments fixed to checked values (`args[0]` unused), as a function of a checked first
   * argument alone. Gives exactly what `compute` gives (a law checks it).
   */
  overFirst?(args: readonly ArgValue[]): (first: number) => number | Problem;
}

/**
 * The numbers a parameter accepts, as plain bounds a hot loop tests inline: a finite `v` with
 * `atLeast <= v`, `above < v` and `v <= atMost` passes `checkArgsInPlace` (a law checks it).
 */
export interface AcceptedInterval {
  readonly atLeast: number;
  readonly above: number;
  readonly atMost: number;
}

/**
 * The bounds of `spec`'s range check: its min, above, max and fraction (0 to 1) together.
 * @example acceptedInterval(CORES.US_REVENUE_SHARE.params[1]) // returns { atLeast: 0, above: -Infinity, atMost: 1 }
 */
export function acceptedInterval(spec: ParamSpec): AcceptedInterval {
  return {
    atLeast: Math.max(spec.fraction ? 0 : -Infinity, spec.min ?? -Infinity),
    above: spec.above ?? -Infinity,
    atMost: Math.min(spec.fraction ? 1 : Infinity, spec.max ?? Infinity),
  };
}

/**
 * Checks coerced values against their specs in place (blanks → defaults, choices lower-cased).
 * Returns the problems, one per argument at fault and naming it, or undefined when all is well.
 * In place and allocation-free on the happy path: ranges of 100k cells go through here.
 */
export function checkArgsInPlace(params: readonly ParamSpec[], values: ArgValue[]): Problem[] | undefined {
  let problems: Problem[] | undefined;
  for (let i = 0; i < params.length; i++) {
    const spec = params[i];
    const v = values[i] ?? null;
    if (v === null) {
      values[i] = spec.blank ?? null;
      continue;
    }
    if (spec.kind === "number" && typeof v === "number") {
      const bad = Number.isFinite(v) ? rangeMessage(v, spec) : messages.notFinite(spec.what);
      if (bad) (problems ??= []).push(problem("range", spec.name, bad));
      continue;
    }
    if (spec.kind === "text" && typeof v === "string") {
      if (!spec.choices) continue;
      const w = v.trim().toLowerCase();
      values[i] = w === "" ? (spec.blank ?? null) : w;
      if (w !== "" && !spec.choices.includes(w)) {
        (problems ??= []).push(problem("enum", spec.name, spec.refused?.[w] ?? messages.notOneOf(v, spec.choices)));
      }
      continue;
    }
    if (spec.kind === "boolean" && typeof v === "boolean") continue;
    // Adapters coerce host values first; anything else reaching here is still reported, never computed.
    const message = spec.kind === "number" ? messages.notNumber(v, spec.what) : spec.kind === "boolean" ? messages.notBoolean(v) : messages.notString(v);
    (problems ??= []).push(problem("type", spec.name, message));
  }
  return problems;
}

/** Checks the arguments (a copy: the caller's array is left alone) and runs the core. */
export function runCore(core: Core, values: readonly ArgValue[]): Result<number> {
  const args = core.params.map((_, i) => values[i] ?? null);
  const outcome = runCoreInPlace(core, args);
  return typeof outcome === "number" ? ok(outcome) : fail(...outcome);
}

/** The number, or the problems; `values` is normalised in place. For hot loops. */
export function runCoreInPlace(core: Core, values: ArgValue[]): number | Problem[] {
  const problems = checkArgsInPlace(core.params, values);
  if (problems) return problems;
  const result = core.compute(values);
  if (typeof result !== "number") return [result];
  return Number.isFinite(result) ? result : [problem("range", "", messages.tooLarge())];
}

const num = (name: string, what: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, kind: "number", what, blank: 0, min: 0, ...extra });
const units = (name = "units") => num(name, "H200 units", { max: MAX_UNITS });
const usd = (name: string, what: string) => num(name, what, { max: MAX_USD });
const rate = (name: string, what: string, blank: number | null) => num(name, what, { fraction: true, blank });
const flag = (name: string, what: string, blank: boolean): ParamSpec => ({ name, kind: "boolean", what, blank });
const word = (name: string, what: string, choices: readonly string[], blank: string): ParamSpec => ({ name, kind: "text", what, choices, blank });

const n = (v: ArgValue) => v as number;
const b = (v: ArgValue) => v as boolean;

/** H200_ALLOWED is the cap itself, so basis "none" (no cap) is refused there; the step accepts it. */
const BASIS: ParamSpec = { ...word("basis", "the cap's basis", ["units", "dollars"], "units"), refused: { none: messages.noCapOnNone() } };
const STEP_BASIS: ParamSpec = word("basis", "the cap's basis", CAP_BASES, "units");
const H200_PRICE = num("h200Price", "USD per H200", { blank: null, min: undefined, above: 0, max: MAX_PRICE });
const DOMESTIC_PRICE = num("domesticPrice", "USD per domestic processor", { blank: null, min: undefined, above: 0, max: MAX_PRICE });

/**
 * docs/model.md's H200_ALLOWED on checked arguments: units basis domestic x ratio; dollars basis
 * value x ratio / h200Price, the value being `domestic` USD or domestic x domesticPrice.
 */
function domesticCap(domestic: ArgValue, ratio: ArgValue, basis: ArgValue, h200Price: ArgValue, domesticPrice: ArgValue): number | Problem {
  if (basis === "units") return n(ratio) * n(domestic);
  if (h200Price === null) return problem("missing", "h200Price", messages.h200PriceNeeded());
  const value = domesticPrice === null ? n(domestic) : n(domestic) * n(domesticPrice);
  return (n(ratio) * value) / n(h200Price);
}

export const CORES = {
  H200_ALLOWED: {
    name: "H200_ALLOWED",
    params: [
      num("domestic", "domestic chips, or their USD value", { max: MAX_USD }),
      num("ratio", "H200 per domestic chip or dollar", { max: MAX_RATIO }),
      BASIS,
      H200_PRICE,
      DOMESTIC_PRICE,
    ],
    compute: ([domestic, ratio, basis, h200Price, domesticPrice]) => domesticCap(domestic, ratio, basis, h200Price, domesticPrice),
    overFirst: ([, ratio, basis, h200Price, domesticPrice]) => (domestic) => domesticCap(domestic, ratio, basis, h200Price, domesticPrice),
  },
  US_REVENUE_SHARE: {
    name: "US_REVENUE_SHARE",
    params: [usd("sales", "H200 sales in USD"), rate("rate", "share paid to the US government", DEFAULT_US_REVENUE_SHARE)],
    compute: ([sales, r]) => usRevenueShare(n(sales), n(r)),
    overFirst: ([, r]) => (sales) => usRevenueShare(sales, n(r)),
  },
  NVIDIA_NET: {
    name: "NVIDIA_NET",
    params: [usd("sales", "H200 sales in USD"), rate("rate", "share paid to the US government", DEFAULT_US_REVENUE_SHARE)],
    compute: ([sales, r]) => n(sales) - usRevenueShare(n(sales), n(r)),
  },
  H20_EQUIVALENT: {
    name: "H20_EQUIVALENT",
    params: [units(), num("multiple", "H20s per H200 in compute", { blank: 6, max: MAX_RATIO })],
    compute: ([u, multiple]) => n(u) * n(multiple),
  },
  US_LICENSE: {
    name: "US_LICENSE",
    params: [
      units(),
      flag("usApproved", "TRUE if Washington approved this buyer", true),
      flag("exportsAllowed", "TRUE if H200 exports to China are allowed", true),
      flag("approvedCustomersOnly", "TRUE if only approved customers get licences", true),
      num("licensedUnits", "the licence's H200 units over all periods", { blank: null, max: MAX_UNITS }),
      num("shippedBefore", "H200 units already shipped under the licence", { blank: 0, max: MAX_UNITS }),
    ],
    compute: ([u, usApproved, exportsAllowed, approvedCustomersOnly, licensedUnits, shippedBefore]) =>
      usLicense(n(u), {
        usApproved: b(usApproved),
        exportsAllowed: b(exportsAllowed),
        approvedCustomersOnly: b(approvedCustomersOnly),
        licensedUnits: licensedUnits as number | null,
        shippedBefore: n(shippedBefore),
      }),
  },
  CHINA_ACCESS: {
    name: "CHINA_ACCESS",
    params: [units(), word("access", "Beijing's access rule", ACCESS_MODES, "open"), rate("approvalRate", "share of requested volume approved", null)],
    compute: ([u, access, approvalRate]) => {
      if (access === "approval" && approvalRate === null) return problem("missing", "approvalRate", messages.required('the approval rate when access is "approval"'));
      return chinaAccess(n(u), access as Access, (approvalRate as number | null) ?? 0);
    },
  },
  ORDERS: {
    name: "ORDERS",
    params: [units(), rate("orderRate", "share of approved volume that becomes firm orders", 1)],
    compute: ([u, orderRate]) => orders(n(u), n(orderRate)),
  },
  PUBLIC_SECTOR: {
    name: "PUBLIC_SECTOR",
    params: [units(), rate("publicSectorShare", "public-sector share of demand", 0), flag("ban", "TRUE if the public-sector ban applies", true)],
    compute: ([u, share, ban]) => publicSector(n(u), n(share), b(ban)),
  },
  DOMESTIC_RATIO: {
    name: "DOMESTIC_RATIO",
    params: [
      units(),
      num("domestic", "domestic chips, or their USD value", { max: MAX_USD }),
      num("ratio", "H200 per domestic chip or dollar", { max: MAX_RATIO }),
      STEP_BASIS,
      H200_PRICE,
      DOMESTIC_PRICE,
      num("shippedBefore", "H200 units the buyer bought in earlier periods (cumulative cap; blank: per period)", { blank: null, max: MAX_UNITS }),
    ],
    compute: ([u, domestic, ratio, basis, h200Price, domesticPrice, shippedBefore]) => {
      // Basis "none" sets no cap, as in the scenario pipeline.
      if (basis === "none") return n(u);
      const cap = domesticCap(domestic, ratio, basis, h200Price, domesticPrice);
      return typeof cap === "number" ? domesticRatio(n(u), cap, shippedBefore as number | null) : cap;
    },
  },
  SUPPLY_LIMIT: {
    name: "SUPPLY_LIMIT",
    params: [
      units("supply"),
      num("chinaCapOfUsVolume", "China volume as a multiple of US shipments", { blank: null, max: MAX_RATIO }),
      num("usShipments", "US H200 shipments in units (cumulative cap: summed through this period)", { blank: null, max: MAX_UNITS }),
      num("shippedBefore", "China's H200 units shipped in earlier periods (cumulative cap; blank: per period)", { blank: null, max: MAX_UNITS }),
    ],
    compute: ([supply, cap, usShipments, shippedBefore]) => {
      if (cap !== null && usShipments === null) return problem("missing", "usShipments", messages.usShipmentsNeeded());
      return supplyLimit(n(supply), cap as number | null, usShipments as number | null, shippedBefore as number | null);
    },
  },
  CHINA_REVENUE: {
    name: "CHINA_REVENUE",
    params: [
      usd("baseline", "China revenue without H200, in USD"),
      usd("sales", "H200 sales in USD"),
      rate("rate", "share paid to the US government", DEFAULT_US_REVENUE_SHARE),
      word("treatment", "how the US share is booked", US_SHARE_TREATMENTS, "cost"),
    ],
    compute: ([baseline, sales, r, treatment]) =>
      n(baseline) + ((treatment as UsShareTreatment) === "cost" ? n(sales) : n(sales) - usRevenueShare(n(sales), n(r))),
  },
} satisfies Record<string, Core>;

export type CoreName = keyof typeof CORES;

/**
 * Step `supply` over a list of buyers' demands: each buyer's pro-rata share of the supply
 * (lowered to chinaCapOfUsVolume x usShipments when given; cumulative with shippedBefore, as
 * SUPPLY_LIMIT). Problems name `demands[i]`.
 * @example allocateSupplyOf([100, 300], 200, null, null) // returns { ok: true, value: [50, 150] }
 */
export function allocateSupplyOf(demands: readonly ArgValue[], supply: ArgValue, chinaCapOfUsVolume: ArgValue, usShipments: ArgValue, shippedBefore: ArgValue = null): Result<number[]> {
  const limit = runCore(CORES.SUPPLY_LIMIT, [supply, chinaCapOfUsVolume, usShipments, shippedBefore]);
  const spec = units("demands");
  const problems: Problem[] = limit.ok ? [] : [...limit.problems];
  const values = demands.map((d, i) => {
    const one: ArgValue[] = [d];
    const bad = checkArgsInPlace([{ ...spec, name: `demands[${i}]` }], one);
    if (bad) problems.push(...bad);
    return one[0] as number;
  });
  if (problems.length > 0 || !limit.ok) return fail(...problems);
  return ok(allocateSupply(values, limit.value));
}
