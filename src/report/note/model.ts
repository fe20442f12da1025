/**
 * The investor note: headline, exhibits and appendix, host-agnostic. The Markdown and Word
 * renderers draw the same Note; numbers are cell values with a format code (formats.ts), so
 * every surface shows them through the one formatter.
 */
import { CellValue } from "../model";

/** Text with footnote marks: a string, or the 1-based number of a source in Note.sources. */
export type Run = string | { readonly footnote: number };
export type Paragraph = readonly Run[];

export interface NoteCell {
  readonly value: CellValue;
  /** Format code (formats.ts) of a number. */
  readonly format?: string;
  /** A total or weighted row, shown in bold. */
  readonly strong?: boolean;
  /** Sources of the value, by their number in Note.sources. */
  readonly footnotes?: readonly number[];
}

export interface NoteTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly NoteCell[])[];
}

export interface Exhibit {
  /** "Exhibit 1", "Exhibit 2", … */
  readonly label: string;
  readonly title: string;
  readonly table?: NoteTable;
  /** The id of a Report chart (rendered beside the note as SVG and PNG). */
  readonly chart?: string;
  /** Notes under the exhibit: what it shows, where the numbers come from. */
  readonly notes: readonly Paragraph[];
}

export interface AppendixSection {
  readonly title: string;
  readonly paragraphs: readonly Paragraph[];
  readonly tables: readonly { readonly title: string; readonly table: NoteTable }[];
}

export interface Note {
  readonly title: string;
  /** 3-6 sentences written from the numbers. */
  readonly headline: readonly string[];
  readonly exhibits: readonly Exhibit[];
  readonly appendix: readonly AppendixSection[];
  /** Every source once, numbered from 1 in this order. */
  readonly sources: readonly string[];
}
