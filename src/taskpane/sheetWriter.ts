/**
 * The port every sheet writer implements: Excel (Office.js) in the add-in, HTML grids in a
 * plain browser. The taskpane calls `fill` the same way in both hosts.
 */
import { Report } from "../report/model";

export interface FillOptions {
  /** Asked before replacing a managed sheet the user edited since the last fill; false = write a new sheet instead. */
  readonly confirmReplace?: (sheetName: string) => Promise<boolean>;
}

export interface FillResult {
  /** The sheet names written, in report order (a new name when an edited sheet was kept). */
  readonly written: readonly string[];
  /** Edited sheets left alone (a copy was written under another name). */
  readonly kept: readonly string[];
  /** Features this host lacks that the report would have used, one line each; given on the first such fill only. */
  readonly leftOut?: readonly string[];
}

export interface SheetWriter {
  readonly host: "excel" | "preview";
  fill(report: Report, options?: FillOptions): Promise<FillResult>;
}
