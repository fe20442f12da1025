/**
 * Built-in scenarios: plain scenario documents (the scenario file format of docs/scenario-format.md) for Nvidia's fiscal
 * 2027 (FY2027Q1-Q4, Feb 2026 - Jan 2027), one per policy story. Every numeric field is
 * accounted for in the document's "x-sources" map: field path -> a fact id from facts.ts (or
 * a policy event id), or a string starting "illustrative" saying why the assumption was
 * chosen. Inside such a string, "[fact <id>]" / "[event <id>]" name the figures it leans on.
 * A per-period array can be covered as a whole ("market.supply") or element by element
 * ("market.supply[0]"); the most specific entry wins.
 */

/** A scenario as written (before validation): the shape of a scenario file, plus provenance. */
export interface ScenarioDocument {
  readonly name: string;
  readonly description: string;
  readonly periods: readonly string[];
  readonly us: {
    readonly exportsAllowed?: boolean;
    readonly approvedCustomersOnly?: boolean;
    readonly revenueShare?: number;
    readonly chinaCapOfUsVolume?: number | null;
    readonly usShipments?: number | readonly number[] | null;
  };
  readonly china: {
    readonly access?: "open" | "approval" | "blocked";
    readonly approvalRate?: number | null;
    readonly cap?: { readonly basis: "none" | "units" | "dollars"; readonly ratio?: number | null };
    readonly publicSectorBan?: boolean;
  };
  readonly market: {
    readonly h200Price: number;
    readonly domesticPrice?: number | null;
    readonly supply: number | readonly number[];
    readonly h20Multiple?: number;
    readonly baselineChinaRevenue?: number | readonly number[];
    readonly usShareTreatment?: "cost" | "contra-revenue";
  };
  readonly buyers: readonly {
    readonly name: string;
    readonly requested: number | readonly number[];
    readonly domesticUnits: number;
    readonly domesticValue?: number | null;
    readonly publicSectorShare?: number;
    readonly usApproved?: boolean;
    readonly approvalRate?: number | null;
  }[];
  readonly rules: readonly never[];
  /** Optional Monte Carlo / sensitivity block (MODEL.md "Uncertainty"; read by readUncertainty). */
  readonly uncertainty?: Readonly<Record<string, unknown>>;
  /** Field path -> fact id, policy event id, or "illustrative: why". */
  readonly "x-sources": Readonly<Record<string, string>>;
}

export interface BuiltInScenario {
  /** Stable id, kebab-case. */
  readonly id: string;
  /** The story in one line (also the document's description). */
  readonly narrative: string;
  /** What the narrative asserts about the evaluation, checked by the tests. */
  readonly claim: string;
  readonly document: ScenarioDocument;
}

// ---------------------------------------------------------------------------------------
// Shared market and buyers (fresh objects per scenario, so no document shares an array).
// ---------------------------------------------------------------------------------------

const PERIODS = ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"] as const;

/** H200 per chip, ~$27,000 (h200_price.reuters). */
const H200_PRICE = 27_000;
/** Q1 = midpoint of the 40-80k first shipments (h200_initial_shipment.FY2027Q1.reuters); Q2-Q4 illustrative. */
const SUPPLY = [60_000, 150_000, 250_000, 300_000] as const;
/** FY2026Q3 China revenue, Reuters (china_revenue.FY2026Q3.reuters), carried forward flat. */
const BASELINE_CHINA_REVENUE = 2.8e9;
/** Ascend 910C, derived from SCMP's 70,000 units ~ $2B (ascend910c_price.scmp_derived = $28,571). */
const ASCEND_910C_PRICE = 28_571;

const market = () => ({
  h200Price: H200_PRICE,
  supply: [...SUPPLY],
  h20Multiple: 6,
  baselineChinaRevenue: PERIODS.map(() => BASELINE_CHINA_REVENUE),
  usShareTreatment: "cost" as const,
});

const buyers = () => [
  { name: "ByteDance", requested: [130_000, 130_000, 130_000, 130_000], domesticUnits: 120_000, publicSectorShare: 0 },
  { name: "Alibaba", requested: [100_000, 110_000, 120_000, 130_000], domesticUnits: 90_000, publicSectorShare: 0.05 },
  { name: "Tencent", requested: [80_000, 90_000, 100_000, 110_000], domesticUnits: 20_000, publicSectorShare: 0.05 },
  { name: "Others", requested: [190_000, 200_000, 210_000, 220_000], domesticUnits: 75_000, publicSectorShare: 0.3 },
];

const SHARED_SOURCES: Readonly<Record<string, string>> = {
  "us.revenueShare": "us_revenue_share.truth_social",
  "us.approvedCustomersOnly": "event.2025-12-08.truth_social",
  "market.h200Price": "h200_price.reuters",
  "market.h20Multiple": "h200_vs_h20_multiple.reuters_dec10",
  "market.baselineChinaRevenue": "china_revenue.FY2026Q3.reuters",
  "market.supply[0]": "h200_initial_shipment.FY2027Q1.reuters",
  "market.supply":
    "illustrative: after the first 60k from inventory, 150k, 250k, 300k a quarter as the ~700k inventory [fact h200_inventory.reuters] is drawn down and new TSMC output arrives from calendar Q2 2026 [event event.2025-12-31.tsmc_ramp]; 760k over the year, far below the >2M ordered [fact h200_orders_2026.CY2026.reuters]",
  "buyers[0].requested":
    "illustrative: ByteDance's ~$14B 2026 Nvidia budget [fact bytedance_nvidia_spend.CY2026.scmp] / $27,000 / 4 quarters = ~130k a quarter (the budget is not H200-only)",
  "buyers[1].requested":
    "illustrative: Alibaba, Tencent and Others split so requests total 500k-590k a quarter, ~2.2M over the year, in line with >2M H200 ordered for 2026 [fact h200_orders_2026.CY2026.reuters]",
  "buyers[2].requested": "illustrative: as buyers[1].requested (no per-firm order figure is reliable; [fact h200_orders_per_large_buyer.CY2026.deep_dives] is L)",
  "buyers[3].requested": "illustrative: as buyers[1].requested; Others (smaller clouds, universities, other firms) take the largest share",
  ...Object.fromEntries(
    [0, 1, 2, 3].flatMap((i) => [
      [
        `buyers[${i}].domesticUnits`,
        "illustrative: no firm's domestic AI-chip holdings are reported; sized against ~600k Huawei 910C [fact huawei910c_output.CY2026.bloomberg] and ~500k Cambricon chips [fact cambricon_output.CY2026.bloomberg] planned for 2026, Tencent deliberately small",
      ],
      [
        `buyers[${i}].publicSectorShare`,
        "illustrative: no shares reported; 0 for ByteDance, 5% for Alibaba and Tencent, 30% for Others (universities and state-linked buyers) [event event.2025-12-09.beijing_approval_process]",
      ],
    ]),
  ),
};

/**
 * ILLUSTRATIVE ranges for the approval-and-unit-cap story's Sensitivity and Monte Carlo
 * sheets: nothing here is a sourced figure or a forecast; each range brackets the scenario's
 * own (illustrative) setting.
 */
const APPROVAL_UNCERTAINTY = {
  iterations: 10_000,
  seed: 2026,
  inputs: {
    "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 },
    "china.cap.ratio": { dist: "triangular", min: 0.5, mode: 1, max: 1.5 },
    "market.supply[0]": { dist: "normal", mean: 60_000, sd: 10_000, min: 40_000, max: 80_000 },
    "buyers[2].domesticUnits": { dist: "uniform", min: 10_000, max: 40_000 },
    "china.publicSectorBan": { dist: "bernoulli", p: 0.3 },
  },
  outputs: ["totals.chinaRevenue", "totals.shipped", "totals.usShare"],
  percentiles: [5, 95],
  bins: 20,
};

const U = "uncertainty.inputs";
const APPROVAL_UNCERTAINTY_SOURCES: Readonly<Record<string, string>> = {
  "uncertainty.iterations": "illustrative: a run size, not a data point; 10,000 draws keep the report fast and the percentiles stable to about 1%",
  "uncertainty.seed": "illustrative: any fixed seed; it makes the simulation reproducible",
  "uncertainty.percentiles": "illustrative: P5 and P95 shown beside P10/P50/P90, a choice of presentation",
  "uncertainty.bins": "illustrative: histogram bins, a choice of presentation",
  [`${U}.china.approvalRate.min`]: "illustrative: no approval share has been reported [event event.2025-12-09.beijing_approval_process]; 0.4-0.8 around the scenario's 0.6",
  [`${U}.china.approvalRate.max`]: "illustrative: as uncertainty.inputs.china.approvalRate.min",
  [`${U}.china.cap.ratio.min`]: "illustrative: no cap ratio has been reported [event event.2026-01-07.pause_orders]; triangular 0.5/1/1.5 around the scenario's 1:1",
  [`${U}.china.cap.ratio.mode`]: "illustrative: as uncertainty.inputs.china.cap.ratio.min",
  [`${U}.china.cap.ratio.max`]: "illustrative: as uncertainty.inputs.china.cap.ratio.min",
  [`${U}.market.supply[0].mean`]:
    "illustrative: centred on the 60k midpoint of the 40-80k chips first shipped [fact h200_initial_shipment.FY2027Q1.reuters]; the spread is an assumption",
  [`${U}.market.supply[0].sd`]: "illustrative: a spread chosen so the reported 40-80k range is about two standard deviations each side",
  [`${U}.market.supply[0].min`]: "illustrative: truncated to the reported 40-80k range [fact h200_initial_shipment.FY2027Q1.reuters]",
  [`${U}.market.supply[0].max`]: "illustrative: as uncertainty.inputs.market.supply[0].min",
  [`${U}.buyers[2].domesticUnits.min`]: "illustrative: Tencent's domestic holdings are not reported; 10k-40k around the scenario's 20k",
  [`${U}.buyers[2].domesticUnits.max`]: "illustrative: as uncertainty.inputs.buyers[2].domesticUnits.min",
  [`${U}.china.publicSectorBan.p`]: "illustrative: a 30% chance that Beijing adds the public-sector ban it weighed [event event.2025-12-09.beijing_approval_process]",
};

function scenario(
  id: string,
  narrative: string,
  claim: string,
  parts: {
    us?: ScenarioDocument["us"];
    china: ScenarioDocument["china"];
    market?: Partial<ScenarioDocument["market"]>;
    uncertainty?: ScenarioDocument["uncertainty"];
    sources: Readonly<Record<string, string>>;
  },
  name: string,
): BuiltInScenario {
  return {
    id,
    narrative,
    claim,
    document: {
      name,
      description: narrative,
      periods: [...PERIODS],
      us: { exportsAllowed: true, approvedCustomersOnly: true, revenueShare: 0.25, chinaCapOfUsVolume: null, ...parts.us },
      china: parts.china,
      market: { ...market(), ...parts.market },
      buyers: buyers(),
      rules: [],
      ...(parts.uncertainty ? { uncertainty: parts.uncertainty } : {}),
      "x-sources": { ...SHARED_SOURCES, ...parts.sources },
    },
  };
}

/** The built-in scenarios, FY2027Q1-Q4, each with its narrative, claim and provenance. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  scenario(
    "washington-only",
    "Washington's terms only: Beijing lets every buyer in, no domestic-chip cap, no public-sector ban; Nvidia's limited H200 supply is all that binds.",
    "binding is supply for every buyer in every period (supply is below total requests in every quarter)",
    {
      china: { access: "open", cap: { basis: "none" }, publicSectorBan: false },
      sources: {
        "china.access": "illustrative: the counterfactual of an open Beijing, before any of its reported limits [event event.2025-12-09.beijing_approval_process]",
      },
    },
    "Washington only",
  ),
  scenario(
    "approval-and-unit-cap",
    "Beijing's approval gate lets through 60% of each request and caps H200 at one per domestic chip held or planned; once supply ramps, Beijing, not Nvidia, limits China.",
    "in FY2027Q3 and FY2027Q4 total shipped is below supply and every buyer's binding step is china_access or domestic_ratio (domestic_ratio for Tencent in FY2027Q4); in FY2027Q1 supply still binds for some buyers",
    {
      china: { access: "approval", approvalRate: 0.6, cap: { basis: "units", ratio: 1 }, publicSectorBan: false },
      uncertainty: APPROVAL_UNCERTAINTY,
      sources: {
        ...APPROVAL_UNCERTAINTY_SOURCES,
        "china.access": "event.2025-12-09.beijing_approval_process",
        "china.approvalRate": "illustrative: no approval share has been reported; 0.6 as in examples/base.json",
        "china.cap": "event.2026-01-07.pause_orders",
        "china.cap.ratio":
          "illustrative: a mandatory proportion of domestic chips was reported [event event.2026-01-07.pause_orders] [event event.2026-01-24.in_principle_approval] but no number; 1 H200 per domestic chip",
      },
    },
    "Beijing approval gate + 1:1 unit cap",
  ),
  scenario(
    "dollar-cap",
    "Beijing caps H200 purchases at the dollar value of the domestic chips a buyer holds and plans to buy; valued at the Ascend 910C's ~$28.6k, a 1:1 dollar cap is a little looser than a 1:1 unit cap but still binds once supply ramps.",
    "domestic_ratio is the binding step for at least one buyer (Alibaba, Tencent and Others in FY2027Q4), and the dollar basis ships at least as much as the same ratio on the units basis",
    {
      china: { access: "open", cap: { basis: "dollars", ratio: 1 }, publicSectorBan: false },
      market: { domesticPrice: ASCEND_910C_PRICE },
      sources: {
        "china.access": "illustrative: access left open to isolate the cap",
        "china.cap": "event.2026-01-07.pause_orders",
        "china.cap.ratio":
          "illustrative: whether the cap counts chips or dollars is undecided (seed article) and no ratio is reported [event event.2026-01-07.pause_orders]; $1 of H200 per $1 of domestic chips",
        "market.domesticPrice": "ascend910c_price.scmp_derived",
      },
    },
    "Dollar-value cap",
  ),
  scenario(
    "public-sector-ban",
    "Beijing bars public-sector and government-funded buyers from the H200; each buyer's public-sector share of demand is removed before supply is shared out.",
    "the public_sector step removes units for every buyer with publicSectorShare > 0 in every period, and is the binding step for Others in FY2027Q4",
    {
      china: { access: "open", cap: { basis: "none" }, publicSectorBan: true },
      sources: {
        "china.access": "illustrative: access left open to isolate the ban",
        "china.publicSectorBan": "event.2025-12-09.beijing_approval_process",
      },
    },
    "Public-sector ban",
  ),
  scenario(
    "customs-block",
    "Beijing blocks the H200 at customs ('basically a ban for now'): Washington allows it, nothing ships, and China revenue stays at its baseline.",
    "shipped is 0 for every buyer in every period and China revenue equals the baseline",
    {
      china: { access: "blocked", cap: { basis: "none" }, publicSectorBan: false },
      sources: { "china.access": "event.2026-01-14.customs_block" },
    },
    "Beijing blocks at customs",
  ),
  scenario(
    "us-rule-jan-2026",
    "The BIS rule of 13 Jan 2026: China's H200 shipments may be at most half of US end-use shipments; with Beijing open, that cap, not Nvidia's supply, limits China every quarter.",
    "total shipped is at most 0.5 x usShipments in every period, the cap lies below supply in every period, and the supply step binds for some buyer",
    {
      us: { chinaCapOfUsVolume: 0.5, usShipments: [100_000, 200_000, 300_000, 400_000] },
      china: { access: "open", cap: { basis: "none" }, publicSectorBan: false },
      sources: {
        "us.chinaCapOfUsVolume": "china_cap_of_us_volume.bis_rule",
        "us.usShipments":
          "illustrative: no US H200 shipment figure was found; 100k rising to 400k a quarter, so the 50% cap (50k-200k) sits below supply every quarter",
        "china.access": "illustrative: access open (cf. the in-principle approvals [event event.2026-01-24.in_principle_approval]) to isolate the US rule",
      },
    },
    "Jan-2026 US rule",
  ),
];
