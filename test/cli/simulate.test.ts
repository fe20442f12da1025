import { chips, ensureBuilt, example } from "./chips";

beforeAll(ensureBuilt);

test("chips simulate is reproducible from its seed, and the seed matters", () => {
  const a = chips(["simulate", example("uncertainty/monte-carlo.json"), "--iterations", "300", "--seed", "9", "--json"]);
  const b = chips(["simulate", example("uncertainty/monte-carlo.json"), "--iterations=300", "--seed=9", "--json"]);
  const c = chips(["simulate", example("uncertainty/monte-carlo.json"), "--iterations", "300", "--seed", "10", "--json"]);
  expect(a.status).toBe(0);
  expect(a.stdout).toBe(b.stdout);
  expect(c.stdout).not.toBe(a.stdout);
  const r = JSON.parse(a.stdout);
  expect(r).toMatchObject({ iterations: 300, seed: 9 });
  expect(Object.keys(r.outputs[0].percentiles)).toEqual(["P10", "P50", "P90"]);
});

test("chips simulate on a file without an uncertainty block names what is missing, exit 2", () => {
  const r = chips(["simulate", example("base.json")]);
  expect(r).toMatchObject({ status: 2, stdout: "" });
  expect(r.stderr).toMatch(/^uncertainty\.inputs: needs at least one uncertain input/);
});
