/** Places in the caller's ranges: segments in, one text out; engine locations moved to the row they came from. */
import { problem } from "../../src/engine";
import { gridPlace, placeText, simulationPlace, swingPlace, unwrapAt } from "../../src/functions/rangePlaces";

const thrown = (body: () => unknown): string => {
  try {
    body();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an Excel error");
};

test.each([
  [["distributions"], "distributions"],
  [["distributions", "header", 3], "distributions header 3"],
  [["distributions", 2], "distributions row 2"],
  [["swings", 4, "low"], 'swings row 4, column "low"'],
  [["distributions", 2, "weights", 1], 'distributions row 2, column "weights" item 2'],
  [["output"], "output"],
  [["output", 1], "output[1]"],
  [["output", "totals.shipped"], 'output "totals.shipped"'],
  [["rowAxis", 2], "rowAxis[2]"],
])("%j is written %s", (at, text) => expect(placeText(at)).toBe(text));

test("an input's problem moves to its row and parameter column; a list item's index is dropped with the column kept", () => {
  const rows = new Map([["china.approvalRate", 3]]);
  expect(simulationPlace(["uncertainty", "inputs", "china.approvalRate", "values", 1], rows, ["a", "b"])).toEqual(["distributions", 3, "values"]);
  expect(simulationPlace(["uncertainty", "inputs", "not.given"], rows, ["a"])).toBeUndefined();
  expect(simulationPlace(["uncertainty", "outputs", 1], rows, ["a", "b"])).toEqual(["output", "b"]);
  expect(simulationPlace(["uncertainty", "outputs", 0], rows, ["a"])).toEqual(["output"]);
  expect(simulationPlace(["uncertainty", "iterations"], rows, ["a"])).toEqual(["iterations"]);
  expect(swingPlace(["outputs", 0], [2])).toEqual(["output"]);
  expect(gridPlace(["rows", "path"])).toEqual(["rowAxis"]);
  expect(gridPlace(["buyers", 0, "requested"])).toBeUndefined();
});

test("unwrapAt writes each moved problem at its place and leaves the others as the engine wrote them", () => {
  const failed = { ok: false as const, problems: [problem("range", ["inputs", 0, "low"], "too low"), problem("unknown", "rules header 2", "unknown field")] };
  expect(thrown(() => unwrapAt(failed, (at) => swingPlace(at, [5])))).toBe('swings row 5, column "low": too low; rules header 2: unknown field');
});
