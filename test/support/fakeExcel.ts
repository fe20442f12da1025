/**
 * A STRICT fake of the slice of the Excel API in src/taskpane/excel/port.ts. Stricter than
 * Excel where Excel's leniency would hide a bug:
 * - commands are queued and applied only at `sync()`, in order; a failing command leaves the
 *   earlier ones applied (Excel batches are not transactions) and rejects the sync;
 * - reading a property before `load()` + `sync()` throws;
 * - a values/formulas/numberFormat matrix must have exactly the range's shape;
 * - every sync is counted and its request payload measured (JSON of each command's
 *   arguments); a request of 5 MB or more is rejected as Excel does;
 * - a chart's type and seriesBy must be Office.js enum strings, and its source a range of its
 *   own sheet; charts live on their sheet (renaming keeps them, deleting removes them);
 * - a conditional format's type and a colour scale's criterion types must be Office.js enum
 *   strings, its colours "#RRGGBB" (Excel also takes colour names), a LowestValue/HighestValue
 *   point takes no formula and every other point a number (0..100 for Percent and Percentile);
 *   conditional formats live on their range's sheet, like charts;
 * - `excelApi` is the host's ExcelApi version: `isSetSupported` answers from it, and a chart
 *   (1.8), conditional format (1.6) or frozen pane (1.7) asked of an older host fails its sync
 *   with ApiNotFound, as Excel does;
 * - workbook names (ExcelApi 1.4): a name must be valid for Excel (a letter or _ first, then
 *   letters, digits, _ and .; no cell reference; at most 255 characters), new (case-insensitively:
 *   adding one twice fails with ItemAlreadyExists, as Excel does), and refer to one cell of a sheet
 *   that exists when the command runs ("='Sheet'!$A$1"); `resolve` follows a name to its cell;
 * - a data-validation rule (ExcelApi 1.8) must be a list with a non-empty comma-separated source;
 * - host faults, each failing its sync with Excel's error code (an Error with `code`, like
 *   OfficeExtension.Error) and applying nothing of it: `cellEditMode` (the user is typing in a
 *   cell: every request fails), `structureProtected` (the workbook's structure is protected:
 *   adding, renaming, hiding or deleting a sheet fails), `payloadLimit` (a request that large
 *   fails), and `reloadAfterSync` (the runtime reloads: after that many syncs every later one
 *   never settles, as if the page were gone).
 */
import type { XlChart, XlChartAxis, XlColorScaleCriteria, XlConditionalFormat, XlDataValidationRule, XlConditionalFormatType, XlContext, XlRange, XlRun, XlScalar, XlWorksheet } from "../../src/taskpane/excel/port";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

interface CellState {
  value: XlScalar;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

/** A chart as Excel would hold it; `source` is the A1 address of its data on its own sheet. */
export interface ChartState {
  type: string;
  source: string;
  seriesBy?: string;
  name?: string;
  title?: string;
  categoryTitle?: string;
  valueTitle?: string;
  valueFormat?: string;
  legend?: string;
  position?: { from: string; to?: string };
}

/** A conditional format as Excel would hold it; `address` is A1 on its own sheet. */
export interface ConditionalFormatState {
  type: string;
  address: string;
  /** Set once the writer sets `colorScale.criteria` (a copy taken when the command was queued). */
  colorScale?: XlColorScaleCriteria;
}

/** A defined name as Excel holds it: the sheet and 0-based cell it refers to. */
export interface NameState {
  name: string;
  sheet: SheetState;
  row: number;
  col: number;
}

export interface SheetState {
  name: string;
  visibility: string;
  cells: Map<string, CellState>;
  /** Data-validation list sources by "row,col" (0-based). */
  validation: Map<string, string>;
  /** Font colours set by "row,col" (0-based). */
  fontColours: Map<string, string>;
  tables: { address: string; style: string }[];
  charts: ChartState[];
  conditionalFormats: ConditionalFormatState[];
}

/** Office.js ChartType values the fake accepts (a subset of Excel.ChartType). */
export const CHART_TYPES: readonly string[] = ["Line", "LineMarkers", "ColumnClustered", "BarClustered", "ColumnStacked", "Area", "XYScatter"];
const SERIES_BY: readonly string[] = ["Auto", "Columns", "Rows"];
const LEGEND_POSITIONS: readonly string[] = ["Top", "Bottom", "Left", "Right", "Corner"];
/** Excel.ConditionalFormatType and Excel.ConditionalFormatColorCriterionType values. */
const CONDITIONAL_FORMAT_TYPES: readonly string[] = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
const COLOR_CRITERION_TYPES: readonly string[] = ["LowestValue", "HighestValue", "Number", "Percent", "Formula", "Percentile"];

interface Op {
  readonly what: string;
  readonly sheet?: string;
  readonly bytes: number;
  readonly run: () => void;
}

/** A failure to inject: the first command matching throws at sync time. */
export type FailWhen = (what: string, sheet: string | undefined, index: number) => boolean;

const key = (r: number, c: number) => `${r},${c}`;
const colName = (i: number): string => (i >= 26 ? colName(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));
const quote = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

function parseA1(address: string): { row: number; col: number; rows: number; cols: number } {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.replace(/\$/g, ""));
  if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]) - 1, c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1, c2 = m[3] ? col(m[3]) : c1;
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

function notLoaded(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
}

/** "1.10" > "1.9": requirement set versions compare part by part. */
const versionAtLeast = (have: string, want: string) => {
  const [a, b] = [have, want].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

/** An error as Office.js raises it: a code and a message. */
export function hostError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Commands that change the workbook's structure (refused while it is protected). */
const STRUCTURAL: readonly string[] = ["worksheets.add", "worksheet.rename", "worksheet.visibility", "worksheet.delete"];

export class FakeWorkbook {
  /** The host's ExcelApi requirement set version (a current Excel by default). */
  excelApi = "1.17";
  cellEditMode = false;
  structureProtected = false;
  payloadLimit = PAYLOAD_LIMIT;
  reloadAfterSync?: number;
  sheets: SheetState[] = [];
  /** Workbook-level defined names. */
  names: NameState[] = [];
  settings = new Map<string, string>();
  /** Every sync: its request bytes and command count. */
  readonly syncs: { bytes: number; ops: number }[] = [];
  suspendedCalc = 0;
  suspendedScreen = 0;
  failWhen?: FailWhen;
  private opIndex = 0;

  /** Adds a sheet with `values` from A1 (the user's own data). */
  addSheet(name: string, values: XlScalar[][] = []): SheetState {
    const sheet: SheetState = { name, visibility: "Visible", cells: new Map(), validation: new Map(), fontColours: new Map(), tables: [], charts: [], conditionalFormats: [] };
    values.forEach((r, i) => r.forEach((v, j) => v !== "" && sheet.cells.set(key(i, j), { value: v })));
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A sheet's non-empty cells as A1 → value or "=formula", for comparisons. */
  snapshot(name: string): Record<string, XlScalar> {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const out: Record<string, XlScalar> = {};
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(",").map(Number);
      out[`${colName(col)}${r + 1}`] = c.formula !== undefined ? `=${c.formula}` : c.value;
    }
    return out;
  }

  /** Where a defined name points now (its sheet's current name and A1 address), or undefined if none or its sheet is gone. */
  resolve(name: string): { sheet: string; address: string } | undefined {
    const n = this.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n || !this.sheets.includes(n.sheet)) return undefined;
    return { sheet: n.sheet.name, address: `${colName(n.col)}${n.row + 1}` };
  }

  /** Sets a cell as a user would. */
  edit(name: string, address: string, value: XlScalar): void {
    const { row, col } = parseA1(address);
    this.sheet(name)!.cells.set(key(row, col), { value });
  }

  /** Office.context.requirements.isSetSupported for this host (ExcelApi only; other sets are absent). */
  readonly isSetSupported = (name: string, minVersion = "1.1"): boolean => name === "ExcelApi" && versionAtLeast(this.excelApi, minVersion);

  /** Fails like Excel when the host lacks the API (checked when the sync runs it). */
  requires(version: string, api: string): void {
    if (!this.isSetSupported("ExcelApi", version)) throw new Error(`ApiNotFound: ${api} needs ExcelApi ${version}; this host has ${this.excelApi}`);
  }

  /** Excel.run for this workbook. */
  readonly run: XlRun = async (batch) => batch(new FakeContext(this) as unknown as XlContext);

  /** Applies queued ops (one sync). */
  apply(ops: readonly Op[]): void {
    const bytes = ops.reduce((a, o) => a + o.bytes, 0);
    this.syncs.push({ bytes, ops: ops.length });
    if (this.cellEditMode) throw hostError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    if (bytes >= this.payloadLimit) throw hostError("RequestPayloadSizeLimitExceeded", `${bytes} bytes in one sync`);
    for (const op of ops) {
      // like any failing command, the earlier ones of the batch stay applied
      if (this.structureProtected && STRUCTURAL.includes(op.what)) throw hostError("AccessDenied", "You cannot perform the requested operation.");
      if (this.failWhen?.(op.what, op.sheet, this.opIndex++)) throw new Error(`GeneralException: injected failure at ${op.what} on ${op.sheet}`);
      op.run();
    }
  }

  usedBox(s: SheetState): { row: number; col: number; rows: number; cols: number } | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [k, c] of s.cells) {
      if (c.value === "" && c.formula === undefined) continue;
      const [r, col] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

class FakeContext {
  queue: Op[] = [];
  readonly workbook: unknown;
  constructor(readonly book: FakeWorkbook) {
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      settings: {
        getItemOrNullObject: (k: string) => new FakeSetting(this, k),
        add: (k: string, value: string) => this.enqueue("settings.add", undefined, [k, value], () => void book.settings.set(k, value)),
      },
      names: new FakeNames(this),
      application: {
        suspendApiCalculationUntilNextSync: () => this.enqueue("suspendCalc", undefined, [], () => void book.suspendedCalc++),
        suspendScreenUpdatingUntilNextSync: () => this.enqueue("suspendScreen", undefined, [], () => void book.suspendedScreen++),
      },
    };
  }

  enqueue(what: string, sheet: string | undefined, args: unknown[], run: () => void): void {
    this.queue.push({ what, sheet, bytes: JSON.stringify(args).length + what.length + 40, run });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const { reloadAfterSync } = this.book;
    if (reloadAfterSync !== undefined && this.book.syncs.length >= reloadAfterSync) return new Promise<void>(() => undefined); // the page is gone
    this.book.apply(ops);
  }
}

/** Excel's rule for a defined name: a letter, _ or \\ first; letters, digits, _ and . after; not a cell reference; ≤ 255. */
function checkDefinedName(name: string): void {
  if (typeof name !== "string" || name.length === 0 || name.length > 255 || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) fail(`InvalidArgument: bad name "${name}"`);
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name) || /^(true|false)$/i.test(name)) fail(`InvalidArgument: name "${name}" reads as a reference or value`);
}

class FakeNamedItem {
  constructor(private readonly ctx: FakeContext, private readonly find: () => NameState, readonly loadedName?: string) {}
  get name(): string {
    return this.loadedName ?? notLoaded("namedItem.name");
  }
  delete(): void {
    this.ctx.enqueue("names.delete", undefined, [this.loadedName], () => {
      const n = this.find();
      this.ctx.book.names = this.ctx.book.names.filter((x) => x !== n);
    });
  }
}

class FakeNames {
  private loadedItems?: FakeNamedItem[];
  constructor(private readonly ctx: FakeContext) {}
  get items(): FakeNamedItem[] {
    return this.loadedItems ?? notLoaded("names.items");
  }
  load(props: string): this {
    this.ctx.enqueue("names.load", undefined, [props], () => {
      this.loadedItems = this.ctx.book.names.map((n) => new FakeNamedItem(this.ctx, () => this.ctx.book.names.find((x) => x === n) ?? fail(`ItemNotFound: name ${n.name}`), n.name));
    });
    return this;
  }
  add(name: string, reference: unknown): FakeNamedItem {
    let created: NameState | undefined;
    this.ctx.enqueue("names.add", undefined, [name, reference], () => {
      this.ctx.book.requires("1.4", "names.add");
      checkDefinedName(name);
      if (this.ctx.book.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) fail(`ItemAlreadyExists: name "${name}"`);
      if (typeof reference !== "string") fail("the fake only models names added with an A1 reference string");
      const m = /^=?('(?:[^']|'')+'|[A-Za-z0-9_]+)!(\$?[A-Z]+\$?\d+)$/.exec(reference);
      if (!m) fail(`InvalidArgument: name ${name} refers to "${reference}", not one cell of a sheet`);
      const sheetName = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
      const sheet = this.ctx.book.sheet(sheetName) ?? fail(`InvalidReference: name ${name} refers to sheet ${sheetName}, which does not exist`);
      const { row, col } = parseA1(m[2]);
      created = { name, sheet, row, col };
      this.ctx.book.names.push(created);
    });
    return new FakeNamedItem(this.ctx, () => created ?? fail("name not created"), name);
  }
}

class FakeSetting {
  private loaded = false;
  private found = false;
  private stored: unknown;
  constructor(private readonly ctx: FakeContext, private readonly k: string) {}
  load(): this {
    this.ctx.enqueue("setting.load", undefined, [this.k], () => {
      this.loaded = true;
      this.found = this.ctx.book.settings.has(this.k);
      this.stored = this.ctx.book.settings.get(this.k);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.loaded ? !this.found : notLoaded("setting.isNullObject");
  }
  get value(): unknown {
    if (!this.loaded) notLoaded("setting.value");
    if (!this.found) throw new Error("InvalidObjectPath: value of a null object");
    return this.stored;
  }
}

class FakeWorksheets {
  private loadedItems?: FakeWorksheet[];
  constructor(private readonly ctx: FakeContext) {}
  get items(): FakeWorksheet[] {
    return this.loadedItems ?? notLoaded("worksheets.items");
  }
  load(props: string): this {
    this.ctx.enqueue("worksheets.load", undefined, [props], () => {
      this.loadedItems = this.ctx.book.sheets.map((s) => {
        const proxy = new FakeWorksheet(this.ctx, () => s);
        proxy.loadedName = s.name;
        return proxy;
      });
    });
    return this;
  }
  add(name: string): FakeWorksheet {
    let created: SheetState | undefined;
    this.ctx.enqueue("worksheets.add", name, [name], () => {
      checkName(this.ctx.book, name);
      created = this.ctx.book.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => created ?? fail(`sheet ${name} not created`));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? fail(`ItemNotFound: sheet ${name}`));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name) ?? fail(`InvalidObjectPath: ${name} is a null object`));
    proxy.nullCheck = () => !this.ctx.book.sheet(name);
    return proxy;
  }
}

function fail(message: string): never {
  throw new Error(message);
}

function checkName(book: FakeWorkbook, name: string, self?: SheetState): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) fail(`InvalidArgument: bad sheet name "${name}"`);
  const other = book.sheet(name);
  if (other && other !== self) fail(`ItemAlreadyExists: sheet "${name}"`);
}

class FakeWorksheet implements XlWorksheet {
  loadedName?: string;
  nullCheck?: () => boolean;
  private resolved?: SheetState;
  private nullLoaded?: boolean;
  constructor(private readonly ctx: FakeContext, private readonly find: () => SheetState) {}
  state(): SheetState {
    return (this.resolved ??= this.find());
  }
  label(): string | undefined {
    return this.resolved?.name ?? this.loadedName;
  }
  get name(): string {
    return this.loadedName ?? notLoaded("worksheet.name");
  }
  set name(value: string) {
    this.ctx.enqueue("worksheet.rename", this.label(), [value], () => {
      checkName(this.ctx.book, value, this.state());
      this.state().name = value;
    });
  }
  get visibility(): string {
    return notLoaded("worksheet.visibility");
  }
  set visibility(value: string) {
    this.ctx.enqueue("worksheet.visibility", this.label(), [value], () => void (this.state().visibility = value));
  }
  get isNullObject(): boolean {
    return this.nullLoaded ?? notLoaded("worksheet.isNullObject");
  }
  load(props: string): this {
    this.ctx.enqueue("worksheet.load", this.label(), [props], () => {
      this.nullLoaded = this.nullCheck?.() ?? false;
      if (!this.nullLoaded) this.loadedName = this.state().name;
    });
    return this;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): XlRange {
    if (rows < 1 || cols < 1) fail(`InvalidArgument: range of ${rows} x ${cols}`);
    return new FakeRange(this.ctx, this, () => ({ row, col, rows, cols }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange {
    if (valuesOnly !== true) fail("the fake only models getUsedRangeOrNullObject(true)");
    return new FakeRange(this.ctx, this, () => this.ctx.book.usedBox(this.state()));
  }
  readonly tables = {
    add: (address: string, hasHeaders: boolean) => {
      const table = { style: "" };
      this.ctx.enqueue("tables.add", this.label(), [address, hasHeaders], () => {
        const s = this.state();
        const a = parseA1(address);
        for (const t of s.tables) {
          const b = parseA1(t.address);
          if (a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols) fail("InvalidOperation: tables overlap");
        }
        s.tables.push({ address, style: "" });
      });
      return table;
    },
  };
  readonly charts = {
    add: (type: string, sourceData: XlRange, seriesBy?: string): XlChart => {
      let created: ChartState | undefined;
      this.ctx.enqueue("charts.add", this.label(), [type, seriesBy], () => {
        this.ctx.book.requires("1.8", "the chart API the writer uses (axes' number formats)");
        if (!CHART_TYPES.includes(type)) fail(`InvalidArgument: chart type "${type}"`);
        if (seriesBy !== undefined && !SERIES_BY.includes(seriesBy)) fail(`InvalidArgument: seriesBy "${seriesBy}"`);
        if (!(sourceData instanceof FakeRange)) fail("InvalidArgument: sourceData is not a Range");
        const { sheet, box } = sourceData.target();
        if (sheet !== this.state()) fail(`InvalidArgument: chart source on sheet ${sheet.name}, chart on ${this.state().name}`);
        if (!box) fail("InvalidObjectPath: null source range");
        created = { type, source: `${colName(box.col)}${box.row + 1}:${colName(box.col + box.cols - 1)}${box.row + box.rows}`, seriesBy };
        this.state().charts.push(created);
      });
      return new FakeChart(this.ctx, this, () => created ?? fail("chart not created"));
    },
  };
  readonly freezePanes = {
    freezeAt: (range: XlRange) => this.ctx.enqueue("freezeAt", this.label(), [range instanceof FakeRange], () => this.ctx.book.requires("1.7", "freezePanes")),
    freezeRows: (n: number) => this.ctx.enqueue("freezeRows", this.label(), [n], () => this.ctx.book.requires("1.7", "freezePanes")),
    freezeColumns: (n: number) => this.ctx.enqueue("freezeColumns", this.label(), [n], () => this.ctx.book.requires("1.7", "freezePanes")),
  };
  delete(): void {
    this.ctx.enqueue("worksheet.delete", this.label(), [], () => {
      const s = this.state();
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
    });
  }
  activate(): void {
    this.ctx.enqueue("worksheet.activate", this.label(), [], () => void this.state());
  }
}

type Box = { row: number; col: number; rows: number; cols: number };

class FakeRange implements XlRange {
  private loaded?: { address: string; values: XlScalar[][]; formulas: XlScalar[][]; isNull: boolean };
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly box: () => Box | null,
  ) {}

  /** Its sheet and cells, at sync time (for commands that take a range). */
  target(): { sheet: SheetState; box: Box | null } {
    return { sheet: this.sheet.state(), box: this.box() };
  }

  private write(what: string, matrix: XlScalar[][], set: (c: CellState, v: XlScalar) => void): void {
    const sheetLabel = this.sheet.label();
    this.ctx.enqueue(`range.${what}`, sheetLabel, [matrix], () => {
      const b = this.box() ?? fail("InvalidObjectPath: null range");
      if (!Array.isArray(matrix) || matrix.length !== b.rows || matrix.some((r) => !Array.isArray(r) || r.length !== b.cols)) {
        fail(`InvalidArgument: ${what} of ${matrix.length} x ${matrix[0]?.length} for a ${b.rows} x ${b.cols} range`);
      }
      const s = this.sheet.state();
      matrix.forEach((r, i) =>
        r.forEach((v, j) => {
          const k = key(b.row + i, b.col + j);
          const c = s.cells.get(k) ?? { value: "" };
          set(c, v);
          if (c.value === "" && c.formula === undefined && c.numberFormat === undefined && !c.bold) s.cells.delete(k);
          else s.cells.set(k, c);
        }),
      );
    });
  }

  private static content(c: CellState, v: XlScalar): void {
    if (typeof v === "string" && v.startsWith("=")) {
      c.formula = v.slice(1);
      return;
    }
    c.formula = undefined;
    c.value = typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
  }

  set values(m: XlScalar[][]) {
    this.write("values", m, FakeRange.content);
  }
  get values(): XlScalar[][] {
    return this.loaded?.values ?? notLoaded("range.values");
  }
  set formulas(m: XlScalar[][]) {
    this.write("formulas", m, FakeRange.content);
  }
  get formulas(): XlScalar[][] {
    return this.loaded?.formulas ?? notLoaded("range.formulas");
  }
  set numberFormat(m: string[][]) {
    this.write("numberFormat", m, (c, v) => void (c.numberFormat = String(v)));
  }
  get numberFormat(): string[][] {
    return notLoaded("range.numberFormat");
  }
  get address(): string {
    return this.loaded?.address ?? notLoaded("range.address");
  }
  get isNullObject(): boolean {
    return this.loaded?.isNull ?? notLoaded("range.isNullObject");
  }
  get format() {
    const styled = (what: string) => (v: unknown) =>
      this.ctx.enqueue(`format.${what}`, undefined, [v], () => {
        const b = this.box();
        if (what !== "font.color" || !b) return;
        const s = this.sheet.state();
        for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) s.fontColours.set(key(b.row + i, b.col + j), String(v));
      });
    const font = {} as { bold: boolean; italic: boolean; color: string; size: number };
    for (const p of ["bold", "italic", "color", "size"] as const) Object.defineProperty(font, p, { set: styled(`font.${p}`), get: () => notLoaded(`format.font.${p}`) });
    const fill = {} as { color: string };
    Object.defineProperty(fill, "color", { set: styled("fill.color"), get: () => notLoaded("format.fill.color") });
    return { font, fill, autofitColumns: () => this.ctx.enqueue("format.autofitColumns", undefined, [], () => undefined) };
  }
  get dataValidation(): XlRange["dataValidation"] {
    const o = {} as XlRange["dataValidation"];
    Object.defineProperty(o, "rule", {
      set: (rule: XlDataValidationRule) => {
        const copy = JSON.parse(JSON.stringify(rule ?? null)) as XlDataValidationRule;
        this.ctx.enqueue("dataValidation.rule", this.sheet.label(), [copy], () => {
          this.ctx.book.requires("1.8", "dataValidation");
          const source = copy?.list?.source;
          if (typeof source !== "string" || source.split(",").some((w) => w.trim() === "")) fail(`InvalidArgument: data validation ${JSON.stringify(copy)}`);
          const b = this.box() ?? fail("InvalidObjectPath: null range");
          const s = this.sheet.state();
          for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) s.validation.set(key(b.row + i, b.col + j), source);
        });
      },
      get: () => notLoaded("dataValidation.rule"),
    });
    return o;
  }
  get conditionalFormats(): XlRange["conditionalFormats"] {
    return {
      add: (type: XlConditionalFormatType): XlConditionalFormat => {
        let created: ConditionalFormatState | undefined;
        this.ctx.enqueue("conditionalFormats.add", this.sheet.label(), [type], () => {
          this.ctx.book.requires("1.6", "conditionalFormats");
          if (!CONDITIONAL_FORMAT_TYPES.includes(type)) fail(`InvalidArgument: conditional format type "${type}"`);
          const b = this.box() ?? fail("InvalidObjectPath: null range");
          created = { type, address: `${colName(b.col)}${b.row + 1}:${colName(b.col + b.cols - 1)}${b.row + b.rows}` };
          this.sheet.state().conditionalFormats.push(created);
        });
        return new FakeConditionalFormat(this.ctx, this.sheet, () => created ?? fail("conditional format not created"));
      },
    };
  }
  load(props: string): this {
    this.ctx.enqueue("range.load", undefined, [props], () => {
      const b = this.box();
      if (!b) {
        this.loaded = { address: "", values: [], formulas: [], isNull: true };
        return;
      }
      const s = this.sheet.state();
      const cells = Array.from({ length: b.rows }, (_, i) => Array.from({ length: b.cols }, (_, j) => s.cells.get(key(b.row + i, b.col + j))));
      this.loaded = {
        address: `${quote(s.name)}!${colName(b.col)}${b.row + 1}:${colName(b.col + b.cols - 1)}${b.row + b.rows}`,
        values: cells.map((r) => r.map((c) => c?.value ?? "")),
        formulas: cells.map((r) => r.map((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? "")))),
        isNull: false,
      };
    });
    return this;
  }
}

/** A write-only chart: every property set is a queued command; reading one throws (never loaded). */
class FakeChart implements XlChart {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly chart: () => ChartState,
  ) {}

  private set(what: string, value: string, apply: (c: ChartState) => void): void {
    this.ctx.enqueue(`chart.${what}`, this.sheet.label(), [value], () => {
      if (typeof value !== "string") fail(`InvalidArgument: chart ${what} must be a string`);
      apply(this.chart());
    });
  }

  private text(what: string, apply: (c: ChartState, v: string) => void): { text: string } {
    const o = {} as { text: string };
    Object.defineProperty(o, "text", { set: (v: string) => this.set(what, v, (c) => apply(c, v)), get: () => notLoaded(`chart.${what}`) });
    return o;
  }

  private axis(which: "category" | "value"): XlChartAxis {
    const o = { title: this.text(`${which}Axis.title`, (c, v) => (which === "category" ? (c.categoryTitle = v) : (c.valueTitle = v))) } as XlChartAxis;
    Object.defineProperty(o, "numberFormat", { set: (v: string) => this.set(`${which}Axis.numberFormat`, v, (c) => void (which === "value" ? (c.valueFormat = v) : undefined)), get: () => notLoaded("chart.axis.numberFormat") });
    return o;
  }

  get name(): string {
    return notLoaded("chart.name");
  }
  set name(v: string) {
    this.set("name", v, (c) => void (c.name = v));
  }
  readonly title = this.text("title", (c, v) => void (c.title = v));
  readonly axes = { categoryAxis: this.axis("category"), valueAxis: this.axis("value") };
  readonly legend = (() => {
    const o = {} as { position: string };
    Object.defineProperty(o, "position", {
      set: (v: string) =>
        this.set("legend.position", v, (c) => {
          if (!LEGEND_POSITIONS.includes(v)) fail(`InvalidArgument: legend position "${v}"`);
          c.legend = v;
        }),
      get: () => notLoaded("chart.legend.position"),
    });
    return o;
  })();

  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    const where = (cell: XlRange | string): string => {
      if (typeof cell === "string") {
        const a = parseA1(cell);
        if (a.rows !== 1 || a.cols !== 1) fail(`InvalidArgument: chart position ${cell} is not one cell`);
        return cell;
      }
      if (!(cell instanceof FakeRange)) fail("InvalidArgument: chart position is not a Range");
      const { sheet, box } = cell.target();
      if (sheet !== this.sheet.state() || !box) fail("InvalidArgument: chart position on another sheet");
      return `${colName(box.col)}${box.row + 1}`;
    };
    this.ctx.enqueue("chart.setPosition", this.sheet.label(), [typeof startCell === "string" ? startCell : "range", typeof endCell === "string" ? endCell : "range"], () => {
      const from = where(startCell);
      const to = endCell === undefined ? undefined : where(endCell);
      if (to !== undefined) {
        const [a, b] = [parseA1(from), parseA1(to)];
        if (b.row < a.row || b.col < a.col) fail(`InvalidArgument: chart from ${from} to ${to}`);
      }
      this.chart().position = { from, to };
    });
  }
}

/** A write-only conditional format: setting its colour scale's criteria is a queued command. */
class FakeConditionalFormat implements XlConditionalFormat {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly format: () => ConditionalFormatState,
  ) {}

  readonly colorScale = (() => {
    const o = {} as { criteria: XlColorScaleCriteria };
    Object.defineProperty(o, "criteria", {
      set: (criteria: XlColorScaleCriteria) => {
        // Office.js serializes the value when the command is queued: later edits to it do not count.
        const copy = JSON.parse(JSON.stringify(criteria ?? null)) as XlColorScaleCriteria;
        this.ctx.enqueue("colorScale.criteria", this.sheet.label(), [copy], () => {
          const f = this.format();
          if (f.type !== "ColorScale") fail(`InvalidOperation: colorScale of a ${f.type} conditional format`);
          checkColorScale(copy);
          f.colorScale = copy;
        });
      },
      get: () => notLoaded("colorScale.criteria"),
    });
    return o;
  })();
}

function checkColorScale(criteria: XlColorScaleCriteria): void {
  if (!criteria || typeof criteria !== "object") fail("InvalidArgument: colour scale criteria");
  const points = (["minimum", "midpoint", "maximum"] as const).filter((p) => criteria[p] !== undefined);
  if (!points.includes("minimum") || !points.includes("maximum")) fail("InvalidArgument: a colour scale needs a minimum and a maximum");
  for (const p of points) {
    const c = criteria[p]!;
    if (!COLOR_CRITERION_TYPES.includes(c.type)) fail(`InvalidArgument: ${p} criterion type "${c.type}"`);
    if (c.color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(c.color)) fail(`InvalidArgument: ${p} colour "${c.color}"`);
    const extreme = c.type === "LowestValue" || c.type === "HighestValue";
    if (extreme && c.formula !== undefined && c.formula !== null) fail(`InvalidArgument: ${p} ${c.type} takes no formula`);
    if (!extreme && (typeof c.formula !== "string" || c.formula.trim() === "")) fail(`InvalidArgument: ${p} ${c.type} needs a formula`);
    if (c.type === "Number" || c.type === "Percent" || c.type === "Percentile") {
      const n = Number(c.formula);
      if (!Number.isFinite(n) || (c.type !== "Number" && (n < 0 || n > 100))) fail(`InvalidArgument: ${p} ${c.type} "${c.formula}"`);
    }
  }
}
