/**
 * Small readers for untrusted JSON-like input. Each reads one field, records a Problem at
 * the field's segments when the value is wrong, and returns a usable fallback so validation can
 * go on and report every problem in one pass.
 */
import { messages } from "./messages";
import type { DocPath } from "./docPath";
import { Problem, problem } from "./problems";

export type Json = Record<string, unknown>;

export class FieldReader {
  readonly problems: Problem[] = [];

  report(code: Problem["code"], path: DocPath, message: string): void {
    this.problems.push(problem(code, path, message));
  }

  /**
   * An object, or undefined (with a problem) when the value is present but not an object. `homes`
   * names the blocks where an unknown key is a field (a mis-indented key), for the message.
   */
  object(value: unknown, path: DocPath, known: readonly string[], homes: (key: string) => readonly string[] = () => []): Json | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.report("type", path, messages.notObject(value));
      return undefined;
    }
    const obj = value as Json;
    for (const key of Object.keys(obj)) {
      // "$schema" and "x-…" keys are free for editors and users' own metadata.
      if (known.includes(key) || key.startsWith("$") || key.startsWith("x-")) continue;
      this.report("unknown", join(path, key), messages.unknownField(key, closest(key, known), homes(key)));
    }
    return obj;
  }

  /** A finite number; undefined/null → fallback (or a "missing" problem when required). */
  number(obj: Json | undefined, key: string, path: DocPath, spec: NumberSpec): number | undefined {
    const at = join(path, key);
    const v = obj?.[key];
    if (v === undefined || v === null) {
      if (spec.required) this.report("missing", at, messages.required(spec.what));
      return spec.fallback;
    }
    return this.checkNumber(v, at, spec) ?? spec.fallback;
  }

  /** A number that may be null (null is a meaningful value, e.g. "no cap"). */
  nullableNumber(obj: Json | undefined, key: string, path: DocPath, spec: NumberSpec): number | null {
    const v = obj?.[key];
    if (v === undefined || v === null) return null;
    return this.checkNumber(v, join(path, key), spec) ?? null;
  }

  /**
   * One value per period: a single value (the same every period) or a list with one value per
   * period, each checked by `one`. A missing field or a null element takes `spec.fallback`; where
   * that is undefined (no default) it is a problem, reported at the element (`path[2]`).
   */
  timeline<T>(obj: Json | undefined, key: string, path: DocPath, periods: number, spec: TimelineSpec<T>): (T | null)[] | undefined {
    const at = join(path, key);
    const v = obj?.[key];
    if (v === undefined || v === null) {
      if (spec.required) this.report("missing", at, messages.required(`${spec.what}, one value or one per period`));
      return spec.fallback === undefined ? undefined : new Array<T | null>(periods).fill(spec.fallback);
    }
    if (!Array.isArray(v)) {
      const one = spec.one(v, at);
      return one === undefined ? undefined : new Array<T>(periods).fill(one);
    }
    if (periods > 0 && v.length !== periods) {
      this.report("shape", at, messages.periodArrayLength(v.length, periods));
      return undefined;
    }
    const out = v.map((item: unknown, i): T | null | undefined => {
      if (item !== undefined && item !== null) return spec.one(item, join(at, i));
      if (spec.fallback === undefined) this.report("missing", join(at, i), messages.nullWithoutDefault(spec.what));
      return spec.fallback;
    });
    return out.every((x) => x !== undefined) ? (out as (T | null)[]) : undefined;
  }

  /** A value that must be true or false, or undefined (with a problem). */
  booleanValue(v: unknown, at: DocPath): boolean | undefined {
    if (typeof v === "boolean") return v;
    this.report("type", at, messages.notBoolean(v));
    return undefined;
  }

  /** One of `allowed`, or undefined (with a problem). */
  choiceValue<T extends string>(v: unknown, at: DocPath, allowed: readonly T[]): T | undefined {
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    this.report("enum", at, messages.notOneOf(v, allowed));
    return undefined;
  }

  /** A finite number within the spec's range, or undefined (with a problem). */
  numberValue(v: unknown, at: DocPath, spec: NumberSpec): number | undefined {
    return this.checkNumber(v, at, spec);
  }

  boolean(obj: Json | undefined, key: string, path: DocPath, fallback: boolean): boolean {
    const v = obj?.[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "boolean") {
      this.report("type", join(path, key), messages.notBoolean(v));
      return fallback;
    }
    return v;
  }

  text(obj: Json | undefined, key: string, path: DocPath, spec: { required: boolean; what: string; fallback: string }): string {
    const at = join(path, key);
    const v = obj?.[key];
    if (v === undefined || v === null) {
      if (spec.required) this.report("missing", at, messages.required(spec.what));
      return spec.fallback;
    }
    if (typeof v !== "string") {
      this.report("type", at, messages.notString(v));
      return spec.fallback;
    }
    if (spec.required && v.trim() === "") this.report("missing", at, messages.emptyText());
    return v;
  }

  choice<T extends string>(obj: Json | undefined, key: string, path: DocPath, allowed: readonly T[], fallback: T): T {
    const v = obj?.[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
      this.report("enum", join(path, key), messages.notOneOf(v, allowed));
      return fallback;
    }
    return v as T;
  }

  list(obj: Json | undefined, key: string, path: DocPath, required: string | undefined): unknown[] | undefined {
    const at = join(path, key);
    const v = obj?.[key];
    if (v === undefined || v === null) {
      if (required) this.report("missing", at, messages.required(required));
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.report("type", at, messages.notList(v));
      return undefined;
    }
    return v;
  }

  private checkNumber(v: unknown, at: DocPath, spec: NumberSpec): number | undefined {
    if (typeof v !== "number") {
      this.report("type", at, messages.notNumber(v, spec.what));
      return undefined;
    }
    if (!Number.isFinite(v)) {
      this.report("range", at, messages.notFinite(spec.what));
      return undefined;
    }
    const bad = rangeMessage(v, spec);
    if (bad) {
      this.report("range", at, bad);
      return undefined;
    }
    return v;
  }
}

export interface TimelineSpec<T> {
  /** Plain words for messages: what the value is. */
  readonly what: string;
  readonly required: boolean;
  /** The default, for a missing field or a null element; undefined = none. */
  readonly fallback: T | null | undefined;
  /** Checks one value (reporting at `at`), or undefined when it is wrong. */
  one(v: unknown, at: DocPath): T | undefined;
}

export interface NumberSpec {
  /** Plain words for messages: what the number is, with its unit. */
  readonly what: string;
  readonly required?: boolean;
  readonly fallback?: number;
  readonly min?: number;
  /** Strictly greater than this (for prices). */
  readonly above?: number;
  /** Must lie in [0, 1]. */
  readonly fraction?: boolean;
  /** A sanity bound far above any real figure, so no arithmetic downstream can overflow. */
  readonly max?: number;
}

/** Sanity bounds: a trillion chips, a quadrillion dollars, a billion dollars per chip. */
export const MAX_UNITS = 1e12;
export const MAX_USD = 1e15;
export const MAX_PRICE = 1e9;
export const MAX_RATIO = 1e6;

/** The message for a number outside the spec's range, or undefined when it is fine. */
export function rangeMessage(v: number, spec: Pick<NumberSpec, "min" | "above" | "fraction" | "max">): string | undefined {
  if (spec.fraction && (v < 0 || v > 1)) return messages.fraction(v);
  if (spec.min !== undefined && v < spec.min) return messages.atLeast(spec.min, v);
  if (spec.above !== undefined && v <= spec.above) return messages.above(spec.above, v);
  if (spec.max !== undefined && v > spec.max) return messages.atMost(spec.max, v);
  return undefined;
}

/** A path with one more key or index (segments; formatPath writes them as text). */
export const join = (path: DocPath, key: string | number): DocPath => [...path, key];

/** The known name closest to a misspelt one, if it is close enough to be a likely typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const k of known) {
    // The lengths alone bound the distance from below: a cheap skip, and no quadratic work on a huge word.
    if (Math.abs(word.length - k.length) >= bestDistance) continue;
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
