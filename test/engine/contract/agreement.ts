/**
 * Where an evaluation disagrees with the reference's: every shipped figure, step and total to
 * 1e-6 relative (1e-6 absolute near zero), and `binding`, `largestCut`, names, periods and the
 * step ids exactly. Used by the contract law and the model document's test.
 */
import { REFERENCE_STEPS, ReferenceEvaluation } from "./reference";

/** An evaluation read as the JSON it prints (`chips evaluate --json`): only the contract's fields are compared. */
export interface EvaluationJson {
  readonly scenario: string;
  readonly periods: readonly {
    readonly period: string;
    readonly buyers: readonly ({ readonly name: string; readonly steps: Readonly<Record<string, number>> } & Readonly<Record<string, unknown>>)[];
    readonly totals: Readonly<Record<string, number>>;
  }[];
}

const BUYER_FIGURES = ["shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent"] as const;
const BUYER_NAMES = ["binding", "largestCut"] as const;
const TOTALS = ["requested", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "chinaRevenue"] as const;

/** Equal to 1e-6 relative, or 1e-6 absolute near zero. */
export const close = (a: unknown, b: number): boolean => typeof a === "number" && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** One line per disagreement, `path: engine … reference …`; empty when they agree. */
export function disagreements(engine: EvaluationJson, reference: ReferenceEvaluation): string[] {
  const out: string[] = [];
  const differ = (path: string, got: unknown, want: unknown) => out.push(`${path}: engine ${JSON.stringify(got)}, reference ${JSON.stringify(want)}`);
  if (engine.scenario !== reference.scenario) differ("scenario", engine.scenario, reference.scenario);
  if (engine.periods.length !== reference.periods.length) differ("periods.length", engine.periods.length, reference.periods.length);
  reference.periods.forEach((want, t) => {
    const got = engine.periods[t];
    if (!got) return;
    const at = `periods[${t}]`;
    if (got.period !== want.period) differ(`${at}.period`, got.period, want.period);
    if (got.buyers.length !== want.buyers.length) differ(`${at}.buyers.length`, got.buyers.length, want.buyers.length);
    want.buyers.forEach((wantBuyer, b) => {
      const gotBuyer = got.buyers[b];
      if (!gotBuyer) return;
      const bat = `${at}.buyers[${b}]`;
      if (gotBuyer.name !== wantBuyer.name) differ(`${bat}.name`, gotBuyer.name, wantBuyer.name);
      for (const key of BUYER_FIGURES) if (!close(gotBuyer[key], wantBuyer[key])) differ(`${bat}.${key}`, gotBuyer[key], wantBuyer[key]);
      for (const key of BUYER_NAMES) if (gotBuyer[key] !== wantBuyer[key]) differ(`${bat}.${key}`, gotBuyer[key], wantBuyer[key]);
      const ids = Object.keys(gotBuyer.steps);
      if (ids.join() !== REFERENCE_STEPS.join()) differ(`${bat}.steps (ids)`, ids, REFERENCE_STEPS);
      for (const id of REFERENCE_STEPS) if (!close(gotBuyer.steps[id], wantBuyer.steps[id])) differ(`${bat}.steps.${id}`, gotBuyer.steps[id], wantBuyer.steps[id]);
    });
    for (const key of TOTALS) if (!close(got.totals[key], want.totals[key])) differ(`${at}.totals.${key}`, got.totals[key], want.totals[key]);
  });
  return out;
}
