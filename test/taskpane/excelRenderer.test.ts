/** The Office.js sheet writer against a strict fake of the Excel API. */
import { BUILT_IN_SCENARIOS } from "../../src/engine";
import { Report } from "../../src/report/model";
import { ExcelSheetWriter } from "../../src/taskpane/excel/excelWriter";
import { REGISTRY_KEY, parseRegistry } from "../../src/taskpane/excel/registry";
import { evaluateDocument, reportFor } from "../../src/taskpane/reportFor";
import { FakeWorkbook, PAYLOAD_LIMIT } from "../support/fakeExcel";
import { syntheticReport } from "../support/syntheticReport";

function builtInReport(approvalRate = 0.6): Report {
  const doc = structuredClone(BUILT_IN_SCENARIOS[0].document) as unknown as { china: { approvalRate?: number | null } };
  doc.china.approvalRate = approvalRate;
  const e = evaluateDocument(doc);
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return reportFor(e, "native");
}

/** A confirm callback that must not be called. */
const mustNotAsk = (message: string) => async (): Promise<boolean> => {
  throw new Error(message);
};

const USER_DATA = [
  ["My notes", 42, true],
  ["", "=B1*2", "keep me"],
];

test.each([10, 10_000])("a fill of a %d-row report takes 3 syncs, each under 5 MB", async (rows) => {
  const book = new FakeWorkbook();
  book.addSheet("Sheet1", USER_DATA);
  await new ExcelSheetWriter(book.run).fill(syntheticReport(rows));
  expect(book.syncs).toHaveLength(3);
  for (const s of book.syncs) expect(s.bytes).toBeLessThan(PAYLOAD_LIMIT);
  const snap = book.snapshot("Big");
  expect(snap.A1).toBe("Synthetic");
  expect(snap[`A${rows + 4}`]).toBe(`Buyer ${rows}`);
  expect(snap[`D${rows + 4}`]).toBe(`=B${rows + 4}*C${rows + 4}`);
  expect(book.sheet("Big")!.tables).toEqual([{ address: `A4:E${rows + 4}`, style: "" }]);
  expect(book.suspendedCalc).toBe(2);
  expect(book.suspendedScreen).toBe(2);
  console.log(`${rows} rows: syncs ${book.syncs.map((s) => `${(s.bytes / 1024).toFixed(0)} KB/${s.ops} ops`).join(", ")}`);
});

test("a report over the request budget is split into more syncs, none over 5 MB", async () => {
  const book = new FakeWorkbook();
  await new ExcelSheetWriter(book.run, 256 * 1024).fill(syntheticReport(10_000));
  expect(book.syncs.length).toBeGreaterThan(3);
  for (const s of book.syncs) expect(s.bytes).toBeLessThan(PAYLOAD_LIMIT);
});

test("user data in unmanaged sheets survives every fill, even one under a report sheet's name", async () => {
  const book = new FakeWorkbook();
  book.addSheet("Sheet1", USER_DATA);
  book.addSheet("Assumptions", [["the user's own Assumptions"]]);
  const before = { sheet1: book.snapshot("Sheet1"), assumptions: book.snapshot("Assumptions") };
  const writer = new ExcelSheetWriter(book.run);
  const first = await writer.fill(builtInReport());
  expect(first.written.slice(0, 2)).toEqual(["Summary", "Assumptions (2)"]);
  await writer.fill(builtInReport(0.3));
  expect(book.snapshot("Sheet1")).toEqual(before.sheet1);
  expect(book.snapshot("Assumptions")).toEqual(before.assumptions);
  // the second fill replaced its own sheets instead of adding more
  expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", "Assumptions", ...first.written]);
  expect(book.sheets.every((s) => s.visibility === "Visible")).toBe(true);
  const registry = parseRegistry(book.settings.get(REGISTRY_KEY));
  expect(registry.sheets.map((s) => s.sheet)).toEqual(first.written);
});

describe("a managed sheet the user edited", () => {
  async function editedBook() {
    const book = new FakeWorkbook();
    const writer = new ExcelSheetWriter(book.run);
    const { written } = await writer.fill(builtInReport());
    const sheet = written[1];
    book.edit(sheet, "A2", "my annotation");
    return { book, writer, sheet, edited: book.snapshot(sheet) };
  }

  test("is not replaced when the user declines: the new version goes to a new sheet", async () => {
    const { book, writer, sheet, edited } = await editedBook();
    const asked: string[] = [];
    const result = await writer.fill(builtInReport(0.3), { confirmReplace: async (name) => (asked.push(name), false) });
    expect(asked).toEqual([sheet]);
    expect(result.kept).toEqual([sheet]);
    expect(book.snapshot(sheet)).toEqual(edited);
    expectSecondCopy(result.written[1], sheet);
    // the kept sheet is the user's now: later fills update the new copy and never ask again
    const again = await writer.fill(builtInReport(0.4), { confirmReplace: mustNotAsk("asked twice") });
    expectSecondCopy(again.written[1], sheet);
    expect(book.snapshot(sheet)).toEqual(edited);
  });

  test("is not replaced without a confirm callback", async () => {
    const { book, writer, sheet, edited } = await editedBook();
    await writer.fill(builtInReport(0.3));
    expect(book.snapshot(sheet)).toEqual(edited);
  });

  test("is replaced when the user confirms", async () => {
    const { book, writer, sheet } = await editedBook();
    await writer.fill(builtInReport(0.3), { confirmReplace: async () => true });
    expect(book.snapshot(sheet).A2).toBeUndefined();
    expect(book.sheet(`${sheet} (2)`)).toBeUndefined();
  });

  test("an unedited managed sheet is replaced without asking", async () => {
    const book = new FakeWorkbook();
    const writer = new ExcelSheetWriter(book.run);
    await writer.fill(builtInReport());
    const result = await writer.fill(builtInReport(0.3), { confirmReplace: mustNotAsk("asked without an edit") });
    expect(result.kept).toEqual([]);
  });
});

test.each(["range.values", "range.numberFormat", "tables.add", "worksheet.rename", "range.formulas", "worksheet.delete"])(
  "a failure at the first %s leaves no partial sheet and the old managed sheets intact",
  async (failing) => {
    const book = new FakeWorkbook();
    book.addSheet("Sheet1", USER_DATA);
    const writer = new ExcelSheetWriter(book.run);
    await writer.fill(builtInReport());
    const names = book.sheets.map((s) => s.name);
    const before = Object.fromEntries(names.map((n) => [n, book.snapshot(n)]));
    const registry = book.settings.get(REGISTRY_KEY);
    let seen = false;
    book.failWhen = (what) => (what === failing && !seen ? (seen = true) : false);
    await expect(writer.fill(builtInReport(0.3))).rejects.toThrow(/injected failure/);
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    for (const n of names) expect(book.snapshot(n)).toEqual(before[n]);
    expect(book.settings.get(REGISTRY_KEY)).toBe(registry);
  },
);

/** The new version's sheet: the kept sheet's name (shortened to fit Excel's 31 characters) with " (2)". */
function expectSecondCopy(written: string, kept: string): void {
  expect(written).toMatch(/ \(2\)$/);
  expect(written.length).toBeLessThanOrEqual(31);
  expect(kept.startsWith(written.slice(0, -" (2)".length))).toBe(true);
}
