import { Cell, evaluate, evaluationTable, formatProblem, scenarioFromTables } from "../../src/engine";

const policy = [
  ["name", "Tables"],
  ["periods", "FY2027Q1", "FY2027Q2"],
  ["china.access", "approval"],
  ["china.approvalRate", 0.5],
  ["market.h200Price", 27000],
  ["market.supply", 1000, "2000"],
  [null, null],
];
const buyers = [
  ["name", "requested FY2027Q1", "requested FY2027Q2", "domesticUnits", "usApproved"],
  ["A", 100, 200, 0, true],
  [null, null, null, null, null],
  ["B", 300, 400, 0, false],
];

test("policy rows and a buyers table make the same scenario as the document", () => {
  const r = scenarioFromTables(buyers, policy);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  expect(r.value.periods).toEqual(["FY2027Q1", "FY2027Q2"]);
  expect(r.value.market.supply).toEqual([1000, 2000]); // numeric text is a number
  expect(r.value.china).toMatchObject({ access: ["approval", "approval"], approvalRate: [0.5, 0.5] }); // one cell: every period
  expect(r.value.buyers.map((b) => [b.name, b.requested, b.usApproved])).toEqual([
    ["A", [100, 200], [true, true]],
    ["B", [300, 400], [false, false]],
  ]);
});

test("periods may be one comma-separated cell", () => {
  const r = scenarioFromTables(buyers, [...policy.slice(0, 1), ["periods", "FY2027Q1, FY2027Q2"], ...policy.slice(2)]);
  expect(r.ok && r.value.periods).toEqual(["FY2027Q1", "FY2027Q2"]);
});

test("problems keep the scenario's field paths", () => {
  const r = scenarioFromTables([buyers[0], ["A", -1, 200, 0, true]], policy);
  expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([expect.stringMatching(/^buyers\[0\]\.requested\[0\]: must be at least 0/)]);
});

test("a period column the policy does not list, and a missing one, are named", () => {
  const r = scenarioFromTables([["name", "requested FY2026Q4", "requested FY2027Q1", "domesticUnits"], ["A", 1, 2, 0]], policy);
  const lines = r.ok ? [] : r.problems.map(formatProblem);
  expect(lines).toEqual(
    expect.arrayContaining([expect.stringContaining('column "requested FY2026Q4" names a period the policy table does not list'), expect.stringMatching(/^buyers\[0\]\.requested: no column for period FY2027Q2/)]),
  );
});

test("unknown headers and keys get suggestions", () => {
  const r = scenarioFromTables([["name", "requestd", "domesticUnits"]], [["china.acess", "open"], ...policy]);
  const lines = r.ok ? [] : r.problems.map(formatProblem);
  expect(lines).toEqual(expect.arrayContaining([expect.stringContaining('did you mean "requested"'), expect.stringContaining('did you mean "china.access"')]));
});

test("the evaluation table has a header, a row per buyer and a total per period", () => {
  const r = scenarioFromTables(buyers, policy);
  if (!r.ok) throw new Error("invalid");
  const e = evaluate(r.value);
  const table = evaluationTable(e, { steps: true });
  expect(table[0].slice(0, 10)).toEqual(["period", "buyer", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "binding", "largestCut", "chinaRevenue"]);
  expect(table.map((row) => row.slice(0, 2))).toEqual([
    ["period", "buyer"],
    ["FY2027Q1", "A"],
    ["FY2027Q1", "B"],
    ["FY2027Q1", "Total"],
    ["FY2027Q2", "A"],
    ["FY2027Q2", "B"],
    ["FY2027Q2", "Total"],
  ]);
  // B is not US-approved: 0 shipped, binding us_license; A: 100 x 0.5 = 50
  expect(table[1].slice(2, 3)).toEqual([50]);
  expect(table[2].slice(7, 9)).toEqual(["us_license", "us_license"]);
  expect(table[1].slice(7, 9)).toEqual([e.periods[0].buyers[0].binding, e.periods[0].buyers[0].largestCut]);
  expect(table[3].slice(7, 9)).toEqual(["", ""]); // a total has no binding step
  expect(table[3][9]).toBe(e.periods[0].totals.chinaRevenue);
  expect(table[0].slice(10)).toEqual(["requested", "us_license", "china_access", "orders", "public_sector", "domestic_ratio", "supply"]);
  expect(table[3].slice(10)).toEqual([400, 100, 50, 50, 50, 50, 50]);
});

/** Four quarters: Beijing opens in the third, approvals are paused in the first half of the horizon. */
const timelinePolicy = [
  ["name", "Timeline"],
  ["periods", "FY2027Q1", "FY2027Q2", "FY2027Q3", "FY2027Q4"],
  ["china.access", "blocked", "blocked", "approval", "approval"],
  ["china.approvalRate", 0.5],
  ["china.orderRate", 1, 1, 0.5, 1],
  ["china.cap.basis", "units"],
  ["china.cap.ratio", 1],
  ["china.cap.scope", "cumulative"],
  ["us.chinaCapOfUsVolume", 0.5],
  ["us.usShipments", 1000],
  ["us.chinaCapScope", "cumulative"],
  ["market.h200Price", 27000],
  ["market.supply", 100000],
];
const timelineBuyers = [
  ["name", "requested", "domesticUnits", "licensedUnits", "approvalRate FY2027Q1", "approvalRate FY2027Q2", "approvalRate FY2027Q3", "approvalRate FY2027Q4", "orderRate"],
  ["A", 400, 1000, 300, null, null, 0.8, 0.6, null],
  ["B", 100, 50, null, null, null, null, null, 0.8],
];

test("a policy row with a cell per period is a timeline; the new v2 fields read from either table", () => {
  const r = scenarioFromTables(timelineBuyers, timelinePolicy);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  const s = r.value;
  expect(s.china.access).toEqual(["blocked", "blocked", "approval", "approval"]);
  expect(s.china.orderRate).toEqual([1, 1, 0.5, 1]);
  expect(s.china.cap.scope).toEqual(["cumulative", "cumulative", "cumulative", "cumulative"]);
  expect(s.us.chinaCapScope).toEqual(["cumulative", "cumulative", "cumulative", "cumulative"]);
  expect(s.buyers[0].licensedUnits).toEqual([300, 300, 300, 300]);
  expect(s.buyers[0].approvalRate).toEqual([null, null, 0.8, 0.6]); // blank period cells: Beijing's rate
  expect(s.buyers[1].approvalRate).toEqual([null, null, null, null]); // every period blank: the field left out
  expect(s.buyers[1].orderRate).toEqual([0.8, 0.8, 0.8, 0.8]);
});

test("the table's scenario evaluates as the same document would: blocked, then approval with pauses and quotas", () => {
  const r = scenarioFromTables(timelineBuyers, timelinePolicy);
  if (!r.ok) throw new Error("invalid");
  const e = evaluate(r.value);
  const shipped = e.periods.map((p) => p.buyers.map((b) => b.shipped));
  // Q1-Q2 blocked. The US-volume cap is cumulative: 0.5 x 1000 per quarter so far, less China's shipments so far.
  expect(shipped[0]).toEqual([0, 0]);
  expect(shipped[1]).toEqual([0, 0]);
  expect(e.periods[0].buyers[0]).toMatchObject({ binding: "china_access", largestCut: "china_access" });
  // Q3: A's licence 300, x 0.8 approved, x 0.5 ordered = 120; B 100 x 0.5 x its own 0.8 = 40 (within its 50 domestic)
  expect(shipped[2]).toEqual([120, 40]);
  // Q4: A's licence has 300 - 120 = 180 left, x 0.6 = 108; B's cumulative cap has 50 - 40 = 10 left
  expect(shipped[3]).toEqual([108, 10]);
  expect(e.periods[3].buyers[0]).toMatchObject({ binding: "china_access", largestCut: "us_license" });
  expect(e.periods[3].buyers[1]).toMatchObject({ binding: "domestic_ratio", largestCut: "china_access" });
});

test("problems name the field path, the period's element and the cell of the range to fix", () => {
  const policy = timelinePolicy.map((row) => (row[0] === "china.access" ? ["china.access", "blocked", "blocked", "paused", "approval"] : row));
  const r = scenarioFromTables(timelineBuyers, policy);
  const lines = r.ok ? [] : r.problems.map(formatProblem);
  expect(lines).toEqual([expect.stringMatching(/^china\.access\[2\]: .*"paused".* \(policy row 3, column 4\)$/)]);

  const buyers = timelineBuyers.map((row, i) => (i === 1 ? ["A", 400, 1000, 300, null, null, 1.8, 0.6, null] : row));
  const r2 = scenarioFromTables(buyers, timelinePolicy);
  expect(r2.ok ? [] : r2.problems.map(formatProblem)).toEqual([expect.stringMatching(/^buyers\[0\]\.approvalRate\[2\]: .* \(buyers row 2, column 7\)$/)]);

  // one column for all periods: every period's problem points at that column
  const r3 = scenarioFromTables([timelineBuyers[0], timelineBuyers[1], ["B", 100, -50, null, null, null, null, null, 0.8]], timelinePolicy);
  expect(r3.ok ? [] : r3.problems.map(formatProblem)).toEqual([expect.stringMatching(/^buyers\[1\]\.domesticUnits: must be at least 0.* \(buyers row 3, column 3\)$/)]);

  const r4 = scenarioFromTables(timelineBuyers, [...timelinePolicy, ["china.orderRate", 1, 1]].filter((_, i) => i !== 4));
  expect(r4.ok ? [] : r4.problems.map(formatProblem)).toEqual([expect.stringMatching(/^china\.orderRate: has 2 values but the scenario has 4 periods.* \(policy row 13\)$/)]);
});

test("a field's columns: one for all periods or one per period, each once, and only for fields that vary by period", () => {
  const lines = (header: Cell[]) => {
    const r = scenarioFromTables([header, header.map((h) => (h === "name" ? "A" : 1))], timelinePolicy);
    return r.ok ? [] : r.problems.map(formatProblem);
  };
  expect(lines(["name", "requested", "requested FY2027Q1", "domesticUnits"])).toContainEqual(expect.stringContaining('buyers header: "requested" has both a column for all periods and a column per period'));
  expect(lines(["name", "requested", "domesticUnits", "requested"])).toEqual([expect.stringMatching(/^buyers header 4: the column "requested" appears twice \(first in column 2\)/)]);
  expect(lines(["name", "name FY2027Q1", "requested", "domesticUnits"])).toEqual([expect.stringMatching(/^buyers header 2: "name" is the same in every period/)]);
  expect(lines(["name", "requested FY2027Q1 extra", "domesticUnits"])).toContainEqual(expect.stringMatching(/^buyers header 2: unknown column "requested FY2027Q1 extra"/));
  expect(lines(["name", "requested  FY2027Q1", "requested FY2027Q2", "requested FY2027Q3", "requested FY2027Q4", "domesticUnits"])).toEqual([]); // spaces between words are one
});
