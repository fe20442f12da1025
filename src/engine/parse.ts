/** Scenario text (JSON or YAML) → a validated Scenario, with problems located by field path. */
import { LineCounter, isCollection, isPair, parseDocument } from "yaml";
import { messages } from "./messages";
import { Result, fail, problem } from "./problems";
import { Scenario } from "./scenario";
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
  const parsed = parseScenarioText(text, format);
  return parsed.ok ? validateScenario(parsed.value) : parsed;
}

/**
 * Scenario text → the document as written (not validated), for editors that keep it as typed
 * (the taskpane's paste box). A leading byte-order mark is ignored.
 * @example parseScenarioText("a: 1", "yaml") // returns { ok: true, value: { a: 1 } }
 */
export function parseScenarioText(text: string, format: ScenarioFormat): Result<unknown> {
  return parseText(text.startsWith("\ufeff") ? text.slice(1) : text, format);
}

/** A scenario needs about five levels of nesting; anything past this is a mistake or an attack. */
export const MAX_DOCUMENT_DEPTH = 64;

function parseText(text: string, format: ScenarioFormat): Result<unknown> {
  if (format === "json") {
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch (e) {
      return fail(problem("syntax", "", messages.syntax("JSON", withLineColumn(text, e instanceof Error ? e.message : String(e)))));
    }
    const deep = jsonTooDeepAt(text, MAX_DOCUMENT_DEPTH);
    return deep === undefined ? { ok: true, value } : fail(problem("syntax", "", messages.nestedTooDeep(MAX_DOCUMENT_DEPTH, deep)));
  }
  // YAML 1.2 core schema: no custom tags, so no code or class instances can come out of a file.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: true, lineCounter });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    // The parser recurses per level: far past any real depth it runs out of stack. Say so in plain words.
    if (/maximum call stack/i.test(first.message)) return fail(problem("syntax", "", messages.nestedTooDeep(MAX_DOCUMENT_DEPTH, first.linePos?.[0].line ?? 1)));
    // The first error locates the mistake; later ones are usually its echoes. Keep its first line.
    return fail(problem("syntax", "", messages.syntax("YAML", first.message.split("\n")[0])));
  }
  const deep = yamlTooDeepAt(doc.contents, MAX_DOCUMENT_DEPTH);
  if (deep !== undefined) return fail(problem("syntax", "", messages.nestedTooDeep(MAX_DOCUMENT_DEPTH, lineCounter.linePos(deep).line)));
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (e) {
    // e.g. an alias bomb past maxAliasCount
    return fail(problem("syntax", "", messages.syntax("YAML", e instanceof Error ? e.message : String(e))));
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

/** Adds "line L, column C" to a JSON.parse message that only gives a character position. */
function withLineColumn(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  const column = Number(m[1]) - before.lastIndexOf("\n");
  return `${message} (line ${line}, column ${column})`;
}

/**
 * The format of scenario text with no file name (standard input, the pane's paste box): JSON
 * when it starts with `{` or `[`, else YAML.
 * @example formatOfText(' {"name": "A"}') // returns "json"
 * @example formatOfText("name: A") // returns "yaml"
 */
export function formatOfText(text: string): ScenarioFormat {
  return /^\s*[{[]/.test(text) ? "json" : "yaml";
}
