/**
 * Problems that need the scenario's text: syntax errors in plain words, located with the line
 * they are on (`Problem.source`, for quoting with a caret), and the thousands-separator hint for
 * a list the commas split (`[130,000, 20]` is read as three values in YAML).
 */
import { Document, LineCounter, YAMLError, isSeq } from "yaml";
import { analystNumberHint } from "./analystNumber";
import { messages, yamlSyntax } from "./messages";
import { Problem, SourceSpot, problem } from "./problems";

/** Characters of a line kept in a problem's source spot (the quoter cuts further if it must). */
const MAX_SPOT_TEXT = 400;

/** The 1-based line `line` of `text` (without its line break), cut to a bounded length. */
export function sourceSpot(text: string, line: number, column: number): SourceSpot {
  const lineText = (text.split(/\r?\n/)[line - 1] ?? "").slice(0, MAX_SPOT_TEXT);
  return { line, column: Math.max(1, column), text: lineText };
}

/** A number written with thousands separators on a line, e.g. "130,000". */
const SEPARATED = /(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)/;

/** The plain-number hint for the first separated number on a line, if there is one. */
function separatorOn(lineText: string): { hint: string; column: number } | undefined {
  const m = SEPARATED.exec(lineText);
  const hint = m ? analystNumberHint(m[0]) : undefined;
  return m && hint ? { hint, column: m.index + 1 } : undefined;
}

/** The yaml library's message without the position and excerpt its pretty errors append. */
const libraryWords = (e: YAMLError): string => e.message.split("\n")[0].replace(/ at line \d+, column \d+:?\s*$/, "");

/** A YAML syntax error in plain words. */
function plainWords(e: YAMLError, lineText: string): string {
  const words = libraryWords(e);
  if (/All mapping items must start at the same column/.test(words)) return yamlSyntax.sameColumn();
  if (/All sequence items must start at the same column/.test(words)) return yamlSyntax.listColumn();
  if (/Sequence item without - indicator/.test(words)) return yamlSyntax.noDash();
  if (/Implicit map keys need to be followed by map values/.test(words)) return yamlSyntax.keyWithoutValue();
  if (/Implicit keys (of flow sequence pairs )?need to be on a single line/.test(words)) return yamlSyntax.keyOnOneLine();
  if (/Nested mappings are not allowed in compact mappings/.test(words)) return yamlSyntax.compact();
  if (e.code === "TAB_AS_INDENT") return yamlSyntax.tab();
  if (/Missing closing .?quote/.test(words)) return yamlSyntax.unclosedQuote();
  const unclosed = /Flow (?:sequence|mapping) in block collection must be sufficiently indented and end with a ([\]}])/.exec(words);
  if (unclosed) return yamlSyntax.unclosedBracket(unclosed[1]);
  if (/Missing , (?:or : )?between/.test(words)) return yamlSyntax.missingComma();
  if (/Missing space after :/.test(words)) return yamlSyntax.spaceAfterColon();
  if (/Comments must be separated from other tokens/.test(words)) return yamlSyntax.spaceBeforeComment();
  if (e.code === "DUPLICATE_KEY") return yamlSyntax.duplicateKey(/^\s*(?:-\s+)?["']?([^"':#]+?)["']?\s*:/.exec(lineText)?.[1]);
  const start = /Plain value cannot start with (?:reserved character )?(.)/.exec(words);
  if (start) return yamlSyntax.badStart(start[1]);
  if (e.code === "MULTIPLE_DOCS") return yamlSyntax.multipleDocuments();
  const token = /^Unexpected .*?: "(.+)"$/.exec(words) ?? /^Unexpected (\S+) in /.exec(words);
  if (token) return yamlSyntax.unexpected(token[1]);
  return yamlSyntax.other(words);
}

/** A YAML syntax error (parsed with pretty errors, which give its line) as a problem: plain words, "at line L, column C", and the line quoted. */
export function yamlSyntaxProblem(e: YAMLError, text: string): Problem {
  const at = e.linePos?.[0];
  if (!at) return problem("syntax", "", messages.syntax("YAML", yamlSyntax.other(libraryWords(e))));
  const source = sourceSpot(text, at.line, at.col);
  return { ...problem("syntax", "", messages.yamlAt(at.line, at.col, plainWords(e, source.text))), source };
}

/**
 * A JSON.parse error as a problem, located by line and column, with the separator hint when the
 * line holds a number like 130,000 (JSON has no thousands separators).
 */
export function jsonSyntaxProblem(text: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const m = /at position (\d+)/.exec(message);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  let line: number | undefined;
  let column: number | undefined;
  if (m) {
    const before = text.slice(0, Number(m[1]));
    line = before.split("\n").length;
    column = Number(m[1]) - before.lastIndexOf("\n");
  } else if (lineCol) {
    line = Number(lineCol[1]);
    column = Number(lineCol[2]);
  }
  const located = m && !/line \d+/.test(message) ? `${message} (line ${line}, column ${column})` : message;
  if (line === undefined || column === undefined) return problem("syntax", "", messages.syntax("JSON", located));
  const source = sourceSpot(text, line, column);
  const separator = separatorOn(source.text);
  const words = messages.syntax("JSON", located);
  return { ...problem("syntax", "", separator ? messages.jsonSeparator(words, separator.hint) : words), source };
}


/**
 * A validation problem, re-worded when the text explains it: a per-period list with the wrong
 * number of values, written on a line with a thousands separator (`requested: [130,000, 20]`).
 */
export function withTextHints(p: Problem, doc: Document, lines: LineCounter, text: string, periods: number): Problem {
  if (p.code !== "shape") return p;
  const node = p.at.length > 0 ? doc.getIn([...p.at], true) : undefined;
  if (!isSeq(node) || !node.range || p.message !== messages.periodArrayLength(node.items.length, periods)) return p;
  const start = lines.linePos(node.range[0]);
  const end = lines.linePos(node.range[1]);
  for (let line = start.line; line <= end.line; line++) {
    const spot = sourceSpot(text, line, 1);
    const separator = separatorOn(spot.text);
    if (separator) return { ...p, message: messages.periodArrayLengthSeparator(node.items.length, periods, separator.hint), source: { ...spot, column: separator.column } };
  }
  return p;
}
