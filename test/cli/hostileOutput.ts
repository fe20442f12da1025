/** The CLI's contract for any input file, checked in-process: what a run may print and how it may exit. */
import fs from "fs";
import os from "os";
import path from "path";
import { MAX_PROBLEM_LINES } from "../../src/cli/problemLines";
import { MAX_LINE_LENGTH } from "../../src/engine";
import { InProcessRun, chipsAsync } from "./chips";

/** `chips ARGS` in this process, its streams captured (the CLI tests' one runner). */
export const run = chipsAsync;
export type Run = InProcessRun;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chips-hostile-"));
let count = 0;

/** Writes `text` to a fresh file with the extension of its format; returns its path. */
export function scenarioFile(text: string | Buffer, format: "json" | "yaml"): string {
  const file = path.join(dir, `s${count++}.${format}`);
  fs.writeFileSync(file, text);
  return file;
}

/** A key as a path shows it: `.name`, `[3]` or a JSON string in brackets. */
const SEGMENT = String.raw`(?:[A-Za-z_$][\w$-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
const PATH = new RegExp(String.raw`^${SEGMENT}(?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*: \S`);

/** A warning beside a valid scenario. */
const WARNING = new RegExp(PATH.source.replace(/: \\S$/, ": warning: \\S"));
/** The line of text a syntax problem quotes, and the caret under it, after the problem's line. */
const QUOTED = /^ {0,4}\d+ \| |^ +\| *\^$/;

/**
 * Checks one run of `chips evaluate FILE --json` against the contract: exit 0 with a JSON
 * evaluation whose figures are finite, >= 0 and shipped <= requested (stderr: warnings only); or
 * exit 2, nothing on stdout, and only bounded `path: message` lines (the path a field path, or the
 * file name), a syntax problem's followed by the line it quotes and a caret.
 */
export function expectContract(r: Run, file: string): void {
  expect([0, 2]).toContain(r.status);
  if (r.status === 0) {
    // Only plausibility warnings, one `path: warning: message` line each.
    for (const line of r.stderr.split("\n").slice(0, -1)) expect(line).toMatch(WARNING);
    const evaluation = JSON.parse(r.stdout) as { periods: { buyers: { shipped: number; revenue: number; steps: Record<string, number> }[]; totals: Record<string, number> }[] };
    for (const p of evaluation.periods) {
      for (const b of p.buyers) {
        for (const v of [b.shipped, b.revenue]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(b.shipped).toBeLessThanOrEqual(b.steps.requested);
      }
      expect(p.totals.shipped).toBeLessThanOrEqual(p.totals.requested * (1 + 1e-12));
    }
    return;
  }
  expect(r.stdout).toBe("");
  expect(r.stderr.endsWith("\n")).toBe(true);
  const lines = r.stderr.slice(0, -1).split("\n");
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(MAX_PROBLEM_LINES + 1);
  let previous: string | undefined;
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    if (QUOTED.test(line)) expect(previous !== undefined && (PATH.test(previous) || previous.startsWith(`${file}: `) || QUOTED.test(previous))).toBe(true);
    else if (!line.startsWith(`${file}: `)) expect(line).toMatch(PATH);
    previous = line;
    // eslint-disable-next-line no-control-regex -- no control character may reach the reader
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
  }
}
