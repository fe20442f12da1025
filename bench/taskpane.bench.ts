/**
 * A 10k-row taskpane fill through the Office.js sheet writer, against the strict fake of the
 * Excel API (Office cannot run here): sync count and largest request. Both are deterministic,
 * so they are budgets: ≤ 3 syncs, every request under Excel's 5 MB payload limit.
 */
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
  return [
    { figure: "taskpane fill, 10k rows: context.sync calls", value: String(book.syncs.length), baseline: `10 rows: ${small.syncs.length}`, ratio: `${(book.syncs.length / small.syncs.length).toFixed(1)}x`, goal: "≤ 3, constant", ok: book.syncs.length <= 3 && book.syncs.length === small.syncs.length, budget: true },
    { figure: "taskpane fill, 10k rows: largest request", value: `${(largest / 1024).toFixed(0)} KB`, baseline: "Excel limit 5 MB", ratio: `${((100 * largest) / PAYLOAD_LIMIT).toFixed(0)}% of the limit`, goal: "< 5 MB", ok: largest < PAYLOAD_LIMIT, budget: true },
  ];
}
