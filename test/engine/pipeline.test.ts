import { evaluate, bindingStep, largestCutStep, PIPELINE, STEP_IDS } from "../../src/engine";
import { scenario } from "../support/scenarios";

const only = (over: Parameters<typeof scenario>[0]) => {
  const e = evaluate(scenario(over));
  return e.periods[0].buyers[0];
};

describe("pipeline is data", () => {
  test("the steps are docs/model.md's, in order", () => {
    expect(PIPELINE.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(STEP_IDS).toEqual(["requested", "us_license", "china_access", "orders", "public_sector", "domestic_ratio", "supply"]);
  });

  test("an inserted step appears in the trail in order and can bind", () => {
    const halve = { id: "customs_check", kind: "buyer" as const, apply: (u: number) => u / 2 };
    const pipeline = [...PIPELINE.slice(0, 3), halve, ...PIPELINE.slice(3)];
    const b = evaluate(scenario(), pipeline).periods[0].buyers[0];
    expect(Object.keys(b.steps)).toEqual(["requested", "us_license", "china_access", "customs_check", "orders", "public_sector", "domestic_ratio", "supply"]);
    expect(b.shipped).toBe(50);
    expect(b.binding).toBe("customs_check");
  });
});

describe("step requested", () => {
  test("zero demand ships nothing and binds nothing", () => {
    const b = only({ buyers: [{ name: "A", requested: 0, domesticUnits: 0 }], china: { cap: { basis: "units", ratio: 1 } } });
    expect(b.shipped).toBe(0);
    expect(b.revenue).toBe(0);
    expect(b.binding).toBe("none");
    expect(Object.values(b.steps)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("step us_license", () => {
  test("exports not allowed: nothing ships", () => {
    const b = only({ us: { exportsAllowed: false } });
    expect(b.steps.us_license).toBe(0);
    expect(b.shipped).toBe(0);
    expect(b.binding).toBe("us_license");
  });
  test("approved customers only: an unapproved buyer gets 0", () => {
    expect(only({ buyers: [{ name: "A", requested: 100, domesticUnits: 0, usApproved: false }] }).shipped).toBe(0);
  });
  test("without the approved-customers rule an unapproved buyer is licensed", () => {
    const b = only({ us: { approvedCustomersOnly: false }, buyers: [{ name: "A", requested: 100, domesticUnits: 0, usApproved: false }] });
    expect(b.shipped).toBe(100);
    expect(b.binding).toBe("none");
  });
});

describe("step china_access", () => {
  test("blocked: nothing ships", () => {
    const b = only({ china: { access: "blocked" } });
    expect(b.steps.china_access).toBe(0);
    expect(b.binding).toBe("china_access");
  });
  test("approval: the scenario's rate applies", () => {
    expect(only({ china: { access: "approval", approvalRate: 0.6 } }).steps.china_access).toBeCloseTo(60, 12);
  });
  test("approval: a buyer's own rate overrides the scenario's", () => {
    const e = evaluate(
      scenario({
        china: { access: "approval", approvalRate: 0.6 },
        buyers: [
          { name: "A", requested: 100, domesticUnits: 0, approvalRate: 0.25 },
          { name: "B", requested: 100, domesticUnits: 0 },
          { name: "C", requested: 100, domesticUnits: 0, approvalRate: 0 },
        ],
      }),
    );
    expect(e.periods[0].buyers.map((b) => b.steps.china_access)).toEqual([25, 60, 0]);
  });
  test("approval without a scenario rate is fine when every buyer has its own", () => {
    expect(only({ china: { access: "approval" }, buyers: [{ name: "A", requested: 100, domesticUnits: 0, approvalRate: 0.5 }] }).shipped).toBe(50);
  });
  test("open: buyer rates are ignored", () => {
    expect(only({ buyers: [{ name: "A", requested: 100, domesticUnits: 0, approvalRate: 0.1 }] }).shipped).toBe(100);
  });
});

describe("step public_sector", () => {
  const buyer = { name: "A", requested: 100, domesticUnits: 0, publicSectorShare: 0.3 };
  test("the ban removes the public-sector share", () => {
    const b = only({ china: { publicSectorBan: true }, buyers: [buyer] });
    expect(b.steps.public_sector).toBeCloseTo(70, 12);
    expect(b.binding).toBe("public_sector");
  });
  test("without the ban the share does not matter", () => {
    expect(only({ buyers: [buyer] }).shipped).toBe(100);
  });
});

describe("step domestic_ratio", () => {
  test("units basis: cap = ratio x domesticUnits", () => {
    const b = only({ china: { cap: { basis: "units", ratio: 0.5 } }, buyers: [{ name: "A", requested: 100, domesticUnits: 120 }] });
    expect(b.steps.domestic_ratio).toBe(60);
    expect(b.binding).toBe("domestic_ratio");
  });
  test("units basis: a cap above demand does not bind", () => {
    expect(only({ china: { cap: { basis: "units", ratio: 1 } } }).binding).toBe("none");
  });
  test("dollars basis with domesticValue given", () => {
    // cap = 2 x 540,000 / 27,000 = 40
    const b = only({ china: { cap: { basis: "dollars", ratio: 2 } }, buyers: [{ name: "A", requested: 100, domesticUnits: 999, domesticValue: 540000 }] });
    expect(b.steps.domestic_ratio).toBeCloseTo(40, 12);
  });
  test("dollars basis with domesticValue derived from domesticPrice", () => {
    // cap = 1 x (60 x 18,000) / 27,000 = 40
    const b = only({
      china: { cap: { basis: "dollars", ratio: 1 } },
      market: { domesticPrice: 18000 },
      buyers: [{ name: "A", requested: 100, domesticUnits: 60 }],
    });
    expect(b.steps.domestic_ratio).toBeCloseTo(40, 12);
  });
  test("basis none: no cap", () => {
    expect(only({ buyers: [{ name: "A", requested: 100, domesticUnits: 0 }] }).shipped).toBe(100);
  });
});

describe("step supply", () => {
  const three = [
    { name: "A", requested: 100, domesticUnits: 0 },
    { name: "B", requested: 300, domesticUnits: 0 },
    { name: "C", requested: 0, domesticUnits: 0 },
  ];
  test("pro-rata when demand exceeds supply", () => {
    const e = evaluate(scenario({ market: { supply: 200 }, buyers: three }));
    const shipped = e.periods[0].buyers.map((b) => b.shipped);
    expect(shipped[0]).toBeCloseTo(50, 12);
    expect(shipped[1]).toBeCloseTo(150, 12);
    expect(shipped[2]).toBe(0);
    expect(e.periods[0].totals.shipped).toBeCloseTo(200, 9);
    expect(e.periods[0].buyers.map((b) => b.binding)).toEqual(["supply", "supply", "none"]);
  });
  test("demand equal to supply is not cut", () => {
    const e = evaluate(scenario({ market: { supply: 400 }, buyers: three }));
    expect(e.periods[0].buyers.map((b) => b.shipped)).toEqual([100, 300, 0]);
  });
  test("zero supply ships nothing", () => {
    expect(only({ market: { supply: 0 } }).shipped).toBe(0);
  });
  test("chinaCapOfUsVolume lowers supply to cap x usShipments", () => {
    // L = min(1e9, 0.5 x 80) = 40
    const b = only({ us: { chinaCapOfUsVolume: 0.5, usShipments: 80 } });
    expect(b.shipped).toBe(40);
    expect(b.binding).toBe("supply");
  });
  test("chinaCapOfUsVolume never raises supply", () => {
    expect(only({ market: { supply: 30 }, us: { chinaCapOfUsVolume: 0.5, usShipments: 1000 } }).shipped).toBe(30);
  });
});

describe("outputs and totals", () => {
  const doc = {
    us: { revenueShare: 0.25 },
    market: { h200Price: 27000, supply: 1e9, h20Multiple: 6, baselineChinaRevenue: 3e9 },
    buyers: [
      { name: "A", requested: 100, domesticUnits: 0 },
      { name: "B", requested: 50, domesticUnits: 0 },
    ],
  };
  test("per-buyer money and compute", () => {
    const b = evaluate(scenario(doc)).periods[0].buyers[0];
    expect(b.revenue).toBe(2_700_000);
    expect(b.usShare).toBe(675_000);
    expect(b.nvidiaNet).toBe(2_025_000);
    expect(b.h20Equivalent).toBe(600);
  });
  test("cost treatment: China revenue = baseline + gross sales", () => {
    const t = evaluate(scenario(doc)).periods[0].totals;
    expect(t).toMatchObject({ requested: 150, shipped: 150, revenue: 4_050_000, usShare: 1_012_500, nvidiaNet: 3_037_500, h20Equivalent: 900 });
    expect(t.chinaRevenue).toBe(3e9 + 4_050_000);
  });
  test("contra-revenue treatment: China revenue = baseline + net", () => {
    const t = evaluate(scenario(merge2(doc, { market: { usShareTreatment: "contra-revenue" } }))).periods[0].totals;
    expect(t.chinaRevenue).toBe(3e9 + 3_037_500);
  });
  test("per-period arrays align with periods", () => {
    const e = evaluate(
      scenario({
        periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3"],
        market: { h200Price: 27000, supply: [50, 1e9, 10], baselineChinaRevenue: [1, 2, 3] },
        buyers: [{ name: "A", requested: [100, 200, 5], domesticUnits: 0 }],
      }),
    );
    expect(e.periods.map((p) => p.period)).toEqual(["FY2027Q1", "FY2027Q2", "FY2027Q3"]);
    expect(e.periods.map((p) => p.buyers[0].shipped)).toEqual([50, 200, 5]);
    expect(e.periods.map((p) => p.totals.baselineChinaRevenue)).toEqual([1, 2, 3]);
  });
});

describe("binding: the last step that removed units; largestCut: the step that removed the most", () => {
  test("a cap after a bigger cut is what the shipments end at", () => {
    // 100 → approval 0.5 → 50 (−50) → ratio cap 30 (−20): binding domestic_ratio, largest cut china_access
    const b = only({ china: { access: "approval", approvalRate: 0.5, cap: { basis: "units", ratio: 1 } }, buyers: [{ name: "A", requested: 100, domesticUnits: 30 }] });
    expect(b.binding).toBe("domestic_ratio");
    expect(b.largestCut).toBe("china_access");
  });
  test("the problem's example: approval 50% then a dollar cap of 0.5 — the dollar cap binds", () => {
    // 100 → 50 (approval) → cap 0.5 x 1,000 x 17,000 / 27,000 = 314.8…: the cap does not cut 50; use a cap that does.
    const b = only({
      china: { access: "approval", approvalRate: 0.5, cap: { basis: "dollars", ratio: 0.5 } },
      market: { h200Price: 27000, domesticPrice: 17000, supply: 1e9 },
      buyers: [{ name: "A", requested: 100, domesticUnits: 40 }],
    });
    // cap = 0.5 x 40 x 17,000 / 27,000 = 12.59…
    expect(b.shipped).toBeCloseTo((0.5 * 40 * 17000) / 27000, 9);
    expect(b.binding).toBe("domestic_ratio");
    expect(b.largestCut).toBe("china_access");
  });
  test("ties go to the earlier step (largestCut); binding is still the last cut", () => {
    // 100 → approval 0.5 → 50 (−50) → cap 0 (−50)
    const b = only({ china: { access: "approval", approvalRate: 0.5, cap: { basis: "units", ratio: 0 } } });
    expect(b.steps.domestic_ratio).toBe(0);
    expect(b.largestCut).toBe("china_access");
    expect(b.binding).toBe("domestic_ratio");
  });
  test("both read a quantity trail; nothing removed is none", () => {
    expect(bindingStep(PIPELINE, [100, 100, 60, 60, 60, 60, 60])).toBe("china_access");
    expect(bindingStep(PIPELINE, [100, 100, 60, 60, 60, 40, 40])).toBe("domestic_ratio");
    expect(largestCutStep(PIPELINE, [100, 100, 60, 60, 60, 40, 40])).toBe("china_access");
    expect(bindingStep(PIPELINE, [100, 100, 100, 100, 100, 100, 100])).toBe("none");
    expect(largestCutStep(PIPELINE, [100, 100, 100, 100, 100, 100, 100])).toBe("none");
    expect(bindingStep(PIPELINE, [100, 100, 50, 50, 50, 0, 0])).toBe("domestic_ratio");
    expect(largestCutStep(PIPELINE, [100, 100, 50, 50, 50, 0, 0])).toBe("china_access");
  });
});

describe("step orders", () => {
  test("approved volume times the order rate; the buyer's own rate wins", () => {
    const e = evaluate(
      scenario({
        china: { access: "approval", approvalRate: 0.6, orderRate: 0.5 },
        buyers: [
          { name: "A", requested: 100, domesticUnits: 0 },
          { name: "B", requested: 100, domesticUnits: 0, orderRate: 0 },
        ],
      }),
    );
    const [a, b] = e.periods[0].buyers;
    expect(a.steps.orders).toBeCloseTo(30, 12);
    expect(a.binding).toBe("orders");
    expect(a.largestCut).toBe("china_access");
    expect(b.shipped).toBe(0);
    expect(b.binding).toBe("orders");
  });
  test("approved on paper, orders paused: nothing ships, and the orders step is why", () => {
    const b = only({ china: { access: "approval", approvalRate: 1, orderRate: 0 } });
    expect(b.steps.china_access).toBe(100);
    expect(b.shipped).toBe(0);
    expect(b.binding).toBe("orders");
  });
});

describe("a timeline: policy that changes by period, limits over the whole horizon", () => {
  const periods = ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"];
  const shippedBy = (over: Parameters<typeof scenario>[0]) => evaluate(scenario({ periods, ...over })).periods.map((p) => p.buyers.map((b) => b.shipped));

  test("per-period access: blocked, then approval, then open", () => {
    expect(shippedBy({ china: { access: ["blocked", "approval", "open", "open"], approvalRate: 0.25 } })).toEqual([[0], [25], [100], [100]]);
  });
  test("a licence quantity is used up across periods, then nothing more ships", () => {
    const e = evaluate(scenario({ periods, buyers: [{ name: "A", requested: 100, domesticUnits: 0, licensedUnits: 250 }] }));
    expect(e.periods.map((p) => p.buyers[0].shipped)).toEqual([100, 100, 50, 0]);
    expect(e.periods.map((p) => p.buyers[0].binding)).toEqual(["none", "none", "us_license", "us_license"]);
  });
  test("a cumulative units cap counts what shipped before against the stock held by then", () => {
    // Cap 1 x domestic stock [150, 150, 300, 300]: cumulative 100 → 50 left → 150 left… period-scope would be 100 each.
    const cumulative = shippedBy({ china: { cap: { basis: "units", ratio: 1, scope: "cumulative" } }, buyers: [{ name: "A", requested: 100, domesticUnits: [150, 150, 300, 300] }] });
    expect(cumulative).toEqual([[100], [50], [100], [50]]);
    const perPeriod = shippedBy({ china: { cap: { basis: "units", ratio: 1 } }, buyers: [{ name: "A", requested: 100, domesticUnits: [150, 150, 300, 300] }] });
    expect(perPeriod).toEqual([[100], [100], [100], [100]]);
  });
  test("a cumulative China-to-US volume cap: China so far at most the multiple of US shipments so far", () => {
    // 0.5 x US [100, 100, 100, 100] summed: [50, 100, 150, 200]; China wants 80 a period.
    const e = evaluate(
      scenario({
        periods,
        us: { chinaCapOfUsVolume: 0.5, usShipments: 100, chinaCapScope: "cumulative" },
        buyers: [{ name: "A", requested: 80, domesticUnits: 0 }],
      }),
    );
    expect(e.periods.map((p) => p.totals.shipped)).toEqual([50, 50, 50, 50]);
    expect(e.periods.map((p) => p.buyers[0].binding)).toEqual(["supply", "supply", "supply", "supply"]);
  });
  test("version 1 had no memory: a per-period cap allows the same again every period", () => {
    const e = evaluate(scenario({ periods, us: { chinaCapOfUsVolume: 0.5, usShipments: 100 }, buyers: [{ name: "A", requested: 80, domesticUnits: 0 }] }));
    expect(e.periods.map((p) => p.totals.shipped)).toEqual([50, 50, 50, 50]);
  });
  test("prices, shares and baselines are read in their period", () => {
    const e = evaluate(
      scenario({
        periods,
        us: { revenueShare: [0.25, 0.25, 0, 0.5] },
        market: { h200Price: [10, 20, 30, 40], supply: 1e9, baselineChinaRevenue: [1, 2, 3, 4] },
        buyers: [{ name: "A", requested: 1, domesticUnits: 0 }],
      }),
    );
    expect(e.periods.map((p) => p.buyers[0].revenue)).toEqual([10, 20, 30, 40]);
    expect(e.periods.map((p) => p.buyers[0].usShare)).toEqual([2.5, 5, 0, 20]);
    expect(e.periods.map((p) => p.totals.chinaRevenue)).toEqual([11, 22, 33, 44]);
  });
});

function merge2(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  return { ...a, market: { ...(a.market as object), ...(b.market as object) } };
}
