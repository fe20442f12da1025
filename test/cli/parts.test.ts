/** In-process checks of the CLI's small parts, including their doc-comment examples. */
import { parseArgs } from "../../src/cli/args";
import { percentChange, units, usdBillions, usdMillions } from "../../src/cli/format";
import { main } from "../../src/cli/main";
import { firstNonFinite } from "../../src/cli/nonFinite";
import { renderTable } from "../../src/cli/table";
import { Output } from "../../src/cli/io";
import * as path from "path";
import { ROOT } from "./chips";

const example = (name: string) => path.join(ROOT, "examples", name);

function capture(colour = false): Output & { stdout: string; stderr: string } {
  const o = { stdout: "", stderr: "", colour, out: (t: string) => void (o.stdout += t), err: (t: string) => void (o.stderr += t) };
  return o;
}

describe("args", () => {
  test("doc example", () => {
    expect(parseArgs(["a.json", "--json"], [{ name: "json" }])).toEqual({ ok: true, value: { positionals: ["a.json"], flags: new Set(["json"]) } });
  });
  test("- is a positional; -- ends options", () => {
    expect(parseArgs(["-", "--", "--json"], [{ name: "json" }])).toEqual({ ok: true, value: { positionals: ["-", "--json"], flags: new Set() } });
  });
  test("short flags and unknown flags", () => {
    expect(parseArgs(["-h"], [{ name: "help", short: "h" }])).toMatchObject({ ok: true });
    expect(parseArgs(["-x"], [{ name: "help", short: "h" }])).toEqual({ ok: false, message: "unknown option -x" });
  });
});

describe("format (locale-independent)", () => {
  test("doc examples", () => {
    expect(units(19499.6)).toBe("19,500");
    expect(usdMillions(1.62e9)).toBe("1,620");
    expect(usdBillions(4.42e9)).toBe("$4.4bn");
    expect(usdBillions(4.05e9)).toBe("$4.1bn"); // half-up on the decimal value, as the workbook shows it
    expect(percentChange(4.42e9, 2.8e9)).toBe("+57.9%");
  });
  test("edge cases", () => {
    expect(units(0)).toBe("0");
    expect(units(-0.2)).toBe("0");
    expect(units(1234567)).toBe("1,234,567");
    expect(percentChange(1, 0)).toBe("n/a");
    expect(percentChange(1, 2)).toBe("-50.0%");
  });
});

test("table: doc example and bottom-aligned two-line headers", () => {
  expect(renderTable([{ header: "A", align: "left" }], [["x"]])).toEqual(["A", "-", "x"]);
  const t = renderTable(
    [
      { header: "Name", align: "left" },
      { header: "Revenue\nUS$ m", align: "right" },
    ],
    [["ByteDance", "527"], "rule", ["Total", "1,620"]],
  );
  expect(t).toEqual(["           Revenue", "Name         US$ m", "------------------", "ByteDance      527", "------------------", "Total        1,620"]);
});

test("firstNonFinite: doc example", () => {
  expect(firstNonFinite({ a: [1, NaN] })).toBe("a[1]");
  expect(firstNonFinite({ a: [1, 2], b: { c: 3 } })).toBeUndefined();
});

describe("main", () => {
  test("bold headings only when colour is allowed", () => {
    const plain = capture(false);
    expect(main(["evaluate", example("base.json")], plain)).toBe(0);
    expect(plain.stdout).not.toContain("\x1b");
    const tty = capture(true);
    expect(main(["evaluate", example("base.json")], tty)).toBe(0);
    expect(tty.stdout).toContain("\x1b[1mFY2027Q1 - H200 units after each pipeline step\x1b[22m");
  });

  test("a bug becomes 'chips: internal error', exit 1, no stack trace", () => {
    const o = capture();
    o.out = () => {
      throw new Error("disk on fire");
    };
    expect(main(["--help"], o)).toBe(1);
    expect(o.stderr).toBe("chips: internal error: disk on fire\n");
  });
});
