/**
 * `chips scenarios [NAME] [--json]`: list the built-in scenarios, or print one as an editable
 * scenario file — YAML with each number's source as a comment above it, or JSON — both with the
 * "x-sources" map the report cites from, so a user can start from a built-in story and change it.
 */
import { Document, isMap, isScalar, isSeq, Node } from "yaml";
import { BUILT_IN_SCENARIOS, BuiltInScenario, citation, eventById, factById, oneLine } from "../../engine";
import { EXIT, ExitCode } from "../exitCodes";
import { Output } from "../io";

export interface ScenariosArgs {
  readonly name?: string;
  readonly json: boolean;
}

export const scenariosMessages = {
  unknown: (name: string) => `scenarios: no built-in scenario ${JSON.stringify(name)}; built-ins: ${BUILT_IN_SCENARIOS.map((s) => s.id).join(", ")}`,
} as const;

export function scenariosCommand(args: ScenariosArgs, output: Output): ExitCode {
  if (args.name === undefined) {
    output.out(args.json ? JSON.stringify(BUILT_IN_SCENARIOS.map((s) => ({ id: s.id, name: s.document.name, description: s.narrative })), null, 2) + "\n" : listing());
    return EXIT.ok;
  }
  const found = BUILT_IN_SCENARIOS.find((s) => s.id === args.name || s.document.name === args.name);
  if (!found) {
    output.err(`${oneLine(scenariosMessages.unknown(args.name))}\n`);
    return EXIT.input;
  }
  output.out(args.json ? JSON.stringify(found.document, null, 2) + "\n" : scenarioYaml(found));
  return EXIT.ok;
}

/** One line per built-in: its id (what `chips scenarios NAME` takes) and its name. */
function listing(): string {
  const width = Math.max(...BUILT_IN_SCENARIOS.map((s) => s.id.length));
  return BUILT_IN_SCENARIOS.map((s) => `${s.id.padEnd(width)}  ${s.document.name}`).join("\n") + "\n";
}

/**
 * What a provenance entry says, for a comment: a fact's or event's id with its citation, or
 * the ILLUSTRATIVE mark and the reason.
 * @example sourceComment("illustrative: a run size") // returns "ILLUSTRATIVE: a run size"
 */
export function sourceComment(entry: string): string {
  if (entry.startsWith("illustrative")) return `ILLUSTRATIVE: ${entry.replace(/^illustrative:?\s*/, "")}`;
  const fact = factById(entry);
  if (fact) return `source: ${fact.id} (${citation(fact)})`;
  const event = eventById(entry);
  if (event) return `source: ${event.id} (${event.source.publisher ?? event.source.title}, ${event.date}, confidence ${event.confidence})`;
  return `source: ${entry}`;
}

/**
 * A provenance path as keys and indices, matching the document's own keys (an uncertainty
 * input's key may itself contain dots, as in "inputs.china.approvalRate.min"): undefined when
 * the path names no field.
 */
export function pathKeys(root: unknown, path: string): (string | number)[] | undefined {
  const keys: (string | number)[] = [];
  let node: unknown = root;
  let rest = path;
  while (rest !== "") {
    const index = /^\[(\d+)\]/.exec(rest);
    if (index && Array.isArray(node)) {
      keys.push(Number(index[1]));
      node = node[Number(index[1])];
      rest = rest.slice(index[0].length).replace(/^\./, "");
      continue;
    }
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    const candidates = Object.keys(node).filter((k) => rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`));
    const key = candidates.sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return undefined;
    keys.push(key);
    node = (node as Record<string, unknown>)[key];
    rest = rest.slice(key.length).replace(/^\./, "");
  }
  return keys;
}

/**
 * The node to hang a comment on: the key of the map entry the path ends at, or, for an
 * element of a one-line list (market.supply[0]), the list's key, the comment then naming
 * the element ("[0] ...").
 */
function commentTarget(doc: Document, keys: readonly (string | number)[]): { node: Node; label: string } | undefined {
  let end = keys.length;
  while (end > 0 && typeof keys[end - 1] === "number" && isFlowList(doc.getIn(keys.slice(0, end - 1), true))) end--;
  const label = keys.slice(end).map((k) => `[${k}]`).join("");
  const parent = end === 1 ? doc.contents : doc.getIn(keys.slice(0, end - 1), true);
  const last = keys[end - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    return pair && isScalar(pair.key) ? { node: pair.key, label } : undefined;
  }
  if (isSeq(parent) && typeof last === "number") {
    const item = parent.items[last];
    return isScalar(item) || isMap(item) || isSeq(item) ? { node: item, label } : undefined;
  }
  return undefined;
}

const isFlowList = (node: unknown): boolean => isSeq(node) && node.flow === true;

/** Lists of plain values (per-period numbers, periods) on one line, as a person would write them. */
function flowScalarLists(node: unknown): void {
  if (isSeq(node)) {
    if (node.items.every((i) => isScalar(i))) node.flow = true;
    else node.items.forEach(flowScalarLists);
  } else if (isMap(node)) {
    node.items.forEach((p) => flowScalarLists(p.value));
  }
}

/** The built-in as a YAML scenario file: a header, every field with its source as a comment above it, then the x-sources map. */
export function scenarioYaml(builtIn: BuiltInScenario): string {
  const { "x-sources": sources, ...fields } = builtIn.document;
  const doc = new Document(fields);
  flowScalarLists(doc.contents);
  for (const [path, entry] of Object.entries(sources)) {
    const keys = pathKeys(fields, path);
    const target = keys && commentTarget(doc, keys);
    if (!target) continue;
    const text = ` ${target.label ? `${target.label} ` : ""}${sourceComment(entry)}`;
    target.node.commentBefore = target.node.commentBefore ? `${target.node.commentBefore}\n${text}` : text;
  }
  // The map itself too, at the end: the report's Assumptions sheet cites from it.
  const map = doc.contents;
  if (isMap(map)) {
    const key = doc.createNode("x-sources");
    key.commentBefore = " The same sources as a map (field path -> fact id, event id, or illustrative: why), read by chips report.";
    map.items.push(doc.createPair(key, sources));
  }
  doc.commentBefore = [
    ` Built-in scenario "${builtIn.id}": ${builtIn.document.name}.`,
    " Each number's source is the comment above it: a fact of the baseline data set with its",
    " citation, or ILLUSTRATIVE and why. Edit it and run: chips evaluate FILE.yaml",
  ].join("\n");
  return doc.toString({ lineWidth: 0 });
}
