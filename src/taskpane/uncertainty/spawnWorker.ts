/**
 * Starts the bundled simulation worker. webpack 5 turns `new Worker(new URL("./worker.ts",
 * import.meta.url))` into a separate chunk served from the pane's own origin (Office webviews
 * may refuse blob: workers). Kept in its own file: Jest never imports it.
 */
import { WorkerLike } from "./runner";

export function spawnWorker(): WorkerLike {
  // tsconfig.json (typecheck, Jest) compiles to CommonJS, where import.meta is an error; the
  // web build (tsconfig.web.json, ES2020 modules) accepts it, so @ts-expect-error would fail there.
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore TS1343 under module=commonjs only
  return new Worker(/* webpackChunkName: "simulation-worker" */ new URL("./worker.ts", import.meta.url)) as unknown as WorkerLike;
}
