/**
 * The sheet renderer contract, run against every renderer of the workbook's sheets (xlsx, CSV):
 * the same report model in, and every sheet, every table title and header, every note and every
 * value (within the rounding of its number format) out. The note renderers (Markdown, Word)
 * draw the note instead: their contract is note.test.ts.
 */
import { FORMATS, Report, ReportCell, buildReport } from "../../../src/report";
import { Renderer, loadRenderer } from "../../../src/report/render";
import { builtInInputs } from "../support/builtIns";
import { exampleInput, exampleInputs } from "../support/examples";
import { tables } from "../support/model";
import { Reader, readCsv, readXlsx } from "./readers";

type SheetFormat = Extract<Renderer["format"], "xlsx" | "csv">;
const READERS: Record<SheetFormat, Reader> = { xlsx: readXlsx, csv: readCsv };

/** Names that are markup in Markdown, formulas in CSV and quoting trouble in formulas. */
function awkward(): Report {
  const base = exampleInput("base.json");
  const scenario = { ...base.scenario, name: "Bob's | *bold* =SUM(A1)", buyers: base.scenario.buyers.map((b, i) => (i === 0 ? { ...b, name: "-Others_ [^1]" } : b)) };
  const evaluation = { ...base.evaluation, scenario: scenario.name, periods: base.evaluation.periods.map((p) => ({ ...p, buyers: p.buyers.map((b, i) => (i === 0 ? { ...b, name: "-Others_ [^1]" } : b)) })) };
  return buildReport([{ ...base, scenario, evaluation }], { mode: "values" });
}

/** Made once, on first use, and given to every renderer: the same report model in. */
const once = (make: () => Report): (() => Report) => {
  let report: Report | undefined;
  return () => (report ??= make());
};

const REPORTS: [string, () => Report][] = (
  [
    ["all examples, native", () => buildReport(exampleInputs())],
    ["all examples, live", () => buildReport(exampleInputs(), { mode: "live" })],
    ["built-in scenarios, native", () => buildReport(builtInInputs())],
    ["awkward names, values", awkward],
  ] as [string, () => Report][]
).map(([label, make]) => [label, once(make)]);

/** How far a shown number may be from the value: half a unit of its last shown digit. */
function shownNumber(text: string): { value: number; tolerance: number } | undefined {
  const m = /^([+-])?(\$)?([\d,]+)(?:\.(\d+))?(bn|%)?$/.exec(text);
  if (!m) return undefined;
  const scale = m[5] === "bn" ? 1e9 : m[5] === "%" ? 0.01 : 1;
  const digits = m[4] ?? "";
  const value = Number(`${m[3].replace(/,/g, "")}.${digits || "0"}`) * scale * (m[1] === "-" ? -1 : 1);
  return { value, tolerance: 0.5 * 10 ** -digits.length * scale };
}

/** Why `got` does not show `cell`, or undefined when it does. */
function mismatch(cell: ReportCell, got: unknown): string | undefined {
  const want = cell.value;
  if (want === null) return got === null || got === undefined || got === "" ? undefined : "expected a blank";
  if (typeof want === "boolean") return got === want || got === (want ? "TRUE" : "FALSE") ? undefined : "flag differs";
  // CSV cannot tell the text "2024" from the number.
  if (typeof want === "string") return got === want || (typeof got === "number" && String(got) === want) ? undefined : "text differs";
  if (typeof got === "number") return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) ? undefined : "number differs";
  const shown = typeof got === "string" ? shownNumber(got) : undefined;
  if (!shown) return `not a number (format ${cell.format ?? "General"})`;
  return Math.abs(shown.value - want) <= shown.tolerance + 1e-9 * Math.abs(want) ? undefined : `off by more than ${shown.tolerance}`;
}

describe.each(Object.keys(READERS) as SheetFormat[])("renderer %s", (format) => {
  describe.each(REPORTS)("%s", (_label, make) => {
    const report = make();
    let sheets: Awaited<ReturnType<Reader>>;
    beforeAll(async () => {
      const files = await (await loadRenderer(format)).render(report);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(f.name).toMatch(new RegExp(`\\.${format}$`));
      sheets = await READERS[format](files, report);
    });

    test("exposes every sheet", () => {
      expect([...sheets.keys()]).toEqual(report.sheets.map((s) => s.name));
    });

    test("shows every table with its title and header, and every note", () => {
      for (const s of report.sheets) {
        const read = sheets.get(s.name)!;
        for (const t of tables(s)) {
          const got = read.table(t);
          expect({ sheet: s.name, title: got?.title, header: got?.header }).toEqual({ sheet: s.name, title: t.title, header: t.columns.map((c) => c.header) });
        }
        for (const b of s.blocks) if (b.kind === "note") expect(read.text).toContain(b.lines.join(" ").replace(/\s+/g, " "));
      }
    });

    test("shows every value, within the rounding of its format", () => {
      const wrong: string[] = [];
      let checked = 0;
      for (const s of report.sheets) {
        for (const t of tables(s)) {
          const got = sheets.get(s.name)!.table(t)!;
          expect(got.rows.length).toBe(t.rows.length);
          t.rows.forEach((r, i) =>
            r.forEach((cell, c) => {
              checked++;
              const why = mismatch(cell, got.rows[i][c]);
              if (why) wrong.push(`${s.name} / ${t.title} / row ${i + 1} col ${c + 1}: ${why}: want ${JSON.stringify(cell.value)}, got ${JSON.stringify(got.rows[i][c])}`);
            }),
          );
        }
      }
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });
  });
});

test("shownNumber reads the formats it checks", () => {
  expect(shownNumber("$2.8bn")).toEqual({ value: 2.8e9, tolerance: 0.05e9 });
  expect(shownNumber("+57.9%")?.value).toBeCloseTo(0.579, 12);
  expect(shownNumber("-$0.4bn")?.value).toBe(-0.4e9);
  expect(shownNumber("19,500")).toEqual({ value: 19500, tolerance: 0.5 });
  expect(FORMATS.units).toBe("#,##0");
});
