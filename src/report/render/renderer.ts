/** The port every report renderer implements; one contract test suite runs against all of them. */
import { Report } from "../model";

export const OUTPUT_FORMATS = ["xlsx", "md", "docx", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderedFile {
  /** A file name, no directory. */
  readonly name: string;
  readonly data: string | Uint8Array;
}

export interface Renderer {
  readonly format: OutputFormat;
  render(report: Report): Promise<RenderedFile[]>;
}
