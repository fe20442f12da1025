/** `chips baseline`: one sourced figure with its citation, China revenue on a named basis. */
import { chips } from "./chips";
import { parseBaselineArgs } from "../../src/cli/commands/baseline";

describe("chips baseline", () => {
  test("a China figure on the default customer-HQ basis, named in the output with its citation", () => {
    const r = chips(["baseline", "chinaRevenue", "FY2027Q2"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("chinaRevenue FY2027Q2 (customer-HQ basis): 7,880,000,000 USD");
    expect(r.stdout).toContain("confidence M, customer-HQ basis");
    expect(r.stdout).toContain("id: china_revenue.FY2027Q2.xbrl");
  });

  test("--basis billing (or --basis=billing) gives the other series", () => {
    const a = chips(["baseline", "chinaRevenue", "FY2026Q3", "--basis", "billing"]);
    expect(a.stdout.split("\n")[0]).toBe("chinaRevenue FY2026Q3 (billing basis): 2,800,000,000 USD");
    expect(chips(["baseline", "chinaRevenue", "FY2026Q3", "--basis=billing"]).stdout).toBe(a.stdout);
  });

  test("--source picks a conflicting entry; --json prints the entry", () => {
    expect(chips(["baseline", "chinaRevenue", "FY2026Q3", "--source", "seed"]).stdout).toMatch(/^chinaRevenue FY2026Q3 \(billing basis\): 3,000,000,000 USD/);
    expect(JSON.parse(chips(["baseline", "h200Price", "--json"]).stdout)).toMatchObject({ id: "h200_price.reuters", value: 27_000 });
  });

  test("a figure that is not reported: path: message on stderr, nothing on stdout, exit 2", () => {
    const r = chips(["baseline", "chinaRevenue", "FY2027Q1", "--basis", "billing"]);
    expect(r).toMatchObject({ status: 2, stdout: "" });
    expect(r.stderr).toBe("basis: no chinaRevenue FY2027Q1 figure on the billing basis; it is reported on the hq basis\n");
    expect(chips(["baseline", "chinaRevenue", "FY2027Q3"]).stderr).toMatch(/^period: chinaRevenue has no figure for "FY2027Q3"; its periods: .*FY2027Q2/);
  });

  test("usage errors", () => {
    expect(parseBaselineArgs([])).toEqual({ ok: false, message: "baseline needs a METRIC (e.g. chinaRevenue)" });
    expect(parseBaselineArgs(["m", "--basis"])).toEqual({ ok: false, message: "option --basis needs a value" });
    expect(chips(["baseline", "chinaRevenue", "--frobnicate"])).toMatchObject({ status: 2, stdout: "" });
    expect(chips(["baseline", "--help"]).stdout).toContain("baseline METRIC [PERIOD] [--basis hq|billing]");
  });
});
