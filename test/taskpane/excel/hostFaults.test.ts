/**
 * Faults Excel can raise during a fill, injected through the strict fake: the user typing in a
 * cell, a protected workbook structure, a request over the size limit, and the runtime
 * reloading mid-fill. Each leaves the workbook as it was (at once, or — when even the clean-up
 * could not run — after the next fill or recover()), and the pane gets a notice saying what to do.
 */
import { BUILT_IN_SCENARIOS } from "../../../src/engine";
import { Report } from "../../../src/report/model";
import { ExcelSheetWriter, PENDING_KEY } from "../../../src/taskpane/excel/excelWriter";
import { fillFault } from "../../../src/taskpane/excel/hostFaults";
import { REGISTRY_KEY } from "../../../src/taskpane/excel/registry";
import { evaluateDocument, reportFor } from "../../../src/taskpane/reportFor";
import { FakeWorkbook } from "../../support/fakeExcel";

function builtInReport(approvalRate: number): Report {
  const doc = structuredClone(BUILT_IN_SCENARIOS[0].document) as unknown as { china: { approvalRate?: number | null } };
  doc.china.approvalRate = approvalRate;
  const e = evaluateDocument(doc);
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return reportFor(e, "native");
}

/** A workbook with the user's sheet and one earlier fill, and a way to compare it with itself later. */
async function filledBook(userEdits: (book: FakeWorkbook) => void = () => undefined): Promise<{ book: FakeWorkbook; unchanged: () => void }> {
  const book = new FakeWorkbook();
  book.addSheet("Sheet1", [["mine", 42]]);
  await new ExcelSheetWriter(book.run).fill(builtInReport(0.6));
  userEdits(book);
  const names = book.sheets.map((s) => s.name);
  const cells = Object.fromEntries(names.map((n) => [n, book.snapshot(n)]));
  const visibility = book.sheets.map((s) => s.visibility);
  const registry = book.settings.get(REGISTRY_KEY);
  const unchanged = () => {
    expect(book.sheets.map((s) => s.name)).toEqual(names);
    expect(book.sheets.map((s) => s.visibility)).toEqual(visibility);
    for (const n of names) expect({ sheet: n, cells: book.snapshot(n) }).toEqual({ sheet: n, cells: cells[n] });
    expect(book.settings.get(REGISTRY_KEY)).toBe(registry);
    expect(book.settings.get(PENDING_KEY)).toBe("[]");
  };
  return { book, unchanged };
}

/** Fails the test unless `p` rejects; returns the pane's notice for the rejection. */
async function noticeOf(p: Promise<unknown>): Promise<ReturnType<typeof fillFault>> {
  try {
    await p;
  } catch (e) {
    return fillFault(e);
  }
  throw new Error("expected the fill to fail");
}

const NEXT = builtInReport(0.3);

describe("cell edit mode", () => {
  test("from the start: nothing is written, and the notice says to leave the cell", async () => {
    const { book, unchanged } = await filledBook();
    book.cellEditMode = true;
    const notice = await noticeOf(new ExcelSheetWriter(book.run).fill(NEXT));
    expect(notice.title).toMatch(/left as it was/);
    expect(notice.lines).toEqual([expect.stringMatching(/editing a cell.*Enter or Esc/)]);
    unchanged();
  });

  test("entered mid-fill (while the pane asks about an edited sheet): the next fill undoes the rest first", async () => {
    const { book, unchanged } = await filledBook((b) => b.edit("Assumptions", "A1", "the user's edit"));
    const writer = new ExcelSheetWriter(book.run);
    const notice = await noticeOf(
      writer.fill(NEXT, {
        confirmReplace: async () => {
          book.cellEditMode = true; // the user clicked into a cell instead of answering
          return true;
        },
      }),
    );
    // the clean-up could not run either: the notice says so, and the temps are hidden
    expect(notice.title).not.toMatch(/left as it was/);
    expect(notice.lines[0]).toMatch(/editing a cell.*next Fill removes them/);
    expect(book.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).not.toContain(expect.stringMatching(/^_cp_/));
    book.cellEditMode = false;
    expect(await writer.recover()).toBe(true);
    unchanged();
  });
});

describe("a protected workbook structure", () => {
  test("nothing is added, and the notice says to unprotect it", async () => {
    const { book, unchanged } = await filledBook();
    book.structureProtected = true;
    const notice = await noticeOf(new ExcelSheetWriter(book.run).fill(NEXT));
    expect(notice.title).toMatch(/left as it was/);
    expect(notice.lines).toEqual([expect.stringMatching(/protected.*Unprotect/)]);
    unchanged();
  });

  test("protected between the build and the swap: the next fill, once unprotected, undoes the rest first", async () => {
    const { book, unchanged } = await filledBook((b) => b.edit("Assumptions", "B2", "edited"));
    const writer = new ExcelSheetWriter(book.run);
    const notice = await noticeOf(
      writer.fill(NEXT, {
        confirmReplace: async () => {
          book.structureProtected = true;
          return true;
        },
      }),
    );
    expect(notice.lines[0]).toMatch(/protected.*next Fill removes them/);
    book.structureProtected = false;
    expect(await writer.recover()).toBe(true);
    unchanged();
    const result = await writer.fill(NEXT, { confirmReplace: async () => false });
    expect(result.written).toContain("Assumptions (2)"); // the edited sheet is kept, as asked
    expect(book.sheets.map((s) => s.name).filter((n) => n.startsWith("_cp_"))).toEqual([]);
  });
});

test("a request over Excel's size limit: rolled back, and the notice says to fill fewer sheets", async () => {
  const { book, unchanged } = await filledBook();
  book.payloadLimit = 20 * 1024; // the fill's build request is larger than this
  const notice = await noticeOf(new ExcelSheetWriter(book.run).fill(NEXT));
  expect(notice.title).toMatch(/left as it was/);
  expect(notice.lines).toEqual([expect.stringMatching(/too large.*fewer sheets/)]);
  unchanged();
});

describe("the runtime reloads mid-fill", () => {
  /** Syncs of a fill: 1 read, 2 build, 3 swap (this report needs no split). */
  test.each([1, 2, 3])("after sync %d: a new runtime's recover() leaves the workbook as it was", async (after) => {
    const { book, unchanged } = await filledBook();
    const before = book.syncs.length;
    book.reloadAfterSync = before + after;
    void new ExcelSheetWriter(book.run).fill(NEXT); // never settles: the page is gone
    await new Promise((r) => setTimeout(r, 50));
    expect(book.syncs.length).toBe(before + after);
    book.reloadAfterSync = undefined;
    const fresh = new ExcelSheetWriter(book.run);
    expect(await fresh.recover()).toBe(after === 2); // only a reload between build and swap leaves temps
    if (after === 3) expect(book.settings.get(PENDING_KEY)).toBe("[]");
    if (after !== 3) unchanged();
  });

  test("split into several swap requests and cut between them: recover() gives the old sheets back", async () => {
    const { book, unchanged } = await filledBook();
    const tiny = 2 * 1024; // small budget: the build and the swap take several syncs each
    const probe = new FakeWorkbook();
    probe.addSheet("Sheet1", [["mine", 42]]);
    await new ExcelSheetWriter(probe.run).fill(builtInReport(0.6));
    const from = probe.syncs.length;
    await new ExcelSheetWriter(probe.run, tiny).fill(NEXT);
    const fillSyncs = probe.syncs.length - from;
    expect(fillSyncs).toBeGreaterThan(4);
    // cut one sync before the end: the old sheets are set aside, the registry not yet updated
    const before = book.syncs.length;
    book.reloadAfterSync = before + fillSyncs - 1;
    void new ExcelSheetWriter(book.run, tiny).fill(NEXT);
    await new Promise((r) => setTimeout(r, 50));
    expect(book.sheets.some((s) => s.name.startsWith("_cp_old_"))).toBe(true);
    book.reloadAfterSync = undefined;
    expect(await new ExcelSheetWriter(book.run).recover()).toBe(true);
    unchanged();
  });

  test("the next fill after a reload undoes the cut-short one first, then fills", async () => {
    const { book } = await filledBook();
    book.reloadAfterSync = book.syncs.length + 2;
    void new ExcelSheetWriter(book.run).fill(NEXT);
    await new Promise((r) => setTimeout(r, 50));
    expect(book.sheets.some((s) => s.name.startsWith("_cp_tmp_"))).toBe(true);
    book.reloadAfterSync = undefined;
    const result = await new ExcelSheetWriter(book.run).fill(NEXT);
    expect(result.written).toEqual(NEXT.sheets.map((s) => s.name));
    expect(book.sheets.map((s) => s.name).filter((n) => n.startsWith("_cp_"))).toEqual([]);
    expect(book.settings.get(PENDING_KEY)).toBe("[]");
  });
});
