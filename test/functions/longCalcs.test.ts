/**
 * The registered CHIPS.SIMULATE, SENSITIVITY and SENSITIVITY_GRID: Promises that spill exactly
 * what their synchronous halves spill, answered in place when small and by the worker when
 * large; bad ranges rejected before any worker is involved; Excel's cancellation stops the
 * worker (the running call) or drops the call (a queued one).
 */
import fs from "fs";
import path from "path";
import { SENSITIVITY, SENSITIVITY_GRID, SIMULATE } from "../../src/functions/functions";
import { CalcWorker, calcClient } from "../../src/functions/calcClient";
import { ASYNC_FROM_EVALUATIONS, gridSpill, sensitivitySpill, simulateSpill, useCalcClient } from "../../src/functions/longCalcs";
import { FakeCalcWorker } from "../support/calcWorker";
import { FakeCustomFunctionsError, installCustomFunctions, outcome } from "../support/customFunctions";
import { distributionsFromBlock, rect, tablesFromDoc } from "./scenarioTables";

beforeAll(installCustomFunctions);
afterEach(() => useCalcClient(undefined));

const DOC = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/uncertainty/monte-carlo.json"), "utf8"));
const { policy, buyers } = tablesFromDoc(DOC);
const BUYERS = rect(buyers);
const POLICY = rect(policy);
const DISTRIBUTIONS = rect(distributionsFromBlock(DOC.uncertainty.inputs));
const SWINGS = [["input", "low", "high"], ["china.approvalRate", 0.4, 0.8], ["china.cap.ratio", 0.5, 1.5]];
const column = (values: unknown[]) => values.map((v) => [v]);
const LARGE = ASYNC_FROM_EVALUATIONS * 2;
const SMALL = Math.floor(ASYNC_FROM_EVALUATIONS / 4);
/** A grid of 50 × 50 = 2,500 evaluations (≥ the threshold). */
const AXIS = (name: string, from: number, to: number) => column([name, ...Array.from({ length: 50 }, (_, i) => from + ((to - from) * i) / 49)]);

/** Installs a client whose workers are FakeCalcWorkers, kept in spawn order. */
function withWorkers(): FakeCalcWorker[] {
  const workers: FakeCalcWorker[] = [];
  useCalcClient(
    calcClient(() => {
      const w = new FakeCalcWorker();
      workers.push(w);
      return w;
    }),
  );
  return workers;
}

const sent = (workers: FakeCalcWorker[]) => workers.flatMap((w) => w.received.map((r) => r.work.fn));

/** The Excel error a rejected promise carries, as { code, message }. */
async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected the call to reject with an Excel error");
}

/** A CancelableInvocation as Excel passes it: the function sets onCanceled, Excel calls it. */
const invocation = (): CustomFunctions.CancelableInvocation => ({ onCanceled: undefined as unknown as () => void }) as CustomFunctions.CancelableInvocation;

describe("without a worker (Jest, hosts without Web Workers)", () => {
  test("SIMULATE resolves to the synchronous spill", async () => {
    const p = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, [["totals.shipped"]], [[LARGE]], [[4]]);
    expect(p).toBeInstanceOf(Promise);
    expect(await p).toEqual(simulateSpill(BUYERS, POLICY, DISTRIBUTIONS, [["totals.shipped"]], [[LARGE]], [[4]]));
  });
});

describe("with the worker", () => {
  test("a large SIMULATE runs in the worker and spills what the synchronous call spills", async () => {
    const workers = withWorkers();
    const spill = await SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, column(DOC.uncertainty.outputs), [[LARGE]], [[2026]], [[5, 50, 95]]);
    expect(sent(workers)).toEqual(["simulate"]);
    expect(spill).toEqual(simulateSpill(BUYERS, POLICY, DISTRIBUTIONS, column(DOC.uncertainty.outputs), [[LARGE]], [[2026]], [[5, 50, 95]]));
    expect(spill[spill.length - 2]).toEqual(["iterations", ...DOC.uncertainty.outputs.map(() => LARGE)]);
  });

  test("a small SIMULATE and a short tornado are answered in place", async () => {
    const workers = withWorkers();
    expect(await SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[SMALL]])).toEqual(simulateSpill(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[SMALL]]));
    expect(await SENSITIVITY(BUYERS, POLICY, SWINGS, [["totals.shipped"]])).toEqual(sensitivitySpill(BUYERS, POLICY, SWINGS, [["totals.shipped"]]));
    expect(workers).toEqual([]);
  });

  test("a large SENSITIVITY_GRID runs in the worker and spills what the synchronous call spills", async () => {
    const workers = withWorkers();
    const args: [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]] = [BUYERS, POLICY, AXIS("china.approvalRate", 0.2, 1), AXIS("china.cap.ratio", 0.5, 2), [["totals.shipped"]]];
    const spill = await SENSITIVITY_GRID(...args);
    expect(sent(workers)).toEqual(["grid"]);
    expect(spill).toEqual(gridSpill(...args));
    expect(spill).toHaveLength(51);
  });

  test("a bad range is rejected with the synchronous call's Excel error, before any worker starts", async () => {
    const workers = withWorkers();
    const bad = [["input", "dist", "min", "max"], ["china.approvalRate", "uniform", 0.8, 0.4]];
    const e = await rejection(SIMULATE(BUYERS, POLICY, bad, null as never, [[LARGE]]));
    expect(e).toEqual(outcome(() => simulateSpill(BUYERS, POLICY, bad, null as never, [[LARGE]])));
    expect(e.code).toBe("#NUM!");
    expect(workers).toEqual([]);
  });

  test("a problem the engine finds in the worker is located in the caller's ranges, as in place", async () => {
    withWorkers();
    const args: [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]] = [BUYERS, POLICY, DISTRIBUTIONS, [["totals.nonsense"]], [[LARGE]]];
    const e = await rejection(SIMULATE(...args));
    expect(e).toEqual(outcome(() => simulateSpill(...args)));
    expect(e.message).toMatch(/output/);
  });

  test("cancelling the running call terminates its worker; the next call starts a fresh one", async () => {
    const workers = withWorkers();
    const running = invocation();
    const first = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]], null as never, null as never, null as never, running);
    expect(typeof running.onCanceled).toBe("function");
    running.onCanceled!();
    expect(workers[0].terminated).toBe(true);
    expect(await rejection(first)).toMatchObject({ code: "#N/A", message: expect.stringContaining("cancelled") });
    const second = await SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]]);
    expect(workers).toHaveLength(2);
    expect(second).toEqual(simulateSpill(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]]));
  });

  test("cancelling a queued call drops it and leaves the running one alone", async () => {
    const workers = withWorkers();
    const queued = invocation();
    const first = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]], [[1]]);
    const second = SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]], [[2]], null as never, null as never, queued);
    queued.onCanceled!();
    expect(await rejection(second)).toMatchObject({ code: "#N/A" });
    expect(await first).toEqual(simulateSpill(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]], [[1]]));
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    expect(workers[0].received).toHaveLength(1);
  });

  test("a worker that fails gives an Excel error, and the next call gets a new worker", async () => {
    const workers: CalcWorker[] = [];
    let fail = true;
    useCalcClient(
      calcClient(() => {
        const w = new FakeCalcWorker();
        if (fail) w.postMessage = () => setTimeout(() => w.onerror?.({ message: "out of memory" }), 0);
        fail = false;
        workers.push(w);
        return w;
      }),
    );
    expect(await rejection(SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]]))).toMatchObject({ code: "#N/A", message: expect.stringContaining("out of memory") });
    expect(await SIMULATE(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]])).toEqual(simulateSpill(BUYERS, POLICY, DISTRIBUTIONS, null as never, [[LARGE]]));
    expect(workers).toHaveLength(2);
  });
});
