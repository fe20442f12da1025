/**
 * Sources from the baseline data set: x-sources values resolve to readable citations with the
 * data set's date and confidence; the built-in report cites every input, lists the cited facts
 * and their conflicts, and links each Assumptions source to its Sources row (in the xlsx too).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { BUILT_IN_SCENARIOS, POLICY_EVENTS, baselineValue, citation, conflicts, factById } from "../../src/engine";
import { LATEST_REPORTED_CHINA_REVENUE, Report, ReportCell, TableBlock, buildReport, firstDataRow, resolveSource } from "../../src/report";
import { toWorkbook } from "../../src/report/render/xlsx";
import { builtInInputs } from "./support/builtIns";
import { sheet, table, tables } from "./support/model";

describe("resolveSource", () => {
  test("a fact id: title, citation(), url; the fact's date and confidence", () => {
    const fact = factById("china_revenue.FY2026Q3.reuters")!;
    const r = resolveSource(fact.id);
    expect(r.text).toBe(`${fact.source.title} — ${citation(fact)} (${fact.source.url})`);
    expect(r).toMatchObject({ date: "2025-11-20", confidence: "M", facts: [fact.id] });
  });

  test("an estimate says so", () => {
    const r = resolveSource("h200_initial_shipment.FY2027Q1.reuters");
    expect(r.text).toContain("confidence M, estimate");
  });

  test("a policy event: what happened, who reported it, its date and confidence", () => {
    const event = POLICY_EVENTS.find((e) => e.id === "event.2026-01-14.customs_block")!;
    const r = resolveSource(event.id);
    expect(r.text.startsWith(`${event.event} — `)).toBe(true);
    expect(r.text).toContain(`${event.date}`);
    expect(r).toMatchObject({ date: event.date, confidence: event.confidence, facts: [] });
  });

  test('"illustrative: why": confidence illustrative, the facts it leans on named', () => {
    const r = resolveSource("illustrative: sized against [fact h200_inventory.reuters] and [fact no_such.fact] [event event.2025-12-31.tsmc_ramp]");
    expect(r).toMatchObject({ confidence: "illustrative", date: "", facts: ["h200_inventory.reuters"] });
  });

  test("free text falls back to what the text says", () => {
    expect(resolveSource("Reuters 31 Dec 2025 [M]")).toMatchObject({ date: "31 Dec 2025", confidence: "M" });
  });
});

describe("the built-in scenarios report", () => {
  const report = buildReport(builtInInputs());
  const sources = table(report, "Sources", "Cited figures");
  const assumptions = tables(sheet(report, "Assumptions"));
  const scenarioTables = assumptions.filter((t) => t.title !== "Report inputs");
  const sourcesRow = (row: number): readonly ReportCell[] => sources.rows[row - firstDataRow(sources)];

  test("one Assumptions table per built-in, in order, named by its id", () => {
    expect(scenarioTables.map((t) => t.title)).toEqual(BUILT_IN_SCENARIOS.map((b) => `${b.document.name} (built-in: ${b.id})`));
  });

  test("every input has a source: numbers are cited (data set or illustrative), linked to their Sources row", () => {
    const missing: string[] = [];
    scenarioTables.forEach((t, k) => {
      const name = BUILT_IN_SCENARIOS[k].document.name;
      for (const r of t.rows) {
        const [field, , period, value, source] = r;
        const where = `${name} ${field.value} ${period.value}`;
        if (typeof source.value !== "string" || source.value === "" || /no source given/.test(source.value)) missing.push(`${where}: no source`);
        if (typeof value.value !== "number") continue;
        if (!source.link) {
          missing.push(`${where}: not linked`);
          continue;
        }
        expect(source.link).toMatchObject({ sheet: "Sources", col: 1 });
        const row = sourcesRow(source.link.row);
        expect([row[0].value, row[1].value, row[3].value, row[5].value]).toEqual([name, field.value, period.value, source.value]);
        if (!["H", "M", "L", "illustrative"].includes(String(row[7].value))) missing.push(`${where}: confidence ${row[7].value}`);
      }
    });
    expect(missing).toEqual([]);
  });

  test("a fact-cited input's Sources row carries the fact's date and confidence", () => {
    let checked = 0;
    scenarioTables.forEach((t, k) => {
      const b = BUILT_IN_SCENARIOS[k];
      for (const r of t.rows) {
        // Model v2: every field has a row per period; a period's own entry (market.supply[0]) wins over the field's.
        const t = b.document.periods.indexOf(String(r[2].value));
        const xSources = b.document["x-sources"];
        const id = xSources[`${r[0].value}[${t}]`] ?? xSources[String(r[0].value)];
        const fact = id === undefined ? undefined : factById(id);
        if (!fact || !r[4].link) continue;
        const row = sourcesRow(r[4].link.row);
        expect({ field: r[0].value, date: row[6].value, confidence: row[7].value }).toEqual({ field: r[0].value, date: fact.date, confidence: fact.confidence });
        checked++;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(BUILT_IN_SCENARIOS.length * 3);
  });

  test("the latest reported quarter comes from the data set, and its Assumptions source links to its Sources row", () => {
    expect(LATEST_REPORTED_CHINA_REVENUE.value).toBe((baselineValue("chinaRevenue", "FY2026Q3") as { value: number }).value);
    const latest = table(report, "Assumptions", "Report inputs").rows[0];
    expect(latest[4].link).toEqual({ sheet: "Sources", row: firstDataRow(sources), col: 1 });
    expect(sourcesRow(latest[4].link!.row)[2].value).toBe(LATEST_REPORTED_CHINA_REVENUE.figure);
  });

  test("the data set's cited facts are listed once each, including those an illustrative note leans on", () => {
    const cited = table(report, "Sources", /^Baseline data set/);
    const ids = cited.rows.map((r) => r[0].value);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["china_revenue.FY2026Q3.reuters", "h200_price.reuters", "h200_inventory.reuters", "bytedance_nvidia_spend.CY2026.scmp"]));
    const row = cited.rows.find((r) => r[0].value === "h200_price.reuters")!;
    expect([row[5].value, row[6].value, row[7].value]).toEqual(["2025-12-31", "M", "default"]);
  });

  test("conflicts are listed, not hidden: FY2026Q3 China revenue with all its values, the default marked", () => {
    const group = conflicts().find((g) => g.metric === "chinaRevenue" && g.period === "FY2026Q3")!;
    const t = table(report, "Sources", /^Conflicting reports: chinaRevenue, FY2026Q3/);
    expect(t.rows.map((r) => r[0].value)).toEqual(group.entries.map((e) => e.id));
    expect(t.rows.map((r) => r[3].value)).toEqual(group.entries.map((e) => e.value));
    expect(t.rows.map((r) => r[3].value)).toEqual(expect.arrayContaining([2.8e9, 2.97e9, 3e9]));
    expect(t.rows.filter((r) => r[7].value === "default").map((r) => r[0].value)).toEqual(["china_revenue.FY2026Q3.reuters"]);
  });

  test("the xlsx links an Assumptions source cell to its Sources row (location only, as Excel writes it)", async () => {
    const data = await toWorkbook(report).xlsx.writeBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data);
    const { address, link, text } = linkedCell(report, "market.h200Price");
    const value = wb.getWorksheet("Assumptions")!.getCell(address).value as ExcelJS.CellHyperlinkValue;
    expect(value).toEqual({ text, hyperlink: `#'Sources'!A${link}` });
    const target = wb.getWorksheet("Sources")!;
    expect([target.getCell(`A${link}`).value, target.getCell(`B${link}`).value, target.getCell(`H${link}`).value]).toEqual(["Washington only", "market.h200Price", "M"]);

    // The sheet XML holds the link as a location (no relationship), which Excel and LibreOffice follow.
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string"); // Assumptions, after Summary
    expect(xml).toContain(`<hyperlink ref="${address}" location="&apos;Sources&apos;!A${link}"/>`);
  });
});

/** The Assumptions Source cell of the first scenario's `field`: its A1 address, its Sources row and its text. */
function linkedCell(report: Report, field: string): { address: string; link: number; text: string } {
  const t: TableBlock = tables(sheet(report, "Assumptions"))[1];
  const i = t.rows.findIndex((r) => r[0].value === field);
  const source = t.rows[i][4];
  return { address: `E${firstDataRow(t) + i}`, link: source.link!.row, text: String(source.value) };
}
