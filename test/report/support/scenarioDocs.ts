/**
 * Random model-version-2 scenarios for the report's recalculation laws (HyperFormula and
 * LibreOffice): every field one value or a list per period, policy that changes from quarter to
 * quarter (access, cap basis and scope, the China-to-US cap's scope, order rates), licence
 * quotas, and both cap scopes, so the cumulative formulas that read earlier periods' shipped
 * cells are exercised. Invalid combinations are dropped by validation.
 */
import fc from "fast-check";
import { Scenario, validateScenario } from "../../../src/engine";

const PERIODS = ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"];
// Magnitudes a workbook holds: no subnormal numbers (a spreadsheet reads 1e-320 as 0, and a ratio
// over it is then an error where the engine gives 1e+300 — a difference of storage, not of the model).
const fraction = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-6, max: 1, noNaN: true }));
const units = fc.integer({ min: 0, max: 400_000 });
const usd = fc.oneof(fc.constant(0), fc.double({ min: 1, max: 6e9, noNaN: true }));
/** Mostly cumulative: the scope whose formulas read other periods' cells. */
const scope = fc.oneof({ arbitrary: fc.constant("cumulative"), weight: 2 }, { arbitrary: fc.constant("period"), weight: 1 });
/** Mostly true: a switch that stops every shipment in some period would hide the later periods' cumulative limits. */
const mostlyTrue = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.boolean(), weight: 1 });
/** Mostly several periods: the cumulative limits only show from the second period on. */
const periodCount = fc.oneof({ arbitrary: fc.constant(1), weight: 1 }, { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 4 });

export const scenarioDocV2 = periodCount.chain((n) => {
  /** One value for every period, or one per period (a policy timeline). */
  const perPeriod = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.array(a, { minLength: n, maxLength: n }));
  return fc.record({
    name: fc.constant("Random"),
    periods: fc.constant(PERIODS.slice(0, n)),
    us: fc.record({
      exportsAllowed: perPeriod(mostlyTrue),
      approvedCustomersOnly: perPeriod(fc.boolean()),
      revenueShare: perPeriod(fraction),
      chinaCapOfUsVolume: fc.option(perPeriod(fc.option(fc.double({ min: 0, max: 2, noNaN: true })))),
      usShipments: perPeriod(units),
      chinaCapScope: perPeriod(scope),
    }),
    china: fc.record({
      access: perPeriod(fc.constantFrom("open", "approval", "blocked")),
      approvalRate: fc.option(perPeriod(fraction)),
      orderRate: perPeriod(fraction),
      cap: fc.oneof(
        { arbitrary: fc.record({ basis: fc.constant("none") }), weight: 1 },
        {
          arbitrary: fc.record({ basis: perPeriod(fc.constantFrom("none", "units", "dollars")), ratio: perPeriod(fc.double({ min: 0, max: 1, noNaN: true })), scope: perPeriod(scope) }),
          weight: 3,
        },
      ),
      publicSectorBan: perPeriod(fc.boolean()),
    }),
    market: fc.record({
      h200Price: perPeriod(fc.double({ min: 1000, max: 60000, noNaN: true })),
      domesticPrice: fc.option(perPeriod(fc.double({ min: 1000, max: 40000, noNaN: true }))),
      supply: perPeriod(units),
      h20Multiple: perPeriod(fc.double({ min: 0, max: 10, noNaN: true })),
      baselineChinaRevenue: perPeriod(usd),
      usShareTreatment: fc.constantFrom("cost", "contra-revenue"),
    }),
    buyers: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("ByteDance", "Alibaba", "Tencent", "Baidu", "Others"),
        requested: perPeriod(units),
        domesticUnits: perPeriod(fc.integer({ min: 0, max: 200_000 })),
        domesticValue: fc.option(perPeriod(usd)),
        publicSectorShare: perPeriod(fraction),
        usApproved: perPeriod(mostlyTrue),
        licensedUnits: fc.option(perPeriod(fc.option(fc.integer({ min: 0, max: 300_000 })))),
        approvalRate: fc.option(perPeriod(fc.option(fraction))),
        orderRate: fc.option(perPeriod(fc.option(fraction))),
      }),
      { minLength: 1, maxLength: 4, selector: (b) => b.name },
    ),
  });
});

/** Valid version-2 scenarios (the documents validation accepts). */
export const validScenarioV2: fc.Arbitrary<Scenario> = scenarioDocV2
  .map((doc) => validateScenario(doc))
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.value : (undefined as never)));
