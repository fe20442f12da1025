/**
 * Every scalar core mirrors the engine step it stands for: on random scenarios, chaining the
 * cores buyer by buyer gives the engine's audit trail and outputs, with text arguments in any
 * case and padded as an analyst may type them.
 */
import fc from "fast-check";
import { ArgValue, BuyerAt, CORES, Core, CoreName, PIPELINE, PolicyAt, acceptedInterval, allocateSupplyOf, checkArgsInPlace, buyersAt, domesticRatioCap, effectiveSupply, evaluate, periodContextOf, policyAt, runCore } from "../../src/engine";
import { scenarioArb } from "../support/arbitraries";
import { lawRuns } from "../support/lawRuns";

const RUNS = lawRuns(2);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A word as an analyst may type it: any letter case, maybe padded with spaces. */
const typed = (word: string) => fc.tuple(fc.mixedCase(fc.constant(word)), fc.constantFrom("", " ", "  ")).map(([w, pad]) => pad + w + pad);

/** The core's value, failing the test with its problems when it refuses checked-valid inputs. */
function core(name: CoreName, args: readonly ArgValue[]): number {
  const r = runCore(CORES[name], args);
  if (!r.ok) throw new Error(`${name}(${args.join(", ")}): ${r.problems.map((p) => p.message).join("; ")}`);
  return r.value;
}

/** One scenario with a period, and every text argument of that period drawn in a random case. */
const caseArb = scenarioArb.chain((s) =>
  fc.integer({ min: 0, max: s.periods.length - 1 }).chain((t) =>
    fc.record({
      s: fc.constant(s),
      t: fc.constant(t),
      access: typed(s.china.access[t]),
      basis: typed(s.china.cap.basis[t]),
      treatment: typed(s.market.usShareTreatment),
    }),
  ),
);

/** The `domestic` and `domesticPrice` arguments for a buyer's holdings under the period's basis. */
function domesticArgs(p: PolicyAt, b: BuyerAt): [ArgValue, ArgValue] {
  if (p.china.cap.basis !== "dollars") return [b.domesticUnits, null];
  // The engine values holdings at domesticValue when given, else domesticUnits x domesticPrice.
  return b.domesticValue !== null ? [b.domesticValue, null] : [b.domesticUnits, p.market.domesticPrice];
}

test("each step core chained buyer by buyer gives the engine's audit trail", () => {
  fc.assert(
    fc.property(caseArb, ({ s, t, access, basis }) => {
      const e = evaluate(s);
      const p = e.periods[t];
      const ctx = periodContextOf(s, e, t);
      const { us, china, market } = ctx.policy;
      const capped = p.buyers.map((o, i) => {
        const b = ctx.buyers[i];
        const before = ctx.shippedBefore[i];
        const step = o.steps;
        expect(step.requested).toBe(b.requested);
        expect(core("US_LICENSE", [step.requested, b.usApproved, us.exportsAllowed, us.approvedCustomersOnly, b.licensedUnits, before])).toBe(step.us_license);
        expect(core("CHINA_ACCESS", [step.us_license, access, b.approvalRate ?? china.approvalRate])).toBe(step.china_access);
        expect(core("ORDERS", [step.china_access, b.orderRate ?? china.orderRate])).toBe(step.orders);
        expect(core("PUBLIC_SECTOR", [step.orders, b.publicSectorShare, china.publicSectorBan])).toBe(step.public_sector);
        const [domestic, domesticPrice] = domesticArgs(ctx.policy, b);
        const cumulative = china.cap.scope === "cumulative" ? before : null;
        expect(core("DOMESTIC_RATIO", [step.public_sector, domestic, china.cap.ratio, basis, market.h200Price, domesticPrice, cumulative])).toBe(step.domestic_ratio);
        return step.domestic_ratio;
      });
      const cumulative = us.chinaCapScope === "cumulative";
      const usShipments = cumulative ? ctx.usShipmentsThrough : us.usShipments;
      const before = cumulative && us.chinaCapOfUsVolume !== null ? ctx.totalShippedBefore : null;
      const limit = core("SUPPLY_LIMIT", [market.supply, us.chinaCapOfUsVolume, usShipments, before]);
      expect(limit).toBe(effectiveSupply(ctx));
      const shipped = allocateSupplyOf(capped, market.supply, us.chinaCapOfUsVolume, usShipments, before);
      expect(shipped).toEqual({ ok: true, value: p.buyers.map((o) => o.steps.supply) });
    }),
    RUNS,
  );
});

test("each output core gives the engine's buyer outputs and China revenue", () => {
  fc.assert(
    fc.property(caseArb, ({ s, t, treatment }) => {
      const { us, market } = policyAt(s, t);
      const p = evaluate(s).periods[t];
      for (const o of p.buyers) {
        expect(core("US_REVENUE_SHARE", [o.revenue, us.revenueShare])).toBe(o.usShare);
        expect(core("NVIDIA_NET", [o.revenue, us.revenueShare])).toBe(o.nvidiaNet);
        expect(core("H20_EQUIVALENT", [o.shipped, market.h20Multiple])).toBe(o.h20Equivalent);
      }
      // The engine sums per-buyer nets; the core nets the summed sales: equal up to rounding.
      const revenue = core("CHINA_REVENUE", [market.baselineChinaRevenue, p.totals.revenue, us.revenueShare, treatment]);
      expect(close(revenue, p.totals.chinaRevenue)).toBe(true);
    }),
    RUNS,
  );
});

test("H200_ALLOWED is the cap of step domestic_ratio on the units and dollars bases", () => {
  fc.assert(
    fc.property(caseArb, ({ s, t, basis }) => {
      const policy = policyAt(s, t);
      fc.pre(policy.china.cap.basis !== "none");
      for (const b of buyersAt(s, t)) {
        const [domestic, domesticPrice] = domesticArgs(policy, b);
        const { market, china } = policy;
        const holdings = { domesticUnits: b.domesticUnits, domesticValue: b.domesticValue, domesticPrice: market.domesticPrice, h200Price: market.h200Price };
        expect(core("H200_ALLOWED", [domestic, china.cap.ratio, basis, market.h200Price, domesticPrice])).toBe(domesticRatioCap(china.cap, holdings));
      }
    }),
    RUNS,
  );
});

test("a text argument outside its allowed words is refused by every core, naming the argument", () => {
  for (const c of Object.values(CORES)) {
    c.params.forEach((param, i) => {
      if (param.kind !== "text") return;
      const args: ArgValue[] = c.params.map((p) => (p.kind === "number" ? 1 : p.kind === "boolean" ? true : null));
      args[i] = "banana";
      const r = runCore(c, args);
      expect({ core: c.name, ok: r.ok }).toEqual({ core: c.name, ok: false });
      if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ code: "enum", path: param.name })]);
    });
  }
});

test("DOMESTIC_RATIO needs no H200 price on the units basis or without a cap, in any letter case", () => {
  expect(runCore(CORES.DOMESTIC_RATIO, [100, 30, 1, "Units", null, null])).toEqual({ ok: true, value: 30 });
  expect(runCore(CORES.DOMESTIC_RATIO, [100, 30, 1, " NONE ", null, null])).toEqual({ ok: true, value: 100 });
  expect(runCore(CORES.DOMESTIC_RATIO, [100, 30, 1, "banana", 27000, null])).toMatchObject({ ok: false, problems: [{ code: "enum", path: "basis" }] });
  expect(runCore(CORES.DOMESTIC_RATIO, [100, 30, 1, "Dollars", null, null])).toMatchObject({ ok: false, problems: [{ code: "missing", path: "h200Price" }] });
});

test("every step row of the catalogue agrees with the CHIPS function it names, on random scenarios", () => {
  const rows = PIPELINE.filter((s) => s.core && s.coreArgs);
  expect(rows.map((s) => s.id)).toEqual(["us_license", "china_access", "orders", "public_sector", "domestic_ratio", "supply"]);
  fc.assert(
    fc.property(scenarioArb, fc.double({ min: 0, max: 1e6, noNaN: true }), (s, units) => {
      const e = evaluate(s);
      s.periods.forEach((_, t) => {
        // Each period with what really shipped before it, so the cumulative limits are exercised.
        const ctx = periodContextOf(s, e, t);
        s.buyers.forEach((_b, b) => {
          for (const row of rows) {
            const args = row.coreArgs!(units, b, ctx);
            // A buyer step's value; the allocation step's core is the supply it shares out.
            const engine = row.kind === "buyer" ? row.apply(units, b, ctx) : effectiveSupply(ctx);
            expect({ step: row.id, value: core(row.core!, args) }).toEqual({ step: row.id, value: engine });
          }
        });
      });
    }),
    RUNS,
  );
});

describe("the pieces of the custom functions' column fast path", () => {
  const NUMBER_SPECS = Object.values(CORES).flatMap((c) => c.params.filter((p) => p.kind === "number").map((p) => [`${c.name}.${p.name}`, p] as const));
  /** Any double, with the bounds of every spec and their nearest neighbours among them. */
  const edges = [...new Set(NUMBER_SPECS.flatMap(([, p]) => [p.min, p.above, p.max, p.fraction ? 1 : undefined]).filter((v): v is number => v !== undefined))];
  const anyNumber = fc.oneof(fc.double(), fc.constantFrom(...edges, ...edges.map((v) => v * (1 + Number.EPSILON)), ...edges.map((v) => v - Number.EPSILON * Math.max(1, v)), -0, 5e-324, -5e-324));

  test.each(NUMBER_SPECS)("%s: a number passes the argument check exactly when it lies in the accepted interval", (_, spec) => {
    const { atLeast, above, atMost } = acceptedInterval(spec);
    fc.assert(
      fc.property(anyNumber, (v) => {
        const inside = Number.isFinite(v) && v >= atLeast && v > above && v <= atMost;
        expect(inside).toBe(checkArgsInPlace([spec], [v]) === undefined);
      }),
      lawRuns(0.5),
    );
  });

  /** Checked argument lists of a core: random values of each kind, kept when the check passes. */
  const checkedArgs = (c: Core) =>
    fc
      .tuple(...c.params.map((p) => (p.kind === "number" ? fc.oneof(anyNumber, fc.constant(null)) : p.kind === "boolean" ? fc.oneof(fc.boolean(), fc.constant(null)) : fc.constantFrom(null, ...(p.choices ?? [])))))
      .map((args) => {
        const values: ArgValue[] = [...args];
        return checkArgsInPlace(c.params, values) ? undefined : values;
      })
      .filter((v): v is ArgValue[] => v !== undefined && typeof v[0] === "number");

  const SPECIALISED = Object.values(CORES as Record<string, Core>).filter((c) => c.overFirst);
  test("some cores carry a specialised form", () => expect(SPECIALISED.map((c) => c.name)).toEqual(expect.arrayContaining(["US_REVENUE_SHARE", "H200_ALLOWED"])));
  test.each(SPECIALISED.map((c) => [c.name, c] as const))("%s: the core specialised to the other arguments gives what compute gives", (_, c) => {
    const overFirst = c.overFirst as NonNullable<Core["overFirst"]>;
    fc.assert(
      fc.property(checkedArgs(c), (values) => {
        const expected = c.compute(values);
        const got = overFirst(values)(values[0] as number);
        if (typeof expected === "number") expect(Object.is(got, expected)).toBe(true);
        else expect(got).toEqual(expected);
      }),
      lawRuns(),
    );
  });
});
