/**
 * A 10k-row taskpane fill through the Office.js sheet writer, against the strict fake of the
 * Excel API (Office cannot run here): sync count and largest request. Both are deterministic,
 * so they are budgets: ≤ 3 syncs, every request under Excel's 5 MB payload limit. And the
 * built-in scenarios' report with its native charts: still ≤ 3 syncs.
 */
import { BUILT_IN_SCENARIOS, evaluateScenario, validateScenario } from "../src/engine";
import { buildReport } from "../src/report";
import { ExcelSheetWriter } from "../src/taskpane/excel/excelWriter";
import { FakeWorkbook, PAYLOAD_LIMIT } from "../test/support/fakeExcel";
import { syntheticReport } from "../test/support/syntheticReport";
import { Row } from "./harness";

export async function taskpaneBench(): Promise<Row[]> {
  const small = new FakeWorkbook();
  await new ExcelSheetWriter(small.run).fill(syntheticReport(10));
  const book = new FakeWorkbook();
  await new ExcelSheetWriter(book.run).fill(syntheticReport(10_000));
  const largest = Math.max(...book.syncs.map((s) => s.bytes));
  const scenarios = BUILT_IN_SCENARIOS.map((b) => {
    const v = validateScenario(b.document);
    const e = v.ok ? evaluateScenario(v.value) : undefined;
    if (!v.ok || !e?.ok) throw new Error(`built-in scenario ${b.id} does not evaluate`);
    return { scenario: v.value, evaluation: e.value };
  });
  const charted = new FakeWorkbook();
  await new ExcelSheetWriter(charted.run).fill(buildReport(scenarios));
  const charts = charted.sheets.reduce((n, s) => n + s.charts.length, 0);
  return [
    { figure: "taskpane fill, 10k rows: context.sync calls", value: String(book.syncs.length), baseline: `10 rows: ${small.syncs.length}`, ratio: `${(book.syncs.length / small.syncs.length).toFixed(1)}x`, goal: "≤ 3, constant", ok: book.syncs.length <= 3 && book.syncs.length === small.syncs.length, budget: true },
    { figure: `taskpane fill, built-in report with ${charts} native charts: context.sync calls`, value: String(charted.syncs.length), baseline: `10 rows, no chart: ${small.syncs.length}`, ratio: `${(charted.syncs.length / small.syncs.length).toFixed(1)}x`, goal: "≤ 3", ok: charted.syncs.length <= 3 && charts > 0, budget: true },
    { figure: "taskpane fill, 10k rows: largest request", value: `${(largest / 1024).toFixed(0)} KB`, baseline: "Excel limit 5 MB", ratio: `${((100 * largest) / PAYLOAD_LIMIT).toFixed(0)}% of the limit`, goal: "< 5 MB", ok: largest < PAYLOAD_LIMIT, budget: true },
  ];
}
