import { parseScenario, validateScenario } from "../../src/engine";
import { baseDoc, problemsOf, scenario } from "../support/scenarios";

describe("defaults (docs/model.md)", () => {
  test("a field left out takes its documented default", () => {
    const s = scenario();
    // Every field that may vary by period is one value per period (here, one period).
    expect(s.us).toEqual({ exportsAllowed: [true], approvedCustomersOnly: [true], revenueShare: [0.25], chinaCapOfUsVolume: [null], usShipments: [null], chinaCapScope: ["period"] });
    expect(s.china).toEqual({ access: ["open"], approvalRate: [null], orderRate: [1], cap: { basis: ["none"], ratio: [null], scope: ["period"] }, publicSectorBan: [false] });
    expect(s.market).toMatchObject({ h20Multiple: [6], baselineChinaRevenue: [0], usShareTreatment: "cost", domesticPrice: [null] });
    expect(s.buyers[0]).toMatchObject({ publicSectorShare: [0], usApproved: [true], domesticValue: [null], approvalRate: [null], licensedUnits: [null], orderRate: [null] });
  });
  test("a single number applies to every period", () => {
    const s = scenario({ periods: ["FY2027Q1", "FY2027Q2"] });
    expect(s.market.supply).toEqual([1e9, 1e9]);
    expect(s.buyers[0].requested).toEqual([100, 100]);
  });
});

describe("one message per problem, naming the field path", () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["missing requested", { buyers: [{ name: "A", domesticUnits: 1 }] }, "buyers[0].requested: required"],
    ["missing domesticUnits", { buyers: [{ name: "A", requested: 1 }] }, "buyers[0].domesticUnits: required"],
    ["missing h200Price", { market: { h200Price: null } }, "market.h200Price: required"],
    ["missing supply", { market: { supply: null } }, "market.supply: required"],
    ["text where a number belongs", { market: { h200Price: "27k" } }, "market.h200Price: expected a number"],
    ["\"3bn\" is not a number, and the message says how to write it", { market: { baselineChinaRevenue: "3bn" } }, 'market.baselineChinaRevenue: expected a number (China revenue without H200, in USD); "3bn" is a scaled number: write 3000000000'],
    ["a percentage names its fraction", { us: { revenueShare: "25%" } }, 'us.revenueShare: expected a number (share of sales paid to the US government); "25%" is a percentage: write 0.25'],
    ["a thousands separator names the plain number", { market: { h200Price: "27,000" } }, 'market.h200Price: expected a number (USD per H200); "27,000" looks like a number with a thousands separator: write 27000'],
    ["text that is no number keeps the general advice", { market: { h200Price: "27 dollars" } }, 'not text such as "3bn"'],
    ["negative supply", { market: { supply: -1 } }, "market.supply: must be at least 0"],
    ["zero price", { market: { h200Price: 0 } }, "market.h200Price: must be greater than 0"],
    ["share above 1", { us: { revenueShare: 25 } }, "us.revenueShare: must be a fraction between 0 and 1"],
    ["a scenario's probability above 1", { probability: 40 }, "probability: must be a fraction between 0 and 1"],
    ["bad access word", { china: { access: "closed" } }, 'china.access: must be "open", "approval" or "blocked"'],
    ["bad basis word", { china: { cap: { basis: "dollar", ratio: 1 } } }, 'china.cap.basis: must be "none", "units" or "dollars", got "dollar"'],
    ["cap without ratio", { china: { cap: { basis: "units" } } }, "china.cap.ratio: required"],
    ["approval without any rate", { china: { access: "approval" } }, "china.approvalRate: required when china.access is \"approval\""],
    ["dollars basis without price", { china: { cap: { basis: "dollars", ratio: 1 } } }, "market.domesticPrice: required when china.cap.basis is \"dollars\""],
    ["volume cap without US shipments", { us: { chinaCapOfUsVolume: 0.5 } }, "us.usShipments: required"],
    ["per-period array of the wrong length", { periods: ["FY2027Q1", "FY2027Q2"], market: { supply: [1, 2, 3] } }, "market.supply: has 3 values but the scenario has 2 periods"],
    ["bad element of a per-period array", { periods: ["FY2027Q1", "FY2027Q2"], buyers: [{ name: "A", requested: [1, "x"], domesticUnits: 0 }] }, "buyers[0].requested[1]: expected a number"],
    ["bad period label", { periods: ["2027Q1"] }, "periods[0]: period labels are Nvidia fiscal quarters"],
    ["duplicate period", { periods: ["FY2027Q1", "FY2027Q1"] }, "periods[1]: duplicate period"],
    ["no periods", { periods: [] }, "periods: needs at least one period"],
    ["no buyers", { buyers: [] }, "buyers: needs at least one buyer"],
    ["duplicate buyer", { buyers: [{ name: "A", requested: 1, domesticUnits: 0 }, { name: "A", requested: 1, domesticUnits: 0 }] }, "buyers[1].name: duplicate buyer name"],
    ["unknown field with a suggestion", { china: { aprovalRate: 0.5 } }, 'china.aprovalRate: unknown field "aprovalRate"; did you mean "approvalRate"?'],
    ["boolean expected", { us: { exportsAllowed: "yes" } }, "us.exportsAllowed: expected true or false"],
    ["object expected", { market: 5 }, "market: expected an object"],
    ["treatment word", { market: { usShareTreatment: "net" } }, "market.usShareTreatment: must be \"cost\" or \"contra-revenue\""],
    ["publicSectorShare above 1", { buyers: [{ name: "A", requested: 1, domesticUnits: 0, publicSectorShare: 1.5 }] }, "buyers[0].publicSectorShare: must be a fraction"],
    ["rule after an unknown step", { rules: [{ id: "x", after: "suply", expression: "units" }] }, 'rules[0].after: unknown step "suply"; did you mean "supply"?'],
  ];
  test.each(cases)("%s", (_label, over, expected) => {
    const problems = problemsOf(over);
    expect(problems.some((p) => p.startsWith(expected) || p.includes(expected))).toBe(true);
  });

  test("every problem is reported in one pass", () => {
    const problems = problemsOf({
      name: 7,
      market: { h200Price: -1, supply: "lots" },
      buyers: [{ name: "A", requested: -5 }, { requested: 3, domesticUnits: 1 }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name:/),
        expect.stringMatching(/^market\.h200Price:/),
        expect.stringMatching(/^market\.supply:/),
        expect.stringMatching(/^buyers\[0\]\.requested:/),
        expect.stringMatching(/^buyers\[0\]\.domesticUnits:/),
        expect.stringMatching(/^buyers\[1\]\.name:/),
      ]),
    );
  });

  test("keys for editors and users' metadata are allowed", () => {
    expect(problemsOf({ $schema: "x", "x-sources": { a: 1 } })).toEqual([]);
  });

  test("non-objects are rejected without a crash", () => {
    for (const v of [null, 1, "s", [], true]) expect(validateScenario(v).ok).toBe(false);
  });

  test("NaN and Infinity are rejected (they cannot come from JSON, but can from code)", () => {
    expect(problemsOf({ market: { supply: Infinity } })[0]).toMatch(/^market\.supply: expected a finite number/);
    expect(problemsOf({ market: { h200Price: NaN } })[0]).toMatch(/^market\.h200Price: expected a finite number/);
  });
});

describe("parseScenario", () => {
  test("JSON and YAML give the same scenario", () => {
    const json = JSON.stringify(baseDoc());
    const yaml = [
      "name: Test",
      "periods: [FY2027Q1]",
      "us: {}",
      "china: {}",
      "market: { h200Price: 27000, supply: 1.0e+9 }",
      "buyers:",
      "  - { name: A, requested: 100, domesticUnits: 1000 }",
    ].join("\n");
    const a = parseScenario(json, "json");
    const b = parseScenario(yaml, "yaml");
    expect(a.ok && b.ok).toBe(true);
    expect(a).toEqual(b);
  });
  test("malformed text is a syntax problem, not an exception", () => {
    expect(parseScenario("{", "json")).toMatchObject({ ok: false, problems: [{ code: "syntax" }] });
    expect(parseScenario("a: [1,", "yaml")).toMatchObject({ ok: false, problems: [{ code: "syntax" }] });
    expect(parseScenario("a: 1\na: 2", "yaml")).toMatchObject({ ok: false });
  });
  test("YAML tags cannot build objects or run code", () => {
    const r = parseScenario("name: !!js/function 'function () { return 1 }'", "yaml");
    if (r.ok) throw new Error("should not validate");
    expect(r.problems.length).toBeGreaterThan(0);
  });
  test("a YAML alias bomb is refused", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => {
      const prev = i === 0 ? "a" : `l${i - 1}`;
      return `l${i}: &l${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
    })].join("\n");
    expect(parseScenario(bomb, "yaml")).toMatchObject({ ok: false, problems: [{ code: "syntax" }] });
  });
});

describe("problems found after the first fixes", () => {
  test("cross-field checks are reported even when a buyer has other problems", () => {
    const problems = problemsOf({ china: { access: "approval" }, buyers: [{ name: "A", requested: -1, domesticUnits: 1 }] });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^china\.approvalRate: required/), expect.stringMatching(/^buyers\[0\]\.requested:/)]));
  });
  test("the dollars basis asks for domesticPrice even when the market has other problems", () => {
    const problems = problemsOf({ china: { cap: { basis: "dollars", ratio: 1 } }, market: { h200Price: null } });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^market\.domesticPrice: required/), expect.stringMatching(/^market\.h200Price: required/)]));
  });
  test("absurd magnitudes are refused before they can overflow", () => {
    expect(problemsOf({ market: { supply: 1e300 } })[0]).toMatch(/^market\.supply: must be at most 1e\+12/);
    expect(problemsOf({ buyers: [{ name: "A", requested: 1e308, domesticUnits: 0 }] })[0]).toMatch(/^buyers\[0\]\.requested: must be at most/);
    expect(problemsOf({ market: { h200Price: 1e20 } })[0]).toMatch(/^market\.h200Price: must be at most 1e\+9/);
  });
  test("a JSON syntax error says where", () => {
    const r = parseScenario('{\n "a": 1,\n "b" 2}', "json");
    expect(r).toMatchObject({ ok: false, problems: [{ code: "syntax", message: expect.stringMatching(/line 3, column \d+/) }] });
  });
  test("a YAML syntax error is one line with its position", () => {
    const r = parseScenario("a: [1,\nb: 2", "yaml");
    if (r.ok) throw new Error("should fail");
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/line 2, column 1/);
    expect(r.problems[0].message).not.toContain("\n");
  });
});

describe("version 2: every policy, market and buyer field is a timeline", () => {
  const four = { periods: ["FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"] };

  test("a list gives one value per period; a single value applies to every period; a null element is the default", () => {
    const s = scenario({
      ...four,
      us: { exportsAllowed: [false, true, true, true], revenueShare: 0.15 },
      china: { access: ["blocked", "blocked", "approval", "approval"], approvalRate: [null, null, 0.5, 0.6], orderRate: [1, 0, null, 0.5], cap: { basis: ["none", "units", "units", "dollars"], ratio: 1, scope: "cumulative" } },
      market: { domesticPrice: 17000 },
      buyers: [{ name: "A", requested: [1, 2, 3, 4], domesticUnits: [10, 20, 30, 40], licensedUnits: 75000, orderRate: [null, 1, null, null] }],
    });
    expect(s.us.exportsAllowed).toEqual([false, true, true, true]);
    expect(s.us.revenueShare).toEqual([0.15, 0.15, 0.15, 0.15]);
    expect(s.china.access).toEqual(["blocked", "blocked", "approval", "approval"]);
    expect(s.china.orderRate).toEqual([1, 0, 1, 0.5]);
    expect(s.china.cap.basis).toEqual(["none", "units", "units", "dollars"]);
    // The ratio is unused (null) in the period whose basis is "none".
    expect(s.china.cap.ratio).toEqual([null, 1, 1, 1]);
    expect(s.china.cap.scope).toEqual(["cumulative", "cumulative", "cumulative", "cumulative"]);
    expect(s.buyers[0].domesticUnits).toEqual([10, 20, 30, 40]);
    expect(s.buyers[0].licensedUnits).toEqual([75000, 75000, 75000, 75000]);
    expect(s.buyers[0].orderRate).toEqual([null, 1, null, null]);
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["an enum element outside its words", { ...four, china: { access: ["open", "open", "paused", "open"] } }, 'china.access[2]: must be "open", "approval" or "blocked", got "paused"'],
    ["a list of the wrong length", { ...four, china: { access: ["open", "blocked"] } }, "china.access: has 2 values but the scenario has 4 periods"],
    ["an unknown scope", { china: { cap: { basis: "units", ratio: 1, scope: "forever" } } }, 'china.cap.scope: must be "period" or "cumulative", got "forever"'],
    ["an unknown US cap scope", { us: { chinaCapScope: "total" } }, 'us.chinaCapScope: must be "period" or "cumulative"'],
    ["a negative licence", { buyers: [{ name: "A", requested: 1, domesticUnits: 0, licensedUnits: -5 }] }, "buyers[0].licensedUnits: must be at least 0, got -5"],
    ["an orderRate above 1", { china: { orderRate: 1.5 } }, "china.orderRate: must be a fraction between 0 and 1"],
    ["a buyer's orderRate below 0 in one period", { ...four, buyers: [{ name: "A", requested: 1, domesticUnits: 0, orderRate: [0.5, -0.1, 0.5, 0.5] }] }, "buyers[0].orderRate[1]: must be a fraction"],
    ["a per-period null where no default exists", { ...four, market: { h200Price: [27000, null, 27000, 27000] } }, "market.h200Price[1]: required: USD per H200; a null in a per-period list means the default"],
    ["a flag element that is not true or false", { ...four, china: { publicSectorBan: [true, "yes", true, true] } }, "china.publicSectorBan[1]: expected true or false"],
    ["approval in one period without a rate there", { ...four, china: { access: ["open", "approval", "approval", "open"], approvalRate: [null, 0.5, null, null] } }, 'china.approvalRate[2]: required when china.access is "approval"'],
    ["a units basis in one period without a ratio", { ...four, china: { cap: { basis: ["none", "none", "units", "units"] } } }, 'china.cap.ratio: required when china.cap.basis is "units" (in FY2027Q3, FY2027Q4)'],
    ["a cumulative US cap needs every earlier period's US shipments", { ...four, us: { chinaCapOfUsVolume: [null, null, null, 0.5], chinaCapScope: "cumulative", usShipments: [null, 10, 10, 10] } }, "us.usShipments[0]: required when us.chinaCapOfUsVolume is set"],
    ["periods out of order", { periods: ["FY2027Q2", "FY2027Q1"] }, 'periods[1]: "FY2027Q1" comes before "FY2027Q2"; list the periods in chronological order'],
  ];
  test.each(cases)("%s", (_label, over, expected) => {
    const problems = problemsOf(over);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  test("a per-period US cap needs US shipments only where it is set", () => {
    expect(problemsOf({ ...four, us: { chinaCapOfUsVolume: [null, null, 0.5, 0.5], usShipments: [null, null, 10, 10] } })).toEqual([]);
  });

  test("a wrong value is reported once, as wrong, not again as missing", () => {
    const problems = problemsOf({ ...four, china: { access: "approval", approvalRate: [0.5, 50, 0.5, 0.5] } });
    expect(problems).toEqual([expect.stringMatching(/^china\.approvalRate\[1\]: must be a fraction/)]);
  });

  test("every problem of a timeline is reported at once, each at its element", () => {
    const problems = problemsOf({ ...four, china: { access: ["open", "shut", "open", "ajar"], orderRate: [2, 1, 1, -1] } });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["china.access[1]", "china.access[3]", "china.orderRate[0]", "china.orderRate[3]"]);
  });

  test("version-1 documents validate as before (one value for all periods)", () => {
    const s = scenario({ ...four, china: { access: "approval", approvalRate: 0.6, cap: { basis: "units", ratio: 1 } } });
    expect(s.china.approvalRate).toEqual([0.6, 0.6, 0.6, 0.6]);
    expect(s.china.orderRate).toEqual([1, 1, 1, 1]);
    expect(s.china.cap.scope).toEqual(["period", "period", "period", "period"]);
  });
});

describe("shortName: the scenario's sheet name in the workbook", () => {
  test("optional; when given, kept as written", () => {
    expect(scenario().shortName).toBe("");
    expect(scenario({ shortName: "Gate + licences" }).shortName).toBe("Gate + licences");
  });
  test("longer than Excel's 31 characters: a problem naming the length", () => {
    expect(problemsOf({ shortName: "Beijing approval gate + 1-1 uniform" })).toEqual(['shortName: must be at most 31 characters (an Excel sheet name), got 35: "Beijing approval gate + 1-1 uniform"']);
  });
  test("a character Excel forbids in sheet names: a problem listing them", () => {
    expect(problemsOf({ shortName: "US/China" })).toEqual([expect.stringMatching(/^shortName: must not contain any of \[ \] : \* \? \/ \\ or start or end with '/)]);
    expect(problemsOf({ shortName: 42 })).toEqual(["shortName: expected text, got 42"]);
  });
});
