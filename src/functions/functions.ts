/*
 * The CHIPS custom functions. Each body is a thin adapter: `elementwise` reads the raw Excel
 * arguments (single values or ranges), calls the engine core and maps the result. The JSDoc
 * below is what Excel users read in the formula bar and is build input for functions.json
 * (custom-functions-metadata-plugin). Parameters are `unknown[][]` (Excel "any" matrices), so
 * every function takes ranges and spills, and blanks, text and flags reach us to be explained.
 */
import { CORES, METRIC_INFO, problem, scenarioMetric, validateScenario, allocateSupplyOf, baselineFact, citation, evaluateScenario, evaluationTable, listMetrics, reportedFigure } from "../engine";
import { Spill, elementwise, guarded, mapCells, unwrap } from "./adapter";
import { asMatrix } from "./excelArgs";
import { readFlag, readValue, readValues } from "./cells";
import { findScenarioDocument } from "./savedScenarios";
import { prepareGrid, prepareSensitivity, prepareSimulate, spillLater } from "./longCalcs";
import { scenarioOfRanges } from "./scenarioRanges";

/**
 * Returns the most H200 chips a buyer may buy under a Beijing cap tied to its domestic AI processors.
 * @customfunction H200_ALLOWED
 * @helpurl https://localhost:3000/help.html#chipsh200_allowed
 * @param domestic Domestic AI processors the buyer holds and plans to buy: a chip count, or their value in US dollars on the "dollars" basis when domesticPrice is omitted.
 * @param ratio H200 chips allowed per domestic chip ("units") or per dollar of domestic chips ("dollars"), e.g. 1 for one-for-one.
 * @param [basis] "units" (default) to count chips, or "dollars" to compare dollar values.
 * @param [h200Price] Price of one H200 in US dollars. Required on the "dollars" basis.
 * @param [domesticPrice] Price of one domestic processor in US dollars. When given on the "dollars" basis, domestic counts chips.
 * @returns The H200 cap in chips.
 */
export function H200_ALLOWED(domestic: unknown[][], ratio: unknown[][], basis?: unknown[][], h200Price?: unknown[][], domesticPrice?: unknown[][]): unknown[][] {
  return elementwise(CORES.H200_ALLOWED, [domestic, ratio, basis, h200Price, domesticPrice]);
}

/**
 * Returns the part of H200 sales to China paid to the US government (25% unless a rate is given).
 * @customfunction US_REVENUE_SHARE
 * @helpurl https://localhost:3000/help.html#chipsus_revenue_share
 * @param sales H200 sales to China in US dollars.
 * @param [rate] Share paid to the US government, between 0 and 1. Default 0.25 (25%, announced 8 December 2025).
 * @returns The US government's share in US dollars.
 */
export function US_REVENUE_SHARE(sales: unknown[][], rate?: unknown[][]): unknown[][] {
  return elementwise(CORES.US_REVENUE_SHARE, [sales, rate]);
}

/**
 * Returns what Nvidia keeps of H200 sales to China after the US government's share.
 * @customfunction NVIDIA_NET
 * @helpurl https://localhost:3000/help.html#chipsnvidia_net
 * @param sales H200 sales to China in US dollars.
 * @param [rate] Share paid to the US government, between 0 and 1. Default 0.25.
 * @returns Sales minus the US share, in US dollars.
 */
export function NVIDIA_NET(sales: unknown[][], rate?: unknown[][]): unknown[][] {
  return elementwise(CORES.NVIDIA_NET, [sales, rate]);
}

/**
 * Returns the compute of H200 chips expressed as H20 chips, the part Nvidia sold to China before.
 * @customfunction H20_EQUIVALENT
 * @helpurl https://localhost:3000/help.html#chipsh20_equivalent
 * @param units Number of H200 chips.
 * @param [multiple] H20 chips matching one H200 in compute. Default 6 (the H200 is almost six times as powerful).
 * @returns The equivalent number of H20 chips.
 */
export function H20_EQUIVALENT(units: unknown[][], multiple?: unknown[][]): unknown[][] {
  return elementwise(CORES.H20_EQUIVALENT, [units, multiple]);
}

/**
 * Returns the H200 chips left after Washington's licence rule (pipeline step us_license): all of them, none, or what the licence's quantity still allows. Model: docs/model.md.
 * @customfunction US_LICENSE
 * @helpurl https://localhost:3000/help.html#chipsus_license
 * @param units H200 chips requested by the buyer.
 * @param [usApproved] TRUE (default) if the buyer is an approved customer of the US government.
 * @param [exportsAllowed] TRUE (default) if H200 exports to China are allowed at all.
 * @param [approvedCustomersOnly] TRUE (default) if only approved customers may be licensed.
 * @param [licensedUnits] Most H200 chips the buyer's US licence allows over all periods together. Blank for no quantity limit.
 * @param [shippedBefore] H200 chips already shipped to the buyer in earlier periods, counted against licensedUnits. Default 0.
 * @returns The licensed H200 chips.
 */
export function US_LICENSE(units: unknown[][], usApproved?: unknown[][], exportsAllowed?: unknown[][], approvedCustomersOnly?: unknown[][], licensedUnits?: unknown[][], shippedBefore?: unknown[][]): unknown[][] {
  return elementwise(CORES.US_LICENSE, [units, usApproved, exportsAllowed, approvedCustomersOnly, licensedUnits, shippedBefore]);
}

/**
 * Returns the H200 chips left after Beijing's access rule (pipeline step china_access).
 * @customfunction CHINA_ACCESS
 * @helpurl https://localhost:3000/help.html#chipschina_access
 * @param units H200 chips before the step.
 * @param [access] "open" (default: all pass), "approval" (the approved share passes) or "blocked" (none pass).
 * @param [approvalRate] Share of the requested chips Beijing approves, between 0 and 1. Required when access is "approval".
 * @returns The H200 chips Beijing lets in.
 */
export function CHINA_ACCESS(units: unknown[][], access?: unknown[][], approvalRate?: unknown[][]): unknown[][] {
  return elementwise(CORES.CHINA_ACCESS, [units, access, approvalRate]);
}

/**
 * Returns the H200 chips that become firm, delivered orders after Beijing's approval (pipeline step orders). Model: docs/model.md.
 * @customfunction ORDERS
 * @helpurl https://localhost:3000/help.html#chipsorders
 * @param units H200 chips approved (after the china_access step).
 * @param [orderRate] Share of the approved chips that becomes firm, delivered orders, between 0 and 1. Default 1; 0 when approved orders are paused.
 * @returns The H200 chips ordered.
 */
export function ORDERS(units: unknown[][], orderRate?: unknown[][]): unknown[][] {
  return elementwise(CORES.ORDERS, [units, orderRate]);
}

/**
 * Returns the H200 chips left after a public-sector ban removes the government-funded share of demand (step public_sector).
 * @customfunction PUBLIC_SECTOR
 * @helpurl https://localhost:3000/help.html#chipspublic_sector
 * @param units H200 chips before the step.
 * @param publicSectorShare Share of the buyer's demand that is public sector or government funded, between 0 and 1.
 * @param [ban] TRUE (default) if the public-sector ban applies; FALSE leaves the chips unchanged.
 * @returns The H200 chips left for the private sector.
 */
export function PUBLIC_SECTOR(units: unknown[][], publicSectorShare: unknown[][], ban?: unknown[][]): unknown[][] {
  return elementwise(CORES.PUBLIC_SECTOR, [units, publicSectorShare, ban]);
}

/**
 * Returns the H200 chips left under Beijing's cap relative to domestic processors (step domestic_ratio): the smaller of units and the cap. Model: docs/model.md.
 * @customfunction DOMESTIC_RATIO
 * @helpurl https://localhost:3000/help.html#chipsdomestic_ratio
 * @param units H200 chips before the step.
 * @param domestic Domestic AI processors held and planned: a chip count, or their value in US dollars on the "dollars" basis without domesticPrice.
 * @param ratio H200 chips allowed per domestic chip ("units") or per dollar of domestic chips ("dollars").
 * @param [basis] "units" (default), "dollars", or "none" (no cap: units are returned unchanged).
 * @param [h200Price] Price of one H200 in US dollars. Required on the "dollars" basis.
 * @param [domesticPrice] Price of one domestic processor in US dollars; when given on the "dollars" basis, domestic counts chips.
 * @param [shippedBefore] Blank: the cap holds in this period alone. A number: the cap is cumulative, and these H200 chips the buyer bought in earlier periods count against it.
 * @returns The H200 chips within the cap.
 */
export function DOMESTIC_RATIO(units: unknown[][], domestic: unknown[][], ratio: unknown[][], basis?: unknown[][], h200Price?: unknown[][], domesticPrice?: unknown[][], shippedBefore?: unknown[][]): unknown[][] {
  return elementwise(CORES.DOMESTIC_RATIO, [units, domestic, ratio, basis, h200Price, domesticPrice, shippedBefore]);
}

/**
 * Returns the H200 chips Nvidia can allocate to China in a period: supply, lowered to a share of US shipments when that cap is set. Model: docs/model.md.
 * @customfunction SUPPLY_LIMIT
 * @helpurl https://localhost:3000/help.html#chipssupply_limit
 * @param supply H200 chips Nvidia can allocate to China in the period.
 * @param [chinaCapOfUsVolume] Cap on China's volume as a multiple of US shipments, e.g. 0.5 (US rule of January 2026). Blank for no cap.
 * @param [usShipments] H200 chips shipped to US customers: in the period, or summed through it for a cumulative cap. Required with the cap.
 * @param [shippedBefore] Blank: the cap holds in this period alone. A number: the cap is cumulative, and these H200 chips shipped to China in earlier periods count against it.
 * @returns The effective supply in chips.
 */
export function SUPPLY_LIMIT(supply: unknown[][], chinaCapOfUsVolume?: unknown[][], usShipments?: unknown[][], shippedBefore?: unknown[][]): unknown[][] {
  return elementwise(CORES.SUPPLY_LIMIT, [supply, chinaCapOfUsVolume, usShipments, shippedBefore]);
}

/**
 * Shares scarce H200 supply among buyers pro rata (step supply): spills one allocation per demand cell.
 * @customfunction SUPPLY_ALLOCATE
 * @helpurl https://localhost:3000/help.html#chipssupply_allocate
 * @param demands H200 chips each buyer may buy after the other steps: a column or row of buyers.
 * @param supply H200 chips Nvidia can allocate to China in the period.
 * @param [chinaCapOfUsVolume] Cap on China's volume as a multiple of US shipments, e.g. 0.5. Blank for no cap.
 * @param [usShipments] H200 chips shipped to US customers in the period. Required with the cap.
 * @returns Each buyer's chips, in the shape of demands.
 */
export function SUPPLY_ALLOCATE(demands: unknown[][], supply: unknown[][], chinaCapOfUsVolume?: unknown[][], usShipments?: unknown[][]): unknown[][] {
  return guarded(() => {
    const grid = asMatrix(demands);
    const [supplySpec, capSpec, shipmentsSpec] = CORES.SUPPLY_LIMIT.params;
    const shares = unwrap(
      allocateSupplyOf(
        readValues(grid.flat(), { ...CORES.SUPPLY_LIMIT.params[0], name: "demands" }),
        readValue(supply, supplySpec),
        readValue(chinaCapOfUsVolume, capSpec),
        readValue(usShipments, shipmentsSpec),
      ),
    );
    const cols = grid[0].length;
    return grid.map((row, r) => row.map((_, c) => shares[r * cols + c]));
  });
}

/**
 * Returns China revenue for a period: the baseline plus H200 sales, gross ("cost") or net of the US share ("contra-revenue").
 * @customfunction CHINA_REVENUE
 * @helpurl https://localhost:3000/help.html#chipschina_revenue
 * @param baseline China revenue without H200 in the period, in US dollars.
 * @param sales H200 sales to China in the period, in US dollars.
 * @param [rate] Share paid to the US government, between 0 and 1. Default 0.25.
 * @param [treatment] "cost" (default: the US share is a cost, revenue counts gross sales) or "contra-revenue" (revenue counts net sales).
 * @returns China revenue in US dollars.
 */
export function CHINA_REVENUE(baseline: unknown[][], sales: unknown[][], rate?: unknown[][], treatment?: unknown[][]): unknown[][] {
  return elementwise(CORES.CHINA_REVENUE, [baseline, sales, rate, treatment]);
}

/**
 * Evaluates a whole scenario: spills one row per buyer and period (shipped, revenue, usShare, nvidiaNet, h20Equivalent, binding, largestCut) and a total row per period with China revenue. Model: docs/model.md.
 * @customfunction EVALUATE
 * @helpurl https://localhost:3000/help.html#chipsevaluate
 * @param buyers Buyers table: a header row of field names (name, requested, domesticUnits, domesticValue, publicSectorShare, usApproved, licensedUnits, approvalRate, orderRate) and one row per buyer; a field that varies by period takes one column per period, e.g. "approvalRate FY2027Q3".
 * @param policy Policy table: rows of a key and its value, e.g. "china.access" | "approval"; a value cell per period (in the columns of the periods row) gives a timeline. Must include name, periods, market.h200Price and market.supply.
 * @param [showSteps] TRUE to add the chips left after each pipeline step as extra columns. Default FALSE.
 * @param [rules] Custom rules table: a header row (id, after, expression, label, source, enabled) and one row per rule, e.g. "customs" | "china_access" | "units * 0.8".
 * @returns The evaluation table with a header row.
 */
export function EVALUATE(buyers: unknown[][], policy: unknown[][], showSteps?: unknown[][], rules?: unknown[][]): unknown[][] {
  return guarded(() => {
    const scenario = scenarioOfRanges(buyers, policy, rules);
    return evaluationTable(unwrap(evaluateScenario(scenario)), { steps: unwrap(readFlag(showSteps, "showSteps", false)) }) as Spill;
  });
}

/** A blank optional cell as undefined, anything else as its text. */
const textOrUndefined = (v: unknown): string | undefined => (v === null ? undefined : String(v));

/**
 * Returns a sourced baseline figure (e.g. Nvidia's China revenue for a quarter) from the built-in research data set.
 * @customfunction BASELINE
 * @helpurl https://localhost:3000/help.html#chipsbaseline
 * @param metric The metric's name, e.g. "chinaRevenue", "totalRevenue", "h200Price". =CHIPS.METRICS() lists them.
 * @param [period] Nvidia fiscal quarter or year, e.g. "FY2026Q3". May be omitted when the metric has a single figure.
 * @param [source] Which source's figure, when sources disagree, e.g. "opencapital". Default: the figure marked as the default.
 * @param [basis] China revenue only: "hq" (by customer headquarters, Nvidia's reporting since FY2026Q3) or "billing" (by billing location, the earlier reports). Default: "hq" where the period has it.
 * @returns The figure in base units: US dollars, chips or a fraction.
 */
export function BASELINE(metric: unknown[][], period?: unknown[][], source?: unknown[][], basis?: unknown[][]): unknown[][] {
  return mapCells(["metric", "period", "source", "basis"], [metric, period, source, basis], ([m, p, s, b]) => {
    const fact = baselineFact(String(m ?? ""), textOrUndefined(p), textOrUndefined(s), textOrUndefined(b));
    return fact.ok ? fact.value.value : unwrap(fact, "#N/A");
  });
}

/**
 * Returns what Nvidia reported for a fiscal quarter (China revenue unless another metric is named), on a China revenue basis.
 * @customfunction REPORTED
 * @helpurl https://localhost:3000/help.html#chipsreported
 * @param period Nvidia fiscal quarter, e.g. "FY2027Q2".
 * @param [metric] The metric, e.g. "totalRevenue". Default: "chinaRevenue".
 * @param [basis] China revenue only: "hq" (by customer headquarters) or "billing" (by billing location). Default: "hq" where the quarter has it.
 * @returns The reported figure in base units; #N/A with a message when nothing is reported for the quarter.
 */
export function REPORTED(period: unknown[][], metric?: unknown[][], basis?: unknown[][]): unknown[][] {
  return mapCells(["period", "metric", "basis"], [period, metric, basis], ([p, m, b]) => {
    const fact = reportedFigure(String(p ?? ""), textOrUndefined(m) ?? "chinaRevenue", textOrUndefined(b));
    return fact.ok ? fact.value.value : unwrap(fact, "#N/A");
  });
}

/**
 * Returns the citation of a baseline figure: source, date and confidence (and a China figure's basis), so a note can cite it.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help.html#chipssource
 * @param metric The metric's name, e.g. "chinaRevenue". =CHIPS.METRICS() lists them.
 * @param [period] Nvidia fiscal quarter or year, e.g. "FY2026Q3".
 * @param [source] Which source's figure, when sources disagree. Default: the default figure.
 * @param [basis] China revenue only: "hq" or "billing", as in CHIPS.BASELINE.
 * @returns The citation text, with the source's address when there is one.
 */
export function SOURCE(metric: unknown[][], period?: unknown[][], source?: unknown[][], basis?: unknown[][]): unknown[][] {
  return mapCells(["metric", "period", "source", "basis"], [metric, period, source, basis], ([m, p, s, b]) => {
    const fact = baselineFact(String(m ?? ""), textOrUndefined(p), textOrUndefined(s), textOrUndefined(b));
    if (!fact.ok) return unwrap(fact, "#N/A");
    const f = fact.value;
    return `${f.source.title} (${citation(f)})${f.source.url ? ` ${f.source.url}` : ""}`;
  });
}

/**
 * Lists the metrics of the baseline data set: spills name, unit and meaning, one row per metric.
 * @customfunction METRICS
 * @helpurl https://localhost:3000/help.html#chipsmetrics
 * @returns A table with a header row: metric, unit, meaning.
 */
export function METRICS(): unknown[][] {
  return guarded(() => {
    const info = METRIC_INFO as Record<string, { unit: string; what: string }>;
    return [["metric", "unit", "meaning"], ...listMetrics().map((m) => [m, info[m]?.unit ?? "", info[m]?.what ?? ""])];
  });
}

/**
 * Returns a figure of a scenario saved in this workbook (or a built-in one): a period's total, or one buyer's figure. Recalculates when scenarios are saved.
 * @customfunction SCENARIO
 * @helpurl https://localhost:3000/help.html#chipsscenario
 * @volatile
 * @param name The scenario's name as saved from the Chokepoint pane, or a built-in scenario's name.
 * @param metric A total (shipped, revenue, usShare, nvidiaNet, h20Equivalent, chinaRevenue, requested) or, with buyer, a buyer's figure (shipped, revenue, usShare, nvidiaNet, h20Equivalent, binding, or a step such as china_access).
 * @param [buyer] The buyer's name. Omit for the scenario's totals.
 * @param [period] The fiscal quarter, e.g. "FY2027Q2". Omit for the sum over all quarters.
 * @returns The figure: US dollars, chips, or the binding step's name.
 */
export function SCENARIO(name: unknown[][], metric: unknown[][], buyer?: unknown[][], period?: unknown[][]): unknown[][] {
  return mapCells(["name", "metric", "buyer", "period"], [name, metric, buyer, period], ([n, m, b, p]) => {
    const found = findScenarioDocument(String(n ?? ""));
    if (!("document" in found)) {
      const why = `no scenario named ${JSON.stringify(n)}; scenarios: ${found.names.join(", ")}${found.notice ? ` (${found.notice})` : ""}`;
      return unwrap({ ok: false, problems: [problem("enum", "name", why)] }, "#N/A");
    }
    const scenario = unwrap(validateScenario(found.document));
    const evaluation = unwrap(evaluateScenario(scenario));
    return unwrap(scenarioMetric(evaluation, String(m ?? ""), b === null ? null : String(b), p === null ? null : String(p)));
  });
}

/**
 * Runs a seeded Monte Carlo over the scenario of the buyers and policy tables: spills mean, sd, min, max and percentiles of an output, one column per output.
 * @customfunction SIMULATE
 * @cancelable
 * @helpurl https://localhost:3000/help.html#chipssimulate
 * @param buyers Buyers table, as in CHIPS.EVALUATE: a header row of field names and one row per buyer.
 * @param policy Policy table, as in CHIPS.EVALUATE: rows of a key and its value(s).
 * @param distributions Uncertain inputs: a header row (input, dist, min, mode, max, mean, sd, p, values, weights) and one row per input, e.g. "china.approvalRate" | "uniform" | 0.4 | | 0.8. A choice's values and weights are comma-separated text, e.g. "units, dollars".
 * @param [output] The output to summarise, e.g. "totals.shipped@FY2027Q1" or "buyers.ByteDance.shipped", or a range of outputs (one column each). Default "totals.chinaRevenue".
 * @param [iterations] Number of draws, from 1 to 200,000. Default 10,000.
 * @param [seed] Random seed, a whole number from 0 to 4294967295: the same seed gives the same numbers. Default 1.
 * @param [percentiles] Percentiles to report, from 0 to 100 (10 for P10), as a cell or a range. Default 10, 50, 90.
 * @param [rules] Custom rules table, as in CHIPS.EVALUATE.
 * @returns A table with a header row: statistic, then one column per output; rows mean, sd, min, max, each percentile, iterations and seed.
 */
export function SIMULATE(buyers: unknown[][], policy: unknown[][], distributions: unknown[][], output?: unknown[][], iterations?: unknown[][], seed?: unknown[][], percentiles?: unknown[][], rules?: unknown[][], invocation?: CustomFunctions.CancelableInvocation): Promise<unknown[][]> {
  return spillLater(() => prepareSimulate(buyers, policy, distributions, output, iterations, seed, percentiles, rules), invocation);
}

/**
 * Swings each input between a low and a high value, the others as in the tables, and spills the tornado of an output: largest swing first, then the base.
 * @customfunction SENSITIVITY
 * @cancelable
 * @helpurl https://localhost:3000/help.html#chipssensitivity
 * @param buyers Buyers table, as in CHIPS.EVALUATE: a header row of field names and one row per buyer.
 * @param policy Policy table, as in CHIPS.EVALUATE: rows of a key and its value(s).
 * @param swings Inputs to swing: a header row (input, low, high) and one row per input, e.g. "china.approvalRate" | 0.4 | 0.8, or "china.cap.basis" | "units" | "dollars".
 * @param [output] The output to compare, e.g. "totals.shipped" or "buyers.ByteDance.shipped@FY2027Q1". Default "totals.chinaRevenue".
 * @param [rules] Custom rules table, as in CHIPS.EVALUATE.
 * @returns A table with a header row: input, low, high, at low, at high, swing; one row per input, largest swing first; a last row "base" with the output as in the tables.
 */
export function SENSITIVITY(buyers: unknown[][], policy: unknown[][], swings: unknown[][], output?: unknown[][], rules?: unknown[][], invocation?: CustomFunctions.CancelableInvocation): Promise<unknown[][]> {
  return spillLater(() => prepareSensitivity(buyers, policy, swings, output, rules), invocation);
}

/**
 * Evaluates an output over two inputs at once, the others as in the tables: spills a grid with one row per rowAxis value and one column per columnAxis value.
 * @customfunction SENSITIVITY_GRID
 * @cancelable
 * @helpurl https://localhost:3000/help.html#chipssensitivity_grid
 * @param buyers Buyers table, as in CHIPS.EVALUATE: a header row of field names and one row per buyer.
 * @param policy Policy table, as in CHIPS.EVALUATE: rows of a key and its value(s).
 * @param rowAxis The input down the rows: a range whose first cell is the input path and whose next cells are its values, e.g. "china.approvalRate", 0.4, 0.6, 0.8.
 * @param columnAxis The input across the columns, laid out the same way, e.g. "china.cap.ratio", 0.5, 1, 1.5.
 * @param [output] The output to evaluate, e.g. "totals.shipped". Default "totals.chinaRevenue".
 * @param [rules] Custom rules table, as in CHIPS.EVALUATE.
 * @returns A grid: the corner names both inputs, the first row holds the column values, the first column the row values.
 */
export function SENSITIVITY_GRID(buyers: unknown[][], policy: unknown[][], rowAxis: unknown[][], columnAxis: unknown[][], output?: unknown[][], rules?: unknown[][], invocation?: CustomFunctions.CancelableInvocation): Promise<unknown[][]> {
  return spillLater(() => prepareGrid(buyers, policy, rowAxis, columnAxis, output, rules), invocation);
}
