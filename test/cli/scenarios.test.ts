/** `chips scenarios`: the built-ins listed, and each printed as an editable file that evaluates as the built-in does. */
import { parse } from "yaml";
import { BUILT_IN_SCENARIOS, evaluate, formatProblem, validateScenario } from "../../src/engine";
import { pathKeys, sourceComment } from "../../src/cli/commands/scenarios";
import { chips } from "./chips";

const cases = BUILT_IN_SCENARIOS.map((s) => [s.id, s] as const);
const withoutSources = (doc: object) => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== "x-sources"));

describe("chips scenarios", () => {
  test("lists every built-in, id and name, one a line", () => {
    const r = chips(["scenarios"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(BUILT_IN_SCENARIOS.length);
    BUILT_IN_SCENARIOS.forEach((s, i) => expect(lines[i]).toMatch(new RegExp(`^${s.id} +${s.document.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)));
  });

  test("--json lists id, name and description", () => {
    const r = chips(["scenarios", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual(BUILT_IN_SCENARIOS.map((s) => ({ id: s.id, name: s.document.name, description: s.narrative })));
  });

  test.each(cases)("%s: the YAML parses back to the built-in document (x-sources included) and evaluates to the same numbers", (id, s) => {
    const r = chips(["scenarios", id]);
    expect(r.status).toBe(0);
    const parsed = parse(r.stdout) as object;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(s.document)));
    const run = (doc: unknown) => {
      const v = validateScenario(doc);
      if (!v.ok) throw new Error(v.problems.map(formatProblem).join("; "));
      return evaluate(v.value);
    };
    expect(run(parsed)).toEqual(run(JSON.parse(JSON.stringify(s.document))));
  });

  test.each(cases)("%s: every source of the built-in is a comment, ILLUSTRATIVE marked as such", (id, s) => {
    const out = chips(["scenarios", id]).stdout;
    const comments = out.split("\n").filter((l) => l.trim().startsWith("#")).join("\n");
    expect(out.indexOf("x-sources:")).toBeGreaterThan(out.lastIndexOf("\nbuyers:"));
    for (const [path, entry] of Object.entries(s.document["x-sources"])) {
      expect({ path, keys: pathKeys(withoutSources(s.document), path) !== undefined }).toEqual({ path, keys: true });
      expect({ path, commented: comments.includes(sourceComment(entry)) }).toEqual({ path, commented: true });
    }
    if (Object.values(s.document["x-sources"]).some((v) => v.startsWith("illustrative"))) expect(comments).toContain("# ILLUSTRATIVE: ");
  });

  test("a fact's comment carries its citation, a China figure's its basis", () => {
    expect(sourceComment("china_revenue.FY2027Q2.xbrl")).toBe("source: china_revenue.FY2027Q2.xbrl (SEC filings read by a public GitHub XBRL reader, 2026-08-26, confidence M, customer-HQ basis)");
    expect(sourceComment("event.2026-03-05.production_halt")).toMatch(/^source: event\.2026-03-05\.production_halt \(.*2026-03-05, confidence M\)$/);
    expect(sourceComment("illustrative: because")).toBe("ILLUSTRATIVE: because");
  });

  test("an element of a per-period list is commented on its list's line, named by its index", () => {
    const out = chips(["scenarios", "december-2025-view"]).stdout;
    expect(out).toMatch(/# \[0\] source: h200_initial_shipment\.FY2027Q1\.reuters .*\n(.*\n)*? *supply: \[ 60000, 150000 \]/);
  });

  test("a name works as well as an id; --json prints the document with its x-sources", () => {
    const s = BUILT_IN_SCENARIOS[1];
    expect(chips(["scenarios", s.document.name]).stdout).toBe(chips(["scenarios", s.id]).stdout);
    expect(JSON.parse(chips(["scenarios", s.id, "--json"]).stdout)).toEqual(JSON.parse(JSON.stringify(s.document)));
  });

  test("an unknown name: one line on stderr listing the built-ins, nothing on stdout, exit 2", () => {
    const r = chips(["scenarios", "no-such"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`scenarios: no built-in scenario "no-such"; built-ins: ${BUILT_IN_SCENARIOS.map((s) => s.id).join(", ")}\n`);
  });

  test("two names or an unknown option is a usage error", () => {
    expect(chips(["scenarios", "a", "b"])).toMatchObject({ status: 2, stdout: "" });
    expect(chips(["scenarios", "--yaml"])).toMatchObject({ status: 2, stdout: "" });
    expect(chips(["scenarios", "--help"]).stdout).toContain("scenarios [NAME] [--json]");
  });
});
