/**
 * Every scalar core mirrors the engine step it stands for: on random scenarios, chaining the
 * cores buyer by buyer gives the engine's audit trail and outputs, with text arguments in any
 * case and padded as an analyst may type them.
 */
import fc from "fast-check";
import { ArgValue, CORES, CoreName, PIPELINE, Scenario, allocateSupplyOf, domesticRatioCap, effectiveSupply, evaluate, runCore } from "../../src/engine";
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

/** One scenario with every text argument drawn in a random case. */
const caseArb = scenarioArb.chain((s) =>
  fc.record({
    s: fc.constant(s),
    access: typed(s.china.access),
    basis: typed(s.china.cap.basis),
    treatment: typed(s.market.usShareTreatment),
  }),
);

/** The `domestic` and `domesticPrice` arguments for a buyer's holdings under the scenario's basis. */
function domesticArgs(s: Scenario, b: Scenario["buyers"][number]): [ArgValue, ArgValue] {
  if (s.china.cap.basis !== "dollars") return [b.domesticUnits, null];
  // The engine values holdings at domesticValue when given, else domesticUnits x domesticPrice.
  return b.domesticValue !== null ? [b.domesticValue, null] : [b.domesticUnits, s.market.domesticPrice];
}

test("each step core chained buyer by buyer gives the engine's audit trail", () => {
  fc.assert(
    fc.property(caseArb, ({ s, access, basis }) => {
      const { us, china, market } = s;
      evaluate(s).periods.forEach((p, t) => {
        const capped = p.buyers.map((o, i) => {
          const b = s.buyers[i];
          const step = o.steps;
          expect(step.requested).toBe(b.requested[t]);
          expect(core("US_LICENSE", [step.requested, b.usApproved, us.exportsAllowed, us.approvedCustomersOnly])).toBe(step.us_license);
          expect(core("CHINA_ACCESS", [step.us_license, access, b.approvalRate ?? china.approvalRate])).toBe(step.china_access);
          expect(core("PUBLIC_SECTOR", [step.china_access, b.publicSectorShare, china.publicSectorBan])).toBe(step.public_sector);
          const [domestic, domesticPrice] = domesticArgs(s, b);
          expect(core("DOMESTIC_RATIO", [step.public_sector, domestic, china.cap.ratio, basis, market.h200Price, domesticPrice])).toBe(step.domestic_ratio);
          return step.domestic_ratio;
        });
        const limit = core("SUPPLY_LIMIT", [market.supply[t], us.chinaCapOfUsVolume, us.usShipments?.[t] ?? null]);
        expect(limit).toBe(effectiveSupply(s, t));
        const shipped = allocateSupplyOf(capped, market.supply[t], us.chinaCapOfUsVolume, us.usShipments?.[t] ?? null);
        expect(shipped).toEqual({ ok: true, value: p.buyers.map((o) => o.steps.supply) });
      });
    }),
    RUNS,
  );
});

test("each output core gives the engine's buyer outputs and China revenue", () => {
  fc.assert(
    fc.property(caseArb, ({ s, treatment }) => {
      const { us, market } = s;
      evaluate(s).periods.forEach((p, t) => {
        for (const o of p.buyers) {
          expect(core("US_REVENUE_SHARE", [o.revenue, us.revenueShare])).toBe(o.usShare);
          expect(core("NVIDIA_NET", [o.revenue, us.revenueShare])).toBe(o.nvidiaNet);
          expect(core("H20_EQUIVALENT", [o.shipped, market.h20Multiple])).toBe(o.h20Equivalent);
        }
        // The engine sums per-buyer nets; the core nets the summed sales: equal up to rounding.
        const revenue = core("CHINA_REVENUE", [market.baselineChinaRevenue[t], p.totals.revenue, us.revenueShare, treatment]);
        expect(close(revenue, p.totals.chinaRevenue)).toBe(true);
      });
    }),
    RUNS,
  );
});

test("H200_ALLOWED is the cap of step domestic_ratio on the units and dollars bases", () => {
  fc.assert(
    fc.property(caseArb, ({ s, basis }) => {
      fc.pre(s.china.cap.basis !== "none");
      for (const b of s.buyers) {
        const [domestic, domesticPrice] = domesticArgs(s, b);
        const holdings = { domesticUnits: b.domesticUnits, domesticValue: b.domesticValue, domesticPrice: s.market.domesticPrice, h200Price: s.market.h200Price };
        expect(core("H200_ALLOWED", [domestic, s.china.cap.ratio, basis, s.market.h200Price, domesticPrice])).toBe(domesticRatioCap(s.china.cap, holdings));
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
  expect(rows.map((s) => s.id)).toEqual(["us_license", "china_access", "public_sector", "domestic_ratio", "supply"]);
  fc.assert(
    fc.property(scenarioArb, fc.double({ min: 0, max: 1e6, noNaN: true }), (s, units) => {
      s.periods.forEach((_, t) => {
        for (const b of s.buyers) {
          for (const row of rows) {
            const args = row.coreArgs!(units, b, t, s);
            // A buyer step's value; the allocation step's core is the supply it shares out.
            const engine = row.kind === "buyer" ? row.apply(units, b, t, s) : effectiveSupply(s, t);
            expect({ step: row.id, value: core(row.core!, args) }).toEqual({ step: row.id, value: engine });
          }
        }
      });
    }),
    RUNS,
  );
});
