/** How the uncertainty panel writes numbers, distributions and output names (pure, no DOM). */
import { InputValue, TOTAL_METRICS, outputLabel } from "../../engine";
import { display } from "../../report/formats";
import { outputFormat } from "../../report/uncertainty";

/**
 * An output's value in the report's one formatter: US$ bn for money (revenue, US share, Nvidia net), else whole units.
 * @example figure("totals.chinaRevenue", 4.4e9) // returns "$4.4bn"
 */
export const figure = (output: string, v: number): string => display(v, outputFormat(output));

/**
 * An input's value as the pane shows it.
 * @example inputValue(0.44) // returns "0.44"
 */
export function inputValue(v: unknown): string {
  if (typeof v === "number") return Math.abs(v) >= 1000 ? v.toLocaleString("en-US", { maximumFractionDigits: 0 }) : String(Number(v.toPrecision(4)));
  if (Array.isArray(v)) return v.map(inputValue).join(", ");
  if (typeof v === "string") return v;
  return String(v as InputValue | null | undefined);
}

/** The outputs offered in the pane: every total over all periods. */
export const OUTPUT_CHOICES: readonly string[] = TOTAL_METRICS.map((m) => `totals.${m}`);

/** A reader's name for an output, the same on every surface. */
export { outputLabel };

/**
 * A distribution as written in the document, in a few words (tolerant of invalid entries).
 * @example describeDistribution({ dist: "uniform", min: 0.4, max: 0.8 }) // returns "uniform 0.4 to 0.8"
 */
export function describeDistribution(raw: unknown): string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "(not a distribution)";
  const d = raw as Record<string, unknown>;
  const v = inputValue;
  switch (d.dist) {
    case "uniform":
      return `uniform ${v(d.min)} to ${v(d.max)}`;
    case "triangular":
      return `triangular ${v(d.min)} to ${v(d.max)}, mode ${v(d.mode)}`;
    case "normal":
      return `normal mean ${v(d.mean)}, sd ${v(d.sd)}${d.min !== undefined || d.max !== undefined ? `, within ${v(d.min ?? "-∞")} to ${v(d.max ?? "∞")}` : ""}`;
    case "bernoulli":
      return `true with probability ${v(d.p)}`;
    case "choice": {
      const values = Array.isArray(d.values) ? d.values : [];
      const weights = Array.isArray(d.weights) ? (d.weights as unknown[]) : undefined;
      const total = weights?.reduce<number>((s, w) => s + (typeof w === "number" ? w : 0), 0);
      return `one of ${values.map((x, i) => (weights && total ? `${v(x)} (${Math.round((100 * Number(weights[i])) / total)}%)` : v(x))).join(", ")}`;
    }
    default:
      return `unknown distribution ${JSON.stringify(d.dist)}`;
  }
}
