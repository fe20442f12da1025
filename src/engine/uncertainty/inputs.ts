/**
 * Input addressing: a field path of the scenario document ("china.approvalRate",
 * "market.supply[2]", "buyers[0].requested", "buyers[ByteDance].domesticUnits") resolved once
 * into a slot with a fast setter on a private, mutable copy of the resolved Scenario and the
 * same range checks as validation (../validate.ts), so sampling never re-validates a document.
 */
import { MAX_PRICE, MAX_RATIO, MAX_UNITS, MAX_USD, rangeMessage } from "../fields";
import { ACCESS_MODES, CAP_BASES, Scenario, US_SHARE_TREATMENTS } from "../scenario";
import { Bounds, InputValue } from "./distributions";
import { uncertaintyMessages as m } from "./messages";

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

/** A private, mutable copy of a resolved Scenario that inputs are written into. */
export type WorkingScenario = DeepMutable<Scenario>;

/**
 * A deep copy of `scenario` that setters may write into (the caller's scenario is never touched).
 * @example workingCopy(scenario).market.supply !== scenario.market.supply // returns true
 */
export function workingCopy(s: Scenario): WorkingScenario {
  return {
    ...s,
    periods: [...s.periods],
    us: { ...s.us, usShipments: s.us.usShipments ? [...s.us.usShipments] : null },
    china: { ...s.china, cap: { ...s.china.cap } },
    market: { ...s.market, supply: [...s.market.supply], baselineChinaRevenue: [...s.market.baselineChinaRevenue] },
    buyers: s.buyers.map((b) => ({ ...b, requested: [...b.requested] })),
    rules: s.rules.map((r) => ({ ...r })),
  };
}

export type InputKind =
  | { readonly kind: "number"; readonly bounds: Bounds; readonly what: string }
  | { readonly kind: "boolean" }
  | { readonly kind: "enum"; readonly values: readonly string[] };

/** One input that can vary, resolved against one scenario. */
export interface InputSlot {
  /** Canonical path, buyers by index: e.g. "buyers[0].requested[1]". */
  readonly path: string;
  /** The same path as keys and indexes of the scenario document. */
  readonly docPath: readonly (string | number)[];
  readonly input: InputKind;
  /** The current value (a per-period field read whole gives one number per period). */
  get(work: WorkingScenario): InputValue | readonly number[] | null;
  /** Writes a value that `check` accepted. */
  set(work: WorkingScenario, value: InputValue): void;
  /** Why `value` is not valid for this field, or undefined when it is. */
  check(value: InputValue): string | undefined;
}

const fraction = (what: string): InputKind => ({ kind: "number", bounds: { lo: 0, hi: 1, loOpen: false }, what });
const atLeast0 = (hi: number, what: string): InputKind => ({ kind: "number", bounds: { lo: 0, hi, loOpen: false }, what });
const price = (what: string): InputKind => ({ kind: "number", bounds: { lo: 0, hi: MAX_PRICE, loOpen: true }, what });
const flag: InputKind = { kind: "boolean" };
const oneOf = (values: readonly string[]): InputKind => ({ kind: "enum", values });

interface FieldDef {
  readonly input: InputKind;
  /** One number per period (a single number sets every period; [t] sets one). */
  readonly perPeriod?: boolean;
}

const US: Record<string, FieldDef> = {
  exportsAllowed: { input: flag },
  approvedCustomersOnly: { input: flag },
  revenueShare: { input: fraction("share of sales paid to the US government") },
  chinaCapOfUsVolume: { input: atLeast0(MAX_RATIO, "China's H200 volume as a multiple of US shipments") },
  usShipments: { input: atLeast0(MAX_UNITS, "US H200 shipments in units"), perPeriod: true },
};
const CHINA: Record<string, FieldDef> = {
  access: { input: oneOf(ACCESS_MODES) },
  approvalRate: { input: fraction("share of requested volume approved") },
  publicSectorBan: { input: flag },
};
const CAP: Record<string, FieldDef> = {
  basis: { input: oneOf(CAP_BASES) },
  ratio: { input: atLeast0(MAX_RATIO, "H200 allowed per domestic chip or dollar") },
};
const MARKET: Record<string, FieldDef> = {
  h200Price: { input: price("USD per H200") },
  domesticPrice: { input: price("USD per domestic processor") },
  supply: { input: atLeast0(MAX_UNITS, "H200 units Nvidia can allocate to China"), perPeriod: true },
  h20Multiple: { input: atLeast0(MAX_RATIO, "H20s per H200 in compute") },
  baselineChinaRevenue: { input: atLeast0(MAX_USD, "China revenue without H200, in USD"), perPeriod: true },
  usShareTreatment: { input: oneOf(US_SHARE_TREATMENTS) },
};
const BUYER: Record<string, FieldDef> = {
  requested: { input: atLeast0(MAX_UNITS, "H200 units requested per period"), perPeriod: true },
  domesticUnits: { input: atLeast0(MAX_UNITS, "domestic AI processors held and planned, in units") },
  domesticValue: { input: atLeast0(MAX_USD, "USD value of domestic processors") },
  publicSectorShare: { input: fraction("public-sector share of demand") },
  usApproved: { input: flag },
  approvalRate: { input: fraction("share of this buyer's requested volume approved") },
};

/** Every path shape an input can take, for messages and help. */
export const INPUT_PATHS: readonly string[] = [
  ...Object.keys(US).map((k) => `us.${k}` + (US[k].perPeriod ? "[t]" : "")),
  ...Object.keys(CHINA).map((k) => `china.${k}`),
  ...Object.keys(CAP).map((k) => `china.cap.${k}`),
  ...Object.keys(MARKET).map((k) => `market.${k}` + (MARKET[k].perPeriod ? "[t]" : "")),
  ...Object.keys(BUYER).map((k) => `buyers[i].${k}` + (BUYER[k].perPeriod ? "[t]" : "")),
];

type Segment = string | number | { readonly name: string };

function segments(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  const token = /^(?:(^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("?)([^\]"]+)\4\])/;
  let rest = path.trim();
  while (rest.length > 0) {
    const t = token.exec(rest);
    if (!t || (t[2] !== undefined && out.length > 0 && t[1] !== ".")) return undefined;
    out.push(t[2] !== undefined ? t[2] : t[3] !== undefined ? Number(t[3]) : { name: t[5] });
    rest = rest.slice(t[0].length);
  }
  return out.length > 0 ? out : undefined;
}

/** Why `value` is not valid for `input`, or undefined. */
export function checkValue(input: InputKind, value: InputValue): string | undefined {
  if (input.kind === "boolean") return typeof value === "boolean" ? undefined : m.badValue(value, "is not true or false");
  if (input.kind === "enum") return typeof value === "string" && input.values.includes(value) ? undefined : m.badValue(value, `is not one of ${input.values.map((v) => JSON.stringify(v)).join(", ")}`);
  if (typeof value !== "number" || !Number.isFinite(value)) return m.badValue(value, "is not a finite number");
  const { lo, hi, loOpen } = input.bounds;
  return rangeMessage(value, lo === 0 && hi === 1 && !loOpen ? { fraction: true } : { ...(loOpen ? { above: lo } : { min: lo }), max: hi });
}

/**
 * Resolves an input path against a scenario: a slot, or a message saying what is wrong.
 * @example typeof resolveInput(scenario, "china.approvalRate") // returns "object"
 */
export function resolveInput(scenario: Scenario, path: string): InputSlot | string {
  const segs = segments(path);
  if (!segs) return m.pathSyntax(path);
  const [head, ...rest] = segs;
  const notInput = () => m.notAnInput(path, INPUT_PATHS);
  const field = (defs: Record<string, FieldDef>, key: Segment | undefined): FieldDef | undefined =>
    typeof key === "string" && Object.prototype.hasOwnProperty.call(defs, key) ? defs[key] : undefined;
  const periods = scenario.periods.length;

  // Each branch: the field's definition, its document path, and accessors for its container.
  type Scalar = { def: FieldDef; docPath: (string | number)[]; get: (w: WorkingScenario) => InputValue | null; set: (w: WorkingScenario, v: InputValue) => void };
  type Series = { def: FieldDef; docPath: (string | number)[]; series: (w: WorkingScenario) => number[] | null; index: Segment | undefined; extra: boolean };
  let target: Scalar | Series | string;

  if (head === "us") {
    const key = rest[0] as keyof typeof US & string;
    const def = field(US, key);
    if (!def) return notInput();
    if (def.perPeriod) target = { def, docPath: ["us", key], series: (w) => w.us.usShipments, index: rest[1], extra: rest.length > 2 };
    else if (rest.length > 1) return notInput();
    else
      target = {
        def,
        docPath: ["us", key],
        get: (w) => w.us[key as "revenueShare"],
        set: (w, v) => void ((w.us as unknown as Record<string, InputValue>)[key] = v),
      };
  } else if (head === "china" && rest[0] === "cap") {
    const key = rest[1] as string;
    const def = field(CAP, key);
    if (!def || rest.length > 2) return notInput();
    target = {
      def,
      docPath: ["china", "cap", key],
      get: (w) => (w.china.cap as unknown as Record<string, InputValue | null>)[key],
      set: (w, v) => void ((w.china.cap as unknown as Record<string, InputValue>)[key] = v),
    };
  } else if (head === "china") {
    const key = rest[0] as string;
    const def = field(CHINA, key);
    if (!def || rest.length > 1) return notInput();
    target = {
      def,
      docPath: ["china", key],
      get: (w) => (w.china as unknown as Record<string, InputValue | null>)[key],
      set: (w, v) => void ((w.china as unknown as Record<string, InputValue>)[key] = v),
    };
  } else if (head === "market") {
    const key = rest[0] as string;
    const def = field(MARKET, key);
    if (!def) return notInput();
    if (def.perPeriod) {
      const k = key as "supply" | "baselineChinaRevenue";
      target = { def, docPath: ["market", key], series: (w) => w.market[k], index: rest[1], extra: rest.length > 2 };
    } else if (rest.length > 1) return notInput();
    else
      target = {
        def,
        docPath: ["market", key],
        get: (w) => (w.market as unknown as Record<string, InputValue | null>)[key],
        set: (w, v) => void ((w.market as unknown as Record<string, InputValue>)[key] = v),
      };
  } else if (head === "buyers") {
    const which = rest[0];
    const count = scenario.buyers.length;
    const b = typeof which === "number" ? which : typeof which === "object" ? scenario.buyers.findIndex((x) => x.name === which.name) : -1;
    if (which === undefined || typeof which === "string") return notInput();
    if (b < 0 || b >= count) return m.buyerIndex(typeof which === "number" ? `[${which}]` : JSON.stringify(which.name), count);
    const key = rest[1] as string;
    const def = field(BUYER, key);
    if (!def) return notInput();
    if (def.perPeriod) target = { def, docPath: ["buyers", b, key], series: (w) => w.buyers[b].requested, index: rest[2], extra: rest.length > 3 };
    else if (rest.length > 2) return notInput();
    else
      target = {
        def,
        docPath: ["buyers", b, key],
        get: (w) => (w.buyers[b] as unknown as Record<string, InputValue | null>)[key],
        set: (w, v) => void ((w.buyers[b] as unknown as Record<string, InputValue>)[key] = v),
      };
  } else return notInput();

  const input = target.def.input;
  const check = (v: InputValue) => checkValue(input, v);
  if ("get" in target) {
    return { path: canonical(target.docPath), docPath: target.docPath, input, get: target.get, set: target.set, check };
  }
  const { series, index, extra, docPath } = target;
  if (extra || (index !== undefined && typeof index !== "number")) return notInput();
  if (index === undefined) {
    return {
      path: canonical(docPath),
      docPath,
      input,
      get: (w) => series(w),
      set: (w, v) => {
        const values = series(w);
        if (values) values.fill(v as number);
        // us.usShipments unset: it only matters with us.chinaCapOfUsVolume, which requires it.
        else if (docPath[1] === "usShipments") w.us.usShipments = new Array<number>(periods).fill(v as number);
      },
      check,
    };
  }
  if (index >= periods) return m.periodIndex(index, periods);
  if (series(workingCopy(scenario)) === null) return m.unsetSeries(canonical(docPath));
  return {
    path: canonical([...docPath, index]),
    docPath: [...docPath, index],
    input,
    get: (w) => series(w)?.[index] ?? null,
    set: (w, v) => {
      (series(w) as number[])[index] = v as number;
    },
    check,
  };
}

/** "buyers[0].requested[1]" from ["buyers", 0, "requested", 1]. */
export function canonical(docPath: readonly (string | number)[]): string {
  return docPath.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

/** Sets `docPath` in a JSON document (objects along the way are created). */
export function setInDocument(doc: Record<string, unknown>, docPath: readonly (string | number)[], value: unknown): void {
  let node = doc as Record<string | number, unknown>;
  for (let i = 0; i < docPath.length - 1; i++) {
    const k = docPath[i];
    if (typeof node[k] !== "object" || node[k] === null) node[k] = typeof docPath[i + 1] === "number" ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  }
  node[docPath[docPath.length - 1]] = value;
}

/** The scenario as a plain document that validateScenario accepts (a resolved Scenario is one), without its uncertainty block. */
export function scenarioDocument(scenario: Scenario): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  delete doc.uncertainty;
  return doc;
}
