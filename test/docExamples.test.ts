/**
 * Every `@example` in the doc comments of src/ runs here (mathjs's habit), so the docs cannot rot.
 *
 * Notation, one example per line:
 *   @example EXPR // returns EXPECTED            deep equality
 *   @example EXPR // returns ~EXPECTED           every number within 1e-9 relative ("to rounding")
 *   @example EXPR // returns EXPECTED ±TOL       every number within TOL (absolute), e.g. an approximation
 *   @example EXPR // returns EXPECTED — comment  the text after " — " is prose, not checked
 * EXPR may use `await`. Names in scope: the engine's and the report's public exports, the example's own
 * module's exports, and the fixtures below (`scenario`/`s` = examples/base.json, `mc` = the Monte Carlo
 * example, `doc` = its raw document, `inputs` = its uncertainty inputs, `output` = a captured CLI output,
 * `post`/`posted` = a worker's reply channel, `spawn` = an in-process worker, `calcWorker` = an in-process
 * calculation worker, `calcClient`, `reportFor`, `evaluated` = the Monte Carlo example evaluated, `bar` = a
 * progress bar).
 */
import { readFileSync, readdirSync } from "fs";
import { join, relative } from "path";
import * as engine from "../src/engine";
import * as report from "../src/report";
import { calcClient } from "../src/functions/calcClient";
import { reportFor } from "../src/taskpane/reportFor";
import { handleMessage } from "../src/taskpane/uncertainty/handleMessage";
import { WorkerLike } from "../src/taskpane/uncertainty/runner";
import { WorkerReply } from "../src/taskpane/uncertainty/protocol";
import { FakeCalcWorker } from "./support/calcWorker";

const SRC = join(__dirname, "../src");
const EXAMPLE = /@example (.+?) \/\/ returns (~?)(.+?)(?: ±([\d.e+-]+))?(?: — .*?)?(?: \*\/)?$/gm;

const files = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [join(d, e.name)] : []));

const readJson = (rel: string) => JSON.parse(readFileSync(join(__dirname, "..", rel), "utf8"));
const scenarioOf = (rel: string): engine.Scenario => {
  const parsed = engine.parseScenario(readFileSync(join(__dirname, "..", rel), "utf8"), "json");
  if (!parsed.ok) throw new Error(`${rel}: ${parsed.problems.map(engine.formatProblem).join("; ")}`);
  return parsed.value;
};

function fixtures(): Record<string, unknown> {
  const base = scenarioOf("examples/base.json");
  const doc = readJson("examples/uncertainty/monte-carlo.json");
  const mc = scenarioOf("examples/uncertainty/monte-carlo.json");
  const spec = engine.readUncertainty(doc.uncertainty);
  if (!spec.ok) throw new Error("the Monte Carlo example's uncertainty block is invalid");
  const posted: WorkerReply[] = [];
  const captured = { stdout: "", stderr: "" };
  /** A worker that runs the real message handler in this process. */
  const spawn = (): WorkerLike => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message: unknown) => handleMessage(message, (reply) => setTimeout(() => worker.onmessage?.({ data: reply } as MessageEvent<WorkerReply>))),
      terminate: () => undefined,
    };
    return worker;
  };
  return {
    scenario: base,
    calcWorker: () => new FakeCalcWorker(),
    calcClient,
    reportFor,
    evaluated: { scenario: mc, evaluation: engine.evaluate(mc) },
    s: base,
    mc,
    doc,
    inputs: spec.value.inputs,
    posted,
    post: (reply: WorkerReply) => posted.push(reply),
    spawn,
    bar: { value: 0 },
    output: { out: (t: string) => void (captured.stdout += t), err: (t: string) => void (captured.stderr += t), colour: false },
  };
}

const examples = files(SRC).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(EXAMPLE)].map((m) => ({ file: relative(SRC, file), expr: m[1], approx: m[2] === "~", expected: m[3], tolerance: m[4] === undefined ? undefined : Number(m[4]) })),
);

/** Every number within `tolerance` (absolute), else 1e-9 relative, recursively; everything else equal. */
function expectNear(actual: unknown, expected: unknown, tolerance: number | undefined, at = "value"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    const allowed = tolerance ?? 1e-9 * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= allowed)) throw new Error(`${at}: ${actual} is not within ${allowed} of ${expected}`);
  } else if (expected !== null && typeof expected === "object" && actual !== null && typeof actual === "object") {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected as object).sort());
    for (const k of Object.keys(expected as object)) expectNear((actual as never)[k], (expected as never)[k], tolerance, `${at}.${k}`);
  } else expect(actual).toEqual(expected);
}

test("every @example line says what it returns", () => {
  const lines = files(SRC).flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => (line.includes("@example") && !/@example .+? \/\/ returns /.test(line) ? [`${relative(SRC, file)}:${i + 1}`] : [])),
  );
  expect(lines).toEqual([]);
});

test("there are examples in every layer", () => {
  for (const dir of ["engine", "engine/uncertainty", "engine/rules", "engine/baseline", "report", "cli", "taskpane/uncertainty"])
    expect(examples.filter((e) => relative(dir, e.file).split("/").length === 1 && !relative(dir, e.file).startsWith("..")).length).toBeGreaterThan(0);
});

test.each(examples)("$file: $expr", async ({ file, expr, approx, expected, tolerance }) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const own = require(join(SRC, file)) as Record<string, unknown>;
  const scope: Record<string, unknown> = { ...engine, ...report, ...own, ...fixtures() };
  const run = (code: string): Promise<unknown> => new Function(...Object.keys(scope), `return (async () => (${code}))();`)(...Object.values(scope));
  const [actual, want] = [await run(expr), await run(expected)];
  if (approx || tolerance !== undefined) expectNear(actual, want, tolerance);
  else expect(actual).toEqual(want);
});
