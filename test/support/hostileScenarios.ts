/**
 * A generator of hostile scenario files, in the spirit of an outside fuzzer but our own: a valid
 * document (scenarioDoc), then a few mutations — fields deleted or mistyped, lists of the wrong
 * length, huge lists and strings, odd keys, deep nesting, rule chains and unknown `after`s —
 * written as JSON or YAML, and sometimes truncated, given a byte-order mark or binary junk.
 */
import fc from "fast-check";
import { stringify as toYaml } from "yaml";
import { scenarioDoc } from "./arbitraries";

type Json = Record<string, unknown>;

/** Mostly small, sometimes around a bound: long lists cost time, so a few of them go a long way. */
const size = (small: number, lo: number, hi: number) =>
  fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: small }) }, { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) });

/** Where a mutation lands: the fields of the contract, at every level, plus a few that are not. */
const PATHS = [
  "name", "description", "periods", "us", "us.revenueShare", "us.exportsAllowed", "us.chinaCapOfUsVolume", "us.usShipments",
  "china", "china.access", "china.approvalRate", "china.cap", "china.cap.basis", "china.cap.ratio", "china.publicSectorBan",
  "market", "market.h200Price", "market.supply", "market.domesticPrice", "market.h20Multiple", "market.baselineChinaRevenue",
  "market.usShareTreatment", "buyers", "buyers.0", "buyers.0.name", "buyers.0.requested", "buyers.0.domesticUnits",
  "buyers.0.approvalRate", "buyers.1.publicSectorShare", "rules", "rules.0", "rules.0.after", "rules.0.expression", "uncertainty",
];

const oddKey = fc.oneof(
  fc.constantFrom("a\nb", "\n", "a:b", " ", "\ufeffname", "\u202ename", "", "__proto__", "constructor", "x".repeat(5000), "buyers[0]", "a: b", "\r\n"),
  fc.string({ unit: "binary", maxLength: 12 }),
);

/** Values that do not belong, from wrong kinds to wrong sizes. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 5e-324, "", " ", "27k", "3bn", "NaN", "Infinity", "FY2027Q5", "open", "units", "dollars"),
  fc.double(),
  fc.integer(),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constant("x".repeat(100_000)),
  fc.array(fc.oneof(fc.double(), fc.string({ maxLength: 5 }), fc.constant(null)), { maxLength: 6 }),
  size(20, 2000, 3000).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.dictionary(oddKey, fc.oneof(fc.double(), fc.string({ maxLength: 5 })), { maxKeys: 4 }),
  fc.integer({ min: 1, max: 300 }).map((n) => nest(n)),
);

const nest = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { k: v };
  return v;
};

type Rule = { id?: unknown; after?: unknown; expression?: unknown; enabled?: unknown };
const ruleList: fc.Arbitrary<Rule[]> = fc.oneof(
  // A chain r1 → r2 → …, sometimes past the bound on rules, sometimes starting at a rule that does not exist.
  fc.record({ n: size(30, 990, 1010).map((n) => Math.max(1, n)), start: fc.constantFrom("supply", "china_access", "r0", "requested") }).map(({ n, start }) =>
    Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, after: i === 0 ? start : `r${i}`, expression: "units" })),
  ),
  // Every rule after something unknown.
  size(30, 300, 400).map((n) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, after: `zz${i}`, expression: "units * 0.9" }))),
  // A few rules with odd fields.
  fc.array(
    fc.record({
      id: fc.oneof(fc.constantFrom("customs", "toString", "none", "supply", "1x", "a".repeat(70)), fc.string({ maxLength: 8 })),
      after: fc.oneof(fc.constantFrom("supply", "china_access", "customs", "", "nowhere"), fc.string({ maxLength: 8 })),
      expression: fc.oneof(fc.constantFrom("units", "units / 0", "units * 2", "-units", "min(units, supply)", "a = 1", "units;units", "(".repeat(100), "capRatio * units"), fc.string({ maxLength: 20 })),
      enabled: fc.oneof(fc.boolean(), wrongValue),
    }),
    { maxLength: 5 },
  ),
);

type Mutation =
  | { kind: "delete"; path: string }
  | { kind: "set"; path: string; value: unknown }
  | { kind: "oddKey"; path: string; key: string }
  | { kind: "rules"; rules: Rule[] }
  | { kind: "buyers"; n: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant("set" as const), path: fc.constantFrom(...PATHS), value: wrongValue }),
  fc.record({ kind: fc.constant("oddKey" as const), path: fc.constantFrom("", "us", "china", "market", "buyers.0", "rules.0", "china.cap"), key: oddKey }),
  fc.record({ kind: fc.constant("rules" as const), rules: ruleList }),
  fc.record({ kind: fc.constant("buyers" as const), n: size(30, 2000, 3000) }),
);

function apply(doc: Json, m: Mutation): void {
  if (m.kind === "rules") {
    doc.rules = m.rules;
    return;
  }
  if (m.kind === "buyers") {
    // Many buyers without approval rates or domestic values: cross-field messages name them all.
    doc.buyers = Array.from({ length: m.n }, (_, i) => ({ name: `B\n${i}`, requested: 10, domesticUnits: 1 }));
    doc.china = { access: "approval", cap: { basis: "dollars", ratio: 1 } };
    return;
  }
  const keys = m.path === "" ? [] : m.path.split(".");
  let node: unknown = doc;
  for (const k of keys.slice(0, m.kind === "oddKey" ? keys.length : -1)) {
    if (node === null || typeof node !== "object") return;
    node = (node as Json)[k];
  }
  if (node === null || typeof node !== "object") return;
  const target = node as Json;
  if (m.kind === "oddKey") Object.defineProperty(target, m.key, { value: 1, enumerable: true, configurable: true, writable: true });
  else if (m.kind === "delete") delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = m.value;
}

/** How the document reaches the reader. */
type Encoding = { format: "json" | "yaml"; damage: "none" | "truncate" | "bom" | "junk" | "yamlBomb" | "deepYaml"; cut: number };
const encoding: fc.Arbitrary<Encoding> = fc.record({
  format: fc.constantFrom("json" as const, "yaml" as const),
  damage: fc.oneof(
    { weight: 6, arbitrary: fc.constant("none" as const) },
    { weight: 1, arbitrary: fc.constantFrom("truncate" as const, "bom" as const, "junk" as const, "yamlBomb" as const, "deepYaml" as const) },
  ),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
});

function write(doc: Json, e: Encoding): string {
  if (e.damage === "yamlBomb") return "a: &a [x, x, x, x, x, x, x, x, x]\n" + "bcdefghij".split("").map((k, i) => `${k}: &${k} [${new Array(9).fill(`*${i === 0 ? "a" : "bcdefghij"[i - 1]}`).join(", ")}]`).join("\n") + "\n";
  if (e.damage === "deepYaml") return Array.from({ length: 1500 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n";
  let text = e.format === "json" ? JSON.stringify(doc, null, 1) : toYaml(doc, { aliasDuplicateObjects: false });
  if (e.damage === "truncate") text = text.slice(0, Math.floor(text.length * e.cut));
  if (e.damage === "bom") text = "\ufeff" + text;
  if (e.damage === "junk") text = text.slice(0, Math.floor(text.length * e.cut)) + "\u0000\u0001\ufffd\u001b[31m" + text.slice(Math.floor(text.length * e.cut));
  return text;
}

export interface HostileFile {
  readonly format: "json" | "yaml";
  readonly text: string;
}

/** A hostile scenario file: a valid document, one to four mutations, an encoding. */
export const hostileFile: fc.Arbitrary<HostileFile> = fc
  .record({ doc: scenarioDoc, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }), encoding })
  .map(({ doc, mutations, encoding: e }) => {
    const copy = structuredClone(doc) as Json;
    for (const m of mutations) apply(copy, m);
    return { format: e.format, text: write(copy, e) };
  });

/** The hostile document itself (for readers that take a parsed document). */
export const hostileDocument: fc.Arbitrary<Json> = fc.record({ doc: scenarioDoc, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }).map(({ doc, mutations }) => {
  const copy = structuredClone(doc) as Json;
  for (const m of mutations) apply(copy, m);
  return copy;
});
