/** Properties of the pipeline, named after the laws they check. */
import fc from "fast-check";
import { PIPELINE, effectiveSupply, evaluate, periodContextOf } from "../../src/engine";
import { scenarioArb, scenarioDoc, valid } from "../support/arbitraries";
import { lawRuns } from "../support/lawRuns";

const RUNS = lawRuns(3);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
type Doc = Record<string, any>; // test documents are edited freely

test("each step never raises the quantity", () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      for (const p of evaluate(s).periods)
        for (const b of p.buyers) {
          const q = Object.values(b.steps);
          for (let k = 1; k < q.length; k++) expect(q[k]).toBeLessThanOrEqual(q[k - 1] * (1 + 1e-12));
        }
    }),
    RUNS,
  );
});

test("total shipped never exceeds the effective supply", () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const e = evaluate(s);
      e.periods.forEach((p, t) => expect(p.totals.shipped).toBeLessThanOrEqual(effectiveSupply(periodContextOf(s, e, t)) * (1 + 1e-12)));
    }),
    RUNS,
  );
});

test("usShare = revenue x revenueShare, nvidiaNet = revenue - usShare, for every buyer", () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      evaluate(s).periods.forEach((p, t) => {
        for (const b of p.buyers) {
          expect(b.usShare).toBe(b.revenue * s.us.revenueShare[t]);
          expect(b.nvidiaNet).toBe(b.revenue - b.usShare);
          expect(b.revenue).toBe(b.shipped * s.market.h200Price[t]);
        }
      });
    }),
    RUNS,
  );
});

test("totals are the sums of the buyers, and China revenue follows the treatment", () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      evaluate(s).periods.forEach((p, t) => {
        const sum = (f: (b: (typeof p.buyers)[number]) => number) => p.buyers.reduce((a, b) => a + f(b), 0);
        expect(close(p.totals.shipped, sum((b) => b.shipped))).toBe(true);
        expect(close(p.totals.requested, sum((b) => b.steps.requested))).toBe(true);
        const added = s.market.usShareTreatment === "cost" ? p.totals.revenue : p.totals.nvidiaNet;
        expect(close(p.totals.chinaRevenue, s.market.baselineChinaRevenue[t] + added)).toBe(true);
      });
    }),
    RUNS,
  );
});

test("evaluation is deterministic and leaves the scenario untouched", () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const before = JSON.stringify(s);
      expect(evaluate(s)).toEqual(evaluate(s));
      expect(JSON.stringify(s)).toBe(before);
    }),
    RUNS,
  );
});

test("binding is 'none' exactly when shipped equals requested, else a step that removed units", () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      for (const p of evaluate(s).periods)
        for (const b of p.buyers) {
          if (b.shipped === b.steps.requested) expect(b.binding).toBe("none");
          else {
            const ids = PIPELINE.map((x) => x.id);
            const k = ids.indexOf(b.binding);
            expect(k).toBeGreaterThan(0);
            expect(b.steps[ids[k - 1]]).toBeGreaterThan(b.steps[ids[k]]);
          }
        }
    }),
    RUNS,
  );
});

/** Evaluates a document and its variant with one input raised; returns both evaluations. */
const raised = (doc: Doc, change: (d: Doc) => void) => {
  const copy = structuredClone(doc);
  change(copy);
  return [evaluate(valid(doc)), evaluate(valid(copy))] as const;
};
const bump = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });

test("raising supply never lowers any buyer's shipped", () => {
  fc.assert(
    fc.property(scenarioDoc, bump, (doc, f) => {
      const [lo, hi] = raised(doc, (d) => {
        const s = d.market.supply;
        d.market.supply = Array.isArray(s) ? s.map((x: number) => x * (1 + f) + 1) : s * (1 + f) + 1;
      });
      lo.periods.forEach((p, t) => p.buyers.forEach((b, i) => expect(hi.periods[t].buyers[i].shipped).toBeGreaterThanOrEqual(b.shipped * (1 - 1e-12))));
    }),
    RUNS,
  );
});

/*
 * docs/model.md's supply step is pro-rata across buyers, so raising the cap ratio or the approval
 * rate lets every buyer ask for more and can shrink one buyer's pro-rata share of a binding
 * supply (see the counterexample below). What does hold: no buyer's quantity before the
 * supply step falls, total shipped does not fall, and a buyer never loses by its own rise.
 */
for (const [input, change] of [
  ["cap ratio", (d: Doc, f: number) => (d.china.cap.ratio = d.china.cap.ratio * (1 + f) + 0.01)],
  ["approvalRate", (d: Doc, f: number) => (d.china.approvalRate = d.china.approvalRate + (1 - d.china.approvalRate) * f)],
] as const) {
  test(`raising the ${input} never lowers a buyer's pre-supply quantity nor total shipped`, () => {
    fc.assert(
      fc.property(scenarioDoc, bump, (doc, f) => {
        const [lo, hi] = raised(doc, (d) => change(d, f));
        lo.periods.forEach((p, t) => {
          expect(hi.periods[t].totals.shipped).toBeGreaterThanOrEqual(p.totals.shipped * (1 - 1e-12));
          p.buyers.forEach((b, i) => expect(hi.periods[t].buyers[i].steps.domestic_ratio).toBeGreaterThanOrEqual(b.steps.domestic_ratio * (1 - 1e-12)));
        });
      }),
      RUNS,
    );
  });
}

test("raising a buyer's own approvalRate never lowers that buyer's shipped", () => {
  fc.assert(
    fc.property(scenarioDoc, bump, fc.nat(), (doc, f, pick) => {
      const i = pick % doc.buyers.length;
      const [lo, hi] = raised(doc, (d) => {
        const b = d.buyers[i];
        b.approvalRate = (b.approvalRate ?? d.china.approvalRate) + (1 - (b.approvalRate ?? d.china.approvalRate)) * f;
      });
      lo.periods.forEach((p, t) => expect(hi.periods[t].buyers[i].shipped).toBeGreaterThanOrEqual(p.buyers[i].shipped * (1 - 1e-12)));
    }),
    RUNS,
  );
});

test("counterexample: a higher cap ratio can lower another buyer's pro-rata share", () => {
  const doc = {
    name: "Pro-rata",
    periods: ["FY2027Q1"],
    china: { cap: { basis: "units", ratio: 1 } },
    market: { h200Price: 27000, supply: 55 },
    buyers: [
      { name: "Capped", requested: 100, domesticUnits: 10 },
      { name: "Free", requested: 100, domesticUnits: 1000 },
    ],
  };
  const [lo, hi] = raised(doc, (d) => (d.china.cap.ratio = 2));
  // ratio 1: D = 10 + 100 = 110, Free gets 100 x 55/110 = 50; ratio 2: D = 120, Free gets 100 x 55/120 ≈ 45.83
  expect(lo.periods[0].buyers[1].shipped).toBeCloseTo(50, 9);
  expect(hi.periods[0].buyers[1].shipped).toBeCloseTo(45.8333333333, 6);
});
