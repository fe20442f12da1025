/** Jest globalTeardown of the integration project: stops the shared preview server. */
import { ChildProcess } from "child_process";

export default async function integrationTeardown(): Promise<void> {
  (globalThis as { __chokepointPreview?: ChildProcess }).__chokepointPreview?.kill();
}
