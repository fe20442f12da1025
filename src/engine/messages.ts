/** Every user-facing engine message, kept together so wording stays consistent. */

const show = (v: unknown): string => {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return String(v);
};

export const messages = {
  required: (what: string) => `required: ${what}`,
  notNumber: (v: unknown, what: string) =>
    `expected a number (${what}), got ${show(v)}` +
    (typeof v === "string" && /[0-9]/.test(v) ? "; write plain numbers such as 3e9, not text such as \"3bn\"" : ""),
  notFinite: (what: string) => `expected a finite number (${what})`,
  tooLarge: () => "the result is too large to be a number; check the inputs' units",
  notBoolean: (v: unknown) => `expected true or false, got ${show(v)}`,
  notString: (v: unknown) => `expected text, got ${show(v)}`,
  notObject: (v: unknown) => `expected an object with named fields, got ${show(v)}`,
  notList: (v: unknown) => `expected a list, got ${show(v)}`,
  atLeast: (min: number, v: number) => `must be at least ${min}, got ${v}`,
  atMost: (max: number, v: number) => `must be at most ${max.toExponential()} (a sanity bound; check the units), got ${v}`,
  above: (min: number, v: number) => `must be greater than ${min}, got ${v}`,
  fraction: (v: number) => `must be a fraction between 0 and 1 (e.g. 0.25 for 25%), got ${v}`,
  notOneOf: (v: unknown, allowed: readonly string[]) =>
    `must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${show(v)}`,
  unknownField: (key: string, suggestion: string | undefined) =>
    `unknown field ${JSON.stringify(key)}` + (suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ""),
  periodArrayLength: (got: number, periods: number) =>
    `has ${got} value${got === 1 ? "" : "s"} but the scenario has ${periods} period${periods === 1 ? "" : "s"}; give one number for every period, or a single number for all`,
  periodLabel: (v: string) => `period labels are Nvidia fiscal quarters such as "FY2027Q1", got ${JSON.stringify(v)}`,
  duplicate: (what: string, v: string) => `duplicate ${what} ${JSON.stringify(v)}; each must be unique`,
  emptyList: (what: string) => `needs at least one ${what}`,
  emptyText: () => "must not be empty",
  approvalRateNeeded: (buyers: readonly string[]) =>
    `required when china.access is "approval" (no approvalRate of their own: ${buyers.join(", ")})`,
  domesticPriceNeeded: (buyers: readonly string[]) =>
    `required when china.cap.basis is "dollars" and a buyer has no domesticValue (${buyers.join(", ")})`,
  capRatioNeeded: (basis: string) => `required when china.cap.basis is ${JSON.stringify(basis)}`,
  usShipmentsNeeded: () => "required when us.chinaCapOfUsVolume is set (US H200 shipments per period, in units)",
  rulesUnsupported: () => "custom rules are not supported yet; remove them or leave rules as []",
  syntax: (format: string, detail: string) => `the file is not valid ${format}: ${detail}`,
  notScenario: () => "a scenario must be an object with fields such as name, periods, market and buyers",
  noCapOnNone: () => 'basis "none" has no cap; use "units" or "dollars"',
  h200PriceNeeded: () => 'required on the "dollars" basis: the H200 price in USD (no price is assumed)',
} as const;
