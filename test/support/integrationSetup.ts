/**
 * Jest globalSetup of the integration project: one production build and one preview server for
 * every test file that needs them (before, each e2e file started its own server). Test files find
 * the server through CHOKEPOINT_PREVIEW_ORIGIN; without it (a file run outside this setup)
 * openPreview starts its own.
 */
import { ChildProcess, spawn } from "child_process";
import path from "path";
import { ROOT, productionBuild } from "./build";

export const PREVIEW_ORIGIN_ENV = "CHOKEPOINT_PREVIEW_ORIGIN";

/** Serves a build with scripts/preview.js on a random loopback port; resolves with its origin. */
export function startPreviewServer(dir: string): Promise<{ origin: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [path.join(ROOT, "scripts/preview.js"), dir], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`preview server exited with ${code}`)));
    server.stdout!.on("data", (b: Buffer) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(b.toString());
      if (m) resolve({ origin: `http://127.0.0.1:${m[1]}`, server });
    });
  });
}

export default async function integrationSetup(): Promise<void> {
  const { origin, server } = await startPreviewServer(await productionBuild());
  process.env[PREVIEW_ORIGIN_ENV] = origin; // workers start after this and inherit it
  (globalThis as { __chokepointPreview?: ChildProcess }).__chokepointPreview = server;
}
