import { domesticRatioCap } from "./domesticRatioCap";
import { rangeMessage } from "./fields";
import { messages } from "./messages";
import { Problem, Result, fail, ok, problem } from "./problems";

export interface H200AllowedArgs {
  /** Domestic holdings: chips, or USD on the dollars basis without domesticPrice. */
  readonly domestic: number;
  readonly ratio: number;
  /** "units" (default) or "dollars"; matched without regard to case or surrounding spaces. */
  readonly basis?: string | null;
  readonly h200Price?: number | null;
  readonly domesticPrice?: number | null;
}

/**
 * MODEL.md's `H200_ALLOWED`: the cap of step `domestic_ratio` alone, in H200 units.
 * Problems name the argument at fault.
 * @example h200Allowed({ domestic: 120000, ratio: 1 }) // returns { ok: true, value: 120000 }
 * @example h200Allowed({ domestic: 2.7e9, ratio: 0.5, basis: "dollars", h200Price: 27000 }) // returns { ok: true, value: 50000 }
 * @example h200Allowed({ domestic: 1000, ratio: 1, basis: "dollars", h200Price: 27000, domesticPrice: 13500 }) // returns { ok: true, value: 500 }
 */
export function h200Allowed(args: H200AllowedArgs): Result<number> {
  const problems: Problem[] = [];
  const check = (name: string, v: number | null | undefined, spec: { min?: number; above?: number }) => {
    if (v === null || v === undefined) return;
    if (!Number.isFinite(v)) return problems.push(problem("range", name, messages.notFinite(name)));
    const bad = rangeMessage(v, spec);
    if (bad) problems.push(problem("range", name, bad));
  };
  check("domestic", args.domestic, { min: 0 });
  check("ratio", args.ratio, { min: 0 });
  check("h200Price", args.h200Price, { above: 0 });
  check("domesticPrice", args.domesticPrice, { above: 0 });

  const basis = (args.basis ?? "units").trim().toLowerCase();
  if (basis === "none") problems.push(problem("enum", "basis", messages.noCapOnNone()));
  else if (basis !== "units" && basis !== "dollars") problems.push(problem("enum", "basis", messages.notOneOf(args.basis, ["units", "dollars"])));
  if (basis === "dollars" && (args.h200Price === null || args.h200Price === undefined)) {
    problems.push(problem("missing", "h200Price", messages.h200PriceNeeded()));
  }
  if (problems.length > 0) return fail(...problems);

  const cap = domesticRatioCap(
    { basis: basis as "units" | "dollars", ratio: args.ratio },
    basis === "units"
      ? { domesticUnits: args.domestic, domesticValue: null, domesticPrice: null, h200Price: args.h200Price ?? NaN }
      : args.domesticPrice !== null && args.domesticPrice !== undefined
        ? { domesticUnits: args.domestic, domesticValue: null, domesticPrice: args.domesticPrice, h200Price: args.h200Price as number }
        : { domesticUnits: 0, domesticValue: args.domestic, domesticPrice: null, h200Price: args.h200Price as number },
  );
  return Number.isFinite(cap) ? ok(cap) : fail(problem("range", "", messages.tooLarge()));
}
