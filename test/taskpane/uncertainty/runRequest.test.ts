/**
 * The simulation worker's logic, called directly (no Worker): the same seed gives the same
 * numbers as the engine's simulate(), progress is reported in order, the tornado is the
 * engine's, and bad specs come back as located problems, never exceptions.
 */
import fs from "fs";
import path from "path";
import fc from "fast-check";
import { readUncertainty, sensitivity, simulate, swingInputsFrom, validateScenario } from "../../../src/engine";
import { handleMessage } from "../../../src/taskpane/uncertainty/handleMessage";
import { RunOutcome, RunRequest, WorkerReply } from "../../../src/taskpane/uncertainty/protocol";
import { runRequest } from "../../../src/taskpane/uncertainty/runRequest";
import { lawRuns } from "../../support/lawRuns";

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../examples/uncertainty/monte-carlo.json"), "utf8")) as Record<string, unknown>;
const example = () => structuredClone(EXAMPLE) as Record<string, unknown> & { uncertainty: { inputs: Record<string, unknown> } };

function collect(request: RunRequest): { replies: WorkerReply[]; outcome: RunOutcome } {
  const replies: WorkerReply[] = [];
  const outcome = runRequest(request, (r) => replies.push(r));
  return { replies, outcome };
}

const engineRun = (doc: unknown, iterations: number, seed: number) => {
  const scenario = validateScenario(doc);
  if (!scenario.ok) throw new Error("example invalid");
  const spec = readUncertainty(scenario.value.uncertainty, { iterations, seed });
  if (!spec.ok) throw new Error("spec invalid");
  return { scenario: scenario.value, spec: spec.value, result: simulate(scenario.value, spec.value) };
};

describe("runRequest", () => {
  test("the same seed gives the same summaries as calling simulate directly", () => {
    const { outcome } = collect({ kind: "run", id: 3, document: example(), iterations: 3000, seed: 7 });
    const { result } = engineRun(example(), 3000, 7);
    if (outcome.status !== "done" || !result.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.results.simulation.outputs).toEqual(result.value.outputs);
    expect(outcome.results.simulation).toMatchObject({ iterations: 3000, seed: 7, mode: result.value.mode });
    // the samples stay in the worker: a large run would copy hundreds of MB otherwise
    expect(Object.keys(outcome.results.simulation)).not.toContain("samples");
  });

  test("running twice with one seed is deterministic; another seed differs", () => {
    const a = collect({ kind: "run", id: 1, document: example(), iterations: 1000, seed: 11 }).outcome;
    const b = collect({ kind: "run", id: 2, document: example(), iterations: 1000, seed: 11 }).outcome;
    const c = collect({ kind: "run", id: 3, document: example(), iterations: 1000, seed: 12 }).outcome;
    if (a.status !== "done" || b.status !== "done" || c.status !== "done") throw new Error("not done");
    expect(a.results.simulation.outputs).toEqual(b.results.simulation.outputs);
    expect(c.results.simulation.outputs[0].mean).not.toBe(a.results.simulation.outputs[0].mean);
  });

  test("the chosen outputs are computed, and the tornado is the engine's sensitivity over the P10/P90 swings", () => {
    const outputs = ["totals.chinaRevenue", "totals.h20Equivalent"];
    const { outcome } = collect({ kind: "run", id: 1, document: example(), iterations: 500, seed: 1, outputs });
    if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
    expect(outcome.results.simulation.outputs.map((o) => o.output)).toEqual(outputs);
    const { scenario, spec } = engineRun(example(), 500, 1);
    const expected = sensitivity(scenario, { inputs: swingInputsFrom(scenario, spec.inputs), outputs });
    expect(outcome.results.tornado).toEqual(expected);
  });

  test("progress rises to 1 in at most ~100 messages, all for this run, then one outcome", () => {
    const { replies } = collect({ kind: "run", id: 9, document: example(), iterations: 20000, seed: 1 });
    const progress = replies.filter((r) => r.kind === "progress").map((r) => (r.kind === "progress" ? r.fraction : NaN));
    expect(progress.length).toBeGreaterThan(20);
    expect(progress.length).toBeLessThanOrEqual(102);
    progress.forEach((f, i) => i > 0 && expect(f).toBeGreaterThan(progress[i - 1]));
    expect(progress[progress.length - 1]).toBe(1);
    expect(replies.every((r) => r.id === 9)).toBe(true);
    expect(replies.filter((r) => r.kind === "outcome")).toHaveLength(1);
    expect(replies[replies.length - 1].kind).toBe("outcome");
  });

  test("an aborted signal stops the run with a cancelled outcome", () => {
    const outcome = runRequest({ kind: "run", id: 1, document: example(), iterations: 100000 }, () => {}, { aborted: true });
    expect(outcome.status).toBe("cancelled");
  });
});

describe("bad specs come back as located problems", () => {
  const problemsOf = (edit: (doc: ReturnType<typeof example>) => void, request: Partial<RunRequest> = {}) => {
    const doc = example();
    edit(doc);
    const { outcome } = collect({ kind: "run", id: 1, document: doc, iterations: 100, ...request });
    if (outcome.status !== "problems") throw new Error(`expected problems, got ${outcome.status}`);
    return outcome.problems.map((p) => p.path);
  };

  test("a distribution outside the field's range names the input", () => {
    expect(problemsOf((d) => (d.uncertainty.inputs["china.approvalRate"] = { dist: "uniform", min: 0.4, max: 1.5 }))).toEqual(['uncertainty.inputs["china.approvalRate"]']);
  });

  test("an unknown distribution names its dist field; a missing parameter names that parameter", () => {
    expect(problemsOf((d) => (d.uncertainty.inputs["china.approvalRate"] = { dist: "uniforn", min: 0, max: 1 }))).toEqual(['uncertainty.inputs["china.approvalRate"].dist']);
    expect(problemsOf((d) => (d.uncertainty.inputs["china.approvalRate"] = { dist: "triangular", min: 0, max: 1 }))).toEqual(['uncertainty.inputs["china.approvalRate"].mode']);
  });

  test("a path that cannot vary, a wrong kind of distribution, a bad output, iterations and seed", () => {
    expect(problemsOf((d) => (d.uncertainty.inputs["china.nope"] = { dist: "uniform", min: 0, max: 1 }))).toEqual(['uncertainty.inputs["china.nope"]']);
    expect(problemsOf((d) => (d.uncertainty.inputs["china.publicSectorBan"] = { dist: "uniform", min: 0, max: 1 }))).toEqual(['uncertainty.inputs["china.publicSectorBan"].dist']);
    expect(problemsOf(() => {}, { outputs: ["totals.chinaRevenue", "totals.nope"] })).toEqual(["uncertainty.outputs[1]"]);
    expect(problemsOf(() => {}, { iterations: 0 })).toEqual(["uncertainty.iterations"]);
    expect(problemsOf(() => {}, { seed: -1 })).toEqual(["uncertainty.seed"]);
  });

  test("an invalid scenario names the scenario's field; no block names the inputs", () => {
    expect(new Set(problemsOf((d) => ((d.china as Record<string, unknown>).approvalRate = 2)))).toEqual(new Set(["china.approvalRate"]));
    expect(problemsOf((d) => delete (d as Record<string, unknown>).uncertainty)).toEqual(["uncertainty.inputs"]);
  });

  test("handleMessage never throws: any uncertainty block gives exactly one outcome, problems with a path", () => {
    fc.assert(
      fc.property(fc.anything(), (block) => {
        const replies: WorkerReply[] = [];
        handleMessage({ kind: "run", id: 5, document: { ...example(), uncertainty: block }, iterations: 10 }, (r) => replies.push(r));
        const outcomes = replies.filter((r) => r.kind === "outcome");
        expect(outcomes).toHaveLength(1);
        const outcome = outcomes[0].kind === "outcome" ? outcomes[0].outcome : undefined;
        expect(["problems", "done"]).toContain(outcome?.status); // a random block is all but never valid
        if (outcome?.status === "problems") for (const p of outcome.problems) expect(typeof p.path).toBe("string");
      }),
      lawRuns(2),
    );
  });

  test("handleMessage answers a message that is not a run request with a problem", () => {
    const replies: WorkerReply[] = [];
    handleMessage("hello", (r) => replies.push(r));
    expect(replies).toEqual([{ kind: "outcome", id: -1, outcome: { status: "problems", problems: [expect.objectContaining({ path: "" })] } }]);
  });
});
