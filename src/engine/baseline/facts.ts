/**
 * The sourced baseline: every figure the built-in scenarios and reports may cite, with its
 * source, date and confidence. The figures are data, in `facts.json` (checked against
 * `facts.schema.json`); this module holds their types and the metric catalogue, and narrows
 * the JSON into them once, at load. It imports the JSON through the compiler
 * (`resolveJsonModule`), so the engine stays free of file access.
 * Conflicting reports are kept side by side; where one metric, period and basis has several
 * entries exactly one is the default, its note saying why.
 *
 * Confidence, as in the research notes: H = primary document or several consistent sources; M = one
 * reputable secondary source; L = aggregator, AI-written, derived or conflicting. Where
 * the notes give no mark, the mark follows that definition (and the note says so).
 * "Derived" means arithmetic on sourced figures, shown in the note; `estimate` is true for
 * derived figures, forecasts and midpoints of reported ranges.
 */

import BASELINE_FILE from "./facts.json";

export const CONFIDENCES = ["H", "M", "L"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const FACT_UNITS = ["USD", "CNY", "units", "firms", "fraction", "ratio", "TPP", "GB", "TB/s", "TFLOPS", "W"] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

/**
 * How Nvidia assigned revenue to China: "hq" = by customer headquarters (its reporting from
 * FY2026Q3, earlier periods recast), "billing" = by billing location (the earlier reports).
 * The two series differ by billions a quarter and are never spliced.
 */
export const CHINA_BASES = ["hq", "billing"] as const;
export type ChinaBasis = (typeof CHINA_BASES)[number];

/** Where a figure was reported. `date` is ISO (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known); null when undated. */
export interface Source {
  readonly title: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly date: string | null;
}

/**
 * Period labels: Nvidia fiscal quarter ("FY2026Q3"), fiscal year ("FY2025"), a run of quarters
 * of one fiscal year ("FY2025Q1-Q3"), a calendar year ("CY2026", for figures such as Huawei's
 * output that are reported by calendar year), or null for figures not tied to a period.
 */
export const FACT_PERIOD = /^(FY\d{4}(Q[1-4](-Q[1-4])?)?|CY\d{4})$/;

/** ISO date, possibly only year-month or year. */
export const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** How a reported figure was qualified ("about $3 billion", "more than 2 million", "up to $12.5B"). */
export const QUALIFIERS = ["about", "atLeast", "upTo"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface Fact {
  /** Stable id: snake_case metric, then the period when there is one, then a source key. */
  readonly id: string;
  readonly metric: Metric;
  /** In base units: USD as plain numbers (2.8e9), units as counts, fractions as 0.25. */
  readonly value: number;
  readonly unit: FactUnit;
  readonly period: string | null;
  /** The reported range when the source gave one; `value` is then its midpoint (derived). */
  readonly range?: { readonly low: number; readonly high: number };
  readonly qualifier?: Qualifier;
  /** Set on every China revenue figure (metrics in BASIS_METRICS), absent on the others. */
  readonly basis?: ChinaBasis;
  readonly source: Source;
  /** ISO date the figure was reported (partial when only month/year is known); null when undated. */
  readonly date: string | null;
  readonly confidence: Confidence;
  /** True for estimates, forecasts and derived figures (the note says who estimated or how). */
  readonly estimate: boolean;
  /** Exactly one entry per metric, period and basis is the default. */
  readonly isDefault: boolean;
  readonly note: string;
}

/** A dated policy event (not a number), citable from scenario provenance maps. */
export interface PolicyEvent {
  readonly id: string;
  /** ISO date the event happened or was reported. */
  readonly date: string;
  /** ISO date a rule took effect, when different from `date`. */
  readonly effective?: string;
  readonly event: string;
  readonly source: Source;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** Every metric, with its unit and what it measures. */
export const METRIC_INFO = {
  chinaRevenue: { unit: "USD", what: "Nvidia revenue from China incl. Hong Kong, on the basis named (hq: customer headquarters; billing: billing location)" },
  chinaRevenueShare: { unit: "fraction", what: "China incl. Hong Kong as a share of Nvidia's total revenue" },
  chinaRevenueYoY: { unit: "fraction", what: "year-on-year change of China revenue (-0.24 = down 24%)" },
  chinaRevenueQoQ: { unit: "fraction", what: "quarter-on-quarter change of China revenue" },
  chinaRevenueExpected: { unit: "USD", what: "analysts' expectation of China revenue before results" },
  usRevenue: { unit: "USD", what: "Nvidia revenue billed to the United States" },
  taiwanRevenue: { unit: "USD", what: "Nvidia revenue billed to Taiwan" },
  totalRevenue: { unit: "USD", what: "Nvidia total revenue" },
  totalRevenueGuide: { unit: "USD", what: "Nvidia's revenue outlook for the quarter (midpoint)" },
  dataCenterRevenue: { unit: "USD", what: "Nvidia Data Center segment revenue" },
  dataCenterComputeRevenue: { unit: "USD", what: "Data Center compute revenue" },
  networkingRevenue: { unit: "USD", what: "Data Center networking revenue" },
  restrictedShareOfDataCenter: { unit: "fraction", what: "share of Data Center revenue from export-restricted regions" },
  chinaDataCenterComputeOutlook: { unit: "USD", what: "China Data Center compute revenue assumed in Nvidia's outlook" },
  h20Revenue: { unit: "USD", what: "H20 sales (all customers unless the note says otherwise)" },
  h20ChinaRevenue: { unit: "USD", what: "H20 sales to China-based customers" },
  h20ChinaRevenuePotential: { unit: "USD", what: "H20 China revenue Nvidia said was possible if licences allowed" },
  h20RevenueChangeQoQ: { unit: "USD", what: "quarter-on-quarter change of H20 sales" },
  h20Charge: { unit: "USD", what: "charge for H20 inventory and purchase obligations" },
  h20Unshipped: { unit: "USD", what: "H20 revenue Nvidia could not ship in the quarter" },
  h20GuideLoss: { unit: "USD", what: "H20 revenue lost from the quarter's outlook" },
  h20ReserveRelease: { unit: "USD", what: "release of previously reserved H20 inventory" },
  h20Units: { unit: "units", what: "H20 chips sold" },
  h20Inventory: { unit: "units", what: "H20 chips in Nvidia's inventory" },
  h20TsmcOrder: { unit: "units", what: "H20 chips ordered from TSMC" },
  h20UsRevenueShare: { unit: "fraction", what: "share of H20 China revenue paid to the US government (Aug 2025 deal)" },
  usRevenueShare: { unit: "fraction", what: "share of H200 China sales paid to the US government" },
  usImportDuty: { unit: "fraction", what: "US ad valorem duty on H200 imported for third-party testing" },
  chinaCapOfUsVolume: { unit: "ratio", what: "China/Macau H200 shipments at most this multiple of US end-use shipments" },
  h200Tpp: { unit: "TPP", what: "H200 total processing performance (BIS metric)" },
  h20Tpp: { unit: "TPP", what: "H20 total processing performance" },
  ascend910cTpp: { unit: "TPP", what: "Huawei Ascend 910C total processing performance" },
  ascend910bTpp: { unit: "TPP", what: "Huawei Ascend 910B total processing performance" },
  siyuan590Tpp: { unit: "TPP", what: "Cambricon Siyuan 590 total processing performance" },
  h200TppRatio: { unit: "ratio", what: "H200 TPP / H20 TPP" },
  h200VsH20Multiple: { unit: "ratio", what: "how many times as powerful as an H20 an H200 is said to be (metric often unstated)" },
  h200MemoryGB: { unit: "GB", what: "H200 HBM3e capacity" },
  h200BandwidthTBs: { unit: "TB/s", what: "H200 memory bandwidth" },
  h200Fp8SparseTflops: { unit: "TFLOPS", what: "H200 FP8 tensor throughput with sparsity" },
  h200Bf16SparseTflops: { unit: "TFLOPS", what: "H200 BF16 tensor throughput with sparsity" },
  h200Fp8DenseTflops: { unit: "TFLOPS", what: "H200 FP8 dense tensor throughput" },
  h200Bf16DenseTflops: { unit: "TFLOPS", what: "H200 BF16 dense tensor throughput" },
  h200PowerW: { unit: "W", what: "H200 SXM board power" },
  h20MemoryGB: { unit: "GB", what: "H20 HBM capacity" },
  h20BandwidthTBs: { unit: "TB/s", what: "H20 memory bandwidth" },
  h20Fp16Tflops: { unit: "TFLOPS", what: "H20 FP16/BF16 tensor throughput" },
  h20Fp8Tflops: { unit: "TFLOPS", what: "H20 FP8 tensor throughput" },
  h20Int8Tops: { unit: "TFLOPS", what: "H20 INT8 throughput (TOPS)" },
  h20PowerW: { unit: "W", what: "H20 board power" },
  ascend910cBf16DenseTflops: { unit: "TFLOPS", what: "Huawei Ascend 910C dense BF16/FP16 throughput" },
  ascend910cMemoryGB: { unit: "GB", what: "Huawei Ascend 910C HBM capacity" },
  ascend910cBandwidthTBs: { unit: "TB/s", what: "Huawei Ascend 910C memory bandwidth" },
  h200Price: { unit: "USD", what: "price per H200 chip" },
  h200ModulePrice: { unit: "USD", what: "price of an 8-GPU H200 module" },
  h200ModulePriceCny: { unit: "CNY", what: "China price of an 8-GPU H200 module" },
  h20Price: { unit: "USD", what: "price per H20 chip" },
  h20ModulePriceCny: { unit: "CNY", what: "China price of an 8-GPU H20 module" },
  ascend910bPriceCny: { unit: "CNY", what: "price per Huawei Ascend 910B" },
  ascend910cPrice: { unit: "USD", what: "price per Huawei Ascend 910C" },
  huaweiOutput: { unit: "units", what: "Huawei Ascend chips produced (all models)" },
  huawei910bOutput: { unit: "units", what: "Huawei Ascend 910B chips produced" },
  huawei910cOutput: { unit: "units", what: "Huawei Ascend 910C chips produced" },
  huaweiDieOutput: { unit: "units", what: "Huawei Ascend dies produced" },
  huawei910cYield: { unit: "fraction", what: "Huawei Ascend 910C yield" },
  cambriconOutput: { unit: "units", what: "Cambricon AI chips produced" },
  cambriconSiyuanOutput: { unit: "units", what: "Cambricon Siyuan 590/690 chips produced" },
  cambriconYield: { unit: "fraction", what: "Cambricon yield" },
  h200Orders2026: { unit: "units", what: "H200 chips Chinese firms ordered for 2026" },
  h200OrdersPerLargeBuyer: { unit: "units", what: "H200 chips one large Chinese buyer is preparing to order" },
  h200Inventory: { unit: "units", what: "H200 chips in Nvidia's inventory" },
  h200InitialShipment: { unit: "units", what: "H200 chips in the first China shipments, from inventory" },
  h200InitialShipmentModules: { unit: "units", what: "8-GPU H200 modules in the first China shipments" },
  byteDanceNvidiaSpend: { unit: "USD", what: "ByteDance's planned spending on Nvidia chips" },
  chinaRevenueUpside: { unit: "USD", what: "analysts' estimate of Nvidia China AI revenue upside" },
  h200RevenueEstimate: { unit: "USD", what: "estimated H200 China revenue" },
  h200RevenuePotential: { unit: "USD", what: "theoretical gross H200 China revenue (orders x price)" },
  h200RevenuePotentialNet: { unit: "USD", what: "theoretical H200 China revenue net of the 25% US share" },
  chinaMarketOpportunity: { unit: "USD", what: "annual China AI accelerator market Nvidia addresses" },
  chinaMarketGrowth: { unit: "fraction", what: "annual growth of that market" },
  chinaQuarterlyUpliftEstimate: { unit: "USD", what: "revenue China would add to a quarter (analyst estimate)" },
  h200ChinaRevenue: { unit: "USD", what: "H200 revenue from China-based customers" },
  h200ChinaDeliveries: { unit: "units", what: "H200 chips delivered into China (confirmed reports)" },
  h200LicensedFirms: { unit: "firms", what: "Chinese firms holding a US licence to buy the H200" },
  h200LicenceUnitsPerBuyer: { unit: "units", what: "most H200 one licensed Chinese buyer may buy under its US licence" },
  h200ApprovedFirstBatch: { unit: "units", what: "H200 chips in Beijing's first batch of import approvals" },
} as const satisfies Record<string, { unit: FactUnit; what: string }>;

export type Metric = keyof typeof METRIC_INFO;
/** The metrics whose figures are China revenue and so carry a `basis`. */
export const BASIS_METRICS: ReadonlySet<Metric> = new Set<Metric>(["chinaRevenue", "chinaRevenueShare", "chinaRevenueYoY", "chinaRevenueQoQ", "chinaRevenueExpected"]);

// ---------------------------------------------------------------------------------------
// Loading: the compiler checks the JSON's shape (RawBaseline); the narrowing below checks
// what a type cannot (enumerations, patterns, references), so a bad edit fails at load.
// ---------------------------------------------------------------------------------------

/** An entry as written in facts.json: the source is a key of the file's `sources`. */
interface RawFact extends Omit<Fact, "metric" | "unit" | "confidence" | "qualifier" | "basis" | "source"> {
  readonly metric: string;
  readonly unit: string;
  readonly confidence: string;
  readonly qualifier?: string;
  readonly basis?: string;
  readonly source: string;
}

interface RawEvent extends Omit<PolicyEvent, "confidence" | "source"> {
  readonly confidence: string;
  readonly source: string;
}

interface RawBaseline {
  readonly sources: Readonly<Record<string, Source>>;
  readonly facts: readonly RawFact[];
  readonly events: readonly RawEvent[];
}

const oneOf = <T extends string>(list: readonly T[], value: string | undefined, what: string): T => {
  if (value !== undefined && (list as readonly string[]).includes(value)) return value as T;
  throw new Error(`facts.json: ${what}: ${JSON.stringify(value)} is not one of ${list.join(", ")}`);
};

const isMetric = (m: string): m is Metric => Object.prototype.hasOwnProperty.call(METRIC_INFO, m);

function sourceFor(raw: RawBaseline, key: string, at: string): Source {
  const s = raw.sources[key];
  if (!s) throw new Error(`facts.json: ${at}: unknown source ${JSON.stringify(key)}`);
  return s;
}

function narrowFact(raw: RawBaseline, f: RawFact): Fact {
  const at = f.id;
  if (!isMetric(f.metric)) throw new Error(`facts.json: ${at}: unknown metric ${JSON.stringify(f.metric)}`);
  if (f.period !== null && !FACT_PERIOD.test(f.period)) throw new Error(`facts.json: ${at}: bad period ${JSON.stringify(f.period)}`);
  const needsBasis = BASIS_METRICS.has(f.metric);
  if (needsBasis !== (f.basis !== undefined)) throw new Error(`facts.json: ${at}: ${needsBasis ? "a China revenue figure needs a basis" : "only China revenue figures carry a basis"}`);
  const { basis, qualifier, ...rest } = f;
  return {
    ...rest,
    metric: f.metric,
    unit: oneOf(FACT_UNITS, f.unit, `${at}.unit`),
    confidence: oneOf(CONFIDENCES, f.confidence, `${at}.confidence`),
    ...(qualifier === undefined ? {} : { qualifier: oneOf(QUALIFIERS, qualifier, `${at}.qualifier`) }),
    ...(basis === undefined ? {} : { basis: oneOf(CHINA_BASES, basis, `${at}.basis`) }),
    source: sourceFor(raw, f.source, at),
  };
}

function narrowEvent(raw: RawBaseline, e: RawEvent): PolicyEvent {
  return { ...e, confidence: oneOf(CONFIDENCES, e.confidence, `${e.id}.confidence`), source: sourceFor(raw, e.source, e.id) };
}

/** Narrows a parsed baseline file into facts and events; throws on an entry that breaks the file's rules. */
export function loadBaseline(raw: RawBaseline): { facts: readonly Fact[]; events: readonly PolicyEvent[] } {
  return { facts: raw.facts.map((f) => narrowFact(raw, f)), events: raw.events.map((e) => narrowEvent(raw, e)) };
}

const LOADED = loadBaseline(BASELINE_FILE);

/** Every sourced figure. */
export const FACTS: readonly Fact[] = LOADED.facts;

/** Dated policy events, citable from scenario provenance maps. */
export const POLICY_EVENTS: readonly PolicyEvent[] = LOADED.events;
