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
const INPUTS = ["src", "assets", "scripts", "README.md", "manifest.xml", "webpack.config.js", "tsconfig.base.json", "tsconfig.web.json", "package-lock.json"];
const STALE_LOCK_MS = 5 * 60_000; // a lock this old belongs to a killed run
/** Give beforeAll this long: a cold build takes ~6 s alone, over 2 min on a 2-core machine shared by several builds. */
export const BUILD_TIMEOUT_MS = 600_000;

function inputHash(env: Readonly<Record<string, string>>): string {
  const hash = createHash("sha256");
  for (const [key, value] of Object.entries(env).sort()) hash.update(`--env ${key}=${value}\0`);
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

/**
 * Builds (or reuses) the production bundle for the current sources; returns its directory.
 * `env`: webpack `--env` settings (e.g. publicUrl), each set of them built once, in its own directory.
 */
export async function productionBuild(env: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = path.join(BASE, inputHash(env));
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
        await promisify(execFile)(process.execPath, [cli, "--mode", "production", "--env", `outDir=${dir}`, ...Object.entries(env).flatMap(([k, v]) => ["--env", `${k}=${v}`])], {
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

/** Builds of other --env settings for the same sources are kept: this many finished builds in all. */
const KEEP_BUILDS = 3;

/** Removes all but the newest finished builds (never `keep`, never one still being written). */
function pruneOlderBuilds(keep: string): void {
  const finished = fs
    .readdirSync(BASE)
    .map((name) => /^([0-9a-f]+)\.done$/.exec(name)?.[1])
    .filter((id): id is string => id !== undefined && id !== keep)
    .sort((a, b) => fs.statSync(path.join(BASE, `${b}.done`)).mtimeMs - fs.statSync(path.join(BASE, `${a}.done`)).mtimeMs);
  for (const id of finished.slice(KEEP_BUILDS - 1)) {
    fs.rmSync(path.join(BASE, id), { recursive: true, force: true });
    fs.rmSync(path.join(BASE, `${id}.done`), { force: true });
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
