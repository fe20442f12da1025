import { evaluate, evaluationTable, formatProblem, scenarioFromTables } from "../../src/engine";

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
  expect(r.value.china).toMatchObject({ access: "approval", approvalRate: 0.5 });
  expect(r.value.buyers.map((b) => [b.name, b.requested, b.usApproved])).toEqual([
    ["A", [100, 200], true],
    ["B", [300, 400], false],
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
  expect(table[0].slice(0, 9)).toEqual(["period", "buyer", "shipped", "revenue", "usShare", "nvidiaNet", "h20Equivalent", "binding", "chinaRevenue"]);
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
  expect(table[2][7]).toBe("us_license");
  expect(table[3][8]).toBe(e.periods[0].totals.chinaRevenue);
  expect(table[3].slice(9)).toEqual([400, 100, 50, 50, 50, 50]);
});
