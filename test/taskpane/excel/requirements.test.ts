/**
 * Hosts older than a feature: the strict fake plays an Excel of a given ExcelApi version (an
 * API it lacks fails its sync with ApiNotFound, as Excel does). For each optional requirement
 * set: without the check the fill would fail; with it, the fill leaves only that feature out,
 * everything else is written, and the pane is told once.
 */
import { Report, buildReport } from "../../../src/report";
import { ExcelSheetWriter } from "../../../src/taskpane/excel/excelWriter";
import { ALL_FEATURES, Feature, HostFeatures, OPTIONAL_FEATURES, hostFeatures } from "../../../src/taskpane/excel/requirements";
import { exampleInput } from "../../report/support/examples";
import { FakeWorkbook } from "../../support/fakeExcel";

/** A report with native charts, the Sensitivity grid's colour scale and frozen header rows. */
const REPORT: Report = buildReport([exampleInput("examples/uncertainty/monte-carlo.json")], { mode: "native", uncertainty: { iterations: 300 } });

/** What a fill put in the workbook, feature by feature. */
function written(book: FakeWorkbook) {
  const ops: string[] = [];
  return {
    ops,
    charts: () => book.sheets.reduce((n, s) => n + s.charts.length, 0),
    colorScales: () => book.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0),
    freezes: () => ops.filter((o) => o.startsWith("freeze")).length,
    validations: () => book.sheets.reduce((n, s) => n + s.validation.size, 0),
  };
}

function fakeHost(excelApi: string): { book: FakeWorkbook; seen: ReturnType<typeof written> } {
  const book = new FakeWorkbook();
  book.excelApi = excelApi;
  const seen = written(book);
  book.failWhen = (what) => {
    seen.ops.push(what);
    return false;
  };
  return { book, seen };
}

test("the report really uses every optional feature on a current host", async () => {
  const { book, seen } = fakeHost("1.17");
  const result = await new ExcelSheetWriter(book.run, undefined, hostFeatures(book.isSetSupported)).fill(REPORT);
  expect(seen.charts()).toBeGreaterThan(0);
  expect(seen.colorScales()).toBe(1);
  expect(seen.freezes()).toBeGreaterThan(0);
  expect(seen.validations()).toBeGreaterThan(0);
  expect(result.leftOut).toBeUndefined();
});

describe.each([
  ["charts", "1.7"],
  ["colorScales", "1.5"],
  ["freezePanes", "1.6"],
  ["dataValidation", "1.7"],
] as const)("a host without %s (ExcelApi %s)", (feature: Feature, excelApi) => {
  const required = OPTIONAL_FEATURES.find((f) => f.feature === feature)!;

  test("fails a fill that does not ask first, and rolls it back", async () => {
    const { book } = fakeHost(excelApi);
    book.addSheet("Sheet1", [["mine", 1]]);
    await expect(new ExcelSheetWriter(book.run).fill(REPORT)).rejects.toThrow(/ApiNotFound/);
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("is asked once per requirement set, and reports the feature missing", () => {
    const { book } = fakeHost(excelApi);
    const asked: string[] = [];
    const features = hostFeatures((name, version) => (asked.push(`${name} ${version}`), book.isSetSupported(name, version)));
    expect(features[feature]).toBe(false);
    expect(asked).toEqual([...new Set(asked)]);
    expect(asked).toContain(`${required.set} ${required.version}`);
  });

  test("gets the fill without that feature only, and one notice saying so, on the first fill only", async () => {
    const { book, seen } = fakeHost(excelApi);
    const features = hostFeatures(book.isSetSupported);
    const writer = new ExcelSheetWriter(book.run, undefined, features);
    const first = await writer.fill(REPORT);
    expect(first.written).toEqual(REPORT.sheets.map((s) => s.name));
    expect(first.leftOut).toContain(required.without);
    // every feature the host has is still there; the missing one is not
    const count = { charts: seen.charts(), colorScales: seen.colorScales(), freezePanes: seen.freezes(), dataValidation: seen.validations() };
    for (const f of OPTIONAL_FEATURES) {
      if (features[f.feature]) expect({ [f.feature]: count[f.feature] > 0 }).toEqual({ [f.feature]: true });
      else expect({ [f.feature]: count[f.feature] }).toEqual({ [f.feature]: 0 });
    }
    // the values are all written, as on a current host
    const current = new FakeWorkbook();
    await new ExcelSheetWriter(current.run).fill(REPORT);
    for (const s of REPORT.sheets) expect(book.snapshot(s.name)).toEqual(current.snapshot(s.name));
    const second = await writer.fill(REPORT);
    expect(second.leftOut).toBeUndefined();
  });
});

test("a report that would not use the missing feature gives no notice", async () => {
  const { book } = fakeHost("1.7");
  // Sources: no chart and no drop-down list (Assumptions has lists on its choice inputs).
  const noCharts: Report = { ...REPORT, charts: [], sheets: REPORT.sheets.filter((s) => s.name === "Sources") };
  const features: HostFeatures = hostFeatures(book.isSetSupported);
  expect(features).toEqual({ ...ALL_FEATURES, charts: false, dataValidation: false });
  const result = await new ExcelSheetWriter(book.run, undefined, features).fill(noCharts);
  expect(result.leftOut).toBeUndefined();
});

test("a requirement check that throws counts as unsupported", () => {
  expect(
    hostFeatures(() => {
      throw new Error("requirements not ready");
    }),
  ).toEqual({ charts: false, colorScales: false, freezePanes: false, dataValidation: false });
});
