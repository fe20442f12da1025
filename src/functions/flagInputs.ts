/** 1 and 0 typed for a flag input read as TRUE and FALSE, as every CHIPS flag argument reads them. */
import { InputValue, Scenario, UncertainInput, resolveInput } from "../engine";

/** `value` as a flag where the input at `path` is a flag; other values, and paths the engine will report, as they are. */
export function asFlagWhereFlag(scenario: Scenario, path: string, value: InputValue): InputValue {
  if (value !== 1 && value !== 0) return value;
  const slot = resolveInput(scenario, path);
  return typeof slot !== "string" && slot.input.kind === "boolean" ? value === 1 : value;
}

/** A choice's 1/0 values read as TRUE/FALSE where its input is a flag. */
export function choiceFlags(scenario: Scenario, inputs: readonly UncertainInput[]): UncertainInput[] {
  return inputs.map(({ path, distribution: d }) => ({ path, distribution: d.dist === "choice" ? { ...d, values: d.values.map((v) => asFlagWhereFlag(scenario, path, v)) } : d }));
}
