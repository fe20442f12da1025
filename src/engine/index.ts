/** The Chokepoint rule engine: pure TypeScript, no Office, DOM or Node API. */
export * from "./problems";
export * from "./scenario";
export { validateScenario, PERIOD_LABEL } from "./validate";
export { parseScenario, formatOf } from "./parse";
export type { ScenarioFormat } from "./parse";
export { PIPELINE, STEP_IDS, effectiveSupply } from "./pipeline";
export type { Step, StepId, BuyerStep, AllocationStep, BuiltInStepId } from "./pipeline";
export { evaluate, bindingStep } from "./evaluate";
export type { Evaluation, PeriodOutcome, BuyerOutcome, PeriodTotals } from "./evaluate";
export { domesticRatioCap } from "./domesticRatioCap";
export type { DomesticHoldings } from "./domesticRatioCap";
export { usRevenueShare, usRevenueShareOf, DEFAULT_US_REVENUE_SHARE } from "./usRevenueShare";
export { h200Allowed } from "./h200Allowed";
export { usLicense, chinaAccess, publicSector, allocateSupply, supplyLimit } from "./steps";
