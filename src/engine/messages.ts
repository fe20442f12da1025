/** Every user-facing engine message, kept together so wording stays consistent. */

import { analystNumberHint } from "./analystNumber";
import { quoteText } from "./problems";

const show = (v: unknown): string => {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return quote(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return String(v);
};

/** Untrusted text, quoted, escaped and cut short so a hostile value cannot flood or break a message. */
const quote = (v: string): string => quoteText(v, 40);

/** At most this many candidates (rule ids, buyer names, …) are listed in one message. */
export const MAX_CANDIDATES = 10;

/**
 * A list for a message, cut after `max` items with a count of the rest; `each` shows one item
 * (untrusted names should be quoted).
 * @example candidateList(["a", "b", "c"], 2) // returns "a, b, and 1 more"
 */
export function candidateList(items: readonly string[], max = MAX_CANDIDATES, each: (item: string) => string = (i) => i): string {
  const shown = items.slice(0, max).map(each).join(", ");
  return items.length > max ? `${shown}, and ${items.length - max} more` : shown;
}
const quotedList = (items: readonly string[]): string => candidateList(items, MAX_CANDIDATES, quote);

/**
 * Alternatives in plain English: "a", "a or b", "a, b or c".
 * @example orList(['"open"', '"approval"', '"blocked"']) // returns "\"open\", \"approval\" or \"blocked\""
 */
export const orList = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`);

/** Where a custom rule ran: its id, the buyer and the period label. */
export interface RuleWhere {
  readonly rule: string;
  readonly buyer: string;
  readonly period: string;
}
const ruleAt = (w: RuleWhere): string => `rule ${quote(w.rule)} for buyer ${quote(w.buyer)} in ${w.period}`;

export const messages = {
  required: (what: string) => `required: ${what}`,
  /** Strict inputs (scenario files): the likely fix when the text reads as a number the lenient way (`"25%"`, `"130,000"`). */
  notNumber: (v: unknown, what: string) => {
    const hint = typeof v === "string" ? analystNumberHint(v) : undefined;
    if (hint) return `expected a number (${what}); ${hint}`;
    return `expected a number (${what}), got ${show(v)}` + (typeof v === "string" && /[0-9]/.test(v) ? "; write plain numbers such as 3e9, not text such as \"3bn\"" : "");
  },
  /** Lenient inputs (Excel text arguments), which already read 27k, $27,000, 1.5bn and 60%. */
  notAnalystNumber: (v: unknown, what: string) =>
    `expected a number (${what}), got ${show(v)}` + (typeof v === "string" && /[0-9]/.test(v) ? "; write e.g. 27000, 27k, $27,000, 1.5bn or 60%" : ""),
  implausible: (v: number, what: string, side: "lo" | "hi", bound: number) =>
    `${v} looks too ${side === "lo" ? "small" : "large"} for ${what} (${side === "lo" ? "under" : "over"} ${bound.toLocaleString("en-US")}); check the unit: values are written in full, e.g. 27000 for $27,000 or 2.8e9 for $2.8bn`,
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
  notOneOf: (v: unknown, allowed: readonly string[]) => `must be ${orList(allowed.map((a) => JSON.stringify(a)))}, got ${show(v)}`,
  /** `homes`: the blocks where a field of that name exists ("" = the top level), for a mis-indented key. */
  unknownField: (key: string, suggestion: string | undefined, homes: readonly string[] = []) =>
    `unknown field ${quote(key)}` +
    (homes.length > 0
      ? `; a field of that name belongs ${orList(homes.map((h) => (h === "" ? "at the top level" : `under ${h}`)))}: check its indentation`
      : suggestion
        ? `; did you mean ${JSON.stringify(suggestion)}?`
        : ""),
  periodArrayLength: (got: number, periods: number) =>
    `has ${got} value${got === 1 ? "" : "s"} but the scenario has ${periods} period${periods === 1 ? "" : "s"}; give one number for every period, or a single number for all`,
  /** A list whose commas split a number (`[130,000, 20]` reads as 130, 0, 20): the count is off because of them. */
  periodArrayLengthSeparator: (got: number, periods: number, hint: string) =>
    `has ${got} value${got === 1 ? "" : "s"} but the scenario has ${periods} period${periods === 1 ? "" : "s"}: in a list a comma separates values, and ${hint}`,
  nullWithoutDefault: (what: string) => `required: ${what}; a null in a per-period list means the default, and this field has none`,
  periodOrder: (v: string, before: string) => `${quote(v)} comes before ${quote(before)}; list the periods in chronological order`,
  neededInPeriods: (base: string, periods: readonly string[], all: boolean) => (all ? base : `${base} (in ${candidateList(periods)})`),
  periodLabel: (v: string) => `period labels are Nvidia fiscal quarters such as "FY2027Q1", got ${quote(v)}`,
  duplicate: (what: string, v: string) => `duplicate ${what} ${quote(v)}; each must be unique`,
  emptyList: (what: string) => `needs at least one ${what}`,
  emptyText: () => "must not be empty",
  shortNameTooLong: (v: string) => `must be at most 31 characters (an Excel sheet name), got ${v.length}: ${quote(v)}`,
  shortNameCharacters: (v: string) => `must not contain any of [ ] : * ? / \\ or start or end with ' (an Excel sheet name), got ${quote(v)}`,
  approvalRateNeeded: (buyers: readonly string[]) =>
    `required when china.access is "approval" (no approvalRate of their own: ${quotedList(buyers)})`,
  domesticPriceNeeded: (buyers: readonly string[]) =>
    `required when china.cap.basis is "dollars" and a buyer has no domesticValue (${quotedList(buyers)})`,
  capRatioNeeded: (basis: string) => `required when china.cap.basis is ${JSON.stringify(basis)}`,
  usShipmentsNeeded: () => "required when us.chinaCapOfUsVolume is set (US H200 shipments per period, in units)",
  // Custom rules: the list (rules[i].id / .after).
  ruleIdFormat: (v: string) => `rule ids are a letter followed by letters, digits, "_" or "-" (at most 64 characters), got ${quote(v)}`,
  ruleIdIsStep: (v: string) => `${quote(v)} is a built-in step; choose another rule id`,
  ruleIdReserved: (v: string) => `${quote(v)} is reserved; choose another rule id`,
  afterItself: () => "a rule cannot follow itself; name a step or a rule listed before it",
  afterLaterRule: (v: string) => `rule ${quote(v)} is listed later; a rule can only follow a step or a rule listed before it`,
  unknownAfter: (v: string, suggestion: string | undefined, steps: readonly string[], earlier: readonly string[]) =>
    `unknown step ${quote(v)}` +
    (suggestion ? `; did you mean ${quote(suggestion)}?` : "") +
    `; a rule follows a step (${steps.join(", ")}) or a rule listed before it` +
    (earlier.length > 0 ? ` (${candidateList(earlier)})` : " (none so far)"),
  tooManyRules: (got: number, max: number) => `has ${got} rules; a scenario may have at most ${max}`,
  // Custom rules: the expression, when the scenario loads.
  expressionTooLong: (length: number, max: number) => `the expression has ${length} characters; at most ${max} are allowed`,
  expressionTooNested: (max: number) => `the expression nests brackets more than ${max} deep`,
  expressionTooDeep: (max: number) => `the expression is nested more than ${max} levels deep; simplify it or split it into several rules`,
  expressionSyntax: (detail: string) => `not a valid expression: ${detail}`,
  unknownName: (name: string, suggestion: string | undefined, names: readonly string[]) =>
    `unknown name ${quote(name)}` + (suggestion ? `; did you mean ${quote(suggestion)}?` : "") + `; the names that exist are: ${names.join(", ")}`,
  functionAsValue: (name: string, usage: string) => `${quote(name)} is a function; call it as ${usage}`,
  notAFunction: (name: string) => `${quote(name)} is a value, not a function; to multiply, write ${name} * (…)`,
  unknownFunction: (name: string, usages: readonly string[]) => `function ${quote(name)} is not available; the functions are: ${usages.join(", ")}`,
  callNotAllowed: (usages: readonly string[]) => `only these functions can be called, by name: ${usages.join(", ")}`,
  argumentCount: (usage: string, got: number) => `wrong number of arguments (${got}); write ${usage}`,
  operatorNotAllowed: (op: string, allowed: readonly string[]) => `operator ${quote(op)} is not allowed; the operators are: ${allowed.join(" ")}`,
  ruleConstruct: (what: string) => {
    const construct: Record<string, string> = {
      AssignmentNode: "assignments (=) are not allowed; to compare, write ==",
      FunctionAssignmentNode: "defining functions is not allowed",
      AccessorNode: "property access and indexing (. and [ ]) are not allowed",
      IndexNode: "property access and indexing (. and [ ]) are not allowed",
      ArrayNode: "lists and matrices ([ ]) are not allowed",
      ObjectNode: "objects ({ }) are not allowed",
      RangeNode: "ranges (a:b) are not allowed",
      BlockNode: "write one expression only: ';' and line breaks between expressions are not allowed",
    };
    return Object.prototype.hasOwnProperty.call(construct, what) ? construct[what] : `${quote(what)} is not allowed in a rule expression`;
  },
  textNotAllowed: () => "text is not allowed: a rule expression works with numbers and true/false",
  constantNotFinite: () => "Infinity and NaN are not allowed; use finite numbers",
  branchKinds: () => "both branches of `condition ? a : b` must be numbers, or both true/false",
  ruleGivesBoolean: () => "the expression gives true/false, not a quantity; write e.g. `condition ? units : 0`",
  clampBounds: (lo: number, hi: number) => `clamp(x, lo, hi) needs lo <= hi, got lo = ${lo} and hi = ${hi}`,
  roundDigits: (digits: number) => `round(x, digits) takes a whole number of digits from 0 to 15, got ${digits}`,
  nameUnset: (name: string, how: string | undefined) => `${name} has no value in this scenario` + (how ? ` (${how})` : ""),
  // Custom rules: while the scenario is evaluated.
  ruleNotNumber: (w: RuleWhere, v: unknown) => `${ruleAt(w)} gave ${show(v)}, not a number of units`,
  ruleNotFinite: (w: RuleWhere, v: number) => `${ruleAt(w)} gave ${v}, not a finite number (a division by zero?)`,
  ruleAboveUnits: (w: RuleWhere, v: number, units: number) =>
    `${ruleAt(w)} gave ${v}, more than the ${units} units it receives; a rule may only lower or keep the quantity`,
  ruleNegative: (w: RuleWhere, v: number) => `${ruleAt(w)} gave ${v}; a quantity cannot be negative`,
  ruleFailed: (w: RuleWhere, detail: string) => `${ruleAt(w)} failed: ${detail}`,
  ruleMoreFailures: (n: number) => ` (and ${n} more buyer-period${n === 1 ? "" : "s"})`,
  unknownPolicyKey: (key: string, suggestion: string | undefined) =>
    `unknown policy key ${quote(key)}` +
    (suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : "; keys are scenario field paths such as china.access or market.supply"),
  unknownPeriodColumn: (header: string, periods: readonly string[]) =>
    `column ${quote(header)} names a period the policy table does not list (periods: ${candidateList(periods) || "none"})`,
  missingPeriodColumns: (missing: readonly string[]) => `no column for period${missing.length === 1 ? "" : "s"} ${candidateList(missing)}`,
  emptyRange: () => "is an empty range",
  shapeMismatch: (name: string, got: number, dim: string, other: string, expected: number) =>
    `${name} has ${got} ${dim} but ${other} has ${expected}; use ranges of the same size, or a single cell, row or column`,
  nestedTooDeep: (max: number, line: number) => `the file is nested more than ${max} levels deep at line ${line}; a scenario needs only a few levels`,
  syntax: (format: string, detail: string) => `the file is not valid ${format}: ${detail}`,
  /** A YAML syntax problem in plain words (yamlSyntax below), with where it is. */
  yamlAt: (line: number, column: number, detail: string) => `the file is not valid YAML at line ${line}, column ${column}: ${detail}`,
  /** A file not named .yaml/.yml that is not JSON either was read as YAML; said after its problem. */
  readAsYaml: (message: string) => `${message} (read as YAML: the text is not JSON)`,
  /** A JSON syntax problem on a line with a number written with thousands separators. */
  jsonSeparator: (message: string, hint: string) => `${message}; ${hint}`,
  notScenario: () => "a scenario must be an object with fields such as name, periods, market and buyers",
  noCapOnNone: () => 'basis "none" has no cap; use "units" or "dollars"',
  h200PriceNeeded: () => 'required on the "dollars" basis: the H200 price in USD (no price is assumed)',
} as const;

/**
 * The yaml library's syntax messages in plain words (with a fix where one is likely); a message
 * it adds later falls back to its own words.
 */
export const yamlSyntax = {
  sameColumn: () => "this line is indented differently from the fields above it; the fields of one block start at the same column",
  listColumn: () => 'this list item is indented differently from the ones above it; the "- " items of one list start at the same column',
  noDash: () => 'this line is inside a list but does not start with "- "; start each item with "- ", or indent the line under the item it belongs to',
  keyWithoutValue: () => 'this line is not "name: value" (a colon missing, or a list item without "- ")',
  keyOnOneLine: () => 'a "name: value" runs over more than one line; a colon missing, or a quote or bracket left open above?',
  compact: () => 'two "name:" on one line; put the inner field on a line of its own, indented under the first',
  tab: () => "a tab indents this line; indent with spaces",
  unclosedQuote: () => "a quoted value is not closed; end it with the same quote mark it starts with",
  unclosedBracket: (bracket: string) => `a list or block opened with ${bracket === "]" ? '"["' : '"{"'} is not closed with ${JSON.stringify(bracket)} before this line`,
  missingComma: () => 'two items of a [ ] list or { } block without a comma between them',
  spaceAfterColon: () => 'write a space after the ":"',
  spaceBeforeComment: () => 'a "#" comment needs a space before it',
  duplicateKey: (key: string | undefined) => `${key ? quote(key) : "a field"} is given twice in one block; keep one`,
  badStart: (c: string) => `a value cannot start with ${JSON.stringify(c)}; put the value in quotes`,
  unexpected: (what: string) => `${quote(what)} is out of place here`,
  multipleDocuments: () => 'the file holds more than one document (a "---" line); a scenario file holds one',
  other: (libraryWords: string) => libraryWords.charAt(0).toLowerCase() + libraryWords.slice(1),
} as const;
