/** The custom functions as their JSDoc in src/functions/functions.ts declares them (the build's input). */
import fs from "fs";
import path from "path";

export interface DeclaredFunction {
  readonly id: string;
  readonly exportName: string;
  readonly params: readonly { readonly name: string; readonly optional: boolean; readonly description: string }[];
}

export function declaredFunctions(): DeclaredFunction[] {
  const source = fs.readFileSync(path.join(__dirname, "../../src/functions/functions.ts"), "utf8");
  const out: DeclaredFunction[] = [];
  for (const [, doc, exportName] of source.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export function (\w+)/g)) {
    const id = /@customfunction\s+(\w+)/.exec(doc)?.[1];
    if (!id) continue;
    const params = [...doc.matchAll(/@param\s+(\[?)(\w+)\]?\s+([^\n]*)/g)].map(([, bracket, name, description]) => ({ name, optional: bracket === "[", description: description.trim() }));
    out.push({ id, exportName, params });
  }
  return out;
}
