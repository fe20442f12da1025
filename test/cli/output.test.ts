/** The human table: readable at 100 columns, units in the headers. (No colour when piped: process.test.ts.) */
import { chips, example } from "./chips";

test.each(["base.json", "multi-quarter.yaml", "dollar-cap.json", "us-volume-cap.json"])(
  "%s: lines fit in 100 columns, units in headers, no ANSI escapes without a terminal",
  (name) => {
    const r = chips(["evaluate", example(name)]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("\x1b");
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain("H200 units after each pipeline step");
    expect(r.stdout).toContain("US$ m");
    expect(r.stdout).toMatch(/^Total\s/m);
  },
);

test("several periods end with an all-periods summary", () => {
  const r = chips(["evaluate", example("multi-quarter.yaml")]);
  const summary = r.stdout.slice(r.stdout.indexOf("All periods"));
  expect(summary.match(/^FY2027Q[1-4]\s/gm)).toHaveLength(4);
  expect(summary).toMatch(/^Total\s/m);
});
