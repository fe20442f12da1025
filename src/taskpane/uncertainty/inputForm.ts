/**
 * The "add an uncertain input" form as data (pure, no DOM): which paths can vary in a scenario,
 * which distributions fit each, their parameters, how the typed text becomes the document's
 * distribution object, and where a problem the engine located belongs.
 */
import { DISTRIBUTIONS, DistributionName, DocPath, INPUT_PATHS, InputKind, Scenario, inputLabel, resolveInput, valueAt } from "../../engine";

export interface PathChoice {
  readonly path: string;
  /** e.g. "US policy", "Market", or a buyer's name. */
  readonly group: string;
  readonly label: string;
  readonly kind: InputKind;
  /** The value in the scenario (a per-period field read whole: one number per period). */
  readonly base: unknown;
}

const GROUPS: Record<string, string> = { us: "US policy", china: "China policy", market: "Market" };

/**
 * Every input path that can vary in `scenario`: per-buyer paths for each buyer, per-period
 * fields whole and period by period (`china.approvalRate[2]`; only fields the scenario sets in
 * some period).
 * @example inputPathChoices(scenario).some((c) => c.path === "china.approvalRate") // returns true
 */
export function inputPathChoices(scenario: Scenario): PathChoice[] {
  const out: PathChoice[] = [];
  const add = (path: string, group: string, label: string): unknown => {
    const slot = resolveInput(scenario, path);
    if (typeof slot === "string") return undefined;
    const base = valueAt(scenario, slot.docPath);
    out.push({ path: slot.path, group, label, kind: slot.input, base });
    return base;
  };
  const label = (p: string) => inputLabel(scenario, p);
  const expand = (path: string, group: string) => {
    if (!path.endsWith("[t]")) return void add(path, group, label(path));
    const whole = path.slice(0, -3);
    // The whole field reads as its one label (as on every other surface); each period's element names its period.
    const base = add(whole, group, label(whole));
    // A field the scenario leaves unset in every period (all null: the default) varies only whole.
    if (!Array.isArray(base) || base.every((v) => v === null)) return;
    scenario.periods.forEach((_, t) => add(`${whole}[${t}]`, group, label(`${whole}[${t}]`)));
  };
  for (const pattern of INPUT_PATHS.filter((p) => !p.startsWith("buyers"))) expand(pattern, GROUPS[pattern.split(".")[0]] ?? "Other");
  scenario.buyers.forEach((b, i) => {
    for (const pattern of INPUT_PATHS.filter((p) => p.startsWith("buyers[i]."))) expand(pattern.replace("buyers[i]", `buyers[${i}]`), b.name);
  });
  return out;
}

/** The distributions that fit an input of this kind (as simulate() checks). */
export function distributionsFor(kind: InputKind): DistributionName[] {
  if (kind.kind === "boolean") return ["bernoulli", "choice"];
  if (kind.kind === "enum") return ["choice"];
  return DISTRIBUTIONS.filter((d) => d !== "bernoulli");
}

export interface ParamSpec {
  readonly key: string;
  readonly label: string;
  /** "list": values separated by commas. */
  readonly kind: "number" | "list";
  readonly optional?: boolean;
  readonly hint?: string;
}

export const PARAMS: Record<DistributionName, readonly ParamSpec[]> = {
  uniform: [
    { key: "min", label: "Minimum", kind: "number" },
    { key: "max", label: "Maximum", kind: "number" },
  ],
  triangular: [
    { key: "min", label: "Minimum", kind: "number" },
    { key: "mode", label: "Most likely", kind: "number" },
    { key: "max", label: "Maximum", kind: "number" },
  ],
  normal: [
    { key: "mean", label: "Mean", kind: "number" },
    { key: "sd", label: "Standard deviation", kind: "number" },
    { key: "min", label: "Lowest (optional)", kind: "number", optional: true, hint: "Truncates the normal; the field's own range always applies." },
    { key: "max", label: "Highest (optional)", kind: "number", optional: true },
  ],
  bernoulli: [{ key: "p", label: "Probability of true (0–1)", kind: "number" }],
  choice: [
    { key: "values", label: "Values", kind: "list", hint: "Separated by commas, e.g. units, dollars or 0.5, 1, 1.5." },
    { key: "weights", label: "Weights (optional)", kind: "list", optional: true, hint: "One per value, e.g. 70, 30; blank: equally likely." },
  ],
};

const word = (s: string): number | boolean | string => {
  const t = s.trim();
  if (t === "true" || t === "false") return t === "true";
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : t;
};

/**
 * The document's distribution object from the form's text: numbers where the text is one,
 * else the text itself so readDistribution names it; blank optional fields are left out.
 * @example distributionFromText("uniform", { min: "0.4", max: "0.8" }) // returns { dist: "uniform", min: 0.4, max: 0.8 }
 */
export function distributionFromText(dist: DistributionName, texts: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = { dist };
  for (const p of PARAMS[dist]) {
    const t = (texts[p.key] ?? "").trim();
    if (t === "") continue;
    out[p.key] = p.kind === "list" ? t.split(",").map(word) : word(t);
  }
  return out;
}

/** The form's text for a distribution from the document (for editing an input). */
export function textFromDistribution(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (k !== "dist" && v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : String(v);
  return out;
}

const round = (v: number) => Number(v.toPrecision(3));

/**
 * Starting parameters for a new input: a ±20% range around its value in the scenario, kept
 * inside the field's range; the enum's words for a choice; p = 0.5 for a flag.
 * @example defaultText("uniform", { kind: "number", bounds: { lo: 0, hi: 1, loOpen: false }, what: "" }, 0.6) // returns { min: "0.48", max: "0.72" }
 */
export function defaultText(dist: DistributionName, kind: InputKind, base: unknown): Record<string, string> {
  if (dist === "bernoulli") return { p: "0.5" };
  if (dist === "choice") return { values: kind.kind === "enum" ? kind.values.join(", ") : kind.kind === "boolean" ? "true, false" : "" };
  if (kind.kind !== "number") return {};
  const v = typeof base === "number" ? base : Array.isArray(base) && typeof base[0] === "number" ? base[0] : kind.bounds.lo;
  const clamp = (x: number) => Math.min(kind.bounds.hi, Math.max(kind.bounds.lo, x));
  const lo = round(clamp(v * 0.8));
  const hi = round(clamp(v === 0 ? 1 : v * 1.2));
  if (dist === "uniform") return { min: String(lo), max: String(hi) };
  if (dist === "triangular") return { min: String(lo), mode: String(round(v)), max: String(hi) };
  return { mean: String(round(v)), sd: String(round(Math.abs(v) * 0.1 || 0.1)) };
}

/** Where the engine locates an uncertain input's problems: `["uncertainty", "inputs", "china.approvalRate"]`. */
export const inputProblemPath = (path: string): DocPath => ["uncertainty", "inputs", path];

/**
 * Which input (and which of its parameters) a problem's location names.
 * @example locateInputProblem(["uncertainty", "inputs", "china.approvalRate", "min"]) // returns { path: "china.approvalRate", param: "min" }
 */
export function locateInputProblem(at: DocPath): { path: string; param?: string } | undefined {
  const [block, inputs, path, param] = at;
  if (block !== "uncertainty" || inputs !== "inputs" || typeof path !== "string") return undefined;
  return typeof param === "string" ? { path, param } : { path };
}
