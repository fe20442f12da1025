/**
 * Built-in scenarios: plain scenario documents (the scenario file format of docs/scenario-format.md),
 * one per policy story, for the quarters after the last reported one (FY2027Q3-FY2028Q4), plus
 * "December 2025 view" (FY2027Q1-Q2 as the policy looked then). Every numeric field is
 * accounted for in the document's "x-sources" map: field path -> a fact id from facts.ts (or
 * a policy event id), or a string starting "illustrative" saying why the assumption was
 * chosen. Inside such a string, "[fact <id>]" / "[event <id>]" name the figures it leans on.
 * A per-period array can be covered as a whole ("market.supply") or element by element
 * ("market.supply[0]"); the most specific entry wins.
 */

/** One value, or one per period (null = the field's default in that period). */
type PerPeriod<T> = T | readonly (T | null)[];

/** A scenario as written (before validation): the shape of a scenario file, plus provenance. */
export interface ScenarioDocument {
  readonly name: string;
  readonly description: string;
  readonly periods: readonly string[];
  readonly us: {
    readonly exportsAllowed?: PerPeriod<boolean>;
    readonly approvedCustomersOnly?: PerPeriod<boolean>;
    readonly revenueShare?: PerPeriod<number>;
    readonly chinaCapOfUsVolume?: PerPeriod<number> | null;
    readonly usShipments?: PerPeriod<number> | null;
    readonly chinaCapScope?: PerPeriod<"period" | "cumulative">;
  };
  readonly china: {
    readonly access?: PerPeriod<"open" | "approval" | "blocked">;
    readonly approvalRate?: PerPeriod<number> | null;
    readonly orderRate?: PerPeriod<number>;
    readonly cap?: {
      readonly basis: PerPeriod<"none" | "units" | "dollars">;
      readonly ratio?: PerPeriod<number> | null;
      readonly scope?: PerPeriod<"period" | "cumulative">;
    };
    readonly publicSectorBan?: PerPeriod<boolean>;
  };
  readonly market: {
    readonly h200Price: PerPeriod<number>;
    readonly domesticPrice?: PerPeriod<number> | null;
    readonly supply: PerPeriod<number>;
    readonly h20Multiple?: PerPeriod<number>;
    readonly baselineChinaRevenue?: PerPeriod<number>;
    readonly usShareTreatment?: "cost" | "contra-revenue";
  };
  readonly buyers: readonly {
    readonly name: string;
    readonly requested: PerPeriod<number>;
    readonly domesticUnits: PerPeriod<number>;
    readonly domesticValue?: PerPeriod<number> | null;
    readonly publicSectorShare?: PerPeriod<number>;
    readonly usApproved?: PerPeriod<boolean>;
    readonly licensedUnits?: PerPeriod<number> | null;
    readonly approvalRate?: PerPeriod<number> | null;
    readonly orderRate?: PerPeriod<number> | null;
  }[];
  readonly rules: readonly never[];
  /** Optional Monte Carlo / sensitivity block (read by readUncertainty). */
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
// The record so far, shared by the forward stories (fresh objects per scenario).
// ---------------------------------------------------------------------------------------

/** The quarters after FY2027Q2, the last one Nvidia has reported. */
const PERIODS = ["FY2027Q3", "FY2027Q4", "FY2028Q1", "FY2028Q2", "FY2028Q3", "FY2028Q4"] as const;
const EACH = <T>(v: T): T[] => PERIODS.map(() => v);

/** H200 per chip, ~$27,000 (h200_price.reuters); no 2026 price was reported. */
const H200_PRICE = 27_000;
/** China revenue (customer-HQ basis) of FY2027Q2, the last reported quarter, with no H200 in it, carried flat. */
const BASELINE_CHINA_REVENUE_HQ = 7.88e9;
/** Up to 75,000 H200 per licensed buyer (h200_licence_units_per_buyer.CY2026.reuters). */
const LICENCE = 75_000;
/** Ascend 910C, derived from SCMP's 70,000 units ~ $2B (ascend910c_price.scmp_derived = $28,571). */
const ASCEND_910C_PRICE = 28_571;
/** Orders paused through FY2027Q4 (the record to date), firm from FY2028Q1 (illustrative). */
const ORDERS_RESUME = [0, 0, 1, 1, 1, 1];

const market = () => ({
  h200Price: H200_PRICE,
  supply: EACH(300_000),
  h20Multiple: 6,
  baselineChinaRevenue: EACH(BASELINE_CHINA_REVENUE_HQ),
  usShareTreatment: "cost" as const,
});

/** About ten licensed firms: the four named, and the six others as one buyer holding six quotas. */
const buyers = () => [
  { name: "ByteDance", requested: EACH(60_000), domesticUnits: [30_000, 35_000, 40_000, 45_000, 50_000, 55_000], licensedUnits: LICENCE },
  { name: "Alibaba", requested: EACH(50_000), domesticUnits: [25_000, 30_000, 35_000, 40_000, 45_000, 50_000], licensedUnits: LICENCE },
  { name: "Tencent", requested: EACH(40_000), domesticUnits: [10_000, 12_000, 14_000, 16_000, 18_000, 20_000], licensedUnits: LICENCE },
  { name: "JD.com", requested: EACH(20_000), domesticUnits: [8_000, 10_000, 12_000, 14_000, 16_000, 18_000], licensedUnits: LICENCE },
  { name: "Six other licensed firms", requested: EACH(90_000), domesticUnits: [60_000, 70_000, 80_000, 90_000, 100_000, 110_000], licensedUnits: 6 * LICENCE },
];

const SHARED_SOURCES: Readonly<Record<string, string>> = {
  "us.revenueShare": "us_revenue_share.truth_social",
  "us.approvedCustomersOnly": "event.2025-12-08.truth_social",
  "china.approvalRate":
    "illustrative: Beijing approved the first batch on paper [event event.2026-01-28.first_batch_approved] [fact h200_approved_first_batch.CY2026.reuters]; the stories take approvals to cover every request, so the pause shows in orders, not approvals",
  "market.h200Price": "h200_price.reuters",
  "market.h20Multiple": "h200_vs_h20_multiple.reuters_dec10",
  "market.baselineChinaRevenue": "china_revenue.FY2027Q2.xbrl",
  "market.supply":
    "illustrative: 300k a quarter, enough for every request, since Nvidia restarted China H200 production [event event.2026-03-17.production_restart] after halting it [event event.2026-03-05.production_halt] and held ~700k in stock [fact h200_inventory.reuters]; no 2026 output figure was found",
  "buyers[0].requested":
    "illustrative: requests of the named firms sized so the three hyperscalers ask for 150k a quarter, 600k over a year of orders, beyond both the >400k first-batch approvals [fact h200_approved_first_batch.CY2026.reuters] and their 3 x 75k licences",
  "buyers[1].requested": "illustrative: as buyers[0].requested",
  "buyers[2].requested": "illustrative: as buyers[0].requested",
  "buyers[3].requested": "illustrative: JD.com, named among the licensed firms [event event.2026-05-15.licence_quotas], asks for less than the hyperscalers",
  "buyers[4].requested": "illustrative: the other six of about ten licensed firms [fact h200_licensed_firms.CY2026.reuters], 15k a quarter each",
  ...Object.fromEntries(
    [0, 1, 2, 3, 4].map((i) => [
      `buyers[${i}].domesticUnits`,
      "illustrative: no firm's domestic AI-chip holdings are reported; stocks growing each quarter, small against ~600k Huawei 910C planned for 2026 [fact huawei910c_output.CY2026.bloomberg]",
    ]),
  ),
  ...Object.fromEntries([0, 1, 2, 3].map((i) => [`buyers[${i}].licensedUnits`, "h200_licence_units_per_buyer.CY2026.reuters"])),
  "buyers[4].licensedUnits":
    "illustrative: six licences of up to 75,000 each [fact h200_licence_units_per_buyer.CY2026.reuters], for the six firms beyond the four named of about ten [fact h200_licensed_firms.CY2026.reuters]",
};

const ORDERS_RESUME_SOURCE =
  "illustrative: orders paused through FY2027Q4, as in the record to date (no deliveries [fact h200_china_deliveries.CY2026.bis], pause reported [event event.2026-06.orders_paused]); firm orders from FY2028Q1 are the story's assumption";

function scenario(
  id: string,
  name: string,
  narrative: string,
  claim: string,
  parts: {
    us?: ScenarioDocument["us"];
    china: ScenarioDocument["china"];
    market?: Partial<ScenarioDocument["market"]>;
    sources: Readonly<Record<string, string>>;
  },
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
      china: { access: "approval", approvalRate: 1, publicSectorBan: false, ...parts.china },
      market: { ...market(), ...parts.market },
      buyers: buyers(),
      rules: [],
      "x-sources": { ...SHARED_SOURCES, ...parts.sources },
    },
  };
}

// ---------------------------------------------------------------------------------------
// December 2025 view: FY2027Q1-Q2 with only what was known in December 2025.
// ---------------------------------------------------------------------------------------

const DECEMBER_PERIODS = ["FY2027Q1", "FY2027Q2"] as const;

/**
 * ILLUSTRATIVE ranges for the December view's Sensitivity and Monte Carlo sheets: nothing here
 * is a sourced figure or a forecast; each range brackets the scenario's own setting.
 */
const DECEMBER_UNCERTAINTY = {
  iterations: 10_000,
  seed: 2026,
  inputs: {
    "china.approvalRate": { dist: "uniform", min: 0.4, max: 0.8 },
    "market.supply[0]": { dist: "normal", mean: 60_000, sd: 10_000, min: 40_000, max: 80_000 },
    "buyers[2].domesticUnits": { dist: "uniform", min: 10_000, max: 40_000 },
    "china.publicSectorBan": { dist: "bernoulli", p: 0.7 },
  },
  outputs: ["totals.chinaRevenue", "totals.shipped", "totals.usShare"],
  percentiles: [5, 95],
  bins: 20,
};

const U = "uncertainty.inputs";
const DECEMBER_UNCERTAINTY_SOURCES: Readonly<Record<string, string>> = {
  "uncertainty.iterations": "illustrative: a run size, not a data point; 10,000 draws keep the report fast and the percentiles stable to about 1%",
  "uncertainty.seed": "illustrative: any fixed seed; it makes the simulation reproducible",
  "uncertainty.percentiles": "illustrative: P5 and P95 shown beside P10/P50/P90, a choice of presentation",
  "uncertainty.bins": "illustrative: histogram bins, a choice of presentation",
  [`${U}.china.approvalRate.min`]: "illustrative: no approval share was reported [event event.2025-12-09.beijing_approval_process]; 0.4-0.8 around the scenario's 0.6",
  [`${U}.china.approvalRate.max`]: "illustrative: as uncertainty.inputs.china.approvalRate.min",
  [`${U}.market.supply[0].mean`]:
    "illustrative: centred on the 60k midpoint of the 40-80k chips Nvidia aimed to ship first [fact h200_initial_shipment.FY2027Q1.reuters]; the spread is an assumption",
  [`${U}.market.supply[0].sd`]: "illustrative: a spread chosen so the reported 40-80k range is about two standard deviations each side",
  [`${U}.market.supply[0].min`]: "illustrative: truncated to the reported 40-80k range [fact h200_initial_shipment.FY2027Q1.reuters]",
  [`${U}.market.supply[0].max`]: "illustrative: as uncertainty.inputs.market.supply[0].min",
  [`${U}.buyers[2].domesticUnits.min`]: "illustrative: Tencent's domestic holdings are not reported; 10k-40k around the scenario's 20k",
  [`${U}.buyers[2].domesticUnits.max`]: "illustrative: as uncertainty.inputs.buyers[2].domesticUnits.min",
  [`${U}.china.publicSectorBan.p`]: "illustrative: a 70% chance that Beijing applies the public-sector bar it weighed [event event.2025-12-09.beijing_approval_process]",
};

const DECEMBER_2025_VIEW: BuiltInScenario = {
  id: "december-2025-view",
  narrative:
    "December 2025 view (FY2027Q1-Q2, assumptions as of December 2025; China baseline on the billing basis then reported): Washington allows approved customers with 25% to the US, Beijing approves 60% of requests and bars the public sector, and Nvidia's supply (the 40-80k first shipments, then 150k) binds every buyer in both quarters.",
  claim: "every cited fact and event is dated December 2025 or earlier; binding is supply for every buyer in both quarters; the baseline is the billing-basis FY2026Q3 figure",
  document: {
    name: "December 2025 view",
    description:
      "December 2025 view (FY2027Q1-Q2, assumptions as of December 2025; China baseline on the billing basis then reported): Washington allows approved customers with 25% to the US, Beijing approves 60% of requests and bars the public sector, and Nvidia's supply (the 40-80k first shipments, then 150k) binds every buyer in both quarters.",
    periods: [...DECEMBER_PERIODS],
    us: { exportsAllowed: true, approvedCustomersOnly: true, revenueShare: 0.25, chinaCapOfUsVolume: null },
    china: { access: "approval", approvalRate: 0.6, cap: { basis: "none" }, publicSectorBan: true },
    market: { h200Price: H200_PRICE, supply: [60_000, 150_000], h20Multiple: 6, baselineChinaRevenue: [2.8e9, 2.8e9], usShareTreatment: "cost" },
    buyers: [
      { name: "ByteDance", requested: [130_000, 130_000], domesticUnits: 120_000, publicSectorShare: 0 },
      { name: "Alibaba", requested: [100_000, 110_000], domesticUnits: 90_000, publicSectorShare: 0.05 },
      { name: "Tencent", requested: [80_000, 90_000], domesticUnits: 20_000, publicSectorShare: 0.05 },
      { name: "Others", requested: [190_000, 200_000], domesticUnits: 75_000, publicSectorShare: 0.3 },
    ],
    rules: [],
    uncertainty: DECEMBER_UNCERTAINTY,
    "x-sources": {
      ...DECEMBER_UNCERTAINTY_SOURCES,
      "us.revenueShare": "us_revenue_share.truth_social",
      "us.approvedCustomersOnly": "event.2025-12-08.truth_social",
      "china.access": "event.2025-12-09.beijing_approval_process",
      "china.approvalRate": "illustrative: an approval process was reported [event event.2025-12-09.beijing_approval_process] but no share; 0.6 of each request",
      "china.publicSectorBan": "event.2025-12-09.beijing_approval_process",
      "market.h200Price": "h200_price.reuters",
      "market.h20Multiple": "h200_vs_h20_multiple.reuters_dec10",
      "market.baselineChinaRevenue": "china_revenue.FY2026Q3.reuters",
      "market.supply[0]": "h200_initial_shipment.FY2027Q1.reuters",
      "market.supply[1]":
        "illustrative: 150k as the ~700k inventory [fact h200_inventory.reuters] is drawn down and new TSMC output arrives [event event.2025-12-31.tsmc_ramp]",
      "buyers[0].requested":
        "illustrative: ByteDance's ~$14B 2026 Nvidia budget [fact bytedance_nvidia_spend.CY2026.scmp] / $27,000 / 4 quarters = ~130k a quarter (the budget is not H200-only)",
      "buyers[1].requested":
        "illustrative: Alibaba, Tencent and Others split so requests total 500k-530k a quarter, in line with >2M H200 ordered for 2026 [fact h200_orders_2026.CY2026.reuters]",
      "buyers[2].requested": "illustrative: as buyers[1].requested",
      "buyers[3].requested": "illustrative: as buyers[1].requested; Others (smaller clouds, universities, other firms) take the largest share",
      ...Object.fromEntries(
        [0, 1, 2, 3].flatMap((i) => [
          [
            `buyers[${i}].domesticUnits`,
            "illustrative: no firm's domestic AI-chip holdings were reported; sized against ~600k Huawei 910C planned for 2026 [fact huawei910c_output.CY2026.bloomberg], Tencent deliberately small",
          ],
          [
            `buyers[${i}].publicSectorShare`,
            "illustrative: no shares reported; 0 for ByteDance, 5% for Alibaba and Tencent, 30% for Others (universities and state-linked buyers) [event event.2025-12-09.beijing_approval_process]",
          ],
        ]),
      ),
    },
  },
};

/** The built-in scenarios, each with its narrative, claim and provenance. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  scenario(
    "status-quo",
    "Status quo (orders paused)",
    "Status quo: US licences stand and Beijing approved on paper, but no firm orders (orderRate 0), as through 2026; orders bind every buyer in every quarter FY2027Q3-FY2028Q4 and China revenue stays at the FY2027Q2 run-rate (customer-HQ basis).",
    "binding is orders for every buyer in every period, nothing ships, and China revenue equals the baseline in every period",
    {
      china: { orderRate: 0 },
      sources: {
        "china.orderRate":
          "illustrative: no H200 delivery or China H200 revenue was reported through the record [fact h200_china_deliveries.CY2026.bis] [fact h200_china_revenue.FY2026Q4.call]; Beijing told firms to pause [event event.2026-06.orders_paused]; 0 every quarter",
      },
    },
  ),
  scenario(
    "licence-quotas",
    "Licence quotas deliver",
    "Licence quotas deliver: orders paused through FY2027Q4, then firm from FY2028Q1; about ten firms buy up to 75,000 H200 each over the whole horizon, so the US licence binds ByteDance, Alibaba and Tencent from FY2028Q2 as their quotas run out, and JD.com in FY2028Q4 (orders bind everyone before FY2028Q1).",
    "orders bind everyone in FY2027Q3-Q4; us_license binds ByteDance, Alibaba and Tencent from FY2028Q2 and JD.com in FY2028Q4, never the six others (450k over six quotas); no buyer ships more than its licensedUnits in total; ByteDance ships 60k, then 15k, then nothing",
    {
      china: { orderRate: ORDERS_RESUME },
      sources: { "china.orderRate": ORDERS_RESUME_SOURCE },
    },
  ),
  scenario(
    "ratio-cap-units",
    "Beijing ratio cap by units",
    "Beijing's ratio cap by units: orders firm from FY2028Q1, but each firm's H200 bought so far may not exceed the domestic AI chips it holds (1:1, cumulative); the domestic-ratio cap binds every buyer from FY2028Q1, below the 75,000 licences (orders bind before).",
    "orders bind everyone in FY2027Q3-Q4; domestic_ratio binds every buyer from FY2028Q1; each buyer's shipments through t never exceed its domestic holdings at t; no licence binds",
    {
      china: { orderRate: ORDERS_RESUME, cap: { basis: "units", ratio: 1, scope: "cumulative" } },
      sources: {
        "china.orderRate": ORDERS_RESUME_SOURCE,
        "china.cap.ratio":
          "illustrative: Beijing weighed forced domestic buying but no number was reported [event event.2026-06.orders_paused] [event event.2026-01-07.pause_orders]; 1 H200 per domestic chip echoes the rule that public computing hubs source over half their chips at home",
      },
    },
  ),
  scenario(
    "ratio-cap-dollars",
    "Beijing ratio cap by dollars",
    "Beijing's ratio cap by dollars: as the units cap, but H200 bought so far is held to the dollar value of domestic chips (valued at the Ascend 910C's ~$28.6k, a little looser than by units); the cap binds every buyer from FY2028Q1 (orders bind before).",
    "orders bind everyone in FY2027Q3-Q4; domestic_ratio binds every buyer from FY2028Q1; the dollar basis ships more than the units basis in total",
    {
      china: { orderRate: ORDERS_RESUME, cap: { basis: "dollars", ratio: 1, scope: "cumulative" } },
      market: { domesticPrice: ASCEND_910C_PRICE },
      sources: {
        "china.orderRate": ORDERS_RESUME_SOURCE,
        "china.cap.ratio":
          "illustrative: whether a cap would count chips or dollars was never settled and no ratio was reported [event event.2026-06.orders_paused]; $1 of H200 per $1 of domestic chips",
        "market.domesticPrice": "ascend910c_price.scmp_derived",
      },
    },
  ),
  scenario(
    "beijing-blocks",
    "Beijing blocks",
    "Beijing blocks: orders firm from FY2028Q1 and one quarter ships under the licences, then Beijing blocks the H200 from FY2028Q2 (as customs did in January 2026); China access binds every buyer in FY2028Q2-Q4 (orders bind in FY2027Q3-Q4).",
    "orders bind everyone in FY2027Q3-Q4; every buyer ships its request in FY2028Q1; china_access binds every buyer and nothing ships in FY2028Q2-Q4",
    {
      china: { access: ["approval", "approval", "approval", "blocked", "blocked", "blocked"], orderRate: ORDERS_RESUME },
      sources: {
        "china.orderRate": ORDERS_RESUME_SOURCE,
        "china.access":
          "illustrative: a block from FY2028Q2 is the story's assumption; Beijing's customs blocked the H200 once [event event.2026-01-14.customs_block] before approving [event event.2026-01-28.first_batch_approved]",
      },
    },
  ),
  scenario(
    "bis-cap-binds",
    "BIS 50%-of-US cap binds",
    "The BIS cap binds: orders firm from FY2028Q1, but China's H200 shipments so far may not exceed half the US shipments so far (cumulative), and US H200 shipments are small as US buyers move to newer chips; the supply step binds every buyer from FY2028Q1 (orders bind before).",
    "orders bind everyone in FY2027Q3-Q4; supply binds every buyer from FY2028Q1; China's shipments through t equal 0.5 x US shipments through t from FY2028Q1",
    {
      us: { chinaCapOfUsVolume: 0.5, usShipments: EACH(60_000), chinaCapScope: "cumulative" },
      china: { orderRate: ORDERS_RESUME },
      sources: {
        "china.orderRate": ORDERS_RESUME_SOURCE,
        "us.chinaCapOfUsVolume": "china_cap_of_us_volume.bis_rule",
        "us.usShipments":
          "illustrative: no US H200 shipment figure was found; 60k a quarter, small as Nvidia moved capacity to Vera Rubin [event event.2026-03-05.production_halt], so the 50% cap (counted over the periods so far) sits below China's requests",
      },
    },
  ),
  DECEMBER_2025_VIEW,
];
