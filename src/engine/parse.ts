/** Scenario text (JSON or YAML) → a validated Scenario, with problems located by field path. */
import { Document, LineCounter, isCollection, isPair, parseDocument } from "yaml";
import { messages } from "./messages";
import { Problem, Result, fail, problem } from "./problems";
import { Scenario } from "./scenario";
import { jsonSyntaxProblem, withTextHints, yamlSyntaxProblem } from "./textProblems";
import { validateScenario } from "./validate";

export type ScenarioFormat = "json" | "yaml";

/** Guesses the format from a file name: .yaml/.yml → yaml, anything else → json. */
export function formatOf(fileName: string): ScenarioFormat {
  return /\.ya?ml$/i.test(fileName) ? "yaml" : "json";
}

/**
 * Parses and validates a scenario document.
 * @example parseScenario('{"name": 1}', "json").ok // returns false
 */
export function parseScenario(text: string, format: ScenarioFormat): Result<Scenario> {
  const read = readText(withoutBom(text), format);
  if (!read.result.ok) return read.result;
  const valid = validateScenario(read.result.value);
  return valid.ok ? valid : fail(...hinted(read, withoutBom(text), valid.problems));
}

/**
 * Scenario text → the document as written (not validated), for editors that keep it as typed
 * (the taskpane's paste box). A leading byte-order mark is ignored.
 * @example parseScenarioText("a: 1", "yaml") // returns { ok: true, value: { a: 1 } }
 */
export function parseScenarioText(text: string, format: ScenarioFormat): Result<unknown> {
  return readText(withoutBom(text), format).result;
}

/**
 * The hints that need scenario text (a list the commas split), added to problems found by
 * validating the document that `text` holds: for editors that validate a document as written
 * (the taskpane's paste box), so they say what `parseScenario` says.
 * @example withScenarioTextHints("periods: [A]", "yaml", []) // returns []
 */
export function withScenarioTextHints(text: string, format: ScenarioFormat, problems: readonly Problem[]): Problem[] {
  return hinted(readText(withoutBom(text), format), withoutBom(text), problems);
}

/** Some problems read better with the text in hand (a list the commas split). */
function hinted(read: Read, text: string, problems: readonly Problem[]): Problem[] {
  if (!read.result.ok || !read.yaml) return [...problems];
  const periods = valueCount(read.result.value, "periods");
  const { doc, lines } = read.yaml;
  return problems.map((p) => withTextHints(p, doc, lines, text, periods));
}

const withoutBom = (text: string): string => (text.startsWith("\ufeff") ? text.slice(1) : text);

const valueCount = (doc: unknown, key: string): number => {
  const v = typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v.length : 0;
};

/** A scenario needs about five levels of nesting; anything past this is a mistake or an attack. */
export const MAX_DOCUMENT_DEPTH = 64;

interface Read {
  readonly result: Result<unknown>;
  /** The YAML document and its line index, for hints that need the text. */
  readonly yaml?: { readonly doc: Document; readonly lines: LineCounter };
}

/** JSON text that does not start like JSON (`{` or `[`, after blanks) is tried as YAML: a YAML file saved as .txt. */
const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

function readText(text: string, format: ScenarioFormat): Read {
  if (format === "json") {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (e) {
      if (looksLikeJson(text)) return { result: fail(jsonSyntaxProblem(text, e)) };
      const asYaml = readYaml(text);
      if (asYaml.result.ok) return asYaml;
      return { result: fail(...asYaml.result.problems.map((p) => ({ ...p, message: messages.readAsYaml(p.message) }))) };
    }
    const deep = jsonTooDeepAt(text, MAX_DOCUMENT_DEPTH);
    return { result: deep === undefined ? { ok: true, value } : fail(problem("syntax", "", messages.nestedTooDeep(MAX_DOCUMENT_DEPTH, deep))) };
  }
  return readYaml(text);
}

function readYaml(text: string): Read {
  // YAML 1.2 core schema: no custom tags, so no code or class instances can come out of a file.
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    // The parser recurses per level: far past any real depth it runs out of stack. Say so in plain words.
    if (/maximum call stack/i.test(first.message)) return { result: fail(problem("syntax", "", messages.nestedTooDeep(MAX_DOCUMENT_DEPTH, first.linePos?.[0].line ?? 1))) };
    // The first error locates the mistake; later ones are usually its echoes.
    return { result: fail(yamlSyntaxProblem(first, text)) };
  }
  const deep = yamlTooDeepAt(doc.contents, MAX_DOCUMENT_DEPTH);
  if (deep !== undefined) return { result: fail(problem("syntax", "", messages.nestedTooDeep(MAX_DOCUMENT_DEPTH, lines.linePos(deep).line))) };
  try {
    return { result: { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown }, yaml: { doc, lines } };
  } catch (e) {
    // e.g. an alias bomb past maxAliasCount
    return { result: fail(problem("syntax", "", messages.syntax("YAML", e instanceof Error ? e.message : String(e)))) };
  }
}

/** The line where JSON text (already known to parse) first opens more than `max` brackets, if it does. */
function jsonTooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character (never a newline in valid JSON)
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return line;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/** The offset of the first YAML collection nested more than `max` deep, if any; walked with a stack, not recursion. */
function yamlTooDeepAt(root: unknown, max: number): number | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (!isCollection(node)) continue;
    if (depth > max) return node.range?.[0] ?? 0;
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/**
 * The format of scenario text with no file name (standard input, the pane's paste box): JSON
 * when it starts with `{` or `[`, else YAML.
 * @example formatOfText(' {"name": "A"}') // returns "json"
 * @example formatOfText("name: A") // returns "yaml"
 */
export function formatOfText(text: string): ScenarioFormat {
  return looksLikeJson(text) ? "json" : "yaml";
}
