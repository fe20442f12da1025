/**
 * Test helpers for the `chips` CLI. `chips()` runs the command in-process through `main()` (the same
 * function bin/chips.js calls), which is what most tests need; `chipsProcess()` spawns the real
 * `bin/chips.js` for what only a process shows: exit codes, stdout/stderr separation, stdin, the shim.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "chips.js");
const LOCK = path.join(ROOT, "lib", ".chips-test-build.lock");
/** Written after a complete build: lib/cli/main.js alone may be new while tsc is still emitting. */
const STAMP = path.join(ROOT, "lib", ".chips-test-build.stamp");

export interface ChipsRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** An in-process run always has an exit status (a spawned one may have none: killed by a signal). */
export interface InProcessRun extends ChipsRun {
  readonly status: number;
}

/** Runs `chips ...args` in-process for a command that finishes synchronously (all but `report`). */
export function chips(args: readonly string[]): InProcessRun {
  const { output, run } = capture();
  const status = main(args, output);
  if (typeof status !== "number") throw new Error(`chips ${args.join(" ")} is asynchronous: use chipsAsync`);
  return run(status);
}

/** Runs `chips ...args` in-process and waits for it (`report` writes files asynchronously). */
export async function chipsAsync(args: readonly string[]): Promise<InProcessRun> {
  const { output, run } = capture();
  return run(await main(args, output));
}

function capture() {
  let stdout = "";
  let stderr = "";
  const output = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), colour: false };
  return { output, run: (status: number): InProcessRun => ({ status, stdout, stderr }) };
}

/** Runs `node bin/chips.js ...args` from the repo root, optionally feeding stdin (needs ensureBuilt()). */
export function chipsProcess(args: readonly string[], input?: string): ChipsRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CHIPS_DEBUG: undefined },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const example = (name: string): string => path.join("examples", name);
export const fixture = (name: string): string => path.join("test", "cli", "fixtures", name);

/**
 * Compiles src/cli + src/engine + src/report into lib/ unless lib/ is newer than every source. Jest runs
 * test files in parallel workers, so a lock directory (mkdir is atomic) keeps one tsc at a time.
 */
export function ensureBuilt(): void {
  if (isFresh()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}; remove it if no build is running`);
      sleep(200);
    }
  }
  try {
    if (isFresh(true)) return; // another worker built it while we waited
    const started = new Date();
    const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`tsc -p tsconfig.cli.json failed:\n${r.stdout}${r.stderr}`);
    fs.writeFileSync(STAMP, started.toISOString() + "\n");
    fs.utimesSync(STAMP, started, started); // a source edited during the build stays newer
  } finally {
    fs.rmdirSync(LOCK);
  }
}

function isFresh(holdingLock = false): boolean {
  if (!fs.existsSync(STAMP) || (!holdingLock && fs.existsSync(LOCK))) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return ["cli", "engine", "report"].every((dir) =>
    tsFiles(path.join(ROOT, "src", dir)).every((src) => {
      const out = path.join(ROOT, "lib", path.relative(path.join(ROOT, "src"), src)).replace(/\.ts$/, ".js");
      return fs.existsSync(out) && fs.statSync(src).mtimeMs <= built;
    }),
  );
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Output folders for `chips report` tests, under a temporary directory made before the file's
 * tests and removed after them: `out(name)` is a folder's path, `listing(dir)` its files, sorted.
 */
export function reportFolders(): { out: (name: string) => string; listing: (dir: string) => string[] } {
  let tmp = "";
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chips-report-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  return { out: (name) => path.join(tmp, name), listing: (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) };
}

/** Every chart as SVG and, beside it, PNG. */
export const withPngs = (svgs: readonly string[]): string[] => svgs.flatMap((f) => [f, f.replace(/\.svg$/, ".png")]);
