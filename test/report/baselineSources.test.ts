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

  // A table per block (US policy, China policy, Market, each buyer) of each built-in: a row per
  // field, [label, field, units, All periods, one per period..., source].
  const blocksOf = (k: number) => scenarioTables.filter((t) => t.title.startsWith(`${BUILT_IN_SCENARIOS[k].document.name} (built-in: ${BUILT_IN_SCENARIOS[k].id}): `));
  const sourceOf = (r: readonly ReportCell[]) => r[r.length - 1];

  test("Assumptions tables per built-in, in order, named by its id, one per block", () => {
    const prefix = (t: TableBlock) => t.title.slice(0, t.title.lastIndexOf("): ") + 1);
    expect([...new Set(scenarioTables.map(prefix))]).toEqual(BUILT_IN_SCENARIOS.map((b) => `${b.document.name} (built-in: ${b.id})`));
    BUILT_IN_SCENARIOS.forEach((b, k) => {
      const buyers = b.document.buyers.map((x) => `buyer ${x.name}`);
      expect(blocksOf(k).map((t) => t.title.slice(prefix(t).length + 2))).toEqual(["US policy", "China policy", "Market", ...buyers]);
    });
  });

  test("every input has a source: numbers are cited (data set or illustrative), linked to their Sources row", () => {
    const missing: string[] = [];
    BUILT_IN_SCENARIOS.forEach((b, k) => {
      const name = b.document.name;
      for (const r of blocksOf(k).flatMap((t) => t.rows)) {
        const field = r[1];
        const source = sourceOf(r);
        const where = `${name} ${field.value}`;
        if (typeof source.value !== "string" || source.value === "" || /no source given/.test(source.value)) missing.push(`${where}: no source`);
        if (!r.some((c) => c.role === "input" && typeof c.value === "number")) continue;
        if (!source.link) {
          missing.push(`${where}: not linked`);
          continue;
        }
        expect(source.link).toMatchObject({ sheet: "Sources", col: 1 });
        const row = sourcesRow(source.link.row);
        expect([row[0].value, row[1].value]).toEqual([name, field.value]);
        expect(String(source.value)).toContain(String(row[5].value)); // a row whose quarters differ in source lists each
        if (!["H", "M", "L", "illustrative"].includes(String(row[7].value))) missing.push(`${where}: confidence ${row[7].value}`);
      }
    });
    expect(missing).toEqual([]);
  });

  test("a fact-cited input's Sources row carries the fact's date and confidence", () => {
    let checked = 0;
    BUILT_IN_SCENARIOS.forEach((b, k) => {
      for (const r of blocksOf(k).flatMap((t) => t.rows)) {
        // The Source cell links to the first quarter's source; a period's own entry (market.supply[0]) wins over the field's.
        const xSources = b.document["x-sources"];
        const id = xSources[`${r[1].value}[0]`] ?? xSources[String(r[1].value)];
        const fact = id === undefined ? undefined : factById(id);
        const link = sourceOf(r).link;
        if (!fact || !link) continue;
        const row = sourcesRow(link.row);
        expect({ field: r[1].value, date: row[6].value, confidence: row[7].value }).toEqual({ field: r[1].value, date: fact.date, confidence: fact.confidence });
        checked++;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(BUILT_IN_SCENARIOS.length * 3);
  });

  test("the latest reported quarter comes from the data set, and its Assumptions source links to its Sources row", () => {
    // The last quarter reported on the customer-HQ basis, FY2027Q2.
    expect(LATEST_REPORTED_CHINA_REVENUE.period).toBe("FY2027Q2");
    expect(LATEST_REPORTED_CHINA_REVENUE.value).toBe((baselineValue("chinaRevenue", "FY2027Q2", undefined, "hq") as { value: number }).value);
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

  test("conflicts are listed, not hidden: FY2026Q3 China revenue (billing basis) with all its values, the default marked", () => {
    const group = conflicts().find((g) => g.metric === "chinaRevenue" && g.period === "FY2026Q3")!;
    const t = table(report, "Sources", /^Conflicting reports: chinaRevenue, FY2026Q3/);
    expect(t.rows.map((r) => r[0].value)).toEqual(group.entries.map((e) => e.id));
    expect(t.rows.map((r) => r[3].value)).toEqual(group.entries.map((e) => e.value));
    // The customer-HQ figure (2.97e9) is another series, not a conflict of the billing-basis reports.
    expect(t.rows.map((r) => r[3].value)).toEqual(expect.arrayContaining([2.8e9, 3e9]));
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
    expect([target.getCell(`A${link}`).value, target.getCell(`B${link}`).value, target.getCell(`H${link}`).value]).toEqual([BUILT_IN_SCENARIOS[0].document.name, "market.h200Price", "M"]);

    // The sheet XML holds the link as a location (no relationship), which Excel and LibreOffice follow.
    const zip = await JSZip.loadAsync(data);
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string"); // Assumptions, after Summary
    expect(xml).toContain(`<hyperlink ref="${address}" location="&apos;Sources&apos;!A${link}"/>`);
  });
});

/** The Assumptions Source cell of the first scenario's `field`: its A1 address, its Sources row and its text. */
function linkedCell(report: Report, field: string): { address: string; link: number; text: string } {
  const first = tables(sheet(report, "Assumptions")).slice(1);
  const t: TableBlock = first.find((x) => x.rows.some((r) => r[1].value === field))!;
  const i = t.rows.findIndex((r) => r[1].value === field);
  const source = t.rows[i][t.columns.length - 1];
  return { address: `${String.fromCharCode(64 + t.columns.length)}${firstDataRow(t) + i}`, link: source.link!.row, text: String(source.value) };
}
