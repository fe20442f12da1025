/** Scenario text (JSON or YAML) → a validated Scenario, with problems located by field path. */
import { parseDocument } from "yaml";
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
  const parsed = parseText(text, format);
  return parsed.ok ? validateScenario(parsed.value) : parsed;
}

function parseText(text: string, format: ScenarioFormat): Result<unknown> {
  if (format === "json") {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (e) {
      return fail(problem("syntax", "", messages.syntax("JSON", withLineColumn(text, e instanceof Error ? e.message : String(e)))));
    }
  }
  // YAML 1.2 core schema: no custom tags, so no code or class instances can come out of a file.
  const doc = parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    // The first error locates the mistake; later ones are usually its echoes. Keep its first line.
    return fail(problem("syntax", "", messages.syntax("YAML", doc.errors[0].message.split("\n")[0])));
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (e) {
    // e.g. an alias bomb past maxAliasCount
    return fail(problem("syntax", "", messages.syntax("YAML", e instanceof Error ? e.message : String(e))));
  }
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
