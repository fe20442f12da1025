/** The CLI's only contact with the file system and the process streams. */
import * as fs from "fs";
import * as path from "path";
import { ScenarioFormat, formatOf, formatOfText } from "../engine";

/** Where output goes; commands write through this so they never touch `process` directly. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** ANSI styling allowed (stdout is a terminal and NO_COLOR is not set). */
  readonly colour: boolean;
}

export type Source =
  | { readonly ok: true; readonly text: string; readonly format: ScenarioFormat; readonly label: string }
  | { readonly ok: false; readonly message: string };

/**
 * Reads a scenario file, or stdin for "-". The format comes from the extension; stdin is
 * JSON when it starts with `{`, else YAML (YAML error messages are poor for broken JSON).
 */
export function readSource(file: string): Source {
  if (file === "-") {
    const text = readOrError(0, "standard input");
    if (typeof text !== "string") return text;
    return { ok: true, text, format: formatOfText(text), label: "<stdin>" };
  }
  const text = readOrError(file, JSON.stringify(file));
  if (typeof text !== "string") return text;
  return { ok: true, text, format: formatOf(file), label: file };
}

function readOrError(target: string | number, label: string): string | { ok: false; message: string } {
  try {
    return fs.readFileSync(target, "utf8");
  } catch (e) {
    return { ok: false, message: `cannot read ${label}: ${describeFsError(e)}` };
  }
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a directory, not a scenario file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** The package version, read at run time so lib/ needs no copy of package.json. */
export function packageVersion(): string {
  // Two levels up from both src/cli (ts-jest) and lib/cli (built).
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "unknown";
}

/** Output bound to the real process streams. */
export function processOutput(): Output {
  const env = process.env;
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    colour: Boolean(process.stdout.isTTY) && !env.NO_COLOR && env.TERM !== "dumb",
  };
}
