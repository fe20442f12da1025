/** fast-check generators of valid scenario documents covering every policy switch. */
import fc from "fast-check";
import { Scenario, validateScenario, formatProblem } from "../../src/engine";

/** A non-negative amount up to `max`: 0, or at least max x 1e-9 (no subnormal dust that underflows). */
const amount = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: max * 1e-9, max, noNaN: true }));
const units = amount(1e6);
const fraction = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-6, max: 1, noNaN: true }));
const price = fc.double({ min: 100, max: 1e5, noNaN: true });
const periodLabels = ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"];

export const scenarioDoc = fc.integer({ min: 1, max: 4 }).chain((n) => {
  const perPeriod = (arb: fc.Arbitrary<number>) => fc.oneof(arb, fc.array(arb, { minLength: n, maxLength: n }));
  const buyer = fc.record({
    requested: perPeriod(units),
    domesticUnits: units,
    domesticValue: fc.option(amount(1e10), { nil: null }),
    publicSectorShare: fraction,
    usApproved: fc.boolean(),
    approvalRate: fc.option(fraction, { nil: null }),
  });
  return fc.record({
    name: fc.constant("Arbitrary"),
    periods: fc.constant(periodLabels.slice(0, n)),
    us: fc.record({
      exportsAllowed: fc.boolean(),
      approvedCustomersOnly: fc.boolean(),
      revenueShare: fraction,
      chinaCapOfUsVolume: fc.option(amount(2), { nil: null }),
      usShipments: perPeriod(units),
    }),
    china: fc.record({
      access: fc.constantFrom("open", "approval", "blocked"),
      approvalRate: fraction,
      cap: fc.record({ basis: fc.constantFrom("none", "units", "dollars"), ratio: amount(5) }),
      publicSectorBan: fc.boolean(),
    }),
    market: fc.record({
      h200Price: price,
      domesticPrice: price,
      supply: perPeriod(units),
      h20Multiple: amount(10),
      baselineChinaRevenue: perPeriod(amount(1e10)),
      usShareTreatment: fc.constantFrom("cost", "contra-revenue"),
    }),
    buyers: fc.uniqueArray(fc.constantFrom("ByteDance", "Alibaba", "Tencent", "Baidu", "Others"), { minLength: 1, maxLength: 5 }).chain((names) =>
      fc.tuple(...names.map((name) => buyer.map((b) => ({ name, ...b })))),
    ),
  });
});

export function valid(doc: unknown): Scenario {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r.value;
}

export const scenarioArb: fc.Arbitrary<Scenario> = scenarioDoc.map(valid);
