/**
 * The production webpack build, run at most once per set of inputs and shared by every test
 * file (Jest runs files in separate workers, so the cache is on disk, guarded by a lock).
 * Output goes to test-artifacts/web-build/<hash of inputs>/, never dist/, so a developer's
 * dist/ is left alone. Tests only read these files: nothing opens a page or fetches a URL.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import { promisify } from "util";

export const ROOT = path.resolve(__dirname, "../..");
const BASE = path.join(ROOT, "test-artifacts", "web-build");
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.base.json", "tsconfig.web.json", "package-lock.json"];
const STALE_LOCK_MS = 5 * 60_000; // a lock this old belongs to a killed run
/** Give beforeAll this long: a cold build takes ~6 s, a busy CI machine several times that. */
export const BUILD_TIMEOUT_MS = 180_000;

function inputHash(): string {
  const hash = createHash("sha256");
  const visit = (rel: string): void => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) visit(path.join(rel, name));
    } else {
      hash.update(`${rel}\0`).update(fs.readFileSync(abs)).update("\0");
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lockAge(lock: string): number {
  try {
    return Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return 0; // just released
  }
}

/** Builds (or reuses) the production bundle for the current sources; returns its directory. */
export async function productionBuild(): Promise<string> {
  const dir = path.join(BASE, inputHash());
  const done = `${dir}.done`;
  const lock = `${dir}.lock`;
  if (fs.existsSync(done)) return dir;
  fs.mkdirSync(BASE, { recursive: true });

  // mkdir is atomic: the worker that creates the lock builds, the others wait for `done`.
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if (fs.existsSync(done)) return dir;
    if (lockAge(lock) > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
    await sleep(200);
  }
  try {
    if (!fs.existsSync(done)) {
      const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
      try {
        await promisify(execFile)(process.execPath, [cli, "--mode", "production", "--env", `outDir=${dir}`], {
          cwd: ROOT,
          maxBuffer: 16 * 1024 * 1024,
        });
      } catch (e) {
        const { stdout = "", stderr = "" } = e as { stdout?: string; stderr?: string };
        throw new Error(`production build failed:\n${stdout}\n${stderr}`);
      }
      fs.writeFileSync(done, `${new Date().toISOString()}\n`);
      pruneOlderBuilds(path.basename(dir));
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}

/** Removes finished builds of other inputs (never one still being written). */
function pruneOlderBuilds(keep: string): void {
  for (const name of fs.readdirSync(BASE)) {
    const m = /^([0-9a-f]+)\.done$/.exec(name);
    if (!m || m[1] === keep) continue;
    fs.rmSync(path.join(BASE, m[1]), { recursive: true, force: true });
    fs.rmSync(path.join(BASE, name), { force: true });
  }
}

/** Every file under `dir`, as sorted '/'-separated relative paths. */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else out.push(child);
    }
  };
  visit("");
  return out.sort();
}
