/**
 * The sourced baseline: every figure the built-in scenarios and reports may cite, with its
 * source, date and confidence, as pure data. Figures come only from the project's research
 * notes (`research/facts.md`, `research/fact-notes.md`, `research/seed-article.txt`);
 * conflicting reports are kept side by side, and where one metric and period has several
 * entries exactly one is the default, its note saying why.
 *
 * Confidence, as in facts.md: H = primary document or several consistent sources; M = one
 * reputable secondary source; L = aggregator, AI-written, derived or conflicting. Where
 * facts.md gives no mark, the mark follows that definition (and the note says so).
 * "Derived" means arithmetic on sourced figures, shown in the note; `estimate` is true for
 * derived figures, forecasts and midpoints of reported ranges.
 */

export type Confidence = "H" | "M" | "L";

export type FactUnit = "USD" | "CNY" | "units" | "fraction" | "ratio" | "TPP" | "GB" | "TB/s" | "TFLOPS" | "W";

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
export type Qualifier = "about" | "atLeast" | "upTo";

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
  readonly source: Source;
  /** ISO date the figure was reported (partial when only month/year is known); null when undated. */
  readonly date: string | null;
  readonly confidence: Confidence;
  /** True for estimates, forecasts and derived figures (the note says who estimated or how). */
  readonly estimate: boolean;
  /** Exactly one entry per metric+period is the default. */
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
  chinaRevenue: { unit: "USD", what: "Nvidia revenue from China incl. Hong Kong (billing location)" },
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
} as const satisfies Record<string, { unit: FactUnit; what: string }>;

export type Metric = keyof typeof METRIC_INFO;

// ---------------------------------------------------------------------------------------
// Sources. Titles are the headline where the notes recorded it (or its URL slug shows it),
// else a plain description of the page; URLs only where the notes give the whole address.
// ---------------------------------------------------------------------------------------

const S = {
  opencapital: { title: "NVDA revenue from China incl. Hong Kong (metric page)", publisher: "opencapital.sh (aggregator)", date: null },
  baystreet: { title: "Baystreet.ca article 92941: Nvidia Q3 FY2024 revenue by region (Benzinga data)", publisher: "Baystreet.ca", date: "2023-11" },
  zacksJul24: {
    title: "Zacks: Nvidia international revenue trends, quarter ended July 2024",
    url: "https://zacks.com/stock/news/2330189",
    publisher: "Zacks",
    date: null,
  },
  zacksApr25: {
    title: "Interpreting NVIDIA (NVDA) international revenue trends (quarter ended April 2025)",
    url: "https://zacks.com/stock/news/2480132/interpreting-nvidia-nvda-international-revenue-trends",
    publisher: "Zacks",
    date: null,
  },
  fourNow: { title: "Nvidia Q3 FY2025 results: China revenue $5.4B", url: "https://4nownews.com/?p=15237", publisher: "4nownews.com", date: "2024-11" },
  evertiq: { title: "evertiq design article 55794 (H20 pricing vs Huawei 910B; China 17% of FY2024 revenue)", url: "https://evertiq.com/design/55794", publisher: "evertiq", date: "2024-05-28" },
  tipranks: {
    title: "Nvidia (NVDA) is expected to earn $6.2B in revenue from China in Q1",
    url: "https://tipranks.com/news/nvidia-nvda-is-expected-to-earn-6-2b-in-revenue-from-china-in-q1",
    publisher: "Bloomberg estimate via TipRanks",
    date: "2025-02",
  },
  reportifyQ2: {
    title: "Nvidia Q2 FY2026: China region revenue down 24.49% year on year",
    url: "https://reportify.ai/news/1158403970734100480",
    publisher: "reportify.ai",
    date: "2025-08-28",
  },
  reutersQ3: {
    title: "Nvidia Q3 FY2026: China sales $2.8B (5%), H20 sales $50M (Reuters; also analyticsinsight.net)",
    url: "https://reportify.ai/news/1189007320919838720",
    publisher: "Reuters via reportify.ai",
    date: "2025-11-20",
  },
  seed: {
    title: "China Reported to Convene Emergency Meetings on Nvidia H200 Chip Purchases as ByteDance, Alibaba Express Interest",
    publisher: "The Information via NextFin (project seed article)",
    date: "2025-12",
  },
  meterpreter: { title: "Nvidia Q1 FY2024 results: revenue $7.192B, Data Center $4.28B", publisher: "meterpreter.org (NVIDIA press release figures)", date: "2023-05" },
  edacafe: {
    title: "NVIDIA press release: results for the second quarter of fiscal 2024",
    url: "https://edacafe.com/nbc/articles/1/2023173",
    publisher: "NVIDIA press release via edacafe.com",
    date: "2023-08-23",
  },
  cfoQ4Fy24: {
    title: "CFO commentary on fourth quarter and fiscal 2024 results",
    url: "https://news.moomoo.com/translate/17101610470/7709829/2",
    publisher: "NVIDIA CFO commentary via moomoo",
    date: "2024-02-21",
  },
  meterpreterQ3Fy24: { title: "Nvidia Q3 FY2024: 20-25% of Data Center revenue from restricted regions; FY2024 Data Center $47.5B", publisher: "meterpreter.org", date: null },
  deepwater: { title: "Nvidia data center segment growth (CFO: restricted regions 20-25% of DC revenue)", url: "https://deepwatermgmt.com/nvidia-data-center-segment-growth", publisher: "Deepwater Asset Management", date: "2023-11" },
  aichiplink: { title: "Nvidia Q1 FY2025 results: revenue $26.044B, Data Center $22.6B", publisher: "aichiplink.com", date: "2024-05" },
  reportifyFin: { title: "NVIDIA financials (quarterly revenue, Data Center)", url: "https://reportify.ai/financials/1026403301417160704", publisher: "reportify.ai", date: null },
  cfoQ3Fy26: {
    title: "CFO Commentary on Third Quarter Fiscal 2026 Results",
    url: "https://eninvs.com/press_release.php?form_type=8&id=128028&source=sec",
    publisher: "NVIDIA CFO commentary (SEC filing) via eninvs.com",
    date: "2025-11",
  },
  prQ4Fy25: { title: "NVIDIA fourth-quarter fiscal 2025 results press release", url: "https://nvidiadaily.com/?p=16778", publisher: "NVIDIA press release via nvidiadaily.com", date: "2025-02-26" },
  sharecafe: { title: "Nvidia Q1 FY2026 results: Data Center $39.1B, H20 charge", publisher: "ShareCafe (sharecafe.com.au)", date: "2025-05-29" },
  q1Fy26H20: {
    title: "NVIDIA reports $44.1 billion in Q1 revenue (H20 licence requirement, $4.5B charge, $4.6B H20 sales)",
    url: "https://procurementpro.com/nvidia-reports-44-1-billion-in-q1-revenue",
    publisher: "procurementpro.com; investing.com; sharecafe.com.au",
    date: "2025-05-29",
  },
  prQ2Fy26: {
    title: "NVIDIA press release: results for the second quarter of fiscal 2026",
    url: "https://globenewswire.com/news-release/2025/08/27/3140390",
    publisher: "NVIDIA press release via GlobeNewswire",
    date: "2025-08-27",
  },
  kaohoon: { title: "Nvidia Q2 FY2026: no H20 China sales; Q3 H20 China $2-5B possible", url: "https://kaohooninternational.com/?p=564028", publisher: "Kaohoon International; briefly.co", date: "2025-08-27" },
  fool: { title: "Nvidia Q2 FY2026 call: H20 China revenue $3-5B possible", publisher: "The Motley Fool via mitrade", date: "2025-08-28" },
  fintool: { title: "NVIDIA Q3 2026 earnings summary", publisher: "fintool.com", date: null },
  h20Deal: { title: "Nvidia and AMD to pay 15% of China H20/MI308 revenue to the US government", publisher: "reportify.ai; thenews.com.pk", date: "2025-08-27" },
  whatpsu: { title: "FT/SemiAnalysis: over 1M H20 sold in 2024, about $12B", url: "https://in.whatpsu.com/articles/1176", publisher: "FT and SemiAnalysis via in.whatpsu.com", date: "2024" },
  theSun: { title: "Nvidia orders 300,000 H20 chips from TSMC (Reuters)", publisher: "thesun.my", date: "2025-07-29" },
  truthSocial: { title: "Trump on Truth Social: H200 to approved customers in China, 25% paid to the USA", publisher: "mediaite.com; wionews.com", date: "2025-12-08" },
  bisRule: {
    title: "BIS final rule on licence review for H200-class chips to China (91 FR 1684, FR Doc. 2026-00789)",
    url: "https://govinfo.gov/content/pkg/FR-2026-01-15/html/2026-00789.htm",
    publisher: "Federal Register (also cov.com, strtrade.com summaries)",
    date: "2026-01-15",
  },
  proclamation: {
    title: "US Commerce Department revises license review policy (insight on the BIS rule and the 14 Jan 2026 proclamation's 25% duty)",
    publisher: "Covington & Burling (cov.com)",
    date: "2026-01",
  },
  ftBeijing: { title: "FT: China to limit access to Nvidia H200 (approval process; possible public-sector bar)", url: "https://ai-intensify.com/?p=1908", publisher: "FT via ai-intensify.com; pulse24.ai; moneycontrol.com", date: "2025-12-09" },
  infoMeetings: { title: "The Information: NDRC/MIIT emergency meetings with Alibaba, ByteDance, Tencent on H200 demand", url: "https://gokawiil.com/article/228422", publisher: "The Information via gokawiil.com; nextfin.ai", date: "2025-12" },
  infoPause: { title: "The Information: China tells firms to halt H200 orders; reviews mandatory domestic-chip proportion", publisher: "The Information via biz.chosun.com", date: "2026-01-08" },
  reutersCustoms: { title: "Reuters: Chinese customs told agents H200 not permitted; 'basically a ban for now'", publisher: "Reuters via tradingpedia.com", date: "2026-01-14" },
  nikkeiCap: { title: "Nikkei Asia via Reuters: China drafting rules on how many foreign AI chips firms may buy", publisher: "Reuters via bitget", date: "2026-01-15" },
  bloombergApproval: { title: "Bloomberg: China gives in-principle approval for Alibaba, Tencent, ByteDance to prepare H200 orders", publisher: "Bloomberg via ndtvprofit.com; newsbytesapp.com", date: "2026-01-24" },
  masralyoum: { title: "China plans to approve some H200 imports, excluding military, sensitive government bodies, critical infrastructure and SOEs (Arabic)", url: "https://masralyoum.net/9259096", publisher: "masralyoum.net", date: null },
  reutersDec10: {
    title: "Reuters exclusive: ByteDance and Alibaba keen to order H200 if Beijing approves; H200 'almost six times as powerful' as H20",
    publisher: "Reuters via tradingstocksnow.com",
    date: "2025-12-10",
  },
  reutersDec31: { title: "Reuters: Chinese firms order over 2 million H200 for 2026; Nvidia asks TSMC for more output", publisher: "Reuters via newsbytesapp.com; the-decoder.com", date: "2025-12-31" },
  tradingpedia: { title: "Reuters: China customs block H200; over 2 million ordered at about $27,000 each", publisher: "Reuters via tradingpedia.com", date: "2026-01-14" },
  scmpByteDance: { title: "SCMP: ByteDance plans about 100 billion yuan on Nvidia chips in 2026", publisher: "South China Morning Post via the-decoder.com", date: "2025-12-31" },
  reutersDec22: { title: "Reuters exclusive: Nvidia aims to begin H200 shipments to China before mid-February 2026, 40,000-80,000 chips from inventory", url: "https://globaltimes.cn/page/202512/1351292.shtml", publisher: "Reuters via globaltimes.cn; heise.de", date: "2025-12-22" },
  prism: { title: "H200 first shipments: 6,000-8,000 modules (12,000-16,000 chips)", publisher: "prism.liabooks.com", date: null },
  deepDives: { title: "Alibaba and ByteDance reportedly preparing H200 orders of over 200,000 units each", publisher: "deep-dives.ai", date: "2026-01-11" },
  huangJan6: { title: "Reuters: Nvidia's Huang says H200 demand 'quite high', supply chain 'fired up'", publisher: "Reuters via srnnews.com", date: "2026-01-06" },
  ifp: {
    title: "How Nvidia's H200 stacks up against Chinese AI chips and Blackwell (Reuters; IFP and Bernstein figures)",
    url: "https://gs.asiams.net/article_details/how-nvidias-h200-stacks-up-against-chinese-ai-chips-and-blackwell",
    publisher: "Reuters via gs.asiams.net",
    date: "2025-12-09",
  },
  tencentTech: { title: "Tencent Technology: H200 8-GPU module channel price; H200 TPP about 6.7x H20 (Ronghe Semiconductor Consulting)", url: "https://news.platform.airstarbank.com/en/post/66581432", publisher: "Tencent Technology via news.platform.airstarbank.com", date: "2025-12-24" },
  reutersNov21: { title: "Reuters: US mulls letting Nvidia sell H200 to China ('twice as powerful' as H20)", publisher: "Reuters via an IP-address mirror", date: "2025-11-21" },
  allaboutcircuits: { title: "Nvidia H200: 141GB HBM3e, 4.8 TB/s", publisher: "All About Circuits", date: "2023-11-20" },
  h200Specs: { title: "NVIDIA H200 GPU specs", url: "https://lzwjava.github.io/nvidia-h200-gpu-specs-en", publisher: "massivegrid.com blog; lzwjava.github.io", date: null },
  h20Specs: { title: "H20 96GB: HBM3, 4.0 TB/s, 148 TFLOPS FP16, 296 INT8, 400W", url: "https://willitrunai.com/es/gpus/h20-96gb", publisher: "willitrunai.com; zangshuxian.com", date: null },
  smbom: { title: "Nvidia H20 for China: 96GB, 4.0 TB/s, 296 TFLOPS", url: "https://smbom.com/news/13059", publisher: "smbom.com", date: "2024-01" },
  register910c: { title: "The Register: Huawei Ascend P910C, two dies, 752 TFLOPS dense BF16, 128GB HBM, 3.2 TB/s", url: "https://gopher.nikiroo.be/news/REGISTER/1753823360.php", publisher: "The Register", date: "2025-07-29" },
  awesomeagents: { title: "Huawei Ascend 910C: 96GB HBM2e, about 1.8 TB/s", publisher: "awesomeagents.ai", date: null },
  reutersPrice: { title: "Reuters: over 2 million H200 orders; about $27,000 per chip", publisher: "Reuters via newsbytesapp.com; tradingpedia.com", date: "2025-12-31" },
  moneyUnlock: { title: "H200 China revenue estimate for Q1 FY2027", publisher: "themoneyunlock.com", date: "2026-01-01" },
  hfCatalog: { title: "Hugging Face hardware catalog: H20 / H200", url: "https://huggingface.co/hardware/h200", publisher: "huggingface.co", date: null },
  gmt8: { title: "H200 priced at $27,000; 8-chip modules about 1.5 million yuan", url: "https://gmt8press.com/content/detail/347218", publisher: "gmt8press.com; theglobalpractice.com", date: "2026-01-02" },
  marketscreener: { title: "Reuters: Nvidia's H20 sold for $10,000-$12,000; new China chip priced lower", publisher: "Reuters via in.marketscreener.com", date: "2025-05" },
  dunya: { title: "Reuters: H20 distributor pricing $12,000-$15,000; Huawei 910B about 120,000 yuan", url: "https://dunyanews.tv/amp/english/788751.php", publisher: "Reuters via dunyanews.tv", date: "2024-02" },
  kocka: { title: "Huawei Ascend 910C about $28,000 each", publisher: "kocka.news", date: null },
  tomsScmp: { title: "SCMP via Tom's Hardware: 70,000 Ascend 910C worth about $2B", publisher: "Tom's Hardware (SCMP)", date: "2024-09" },
  digitimes: { title: "Digitimes Asia (FT): Huawei plans 100,000 910C and 300,000 910B in 2025", publisher: "FT via Digitimes Asia / laotiantimes.com", date: "2025-02-26" },
  japantimes: { title: "Bloomberg: Huawei to make about 600,000 Ascend 910C in 2026, up to 1.6M dies", url: "https://japantimes.co.jp/business/2025/09/30/tech/huawei-ai-chip-nvidia-china", publisher: "Bloomberg via The Japan Times; thenews.com.pk; webpronews.com", date: "2025-09-30" },
  sslgadgets: { title: "Bloomberg: US estimated Huawei makes only ~200,000 Ascend chips in 2025", url: "https://sslgadgets.com/industry-updates/672", publisher: "Bloomberg via sslgadgets.com", date: "2025-12" },
  phemex: { title: "Analysts forecast Huawei Ascend shipments above 800,000 in 2025", publisher: "phemex.com", date: null },
  cambricon: { title: "Bloomberg: Cambricon to make about 500,000 AI chips in 2026 (about 142,000 in 2025), yields about 20%", publisher: "Bloomberg via TechRadar mirrors (thetechstreetnow, pakinomist)", date: null },
  raymondJames: { title: "Raymond James sees up to $12.5B 2026 China AI revenue upside for Nvidia", publisher: "tradingdashboard.com", date: "2025-12-24" },
  raymondJames7: { title: "Raymond James: at least $7B revenue boost from resuming China shipments", url: "https://reportify.ai/news/1203747846873157632", publisher: "reportify.ai", date: "2025-12" },
  ainvest: { title: "Nvidia H200 production expansion: 2M units x $27,000 = $54B (AI-written)", publisher: "ainvest.com", date: null },
  huangAug: { title: "Huang on the Q2 FY2026 call: China a $50B opportunity growing ~50% a year", publisher: "reportify.ai (social post 713681970137044)", date: "2025-08" },
  keybanc: { title: "KeyBanc: including China would add $2-3B to Nvidia's Q3 guide", url: "https://todayheadline.co/?p=201721", publisher: "todayheadline.co", date: "2025-08" },
  morningstar: { title: "Morningstar on the H20 reversal: about $5B back into the October and January quarters", publisher: "Morningstar", date: "2025-07" },
  h20Licence: { title: "US licence requirement for H20 exports to China (Nvidia 8-K, 9 Apr 2025)", url: "https://procurementpro.com/nvidia-reports-44-1-billion-in-q1-revenue", publisher: "procurementpro.com; investing.com", date: "2025-05-29" },
} satisfies Record<string, Source>;

// ---------------------------------------------------------------------------------------
// Figures.
// ---------------------------------------------------------------------------------------

export const FACTS: readonly Fact[] = [
  // --- Nvidia quarterly China revenue (incl. Hong Kong) -------------------------------
  {
    id: "china_revenue.FY2024Q1.opencapital", metric: "chinaRevenue", value: 1.59e9, unit: "USD", period: "FY2024Q1",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: true,
    note: "Only figure found (undated aggregator page whose labels are partly inconsistent; facts.md marks L). The 10-Q geographic table was not found.",
  },
  {
    id: "china_revenue.FY2024Q2.opencapital", metric: "chinaRevenue", value: 2.74e9, unit: "USD", period: "FY2024Q2",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: true,
    note: "Only figure found (undated aggregator page; facts.md marks L).",
  },
  {
    id: "china_revenue.FY2024Q3.baystreet", metric: "chinaRevenue", value: 4.03e9, unit: "USD", period: "FY2024Q3",
    source: S.baystreet, date: "2023-11", confidence: "M", estimate: true, isDefault: true,
    note: "Derived: 22.24% x $18.12B total revenue = $4.030B. Default: a reported share of a reported total from a dated article; the aggregator's $4.03B agrees.",
  },
  {
    id: "china_revenue.FY2024Q3.opencapital", metric: "chinaRevenue", value: 4.03e9, unit: "USD", period: "FY2024Q3",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: false,
    note: "Undated aggregator; agrees with the Baystreet-derived figure.",
  },
  {
    id: "china_revenue.FY2024Q4.evertiq_derived", metric: "chinaRevenue", value: 2.0e9, unit: "USD", period: "FY2024Q4",
    source: S.evertiq, date: "2024-05-28", confidence: "L", estimate: true, isDefault: true,
    note:
      "Derived (no reported figure found): China 17% of FY2024 revenue (evertiq) x $60.922B = $10.36B, minus Q1-Q3 (1.59 + 2.74 + 4.03 = 8.36) = $2.00B. " +
      "facts.md writes ~1.9 (from a ~$10.3B annual); since 17% is rounded (16.5-17.5%) the quarter lies in ~$1.69-2.30B. " +
      "Default: the only figure anchored on a reported annual share and Nvidia's reported total; the Bloomberg-implied one comes from a forecast, the aggregator's is question-marked.",
  },
  {
    id: "china_revenue.FY2024Q4.bloomberg_implied", metric: "chinaRevenue", value: 2.48e9, unit: "USD", period: "FY2024Q4",
    source: S.tipranks, date: "2025-02", confidence: "L", estimate: true, isDefault: false,
    note: "Derived: Bloomberg's estimate for FY2025Q4 ($6.2B, '+150% y/y') implies a year-earlier quarter of 6.2 / 2.5 = $2.48B. Conflicts with the evertiq-derived ~$2.0B.",
  },
  {
    id: "china_revenue.FY2024Q4.opencapital", metric: "chinaRevenue", value: 3.97e9, unit: "USD", period: "FY2024Q4",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: false,
    note: "Question-marked in fact-notes (the page's labels are inconsistent); conflicts with both derived figures. Not used.",
  },
  {
    id: "china_revenue.FY2025Q1.zacks", metric: "chinaRevenue", value: 2.49e9, unit: "USD", period: "FY2025Q1",
    source: S.zacksJul24, date: null, confidence: "M", estimate: false, isDefault: true,
    note: "9.6% of revenue (Zacks, as the prior quarter in its Jul-2024 article; repeated as the year-ago figure in its Apr-2025 article). Default: dated-source figure (M); the aggregator agrees.",
  },
  {
    id: "china_revenue.FY2025Q1.opencapital", metric: "chinaRevenue", value: 2.49e9, unit: "USD", period: "FY2025Q1",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: false,
    note: "Undated aggregator; agrees with Zacks.",
  },
  {
    id: "china_revenue.FY2025Q2.zacks", metric: "chinaRevenue", value: 3.67e9, unit: "USD", period: "FY2025Q2",
    source: S.zacksJul24, date: null, confidence: "M", estimate: false, isDefault: true,
    note: "12.2% of $30.04B (Zacks; analysts had expected $2.88B). Default: M source; the aggregator agrees.",
  },
  {
    id: "china_revenue.FY2025Q2.opencapital", metric: "chinaRevenue", value: 3.67e9, unit: "USD", period: "FY2025Q2",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: false,
    note: "Undated aggregator; agrees with Zacks.",
  },
  {
    id: "china_revenue.FY2025Q3.4nownews", metric: "chinaRevenue", value: 5.4e9, unit: "USD", period: "FY2025Q3",
    source: S.fourNow, date: "2024-11", confidence: "M", estimate: false, isDefault: true,
    note: "15% of total, +46% q/q, +34% y/y; nine-month China $11.6B. Default: consistent with the 15% share, the growth rates and the nine-month sum; the aggregator's $8.14B is not.",
  },
  {
    id: "china_revenue.FY2025Q3.opencapital", metric: "chinaRevenue", value: 8.14e9, unit: "USD", period: "FY2025Q3",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: false,
    note:
      "Question-marked ('??') in fact-notes; conflicts with $5.4B (15% of $35.08B). Curiously, it is the base that would make the seed article's '-63% to about $3B' add up (3 / 8.14 - 1 = -63%). Not used.",
  },
  {
    id: "china_revenue.FY2025Q4.zacks", metric: "chinaRevenue", value: 5.53e9, unit: "USD", period: "FY2025Q4",
    source: S.zacksApr25, date: null, confidence: "M", estimate: false, isDefault: true,
    note: "14.07% of revenue (Zacks, as the prior quarter in its Apr-2025 article). Only figure.",
  },
  {
    id: "china_revenue.FY2026Q1.zacks", metric: "chinaRevenue", value: 5.52e9, unit: "USD", period: "FY2026Q1",
    source: S.zacksApr25, date: null, confidence: "M", estimate: false, isDefault: true,
    note: "12.53% of $44.06B; analysts expected $6.59B. Only figure.",
  },
  {
    id: "china_revenue.FY2026Q2.reportify_derived", metric: "chinaRevenue", value: 2.77e9, unit: "USD", period: "FY2026Q2",
    source: S.reportifyQ2, date: "2025-08-28", confidence: "L", estimate: true, isDefault: true,
    note:
      "Derived: China region revenue -24.49% y/y on FY2025Q2's $3.67B: 3.67 x (1 - 0.2449) = $2.771B. facts.md marks M/L; L here because derived. " +
      "Default: reproducible from a dated report; the aggregator's $2.77B agrees. Rejected: an unverifiable XBRL-style file claiming $3.985B (facts.md).",
  },
  {
    id: "china_revenue.FY2026Q2.opencapital", metric: "chinaRevenue", value: 2.77e9, unit: "USD", period: "FY2026Q2",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: false,
    note: "Undated aggregator; agrees with the derived figure.",
  },
  {
    id: "china_revenue.FY2026Q3.reuters", metric: "chinaRevenue", value: 2.8e9, unit: "USD", period: "FY2026Q3",
    source: S.reutersQ3, date: "2025-11-20", confidence: "M", estimate: false, isDefault: true,
    note:
      "About 5% of $57.0B total; Wall Street expected $8.4B (Reuters, also analyticsinsight.net; date approximate, ~2025-11-20). " +
      "Default: a named wire report consistent with its own 5% share; the aggregator's $2.97B is undated and the seed article's 'about $3B' is rounded and comes with an inconsistent -63% y/y.",
  },
  {
    id: "china_revenue.FY2026Q3.opencapital", metric: "chinaRevenue", value: 2.97e9, unit: "USD", period: "FY2026Q3",
    source: S.opencapital, date: null, confidence: "L", estimate: false, isDefault: false,
    note: "Undated aggregator; conflicts with Reuters' $2.8B (unresolved in facts.md).",
  },
  {
    id: "china_revenue.FY2026Q3.seed", metric: "chinaRevenue", value: 3.0e9, unit: "USD", period: "FY2026Q3",
    source: S.seed, date: "2025-12", confidence: "L", estimate: false, isDefault: false,
    qualifier: "about",
    note:
      "'Plunged 63% to about $3 billion' (The Information, quoted in the undated seed article, published on or after the 10 Dec 2025 meetings it reports). " +
      "Inconsistent with itself: against FY2025Q3's $5.4B, $3B is -44% (3 / 5.4 - 1), not -63%.",
  },
  {
    id: "china_revenue.FY2025Q1-Q3.4nownews", metric: "chinaRevenue", value: 11.6e9, unit: "USD", period: "FY2025Q1-Q3",
    source: S.fourNow, date: "2024-11", confidence: "M", estimate: false, isDefault: true,
    note: "Nine months to October 2024, +38% on the year before. Only figure; the quarters sum to 2.49 + 3.67 + 5.4 = 11.56.",
  },
  {
    id: "china_revenue.FY2025.derived", metric: "chinaRevenue", value: 17.09e9, unit: "USD", period: "FY2025",
    source: S.zacksApr25, date: null, confidence: "L", estimate: true, isDefault: true,
    note: "Derived (facts.md: ~17.1): 2.49 + 3.67 + 5.4 + 5.53 = $17.09B = 13.1% of $130.5B, consistent with Reuters' '13% last fiscal year'.",
  },
  {
    id: "china_revenue.FY2024.evertiq_derived", metric: "chinaRevenue", value: 10.36e9, unit: "USD", period: "FY2024",
    source: S.evertiq, date: "2024-05-28", confidence: "L", estimate: true, isDefault: true,
    note: "Derived: 17% x $60.922B = $10.36B (fact-notes: ~$10.3-10.4B implied); 17% is rounded.",
  },

  // --- China share of revenue, growth, expectations -----------------------------------
  {
    id: "china_revenue_share.FY2024Q3.baystreet", metric: "chinaRevenueShare", value: 0.2224, unit: "fraction", period: "FY2024Q3",
    source: S.baystreet, date: "2023-11", confidence: "M", estimate: false, isDefault: true, note: "22.24% of $18.12B. Only figure.",
  },
  {
    id: "china_revenue_share.FY2025Q1.zacks", metric: "chinaRevenueShare", value: 0.096, unit: "fraction", period: "FY2025Q1",
    source: S.zacksJul24, date: null, confidence: "M", estimate: false, isDefault: true, note: "9.6%. Only figure.",
  },
  {
    id: "china_revenue_share.FY2025Q2.zacks", metric: "chinaRevenueShare", value: 0.122, unit: "fraction", period: "FY2025Q2",
    source: S.zacksJul24, date: null, confidence: "M", estimate: false, isDefault: true, note: "12.2% of $30.04B. Only figure.",
  },
  {
    id: "china_revenue_share.FY2025Q3.4nownews", metric: "chinaRevenueShare", value: 0.15, unit: "fraction", period: "FY2025Q3",
    source: S.fourNow, date: "2024-11", confidence: "M", estimate: false, isDefault: true, note: "15% (rounded; 5.4 / 35.082 = 15.4%). Only figure.",
  },
  {
    id: "china_revenue_share.FY2025Q4.zacks", metric: "chinaRevenueShare", value: 0.1407, unit: "fraction", period: "FY2025Q4",
    source: S.zacksApr25, date: null, confidence: "M", estimate: false, isDefault: true, note: "14.07%. Only figure.",
  },
  {
    id: "china_revenue_share.FY2026Q1.zacks", metric: "chinaRevenueShare", value: 0.1253, unit: "fraction", period: "FY2026Q1",
    source: S.zacksApr25, date: null, confidence: "M", estimate: false, isDefault: true, note: "12.53% of $44.06B. Only figure.",
  },
  {
    id: "china_revenue_share.FY2026Q3.reuters", metric: "chinaRevenueShare", value: 0.05, unit: "fraction", period: "FY2026Q3",
    source: S.reutersQ3, date: "2025-11-20", confidence: "M", estimate: false, isDefault: true, qualifier: "about",
    note: "'About 5%' (2.8 / 57.006 = 4.9%). Only figure.",
  },
  {
    id: "china_revenue_share.FY2024.evertiq", metric: "chinaRevenueShare", value: 0.17, unit: "fraction", period: "FY2024",
    source: S.evertiq, date: "2024-05-28", confidence: "M", estimate: false, isDefault: true,
    note: "17% of FY2024 revenue. facts.md gives no mark for the share alone; M as one secondary source. (An ainvest page's 16% is flagged 'don't use' in fact-notes.)",
  },
  {
    id: "china_revenue_share.FY2025.reuters", metric: "chinaRevenueShare", value: 0.13, unit: "fraction", period: "FY2025",
    source: S.reutersQ3, date: "2025-11-20", confidence: "M", estimate: false, isDefault: true,
    note: "'13% of revenue last fiscal year' (Reuters-derived pages; Reuters via marketscreener, May 2025, says the same). Only figure.",
  },
  {
    id: "china_revenue_yoy.FY2025Q3.4nownews", metric: "chinaRevenueYoY", value: 0.34, unit: "fraction", period: "FY2025Q3",
    source: S.fourNow, date: "2024-11", confidence: "M", estimate: false, isDefault: true, note: "+34% y/y. Only figure.",
  },
  {
    id: "china_revenue_yoy.FY2025Q1-Q3.4nownews", metric: "chinaRevenueYoY", value: 0.38, unit: "fraction", period: "FY2025Q1-Q3",
    source: S.fourNow, date: "2024-11", confidence: "M", estimate: false, isDefault: true, note: "Nine-month China revenue +38% y/y. Only figure.",
  },
  {
    id: "china_revenue_yoy.FY2026Q2.reportify", metric: "chinaRevenueYoY", value: -0.2449, unit: "fraction", period: "FY2026Q2",
    source: S.reportifyQ2, date: "2025-08-28", confidence: "M", estimate: false, isDefault: true, note: "-24.49% y/y. Only figure.",
  },
  {
    id: "china_revenue_yoy.FY2026Q3.derived", metric: "chinaRevenueYoY", value: -0.4815, unit: "fraction", period: "FY2026Q3",
    source: S.reutersQ3, date: "2025-11-20", confidence: "L", estimate: true, isDefault: true,
    note: "Derived from the default quarters: 2.8 / 5.4 - 1 = -48.1%. Default: consistent with the default FY2026Q3 and FY2025Q3 figures; the seed's -63% is not.",
  },
  {
    id: "china_revenue_yoy.FY2026Q3.seed", metric: "chinaRevenueYoY", value: -0.63, unit: "fraction", period: "FY2026Q3",
    source: S.seed, date: "2025-12", confidence: "L", estimate: false, isDefault: false,
    note:
      "'Plunged 63% ... from the year-earlier period' (The Information via the seed article). Inconsistent: $3B vs $5.4B a year earlier is -44% (3 / 5.4 - 1); -63% would need a base of ~$8.1B (3 / 0.37).",
  },
  {
    id: "china_revenue_qoq.FY2025Q3.4nownews", metric: "chinaRevenueQoQ", value: 0.46, unit: "fraction", period: "FY2025Q3",
    source: S.fourNow, date: "2024-11", confidence: "M", estimate: false, isDefault: true, note: "+46% q/q. Only figure.",
  },
  {
    id: "china_revenue_expected.FY2025Q2.zacks", metric: "chinaRevenueExpected", value: 2.88e9, unit: "USD", period: "FY2025Q2",
    source: S.zacksJul24, date: null, confidence: "M", estimate: true, isDefault: true, note: "Analysts' expectation (Zacks). Actual: $3.67B.",
  },
  {
    id: "china_revenue_expected.FY2025Q4.bloomberg", metric: "chinaRevenueExpected", value: 6.2e9, unit: "USD", period: "FY2025Q4",
    source: S.tipranks, date: "2025-02", confidence: "M", estimate: true, isDefault: true,
    note: "Bloomberg estimate for the quarter to 26 Jan 2025 (>14% of sales, +150% y/y). Actual (Zacks): $5.53B.",
  },
  {
    id: "china_revenue_expected.FY2026Q1.zacks", metric: "chinaRevenueExpected", value: 6.59e9, unit: "USD", period: "FY2026Q1",
    source: S.zacksApr25, date: null, confidence: "M", estimate: true, isDefault: true, note: "Analysts' expectation (Zacks). Actual: $5.52B.",
  },
  {
    id: "china_revenue_expected.FY2026Q3.reuters", metric: "chinaRevenueExpected", value: 8.4e9, unit: "USD", period: "FY2026Q3",
    source: S.reutersQ3, date: "2025-11-20", confidence: "M", estimate: true, isDefault: true, note: "Wall Street expectation (Reuters). Actual: $2.8B.",
  },
  {
    id: "us_revenue.FY2026Q3.reuters", metric: "usRevenue", value: 39.2e9, unit: "USD", period: "FY2026Q3",
    source: S.reutersQ3, date: "2025-11-20", confidence: "M", estimate: false, isDefault: true, note: "Only figure.",
  },
  {
    id: "taiwan_revenue.FY2026Q3.reuters", metric: "taiwanRevenue", value: 13.8e9, unit: "USD", period: "FY2026Q3",
    source: S.reutersQ3, date: "2025-11-20", confidence: "M", estimate: false, isDefault: true, note: "Only figure.",
  },

  // --- Total and Data Center revenue --------------------------------------------------
  // facts.md gives no marks for these; H where the source is Nvidia's own release or CFO
  // commentary (or several consistent sources), M for a single news report.
  {
    id: "total_revenue.FY2024Q1.meterpreter", metric: "totalRevenue", value: 7.192e9, unit: "USD", period: "FY2024Q1",
    source: S.meterpreter, date: "2023-05", confidence: "H", estimate: false, isDefault: true,
    note: "Press-release figure; buzrush.com and sharecg carry the same $7,192M (several consistent sources). Only value.",
  },
  {
    id: "total_revenue.FY2024Q2.nvidia", metric: "totalRevenue", value: 13.507e9, unit: "USD", period: "FY2024Q2",
    source: S.edacafe, date: "2023-08-23", confidence: "H", estimate: false, isDefault: true, note: "NVIDIA press release ($13.51B); a later 10-Q excerpt gives $13,507M. Only value.",
  },
  {
    id: "total_revenue.FY2024Q3.nvidia", metric: "totalRevenue", value: 18.12e9, unit: "USD", period: "FY2024Q3",
    source: S.cfoQ4Fy24, date: "2024-02-21", confidence: "H", estimate: false, isDefault: true, note: "$18,120M (also Baystreet, a 10-Q excerpt). Only value.",
  },
  {
    id: "total_revenue.FY2024Q4.nvidia", metric: "totalRevenue", value: 22.103e9, unit: "USD", period: "FY2024Q4",
    source: S.cfoQ4Fy24, date: "2024-02-21", confidence: "H", estimate: false, isDefault: true, note: "$22,103M. Only value.",
  },
  {
    id: "total_revenue.FY2025Q1.aichiplink", metric: "totalRevenue", value: 26.044e9, unit: "USD", period: "FY2025Q1",
    source: S.aichiplink, date: "2024-05", confidence: "M", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "total_revenue.FY2025Q2.reportify", metric: "totalRevenue", value: 30.04e9, unit: "USD", period: "FY2025Q2",
    source: S.reportifyFin, date: null, confidence: "M", estimate: false, isDefault: true, note: "$30,040M; a 10-Q excerpt and Zacks ($30.04B) agree. Undated page. Only value.",
  },
  {
    id: "total_revenue.FY2025Q3.nvidia", metric: "totalRevenue", value: 35.082e9, unit: "USD", period: "FY2025Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "$35,082M (year-ago column). Only value.",
  },
  {
    id: "total_revenue.FY2025Q4.nvidia", metric: "totalRevenue", value: 39.331e9, unit: "USD", period: "FY2025Q4",
    source: S.prQ4Fy25, date: "2025-02-26", confidence: "H", estimate: false, isDefault: true, note: "$39,331M. Only value.",
  },
  {
    id: "total_revenue.FY2026Q1.sharecafe", metric: "totalRevenue", value: 44.062e9, unit: "USD", period: "FY2026Q1",
    source: S.sharecafe, date: "2025-05-29", confidence: "M", estimate: false, isDefault: true, note: "$44.062B (headlines round to $44.1B; Zacks $44.06B). Only value.",
  },
  {
    id: "total_revenue.FY2026Q2.nvidia", metric: "totalRevenue", value: 46.743e9, unit: "USD", period: "FY2026Q2",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "$46,743M. Only value.",
  },
  {
    id: "total_revenue.FY2026Q3.nvidia", metric: "totalRevenue", value: 57.006e9, unit: "USD", period: "FY2026Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "$57,006M. Only value.",
  },
  {
    id: "total_revenue.FY2024.nvidia", metric: "totalRevenue", value: 60.922e9, unit: "USD", period: "FY2024",
    source: S.cfoQ4Fy24, date: "2024-02-21", confidence: "H", estimate: false, isDefault: true, note: "$60,922M. Only value.",
  },
  {
    id: "total_revenue.FY2025.derived", metric: "totalRevenue", value: 130.497e9, unit: "USD", period: "FY2025",
    source: S.prQ4Fy25, date: "2025-02-26", confidence: "L", estimate: true, isDefault: true,
    note: "Derived: 26.044 + 30.040 + 35.082 + 39.331 = $130.497B (fact-notes: 130.5). L only because derived; the four quarters are sourced.",
  },
  {
    id: "total_revenue_guide.FY2026Q2.nvidia", metric: "totalRevenueGuide", value: 45e9, unit: "USD", period: "FY2026Q2",
    source: S.q1Fy26H20, date: "2025-05-29", confidence: "H", estimate: true, isDefault: true, note: "Nvidia outlook, absorbing about $8.0B of lost H20 revenue. Only figure.",
  },
  {
    id: "total_revenue_guide.FY2026Q3.kaohoon", metric: "totalRevenueGuide", value: 54e9, unit: "USD", period: "FY2026Q3",
    source: S.kaohoon, date: "2025-08-27", confidence: "M", estimate: true, isDefault: true, note: "$54B +/-2%, excluding H20 sales to China. Only figure.",
  },
  {
    id: "total_revenue_guide.FY2026Q4.fintool", metric: "totalRevenueGuide", value: 65e9, unit: "USD", period: "FY2026Q4",
    source: S.fintool, date: null, confidence: "M", estimate: true, isDefault: true, note: "$65.0B +/-2%, assuming no China Data Center compute revenue. Undated summary. Only figure.",
  },
  {
    id: "china_data_center_compute_outlook.FY2026Q4.fintool", metric: "chinaDataCenterComputeOutlook", value: 0, unit: "USD", period: "FY2026Q4",
    source: S.fintool, date: null, confidence: "M", estimate: true, isDefault: true,
    note: "Nvidia's Q4 FY2026 outlook is 'not assuming any data center compute revenue from China'. Undated summary. Only figure.",
  },
  {
    id: "data_center_revenue.FY2024Q1.meterpreter", metric: "dataCenterRevenue", value: 4.28e9, unit: "USD", period: "FY2024Q1",
    source: S.meterpreter, date: "2023-05", confidence: "M", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "data_center_revenue.FY2024Q2.nvidia", metric: "dataCenterRevenue", value: 10.32e9, unit: "USD", period: "FY2024Q2",
    source: S.edacafe, date: "2023-08-23", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "data_center_revenue.FY2024Q3.nvidia", metric: "dataCenterRevenue", value: 14.514e9, unit: "USD", period: "FY2024Q3",
    source: S.cfoQ4Fy24, date: "2024-02-21", confidence: "H", estimate: false, isDefault: true, note: "$14,514M (meterpreter: $14.51B). Only value.",
  },
  {
    id: "data_center_revenue.FY2024Q4.nvidia", metric: "dataCenterRevenue", value: 18.404e9, unit: "USD", period: "FY2024Q4",
    source: S.cfoQ4Fy24, date: "2024-02-21", confidence: "H", estimate: false, isDefault: true, note: "$18,404M. Only value.",
  },
  {
    id: "data_center_revenue.FY2025Q1.aichiplink", metric: "dataCenterRevenue", value: 22.6e9, unit: "USD", period: "FY2025Q1",
    source: S.aichiplink, date: "2024-05", confidence: "M", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "data_center_revenue.FY2025Q2.reportify", metric: "dataCenterRevenue", value: 26.3e9, unit: "USD", period: "FY2025Q2",
    source: S.reportifyFin, date: null, confidence: "M", estimate: false, isDefault: true,
    note: "Undated page. SiliconANGLE's 'vs $26.2B a year earlier' (2025-08-27) is the same figure rounded down. Only value.",
  },
  {
    id: "data_center_revenue.FY2025Q3.nvidia", metric: "dataCenterRevenue", value: 30.771e9, unit: "USD", period: "FY2025Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "$30,771M. Only value.",
  },
  {
    id: "data_center_revenue.FY2025Q4.nvidia", metric: "dataCenterRevenue", value: 35.6e9, unit: "USD", period: "FY2025Q4",
    source: S.prQ4Fy25, date: "2025-02-26", confidence: "H", estimate: false, isDefault: true, note: "$35.6B (cointeeth: $35.58B, the same figure less rounded). Only value.",
  },
  {
    id: "data_center_revenue.FY2026Q1.sharecafe", metric: "dataCenterRevenue", value: 39.1e9, unit: "USD", period: "FY2026Q1",
    source: S.sharecafe, date: "2025-05-29", confidence: "M", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "data_center_revenue.FY2026Q2.nvidia", metric: "dataCenterRevenue", value: 41.096e9, unit: "USD", period: "FY2026Q2",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "$41,096M. Only value.",
  },
  {
    id: "data_center_revenue.FY2026Q3.nvidia", metric: "dataCenterRevenue", value: 51.215e9, unit: "USD", period: "FY2026Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "$51,215M. Only value.",
  },
  {
    id: "data_center_revenue.FY2024.meterpreter", metric: "dataCenterRevenue", value: 47.5e9, unit: "USD", period: "FY2024",
    source: S.meterpreterQ3Fy24, date: null, confidence: "M", estimate: false, isDefault: true,
    note: "Undated page (it covers Q3 FY2024, but a full-year figure can only have been published after January 2024). As recorded in fact-notes (the quarters sum to 4.28 + 10.32 + 14.514 + 18.404 = $47.52B). Only value.",
  },
  {
    id: "data_center_compute_revenue.FY2025Q3.nvidia", metric: "dataCenterComputeRevenue", value: 27.644e9, unit: "USD", period: "FY2025Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "data_center_compute_revenue.FY2026Q2.nvidia", metric: "dataCenterComputeRevenue", value: 33.844e9, unit: "USD", period: "FY2026Q2",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "data_center_compute_revenue.FY2026Q3.nvidia", metric: "dataCenterComputeRevenue", value: 43.028e9, unit: "USD", period: "FY2026Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "networking_revenue.FY2025Q3.nvidia", metric: "networkingRevenue", value: 3.127e9, unit: "USD", period: "FY2025Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "networking_revenue.FY2026Q2.nvidia", metric: "networkingRevenue", value: 7.252e9, unit: "USD", period: "FY2026Q2",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "networking_revenue.FY2026Q3.nvidia", metric: "networkingRevenue", value: 8.187e9, unit: "USD", period: "FY2026Q3",
    source: S.cfoQ3Fy26, date: "2025-11", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "restricted_share_of_data_center.FY2024Q3.cfo", metric: "restrictedShareOfDataCenter", value: 0.225, unit: "fraction", period: "FY2024Q3",
    range: { low: 0.2, high: 0.25 }, source: S.deepwater, date: "2023-11", confidence: "M", estimate: true, isDefault: true,
    note: "CFO: restricted regions were 20-25% of Data Center revenue (meterpreter: '20-25% ... from China'); value = midpoint (derived). Only figure.",
  },

  // --- H20 -----------------------------------------------------------------------------
  {
    id: "h20_revenue.FY2026Q1.nvidia", metric: "h20Revenue", value: 4.6e9, unit: "USD", period: "FY2026Q1",
    source: S.q1Fy26H20, date: "2025-05-29", confidence: "H", estimate: false, isDefault: true,
    note: "H20 sales before the 9 Apr 2025 licence requirement. Default: Nvidia's results as reported by several outlets; the seed article repeats it.",
  },
  {
    id: "h20_revenue.FY2026Q1.seed", metric: "h20Revenue", value: 4.6e9, unit: "USD", period: "FY2026Q1",
    source: S.seed, date: "2025-12", confidence: "L", estimate: false, isDefault: false, note: "'$4.6 billion between February and April' (seed article). Agrees.",
  },
  {
    id: "h20_revenue.FY2026Q2.nvidia", metric: "h20Revenue", value: 0.65e9, unit: "USD", period: "FY2026Q2",
    source: S.prQ2Fy26, date: "2025-08-27", confidence: "H", estimate: false, isDefault: true, qualifier: "about",
    note: "About $650M of H20 sold to an unrestricted customer outside China; none to China-based customers. Only figure.",
  },
  {
    id: "h20_revenue.FY2026Q3.reuters", metric: "h20Revenue", value: 50e6, unit: "USD", period: "FY2026Q3",
    source: S.reutersQ3, date: "2025-11-20", confidence: "M", estimate: false, isDefault: true, qualifier: "about",
    note: "About $50M; 'sizable purchase orders never materialized' (facts.md marks M/H; M as a wire report via a secondary site). Default over the seed, which repeats it.",
  },
  {
    id: "h20_revenue.FY2026Q3.seed", metric: "h20Revenue", value: 50e6, unit: "USD", period: "FY2026Q3",
    source: S.seed, date: "2025-12", confidence: "L", estimate: false, isDefault: false, note: "'Just $50 million in H20 revenue in the October quarter' (seed article). Agrees.",
  },
  {
    id: "h20_revenue.CY2024.ft_semianalysis", metric: "h20Revenue", value: 12e9, unit: "USD", period: "CY2024",
    source: S.whatpsu, date: "2024", confidence: "M", estimate: true, isDefault: true, qualifier: "about",
    note: "SemiAnalysis estimate reported by the FT (thesun.my 2025-07-29 repeats it; Nikkei: ByteDance, Alibaba and Tencent bought ~1M H20 for >$12B before the April ban). Only figure.",
  },
  {
    id: "h20_units.CY2024.ft_semianalysis", metric: "h20Units", value: 1e6, unit: "units", period: "CY2024",
    source: S.whatpsu, date: "2024", confidence: "M", estimate: true, isDefault: true, qualifier: "atLeast",
    note: "'More than 1 million' H20 in 2024 (SemiAnalysis estimate via FT). Only figure.",
  },
  {
    id: "h20_china_revenue.FY2026Q2.nvidia", metric: "h20ChinaRevenue", value: 0, unit: "USD", period: "FY2026Q2",
    source: S.prQ2Fy26, date: "2025-08-27", confidence: "H", estimate: false, isDefault: true, note: "No H20 sales to China-based customers in the quarter. Only figure.",
  },
  {
    id: "h20_china_revenue_potential.FY2026Q3.kaohoon", metric: "h20ChinaRevenuePotential", value: 3.5e9, unit: "USD", period: "FY2026Q3",
    range: { low: 2e9, high: 5e9 }, source: S.kaohoon, date: "2025-08-27", confidence: "M", estimate: true, isDefault: true,
    note: "CFO Kress: $2-5B of H20 China revenue possible in Q3 'if geopolitical issues subside'; value = midpoint (derived). Default: two outlets report $2-5B; the Motley Fool's $3-5B is unconfirmed against the transcript.",
  },
  {
    id: "h20_china_revenue_potential.FY2026Q3.fool", metric: "h20ChinaRevenuePotential", value: 4e9, unit: "USD", period: "FY2026Q3",
    range: { low: 3e9, high: 5e9 }, source: S.fool, date: "2025-08-28", confidence: "M", estimate: true, isDefault: false,
    note: "Reported as $3-5B; value = midpoint (derived). Conflicts with $2-5B (fact-notes: 'check transcript').",
  },
  {
    id: "h20_revenue_change_qoq.FY2026Q2.reportify", metric: "h20RevenueChangeQoQ", value: -4e9, unit: "USD", period: "FY2026Q2",
    source: S.reportifyQ2, date: "2025-08-28", confidence: "M", estimate: false, isDefault: true, qualifier: "about",
    note: "Data Center compute -1% q/q on a ~$4B drop in H20 sales (4.6 - 0.65 = 3.95). Only figure.",
  },
  {
    id: "h20_charge.FY2026Q1.nvidia", metric: "h20Charge", value: 4.5e9, unit: "USD", period: "FY2026Q1",
    source: S.q1Fy26H20, date: "2025-05-29", confidence: "H", estimate: false, isDefault: true, note: "Charge for H20 excess inventory and purchase obligations. Only figure.",
  },
  {
    id: "h20_unshipped.FY2026Q1.nvidia", metric: "h20Unshipped", value: 2.5e9, unit: "USD", period: "FY2026Q1",
    source: S.q1Fy26H20, date: "2025-05-29", confidence: "H", estimate: false, isDefault: true, note: "H20 revenue Nvidia could not ship in the quarter. Only figure.",
  },
  {
    id: "h20_guide_loss.FY2026Q2.nvidia", metric: "h20GuideLoss", value: 8.0e9, unit: "USD", period: "FY2026Q2",
    source: S.q1Fy26H20, date: "2025-05-29", confidence: "H", estimate: true, isDefault: true, qualifier: "about",
    note: "The Q2 outlook absorbed a loss of about $8.0B of H20 revenue. Only figure.",
  },
  {
    id: "h20_reserve_release.FY2026Q2.nvidia", metric: "h20ReserveRelease", value: 180e6, unit: "USD", period: "FY2026Q2",
    source: S.prQ2Fy26, date: "2025-08-27", confidence: "H", estimate: false, isDefault: true, note: "Release of previously reserved H20 inventory. Only figure.",
  },
  {
    id: "h20_inventory.thesun", metric: "h20Inventory", value: 650_000, unit: "units", period: null,
    range: { low: 600_000, high: 700_000 }, source: S.theSun, date: "2025-07-29", confidence: "M", estimate: true, isDefault: true,
    note: "600-700k H20 in inventory (Jul 2025); value = midpoint (derived). Only figure.",
  },
  {
    id: "h20_tsmc_order.thesun", metric: "h20TsmcOrder", value: 300_000, unit: "units", period: null,
    source: S.theSun, date: "2025-07-29", confidence: "M", estimate: false, isDefault: true, note: "300,000 H20 ordered from TSMC on top of inventory. Only figure.",
  },
  {
    id: "h20_us_revenue_share.aug2025", metric: "h20UsRevenueShare", value: 0.15, unit: "fraction", period: null,
    source: S.h20Deal, date: "2025-08-27", confidence: "M", estimate: false, isDefault: true, note: "August 2025 arrangement: 15% of H20 China revenue to the US government. Only figure.",
  },

  // --- US policy -----------------------------------------------------------------------
  {
    id: "us_revenue_share.truth_social", metric: "usRevenueShare", value: 0.25, unit: "fraction", period: null,
    source: S.truthSocial, date: "2025-12-08", confidence: "H", estimate: false, isDefault: true,
    note: "Trump, Truth Social, Mon 8 Dec 2025: '$25% will be paid to the United States'. Implemented as a 25% import duty (see us_import_duty.proclamation). Only figure.",
  },
  {
    id: "us_import_duty.proclamation", metric: "usImportDuty", value: 0.25, unit: "fraction", period: null,
    source: S.proclamation, date: "2026-01-14", confidence: "H", estimate: false, isDefault: true,
    note: "Presidential Proclamation of 14 Jan 2026: 25% ad valorem duty on H200 imported into the US for third-party testing; effective 15 Jan 2026. Only figure.",
  },
  {
    id: "china_cap_of_us_volume.bis_rule", metric: "chinaCapOfUsVolume", value: 0.5, unit: "ratio", period: null,
    source: S.bisRule, date: "2026-01-15", confidence: "H", estimate: false, isDefault: true,
    note: "BIS final rule of 13 Jan 2026, published and effective 15 Jan 2026: aggregate shipments to China/Macau at most 50% of shipments to US end users. Only figure.",
  },

  // --- Chip specifications -------------------------------------------------------------
  {
    id: "h200_tpp.ifp", metric: "h200Tpp", value: 15_840, unit: "TPP", period: null,
    source: S.ifp, date: "2025-12-09", confidence: "M", estimate: false, isDefault: true,
    note: "Institute for Progress figure via Reuters. Default: the wire report; Ronghe's 15,832 (= 1,979 dense FP8 TFLOPS x 8) differs only by rounding of the TFLOPS.",
  },
  {
    id: "h200_tpp.ronghe", metric: "h200Tpp", value: 15_832, unit: "TPP", period: null,
    source: S.tencentTech, date: "2025-12-24", confidence: "L", estimate: false, isDefault: false,
    note: "Wu Zihao, Ronghe Semiconductor Consulting, via Tencent Technology (fact-notes). Conflicts slightly with 15,840.",
  },
  {
    id: "h20_tpp.bernstein", metric: "h20Tpp", value: 2_368, unit: "TPP", period: null,
    source: S.ifp, date: "2025-12-09", confidence: "M", estimate: false, isDefault: true, note: "Bernstein (July report) via Reuters; FT/SemiAnalysis also give 2,368. Only value.",
  },
  {
    id: "ascend910c_tpp.ifp", metric: "ascend910cTpp", value: 12_032, unit: "TPP", period: null,
    source: S.ifp, date: "2025-12-09", confidence: "M", estimate: false, isDefault: true, note: "IFP via Reuters. Only value.",
  },
  {
    id: "ascend910b_tpp.bernstein", metric: "ascend910bTpp", value: 5_120, unit: "TPP", period: null,
    source: S.ifp, date: "2025-12-09", confidence: "M", estimate: false, isDefault: true, note: "Bernstein via Reuters. Only value.",
  },
  {
    id: "siyuan590_tpp.bernstein", metric: "siyuan590Tpp", value: 4_493, unit: "TPP", period: null,
    source: S.ifp, date: "2025-12-09", confidence: "M", estimate: false, isDefault: true, note: "Bernstein via Reuters. Only value.",
  },
  {
    id: "h200_tpp_ratio.derived", metric: "h200TppRatio", value: 15_840 / 2_368, unit: "ratio", period: null,
    source: S.ifp, date: "2025-12-09", confidence: "L", estimate: true, isDefault: true,
    note: "Derived: 15,840 / 2,368 = 6.69. Default: reproducible from the two wire-reported TPPs; Ronghe's 6.7 is the same ratio rounded.",
  },
  {
    id: "h200_tpp_ratio.ronghe", metric: "h200TppRatio", value: 6.7, unit: "ratio", period: null,
    source: S.tencentTech, date: "2025-12-24", confidence: "L", estimate: false, isDefault: false, qualifier: "about", note: "'About 6.7x H20 by TPP' (Ronghe via Tencent Technology).",
  },
  {
    id: "h200_vs_h20_multiple.reuters_dec10", metric: "h200VsH20Multiple", value: 6, unit: "ratio", period: null,
    source: S.reutersDec10, date: "2025-12-10", confidence: "M", estimate: false, isDefault: true, qualifier: "about",
    note:
      "'Almost six times as powerful as the H20' (Reuters, 10 Dec 2025; also Tom's Hardware, abrinsights); the metric is not stated. " +
      "Default: the figure most outlets repeat and the model's h20Multiple default; by TPP the ratio is 6.7 (h200_tpp_ratio.derived). Reuters' own 21 Nov 'twice as powerful' conflicts.",
  },
  {
    id: "h200_vs_h20_multiple.reuters_nov21", metric: "h200VsH20Multiple", value: 2, unit: "ratio", period: null,
    source: S.reutersNov21, date: "2025-11-21", confidence: "L", estimate: false, isDefault: false,
    note: "'Estimated to be twice as powerful as' the H20 (Reuters via an IP-address mirror). Conflicts with 'almost six times'.",
  },
  {
    id: "h200_vs_h20_multiple.seed", metric: "h200VsH20Multiple", value: 6, unit: "ratio", period: null,
    source: S.seed, date: "2025-12", confidence: "L", estimate: false, isDefault: false, qualifier: "about", note: "'Almost six times as powerful as the H20' (seed article, repeating Reuters).",
  },
  {
    id: "h200_memory_gb.allaboutcircuits", metric: "h200MemoryGB", value: 141, unit: "GB", period: null,
    source: S.allaboutcircuits, date: "2023-11-20", confidence: "H", estimate: false, isDefault: true, note: "141GB HBM3e (also massivegrid, lzwjava). Only value.",
  },
  {
    id: "h200_bandwidth_tbs.allaboutcircuits", metric: "h200BandwidthTBs", value: 4.8, unit: "TB/s", period: null,
    source: S.allaboutcircuits, date: "2023-11-20", confidence: "H", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "h200_fp8_sparse_tflops.specs", metric: "h200Fp8SparseTflops", value: 3_958, unit: "TFLOPS", period: null,
    source: S.h200Specs, date: null, confidence: "M", estimate: false, isDefault: true, note: "With sparsity. Undated spec pages. Only value.",
  },
  {
    id: "h200_bf16_sparse_tflops.specs", metric: "h200Bf16SparseTflops", value: 1_979, unit: "TFLOPS", period: null,
    source: S.h200Specs, date: null, confidence: "M", estimate: false, isDefault: true, note: "With sparsity. Undated spec pages. Only value.",
  },
  {
    id: "h200_fp8_dense_tflops.derived", metric: "h200Fp8DenseTflops", value: 1_979, unit: "TFLOPS", period: null,
    source: S.h200Specs, date: null, confidence: "L", estimate: true, isDefault: true, note: "Derived: dense = half of sparse, 3,958 / 2 = 1,979. Undated spec pages. Only value.",
  },
  {
    id: "h200_bf16_dense_tflops.derived", metric: "h200Bf16DenseTflops", value: 989.5, unit: "TFLOPS", period: null,
    source: S.h200Specs, date: null, confidence: "L", estimate: true, isDefault: true, note: "Derived: dense = half of sparse, 1,979 / 2 = 989.5. Undated spec pages. Only value.",
  },
  {
    id: "h200_power_w.specs", metric: "h200PowerW", value: 700, unit: "W", period: null,
    source: S.h200Specs, date: null, confidence: "M", estimate: false, isDefault: true, note: "H200 SXM. Undated spec page. Only value.",
  },
  {
    id: "h20_memory_gb.specs", metric: "h20MemoryGB", value: 96, unit: "GB", period: null,
    source: S.h20Specs, date: null, confidence: "M", estimate: false, isDefault: true,
    note: "96GB HBM3 (original H20). A 141GB HBM3e variant was reported by Tencent Technology (2025-12-24, L). Undated spec pages. Only value.",
  },
  {
    id: "h20_bandwidth_tbs.specs", metric: "h20BandwidthTBs", value: 4.0, unit: "TB/s", period: null,
    source: S.h20Specs, date: null, confidence: "M", estimate: false, isDefault: true, note: "Undated spec pages; smbom (Jan 2024) agrees. Only value.",
  },
  {
    id: "h20_fp16_tflops.specs", metric: "h20Fp16Tflops", value: 148, unit: "TFLOPS", period: null,
    source: S.h20Specs, date: null, confidence: "M", estimate: false, isDefault: true, note: "FP16/BF16. Undated spec pages. Only value.",
  },
  {
    id: "h20_fp8_tflops.smbom", metric: "h20Fp8Tflops", value: 296, unit: "TFLOPS", period: null,
    source: S.smbom, date: "2024-01", confidence: "M", estimate: false, isDefault: true, note: "Only value.",
  },
  {
    id: "h20_int8_tops.specs", metric: "h20Int8Tops", value: 296, unit: "TFLOPS", period: null,
    source: S.h20Specs, date: null, confidence: "M", estimate: false, isDefault: true, note: "INT8 TOPS. Undated spec pages. Only value.",
  },
  {
    id: "h20_power_w.specs", metric: "h20PowerW", value: 400, unit: "W", period: null,
    source: S.h20Specs, date: null, confidence: "M", estimate: false, isDefault: true, note: "Undated spec pages. Only value.",
  },
  {
    id: "ascend910c_bf16_dense_tflops.register", metric: "ascend910cBf16DenseTflops", value: 752, unit: "TFLOPS", period: null,
    source: S.register910c, date: "2025-07-29", confidence: "M", estimate: false, isDefault: true, note: "Dense FP16/BF16 (a perplexity page says ~800, L). Only value kept.",
  },
  {
    id: "ascend910c_memory_gb.register", metric: "ascend910cMemoryGB", value: 128, unit: "GB", period: null,
    source: S.register910c, date: "2025-07-29", confidence: "M", estimate: false, isDefault: true,
    note: "128GB HBM (8 stacks). Default: The Register (M) over awesomeagents' 96GB (L).",
  },
  {
    id: "ascend910c_memory_gb.awesomeagents", metric: "ascend910cMemoryGB", value: 96, unit: "GB", period: null,
    source: S.awesomeagents, date: null, confidence: "L", estimate: false, isDefault: false, note: "Conflicts with The Register's 128GB. Undated.",
  },
  {
    id: "ascend910c_bandwidth_tbs.ifp", metric: "ascend910cBandwidthTBs", value: 3.2, unit: "TB/s", period: null,
    source: S.ifp, date: "2025-12-09", confidence: "M", estimate: false, isDefault: true,
    note: "IFP via Reuters; The Register (2025-07-29) agrees. Default over awesomeagents' ~1.8 TB/s (L).",
  },
  {
    id: "ascend910c_bandwidth_tbs.awesomeagents", metric: "ascend910cBandwidthTBs", value: 1.8, unit: "TB/s", period: null,
    source: S.awesomeagents, date: null, confidence: "L", estimate: false, isDefault: false, qualifier: "about", note: "Conflicts with 3.2 TB/s. Undated.",
  },

  // --- Prices --------------------------------------------------------------------------
  {
    id: "h200_price.reuters", metric: "h200Price", value: 27_000, unit: "USD", period: null,
    source: S.reutersPrice, date: "2025-12-31", confidence: "M", estimate: false, isDefault: true, qualifier: "about",
    note: "About $27,000 per chip (Reuters, repeated by tradingpedia 2026-01-14 and gmt8press 2026-01-02). Default: the wire figure, consistent with ~$215k per 8-GPU module; $32,000 comes from a low-confidence page and a catalog MSRP.",
  },
  {
    id: "h200_price.themoneyunlock", metric: "h200Price", value: 32_000, unit: "USD", period: null,
    source: S.moneyUnlock, date: "2026-01-01", confidence: "L", estimate: false, isDefault: false, qualifier: "about", note: "'About $32,000 each'. Conflicts with ~$27,000.",
  },
  {
    id: "h200_price.huggingface", metric: "h200Price", value: 32_000, unit: "USD", period: null,
    source: S.hfCatalog, date: null, confidence: "L", estimate: false, isDefault: false, note: "Catalog MSRP (fact-notes: low confidence for ASP). Undated.",
  },
  {
    id: "h200_module_price.theglobalpractice", metric: "h200ModulePrice", value: 215_000, unit: "USD", period: null,
    source: S.gmt8, date: "2026-01-02", confidence: "M", estimate: false, isDefault: true, qualifier: "about",
    note: "8-GPU system ~RMB 1.5M, about US$215k (theglobalpractice). Per chip: 215,000 / 8 = $26,875. Only value.",
  },
  {
    id: "h200_module_price_cny.tencent_tech", metric: "h200ModulePriceCny", value: 1.4e6, unit: "CNY", period: null,
    source: S.tencentTech, date: "2025-12-24", confidence: "M", estimate: false, isDefault: true,
    note: "Channel price of an 8-GPU module, slightly above the H20's. Default: a specific channel price; gmt8press/theglobalpractice's ~RMB 1.5M is a rounder figure.",
  },
  {
    id: "h200_module_price_cny.gmt8press", metric: "h200ModulePriceCny", value: 1.5e6, unit: "CNY", period: null,
    source: S.gmt8, date: "2026-01-02", confidence: "M", estimate: false, isDefault: false, qualifier: "about", note: "'About 1.5 million yuan' per 8-chip module. Conflicts with RMB 1.4M.",
  },
  {
    id: "h20_price.reuters_may2025", metric: "h20Price", value: 11_000, unit: "USD", period: null,
    range: { low: 10_000, high: 12_000 }, source: S.marketscreener, date: "2025-05", confidence: "M", estimate: true, isDefault: true,
    note: "H20 sold for $10,000-12,000 (Reuters); value = midpoint (derived). Default: the most recent report.",
  },
  {
    id: "h20_price.reuters_2024", metric: "h20Price", value: 13_500, unit: "USD", period: null,
    range: { low: 12_000, high: 15_000 }, source: S.dunya, date: "2024-02", confidence: "M", estimate: true, isDefault: false,
    note: "Distributor pricing $12,000-15,000 per card, early 2024 (Reuters); value = midpoint (derived).",
  },
  {
    id: "h20_price.huggingface", metric: "h20Price", value: 14_000, unit: "USD", period: null,
    source: S.hfCatalog, date: null, confidence: "L", estimate: false, isDefault: false, note: "Catalog MSRP (low confidence for ASP). Undated.",
  },
  {
    id: "h20_price.CY2024.ft_semianalysis", metric: "h20Price", value: 12_000, unit: "USD", period: "CY2024",
    source: S.whatpsu, date: "2024", confidence: "M", estimate: true, isDefault: true, note: "Average price (SemiAnalysis via FT): ~$12B / ~1M units. Only figure.",
  },
  {
    id: "h20_module_price_cny.tencent_tech", metric: "h20ModulePriceCny", value: 965_000, unit: "CNY", period: null,
    range: { low: 880_000, high: 1_050_000 }, source: S.tencentTech, date: "2025-12-24", confidence: "L", estimate: true, isDefault: true,
    note: "8-GPU module RMB 880,000-1,050,000 (facts.md marks L); value = midpoint (derived). Only figure.",
  },
  {
    id: "ascend910b_price_cny.reuters", metric: "ascend910bPriceCny", value: 120_000, unit: "CNY", period: null,
    source: S.dunya, date: "2024-02", confidence: "M", estimate: false, isDefault: true, qualifier: "about", note: "About 120,000 yuan (Reuters, early 2024). Only figure.",
  },
  {
    id: "ascend910c_price.scmp_derived", metric: "ascend910cPrice", value: 2e9 / 70_000, unit: "USD", period: null,
    source: S.tomsScmp, date: "2024-09", confidence: "L", estimate: true, isDefault: true,
    note: "Derived: SCMP's 70,000 910C 'worth about $2B' -> 2e9 / 70,000 = $28,571. Default: arithmetic on a named newspaper's figures; kocka.news' ~$28,000 comes with an implausible '1.4 million units' claim.",
  },
  {
    id: "ascend910c_price.kocka", metric: "ascend910cPrice", value: 28_000, unit: "USD", period: null,
    source: S.kocka, date: null, confidence: "L", estimate: false, isDefault: false, qualifier: "about", note: "Low confidence (facts.md). Undated.",
  },

  // --- Domestic output -----------------------------------------------------------------
  {
    id: "huawei_output.CY2024.ft", metric: "huaweiOutput", value: 200_000, unit: "units", period: "CY2024",
    source: S.digitimes, date: "2025-02-26", confidence: "M", estimate: false, isDefault: true, note: "200,000 910B and no 910C in 2024 (FT via Digitimes). Only figure.",
  },
  {
    id: "huawei_output.CY2025.ft_plan", metric: "huaweiOutput", value: 400_000, unit: "units", period: "CY2025",
    source: S.digitimes, date: "2025-02-26", confidence: "L", estimate: true, isDefault: true,
    note: "Derived: 2025 plan of 100,000 910C + 300,000 910B = 400,000 (FT via Digitimes). Default: the only figure broken down from a named (M) report; the others are an unnamed US estimate and an unsourced analyst forecast.",
  },
  {
    id: "huawei_output.CY2025.us_estimate", metric: "huaweiOutput", value: 200_000, unit: "units", period: "CY2025",
    source: S.sslgadgets, date: "2025-12", confidence: "L", estimate: true, isDefault: false, qualifier: "about",
    note: "US estimate (June 2025) of only ~200,000 Ascend chips in 2025 (Bloomberg-derived page); the same page says the US later concluded Huawei could make 'several million' 910C by 2026.",
  },
  {
    id: "huawei_output.CY2025.phemex", metric: "huaweiOutput", value: 800_000, unit: "units", period: "CY2025",
    source: S.phemex, date: null, confidence: "L", estimate: true, isDefault: false, qualifier: "atLeast", note: "Analysts forecast Ascend shipments above 800,000 in 2025. Undated.",
  },
  {
    id: "huawei910b_output.CY2024.ft", metric: "huawei910bOutput", value: 200_000, unit: "units", period: "CY2024",
    source: S.digitimes, date: "2025-02-26", confidence: "M", estimate: false, isDefault: true, note: "Only figure.",
  },
  {
    id: "huawei910b_output.CY2025.ft", metric: "huawei910bOutput", value: 300_000, unit: "units", period: "CY2025",
    source: S.digitimes, date: "2025-02-26", confidence: "M", estimate: true, isDefault: true, note: "Plan for 2025. Only figure.",
  },
  {
    id: "huawei910c_output.CY2025.bloomberg", metric: "huawei910cOutput", value: 300_000, unit: "units", period: "CY2025",
    source: S.japantimes, date: "2025-09-30", confidence: "M", estimate: true, isDefault: true, qualifier: "about",
    note: "About 300,000 in 2025 (Bloomberg via webpronews; japantimes: 2026's ~600,000 is 'roughly double' 2025). Default: the later report, of production rather than a February plan.",
  },
  {
    id: "huawei910c_output.CY2025.ft_plan", metric: "huawei910cOutput", value: 100_000, unit: "units", period: "CY2025",
    source: S.digitimes, date: "2025-02-26", confidence: "M", estimate: true, isDefault: false, note: "Plan for 2025 (FT via Digitimes; 910C yield ~40%). Conflicts with Bloomberg's ~300,000.",
  },
  {
    id: "huawei910c_output.CY2026.bloomberg", metric: "huawei910cOutput", value: 600_000, unit: "units", period: "CY2026",
    source: S.japantimes, date: "2025-09-30", confidence: "M", estimate: true, isDefault: true, qualifier: "about",
    note: "About 600,000 in 2026 (Bloomberg). A US conclusion of 'several million 910C by 2026' (Bloomberg via sslgadgets, L) gives no number and is not recorded.",
  },
  {
    id: "huawei_die_output.CY2025.bloomberg", metric: "huaweiDieOutput", value: 1e6, unit: "units", period: "CY2025",
    source: S.japantimes, date: "2025-09-30", confidence: "M", estimate: true, isDefault: true, qualifier: "about", note: "About 1 million Ascend dies in 2025 (thenews.com.pk). Only figure.",
  },
  {
    id: "huawei_die_output.CY2026.bloomberg", metric: "huaweiDieOutput", value: 1.6e6, unit: "units", period: "CY2026",
    source: S.japantimes, date: "2025-09-30", confidence: "M", estimate: true, isDefault: true, qualifier: "upTo",
    note: "Up to 1.6 million dies in 2026, including inventory dies and yield estimates (a 910C has two dies). Only figure.",
  },
  {
    id: "huawei910c_yield.ft", metric: "huawei910cYield", value: 0.4, unit: "fraction", period: null,
    source: S.digitimes, date: "2025-02-26", confidence: "M", estimate: true, isDefault: true, qualifier: "about", note: "910C yield ~40% (FT via Digitimes, in fact-notes). Only figure.",
  },
  {
    id: "cambricon_output.CY2025.bloomberg", metric: "cambriconOutput", value: 142_000, unit: "units", period: "CY2025",
    source: S.cambricon, date: null, confidence: "M", estimate: true, isDefault: true, qualifier: "about", note: "About 142,000 expected in 2025. Undated mirrors of a Bloomberg report. Only figure.",
  },
  {
    id: "cambricon_output.CY2026.bloomberg", metric: "cambriconOutput", value: 500_000, unit: "units", period: "CY2026",
    source: S.cambricon, date: null, confidence: "M", estimate: true, isDefault: true, qualifier: "about", note: "About 500,000 planned for 2026. Undated mirrors of a Bloomberg report. Only figure.",
  },
  {
    id: "cambricon_siyuan_output.CY2026.bloomberg", metric: "cambriconSiyuanOutput", value: 300_000, unit: "units", period: "CY2026",
    source: S.cambricon, date: null, confidence: "M", estimate: true, isDefault: true, note: "300,000 Siyuan 590/690 within the 2026 plan. Undated. Only figure.",
  },
  {
    id: "cambricon_yield.bloomberg", metric: "cambriconYield", value: 0.2, unit: "fraction", period: null,
    source: S.cambricon, date: null, confidence: "M", estimate: true, isDefault: true, qualifier: "about", note: "Yields ~20%. Undated. Only figure.",
  },

  // --- H200 demand and supply ----------------------------------------------------------
  {
    id: "h200_orders_2026.CY2026.reuters", metric: "h200Orders2026", value: 2e6, unit: "units", period: "CY2026",
    source: S.reutersDec31, date: "2025-12-31", confidence: "M", estimate: false, isDefault: true, qualifier: "atLeast",
    note: "'More than 2 million' H200 ordered by Chinese firms for 2026, about triple inventory (Reuters; The Information: 100% upfront payment). Only figure.",
  },
  {
    id: "h200_orders_per_large_buyer.CY2026.deep_dives", metric: "h200OrdersPerLargeBuyer", value: 200_000, unit: "units", period: "CY2026",
    source: S.deepDives, date: "2026-01-11", confidence: "L", estimate: false, isDefault: true, qualifier: "atLeast",
    note: "Alibaba and ByteDance reportedly preparing orders of over 200,000 units each (fact-notes: low). Only figure.",
  },
  {
    id: "h200_inventory.reuters", metric: "h200Inventory", value: 700_000, unit: "units", period: null,
    source: S.reutersDec31, date: "2025-12-31", confidence: "M", estimate: false, isDefault: true, qualifier: "about",
    note: "About 700,000 in stock (Reuters, repeated by tradingpedia 2026-01-14). An unnamed excerpt in fact-notes splits inventory as 600,000 H200 + 100,000 GH200; it has no citable source.",
  },
  {
    id: "h200_initial_shipment.FY2027Q1.reuters", metric: "h200InitialShipment", value: 60_000, unit: "units", period: "FY2027Q1",
    range: { low: 40_000, high: 80_000 }, source: S.reutersDec22, date: "2025-12-22", confidence: "M", estimate: true, isDefault: true,
    note:
      "First shipments from inventory: 5,000-10,000 modules = about 40,000-80,000 chips, target before mid-Feb 2026 (Lunar New Year), i.e. in FY2027Q1; value = midpoint (derived). " +
      "Default: Reuters (M); prism.liabooks' 12,000-16,000 is internally inconsistent (6,000-8,000 modules of 8 chips would be 48,000-64,000).",
  },
  {
    id: "h200_initial_shipment.FY2027Q1.prism", metric: "h200InitialShipment", value: 14_000, unit: "units", period: "FY2027Q1",
    range: { low: 12_000, high: 16_000 }, source: S.prism, date: null, confidence: "L", estimate: true, isDefault: false,
    note: "'6,000-8,000 modules = 12,000-16,000 chips' (fact-notes: inconsistent, low confidence); value = midpoint (derived). Undated.",
  },
  {
    id: "h200_initial_shipment_modules.FY2027Q1.reuters", metric: "h200InitialShipmentModules", value: 7_500, unit: "units", period: "FY2027Q1",
    range: { low: 5_000, high: 10_000 }, source: S.reutersDec22, date: "2025-12-22", confidence: "M", estimate: true, isDefault: true,
    note: "5,000-10,000 8-GPU modules; value = midpoint (derived). Only figure.",
  },
  {
    id: "bytedance_nvidia_spend.CY2026.scmp", metric: "byteDanceNvidiaSpend", value: 14e9, unit: "USD", period: "CY2026",
    source: S.scmpByteDance, date: "2025-12-31", confidence: "M", estimate: true, isDefault: true, qualifier: "about",
    note: "About 100 billion yuan (~$14B) on Nvidia chips in 2026 (SCMP); not H200-only. Only figure.",
  },

  // --- Estimates after the decision ----------------------------------------------------
  {
    id: "china_revenue_upside.CY2026.raymond_james", metric: "chinaRevenueUpside", value: 12.5e9, unit: "USD", period: "CY2026",
    source: S.raymondJames, date: "2025-12-24", confidence: "M", estimate: true, isDefault: true, qualifier: "upTo",
    note: "Raymond James: up to $12.5B of 2026 China AI revenue upside. Default: M source with a stated figure; the '$7B' page is L.",
  },
  {
    id: "china_revenue_upside.CY2026.raymond_james_7b", metric: "chinaRevenueUpside", value: 7e9, unit: "USD", period: "CY2026",
    source: S.raymondJames7, date: "2025-12", confidence: "L", estimate: true, isDefault: false, qualifier: "atLeast",
    note: "'At least $7B' boost from resuming China shipments, also attributed to Raymond James. Differs from 'up to $12.5B'.",
  },
  {
    id: "h200_revenue_estimate.FY2027Q1.themoneyunlock", metric: "h200RevenueEstimate", value: 1.92e9, unit: "USD", period: "FY2027Q1",
    range: { low: 1.28e9, high: 2.56e9 }, source: S.moneyUnlock, date: "2026-01-01", confidence: "L", estimate: true, isDefault: true,
    note: "40,000-80,000 chips x ~$32,000 = $1.28-2.56B (the page's arithmetic); value = midpoint (derived). Only figure.",
  },
  {
    id: "h200_revenue_potential.CY2026.ainvest", metric: "h200RevenuePotential", value: 54e9, unit: "USD", period: "CY2026",
    source: S.ainvest, date: null, confidence: "L", estimate: true, isDefault: true, note: "2M units x $27,000 = $54B, theoretical (AI-written page, Dec 2025/Jan 2026). Only figure.",
  },
  {
    id: "h200_revenue_potential_net.CY2026.ainvest", metric: "h200RevenuePotentialNet", value: 40e9, unit: "USD", period: "CY2026",
    source: S.ainvest, date: null, confidence: "L", estimate: true, isDefault: true, qualifier: "about", note: "~$40B net of the 25% US share (54 x 0.75 = 40.5). AI-written page. Only figure.",
  },
  {
    id: "china_market_opportunity.huang", metric: "chinaMarketOpportunity", value: 50e9, unit: "USD", period: null,
    source: S.huangAug, date: "2025-08", confidence: "M", estimate: true, isDefault: true, note: "Huang: a '$50 billion opportunity' in China this year (pre-decision context). Only figure.",
  },
  {
    id: "china_market_growth.huang", metric: "chinaMarketGrowth", value: 0.5, unit: "fraction", period: null,
    source: S.huangAug, date: "2025-08", confidence: "M", estimate: true, isDefault: true, qualifier: "about", note: "Growing ~50% a year (Huang). Only figure.",
  },
  {
    id: "china_quarterly_uplift_estimate.FY2026Q3.keybanc", metric: "chinaQuarterlyUpliftEstimate", value: 2.5e9, unit: "USD", period: "FY2026Q3",
    range: { low: 2e9, high: 3e9 }, source: S.keybanc, date: "2025-08", confidence: "M", estimate: true, isDefault: true,
    note: "KeyBanc: including China in the Q3 guide would add $2-3B; value = midpoint (derived). (Benzinga, Jul 2025: analysts expect ~$3B a quarter from H20 resumption.) Only figure.",
  },
  {
    id: "china_quarterly_uplift_estimate.FY2026Q3-Q4.morningstar", metric: "chinaQuarterlyUpliftEstimate", value: 5e9, unit: "USD", period: "FY2026Q3-Q4",
    source: S.morningstar, date: "2025-07", confidence: "M", estimate: true, isDefault: true,
    note: "Morningstar: about $5B of H20 revenue back into the October and January quarters together (and ~$30B in FY2027 and after). Only figure.",
  },
];

// ---------------------------------------------------------------------------------------
// Dated policy events.
// ---------------------------------------------------------------------------------------

export const POLICY_EVENTS: readonly PolicyEvent[] = [
  {
    id: "event.2025-04-09.h20_licence",
    date: "2025-04-09",
    event: "US requires a licence for H20 exports to China; Nvidia takes a $4.5B charge in FY2026Q1.",
    source: S.h20Licence,
    confidence: "H",
  },
  {
    id: "event.2025-08.h20_revenue_share",
    date: "2025-08",
    event: "Deal: 15% of H20 China revenue to be paid to the US government.",
    source: S.h20Deal,
    confidence: "M",
  },
  {
    id: "event.2025-12-08.truth_social",
    date: "2025-12-08",
    event: "Trump: Nvidia may ship H200 to 'approved customers' in China, 25% paid to the US; Blackwell and Rubin excluded; same for AMD and Intel.",
    source: S.truthSocial,
    confidence: "H",
  },
  {
    id: "event.2025-12-09.beijing_approval_process",
    date: "2025-12-09",
    event: "FT: Beijing to limit H200 access through an approval process (buyers justify why domestic chips cannot serve); NDRC/MIIT may bar public-sector purchases.",
    source: S.ftBeijing,
    confidence: "M",
  },
  {
    id: "event.2025-12-10.emergency_meetings",
    date: "2025-12-10",
    event: "NDRC and MIIT hold emergency meetings with Alibaba, ByteDance and Tencent to assess H200 demand.",
    source: S.infoMeetings,
    confidence: "M",
  },
  {
    id: "event.2025-12-10.buyers_keen",
    date: "2025-12-10",
    event: "ByteDance and Alibaba keen on large H200 orders if Beijing approves; 'very limited quantities of H200' in production.",
    source: S.reutersDec10,
    confidence: "M",
  },
  {
    id: "event.2025-12-22.first_shipments_target",
    date: "2025-12-22",
    event: "Nvidia aims to ship the first H200 to China from inventory before mid-February 2026; new capacity orders from Q2 2026.",
    source: S.reutersDec22,
    confidence: "M",
  },
  {
    id: "event.2025-12-31.tsmc_ramp",
    date: "2025-12-31",
    event: "Chinese firms have ordered over 2 million H200 for 2026 vs ~700,000 in stock; Nvidia asks TSMC for extra output from Q2 2026.",
    source: S.reutersDec31,
    confidence: "M",
  },
  {
    id: "event.2026-01-06.supply_chain",
    date: "2026-01-06",
    event: "Huang: H200 demand 'quite high'; 'fired up our supply chain'; licences pending.",
    source: S.huangJan6,
    confidence: "H",
  },
  {
    id: "event.2026-01-07.pause_orders",
    date: "2026-01-07",
    event: "Chinese firms told to pause H200 orders; Beijing reviews a mandatory proportion of domestic chips, based on substitutability and domestic supply.",
    source: S.infoPause,
    confidence: "M",
  },
  {
    id: "event.2026-01-13.bis_rule",
    date: "2026-01-13",
    effective: "2026-01-15",
    event: "BIS final rule: case-by-case licences; sufficient-US-supply certification; US third-party testing; China/Macau aggregate at most 50% of US end-use shipments.",
    source: S.bisRule,
    confidence: "H",
  },
  {
    id: "event.2026-01-14.import_duty",
    date: "2026-01-14",
    effective: "2026-01-15",
    event: "Presidential Proclamation: 25% ad valorem duty on H200 imported for third-party testing.",
    source: S.proclamation,
    confidence: "H",
  },
  {
    id: "event.2026-01-14.customs_block",
    date: "2026-01-14",
    event: "Chinese customs tell agents H200 is 'not permitted'; firms to buy only 'when necessary' ('basically a ban for now').",
    source: S.reutersCustoms,
    confidence: "M",
  },
  {
    id: "event.2026-01-15.volume_rules",
    date: "2026-01-15",
    event: "China drafting rules capping the total volume of foreign AI chips firms may buy (Nikkei via Reuters).",
    source: S.nikkeiCap,
    confidence: "M",
  },
  {
    id: "event.2026-01-24.in_principle_approval",
    date: "2026-01-24",
    event: "In-principle approval for Alibaba, Tencent and ByteDance to prepare H200 orders, on condition of buying some domestic chips (no number set).",
    source: S.bloombergApproval,
    confidence: "M",
    note: "Reported ~23-24 Jan 2026.",
  },
  {
    id: "event.2026-01.public_sector_exclusions",
    date: "2026-01",
    event: "China to approve some H200 imports but not for the military, sensitive government bodies, critical infrastructure or SOEs; the number of domestic chips to buy alongside is still studied.",
    source: S.masralyoum,
    confidence: "L",
    note: "Undated Arabic page (fact-notes: 'Jan 2026?').",
  },
];
