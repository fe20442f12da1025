/** Sources a scenario file gives for its inputs: x-sources, YAML comments, and which note covers a path. */
import { citedDate, confidenceOf, isWritten, scenarioDocument, sourceFor } from "../../src/report";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./support/examples";

test("YAML comments on or above a field become its source; the file header does not", () => {
  const { notes } = scenarioDocument(fs.readFileSync(path.join(ROOT, "examples/multi-quarter.yaml"), "utf8"));
  expect(notes["us.revenueShare"]).toBe("Trump, Truth Social, 8 Dec 2025: 25% paid to the USA [H].");
  expect(notes["market.supply"]).toMatch(/^ILLUSTRATIVE ramp after Q1 \(~700k H200 inventory/);
  expect(notes["buyers[0]"]).toMatch(/^ByteDance flat 130k/);
  expect(notes["buyers[1]"]).toBe("The rest ILLUSTRATIVE");
  expect(notes.name).toBeUndefined();
});

test("x-sources wins over a comment for the same path; text that does not parse has no notes", () => {
  const doc = scenarioDocument("us:\n  revenueShare: 0.25 # comment [L]\nx-sources:\n  us.revenueShare: cited [H]\n");
  expect(doc.notes["us.revenueShare"]).toBe("cited [H]");
  expect(scenarioDocument("{ not: [valid").notes).toEqual({});
});

test("sourceFor: the period's own entry, then the path, then [*] for list items, then parents", () => {
  const notes = { "market.supply[1]": "Q2", "market.supply": "all", "buyers[*].requested": "split", "buyers[0]": "ByteDance", china: "Beijing" };
  expect(sourceFor(notes, "market.supply", 1)).toBe("Q2");
  expect(sourceFor(notes, "market.supply", 0)).toBe("all");
  expect(sourceFor(notes, "buyers[3].requested")).toBe("split");
  expect(sourceFor(notes, "buyers[0].domesticUnits")).toBe("ByteDance");
  expect(sourceFor(notes, "china.cap.ratio")).toBe("Beijing");
  expect(sourceFor(notes, "us.revenueShare")).toBeUndefined();
});

test("isWritten tells a field in the file (null included) from a default", () => {
  const data = { us: { chinaCapOfUsVolume: null }, buyers: [{ name: "A" }] };
  expect(isWritten(data, "us.chinaCapOfUsVolume")).toBe(true);
  expect(isWritten(data, "us.revenueShare")).toBe(false);
  expect(isWritten(data, "buyers[0].name")).toBe(true);
  expect(isWritten(data, "buyers[1].name")).toBe(false);
});

test.each([
  ["Trump, Truth Social, 8 Dec 2025 [H]", "8 Dec 2025", "H"],
  ["$2.8bn China revenue in FY2026Q3 (Reuters via reportify.ai, ~2025-11-20) [M]; ASSUMPTION.", "~2025-11-20", "M"],
  ["~70k Ascend 910C ~ $2bn (SCMP via tomshardware, 2024) [L, derived]", "2024", "L"],
  ["Ascend 910B ~RMB 120,000 (Reuters via dunyanews, early 2024) [M]", "early 2024", "M"],
  ["ILLUSTRATIVE: no US H200 shipment figure found.", "", "illustrative"],
  ["TPP ratio 15,840/2,368 = 6.7 (derived)", "", "derived"],
  ["see us-volume-cap.json for the BIS 50% rule", "", ""],
])("%s → date %j, confidence %j", (text, date, confidence) => {
  expect(citedDate(text)).toBe(date);
  expect(confidenceOf(text)).toBe(confidence);
});
