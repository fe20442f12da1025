/**
 * A custom rule's expression as an Excel formula, for reports in `native` mode (issue #7): "a rule
 * that uses only arithmetic, comparisons, `min`/`max` and conditionals becomes an Excel formula;
 * others fall back to values with a note saying why". The reason is that note.
 *
 * The expression is accepted exactly as the engine accepts it (compileRule, then the sandbox's own
 * parser and allowlist through checkExpression), and the formula is built from the checked tree,
 * never from the text. Every name becomes the cell reference `refs` gives for it.
 *
 * Mapping (engine semantics on the left, docs/model.md / sandbox.ts):
 * - `+ - * /` → the same; `x%` (which mathjs parses as x / 100) → `x/100`; implicit `2 units` → `2*units`.
 * - `^` and `pow(x, y)` → `^` and `POWER(x,y)`. Precedence is rebuilt, not copied: Excel's unary
 *   minus binds tighter than `^` (`-2^2` is 4 in Excel, -4 in mathjs) and Excel's `^` groups to the
 *   left (`2^3^2` is 64 in Excel, 512 in mathjs), so a negation's operand is bracketed unless it is
 *   an atom (`-(x^2)`), a negation is bracketed as any operand but the left one of `+ - * /` or a
 *   comparison (`2^(-x)`, `a*(-b)`, `(-a)^2`), and both operands of `^` are bracketed unless atoms.
 *   A right operand at the same level is bracketed too (`a-(b-c)`, and `a+(b+c)`, which rounds
 *   differently from `(a+b)+c`).
 * - `a mod b` → `MOD(a,b)`. Both take the floor of a/b, so the result has the divisor's sign
 *   (mathjs mod(-7, 3) = 2 = MOD(-7,3); mod(7, -3) = -2 = MOD(7,-3)). The engine gives `a` when
 *   b is 0 where Excel gives #DIV/0!, so unless b is a non-zero constant the formula is
 *   `IF(b=0,a,MOD(a,b))`.
 * - Comparisons `== != < <= > >=` → `= <> < <= > >=`; a chain `a < b <= c` → `AND(a<b,b<=c)`.
 *   Operands are numbers: a true/false operand becomes `IF(x,1,0)`, because Excel ranks TRUE
 *   above every number (TRUE > 5) where mathjs counts it as 1.
 * - `and or not` → `AND OR NOT` (nested same operators are flattened: `AND(a,b,c)`; nested IFs
 *   when a later operand can fail, see junction); `xor` →
 *   `a<>b` over true/false values (a number n becomes `n<>0`); this avoids XOR, which Excel files
 *   store as `_xlfn.XOR`. `c ? a : b` → `IF(c,a,b)`. `true`/`false` → `TRUE`/`FALSE`, or 1/0 where a
 *   number is expected.
 * - `min max abs sqrt exp` → `MIN MAX ABS SQRT EXP`; `log(x)` → `LN(x)`; `log(x, b)` →
 *   `LN(x)/LN(b)`, the engine's own formula; `round(x)`, `round(x, d)` → `ROUND(x,d)`: both round
 *   half away from zero on the decimal value (round(2.675, 2) = 2.68 = ROUND(2.675,2)); `d` must be a
 *   whole-number constant from 0 to 15 (the engine rejects other digits when the rule runs,
 *   Excel would not). `clamp(x, lo, hi)` → `MIN(MAX(x,lo),hi)`, guarded by `IF(lo>hi,NA(),…)` unless
 *   lo and hi are constants in order: the engine fails the rule when lo > hi, the cell shows #N/A.
 *
 * Refused (the note says why):
 * - `floor` and `ceil`: the engine snaps a value within 1e-12 (relative) of a whole number to it, so
 *   floor(100 * 0.29) is 29; Excel's INT and ROUNDDOWN do not (INT(28.999999999999996) is 28), and
 *   FLOOR/CEILING round towards zero for negative numbers. The cell could be off by one.
 * - A constant Excel cannot hold exactly: more than 15 significant digits, or subnormal.
 * - A name `refs` has no cell for, or gives something that is not a cell reference or defined name.
 * - A rule the engine rejects, or a formula over Excel's limits (8,192 characters, 64 levels).
 *
 * Documented differences, accepted (they are not silent wrong numbers in ordinary use):
 * - Comparisons: mathjs treats numbers within 1e-12 (relative; 1e-15 absolute) as equal. Excel and
 *   LibreOffice also compare with a tolerance (about 15 significant digits; LibreOffice's
 *   approxEqual is 2^-48 relative), so rounding noise such as 0.1 * 3 == 0.3 is equal on both sides;
 *   they differ only for values between about 1e-15 and 1e-12 apart, which a few floating-point
 *   operations do not produce. Refusing comparisons would refuse nearly every rule.
 * - Division by zero, overflow and domain errors: the engine goes through Infinity or NaN (and a rule
 *   giving one fails), Excel shows #DIV/0! or #NUM!. Where the engine recovers from one
 *   (`min(units, units / period)` at period 0), the cell shows the error instead of a number. `and`,
 *   `or` and chained comparisons stay lazy: AND/OR evaluate every argument, so when a later operand
 *   can fail they become nested IFs (`period > 0 and units / period > 9` → `IF(…>0,…>9,FALSE)`).
 *   `0^0` is 1 in the engine and LibreOffice, #NUM! in Excel.
 * - `mod` where a/b is within 1e-12 of a whole number without being one (0.3 mod 0.1): the engine
 *   snaps the quotient (result ≈ 0), LibreOffice does too, Excel's MOD may give ≈ b. With whole
 *   numbers (period, quarter, fiscalYear, counts), where `mod` is used, the two agree exactly.
 */
import type { MathNode } from "mathjs/number";
import { compileRule } from "./compileRule";
import { RULE_VOCABULARY } from "./ruleNames";
import { ValueKind, checkExpression } from "./sandbox";

export type ExcelFormulaResult = { readonly ok: true; readonly formula: string } | { readonly ok: false; readonly reason: string };

/** Excel's limits on a formula. */
export const EXCEL_MAX_FORMULA_LENGTH = 8192;
export const EXCEL_MAX_NESTING = 64;

/**
 * The formula body (no leading "=") computing a custom rule's expression, with each name replaced
 * by `refs(name)`; or why the rule cannot be a formula. Pure; never throws.
 * @example ruleToExcelFormula("period == 0 ? units * 0.8 : units", (n) => ({ period: "$B$2", units: "E7" })[n]) // returns { ok: true, formula: "IF($B$2=0,E7*0.8,E7)" }
 * @example ruleToExcelFormula("floor(units)", () => "E7").ok // returns false
 */
export function ruleToExcelFormula(expression: string, refs: (name: string) => string | undefined): ExcelFormulaResult {
  const rule = compileRule(expression);
  if (!rule.ok) return refuse(`the rule is not valid: ${rule.problems.map((p) => p.message).join("; ")}`);
  const checked = checkExpression(expression, RULE_VOCABULARY);
  if (!checked.ok) return refuse(`the rule is not valid: ${checked.problems.map((p) => p.message).join("; ")}`);
  let formula: string;
  try {
    formula = new Translator(refs).number(checked.value.tree);
  } catch (e) {
    if (e instanceof Refusal) return refuse(e.message);
    throw e;
  }
  if (formula.length > EXCEL_MAX_FORMULA_LENGTH) return refuse(`the formula would be ${formula.length} characters long, over Excel's ${EXCEL_MAX_FORMULA_LENGTH}`);
  if (bracketDepth(formula) > EXCEL_MAX_NESTING) return refuse(`the formula would nest more than Excel's ${EXCEL_MAX_NESTING} levels`);
  return { ok: true, formula };
}

const refuse = (reason: string): ExcelFormulaResult => ({ ok: false, reason });

class Refusal extends Error {}

/** Excel precedence, loosest first. An operand below its operator's level is bracketed. */
const enum Level {
  Compare = 0,
  Add = 1,
  Multiply = 2,
  Power = 3,
  Negate = 4,
  Atom = 5,
}

interface Emitted {
  readonly text: string;
  readonly level: Level;
  readonly kind: ValueKind;
}

const atom = (text: string, kind: ValueKind): Emitted => ({ text, level: Level.Atom, kind });
const bracket = (e: Emitted): string => `(${e.text})`;

const ARITHMETIC: ReadonlyMap<string, { op: string; level: Level }> = new Map([
  ["add", { op: "+", level: Level.Add }],
  ["subtract", { op: "-", level: Level.Add }],
  ["multiply", { op: "*", level: Level.Multiply }],
  ["divide", { op: "/", level: Level.Multiply }],
  ["pow", { op: "^", level: Level.Power }],
]);

const COMPARISONS: ReadonlyMap<string, string> = new Map([
  ["equal", "="],
  ["unequal", "<>"],
  ["smaller", "<"],
  ["larger", ">"],
  ["smallerEq", "<="],
  ["largerEq", ">="],
]);

const SIMPLE_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ["min", "MIN"],
  ["max", "MAX"],
  ["abs", "ABS"],
  ["sqrt", "SQRT"],
  ["exp", "EXP"],
  ["pow", "POWER"],
]);

const SNAPS =
  "has no exact Excel equivalent: the engine snaps a value within 1e-12 of a whole number to it (floor(100 * 0.29) is 29), " +
  "Excel's INT and ROUNDDOWN do not and FLOOR/CEILING round negative numbers towards zero, so the cell could be off by one";

const SHEET = String.raw`(?:'(?:[^'\[\]:*?/\\]|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}`;
const NAME = String.raw`[A-Za-z_\\][A-Za-z0-9_.]*`;
const REFERENCE = new RegExp(`^(?:${SHEET})?(?:${CELL}|${NAME})$`);

/** Read a node's fields through a plain record, as the sandbox does. */
const fields = (node: MathNode): Record<string, unknown> => node as unknown as Record<string, unknown>;

/** The node without its brackets. */
function unwrap(node: MathNode): MathNode {
  let n = node;
  while (n.type === "ParenthesisNode") n = fields(n).content as MathNode;
  return n;
}

/** The value of a constant number node such as `2`, `(-0.5)` or `+3`; undefined otherwise. */
function constantOf(node: MathNode): number | undefined {
  const n = unwrap(node);
  const f = fields(n);
  if (n.type === "ConstantNode") return typeof f.value === "number" ? f.value : undefined;
  if (n.type === "OperatorNode" && (f.fn === "unaryMinus" || f.fn === "unaryPlus")) {
    const v = constantOf((f.args as MathNode[])[0]);
    return v === undefined ? undefined : f.fn === "unaryMinus" ? -v : v;
  }
  return undefined;
}

function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") deepest = Math.max(deepest, ++depth);
    else if (ch === ")") depth--;
  }
  return deepest;
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Refusal(`the constant ${x} is not a finite number`);
  if (x !== 0 && Math.abs(x) < 2.2250738585072014e-308) throw new Refusal(`the constant ${x} is too small for Excel, which stores it as 0`);
  if (Number(x.toPrecision(15)) !== x) throw new Refusal(`the constant ${x} has more than 15 significant digits, which Excel does not keep`);
  return String(x).replace("e", "E");
}

/** Builds the formula; throws Refusal. The tree has passed the sandbox's checks, so its shapes are known. */
class Translator {
  constructor(private readonly refs: (name: string) => string | undefined) {}

  /** The node as a number-valued formula (true/false becomes 1/0). */
  number(node: MathNode): string {
    return this.numeric(node).text;
  }

  private numeric(node: MathNode): Emitted {
    const e = this.emit(node);
    if (e.kind === "number") return e;
    if (e.text === "TRUE") return atom("1", "number");
    if (e.text === "FALSE") return atom("0", "number");
    return atom(`IF(${e.text},1,0)`, "number");
  }

  /** The node as a true/false formula (a number is true when it is not 0). */
  private logical(node: MathNode): Emitted {
    const e = this.emit(node);
    if (e.kind === "boolean") return e;
    return { text: `${operand(e, Level.Compare)}<>0`, level: Level.Compare, kind: "boolean" };
  }

  /** As an IF condition or AND/OR/NOT argument, where Excel reads a non-zero number as TRUE itself. */
  private condition(node: MathNode): string {
    return this.emit(node).text;
  }

  private emit(node: MathNode): Emitted {
    const f = fields(node);
    switch (node.type) {
      case "ParenthesisNode":
        return this.emit(f.content as MathNode);
      case "ConstantNode":
        if (typeof f.value === "boolean") return atom(f.value ? "TRUE" : "FALSE", "boolean");
        return atom(formatNumber(f.value as number), "number");
      case "SymbolNode":
        return this.symbol(String(f.name));
      case "OperatorNode":
        return this.operator(String(f.fn), f.args as MathNode[]);
      case "RelationalNode":
        return this.chain(f.conditionals as string[], f.params as MathNode[]);
      case "ConditionalNode": {
        const whenTrue = this.emit(f.trueExpr as MathNode);
        const whenFalse = this.emit(f.falseExpr as MathNode);
        return atom(`IF(${this.condition(f.condition as MathNode)},${whenTrue.text},${whenFalse.text})`, whenTrue.kind);
      }
      case "FunctionNode":
        return this.call(String(fields(f.fn as MathNode).name), f.args as MathNode[]);
      default:
        throw new Refusal(`${node.type} has no Excel equivalent`);
    }
  }

  private symbol(name: string): Emitted {
    const kind = RULE_VOCABULARY.get(name);
    if (kind === undefined) throw new Refusal(`${name} is not a rule name`);
    const ref = this.refs(name);
    if (ref === undefined) throw new Refusal(`no cell in the workbook holds \`${name}\``);
    if (typeof ref !== "string" || !REFERENCE.test(ref) || /^(TRUE|FALSE)$/i.test(ref)) {
      throw new Refusal(`the cell given for \`${name}\` (${JSON.stringify(ref)}) is not a cell reference`);
    }
    return atom(ref, kind);
  }

  private operator(fn: string, args: readonly MathNode[]): Emitted {
    const arithmetic = ARITHMETIC.get(fn);
    if (arithmetic) {
      const [a, b] = args.map((x) => this.numeric(x));
      const { op, level } = arithmetic;
      // Left-to-right grouping agrees with mathjs for + - * /; for ^ (right-grouping in mathjs) bracket both sides.
      const left = level === Level.Power ? operand(a, level + 1) : leftOperand(a, level);
      return { text: `${left}${op}${operand(b, level + 1)}`, level, kind: "number" };
    }
    const comparison = COMPARISONS.get(fn);
    if (comparison) return this.chain([fn], args);
    switch (fn) {
      case "unaryMinus": {
        const a = this.numeric(args[0]);
        return { text: `-${operand(a, Level.Atom)}`, level: Level.Negate, kind: "number" };
      }
      case "unaryPlus":
        return this.numeric(args[0]);
      case "mod": {
        const [a, b] = args.map((x) => this.numeric(x));
        const divisor = constantOf(args[1]);
        const mod = `MOD(${a.text},${b.text})`;
        return atom(divisor !== undefined && divisor !== 0 ? mod : `IF(${operand(b, Level.Add)}=0,${a.text},${mod})`, "number");
      }
      case "and":
      case "or":
        return this.junction(fn, this.flatten(fn, args));
      case "not":
        return atom(`NOT(${this.condition(args[0])})`, "boolean");
      case "xor": {
        const [a, b] = args.map((x) => this.logical(x));
        return { text: `${operand(a, Level.Add)}<>${operand(b, Level.Add)}`, level: Level.Compare, kind: "boolean" };
      }
      default:
        throw new Refusal(`the operator ${fn} has no Excel equivalent`);
    }
  }

  /** The operands of nested `and`s (or `or`s), as one list. */
  private flatten(fn: string, args: readonly MathNode[]): MathNode[] {
    return args.flatMap((arg) => {
      const n = unwrap(arg);
      const f = fields(n);
      return n.type === "OperatorNode" && f.fn === fn ? this.flatten(fn, f.args as MathNode[]) : [arg];
    });
  }

  /**
   * `AND(a,b,…)` / `OR(a,b,…)`; but Excel evaluates every argument where the engine stops at the
   * first that decides, so when a later operand can fail (`period > 0 and units / period > 9` at
   * period 0) the formula is `IF(a,IF(b,…,FALSE),FALSE)` / `IF(a,TRUE,IF(b,TRUE,…))`, as lazy as the engine.
   */
  private junction(fn: string, operands: readonly MathNode[]): Emitted {
    if (!operands.slice(1).some(canFail)) return atom(`${fn.toUpperCase()}(${operands.map((o) => this.condition(o)).join(",")})`, "boolean");
    const [first, ...rest] = operands;
    const tail = rest.length === 1 ? this.logical(rest[0]).text : this.junction(fn, rest).text;
    return atom(fn === "and" ? `IF(${this.condition(first)},${tail},FALSE)` : `IF(${this.condition(first)},TRUE,${tail})`, "boolean");
  }

  /** `a<b`, or a chain `AND(a<b,b<=c)`, nested IFs when a later operand can fail (see junction). */
  private chain(conditionals: readonly string[], params: readonly MathNode[]): Emitted {
    const sides = params.map((p, i) => (i === 0 ? leftOperand : operand)(this.numeric(p), Level.Add));
    const tests = conditionals.map((c, i) => `${sides[i]}${COMPARISONS.get(c)}${sides[i + 1]}`);
    if (tests.length === 1) return { text: tests[0], level: Level.Compare, kind: "boolean" };
    if (!params.slice(2).some(canFail)) return atom(`AND(${tests.join(",")})`, "boolean");
    return atom(tests.reduceRight((inner, test) => `IF(${test},${inner},FALSE)`), "boolean");
  }

  private call(name: string, args: readonly MathNode[]): Emitted {
    const simple = SIMPLE_FUNCTIONS.get(name);
    if (simple) return atom(`${simple}(${args.map((a) => this.number(a)).join(",")})`, "number");
    switch (name) {
      case "log": {
        const [x, base] = args.map((a) => this.number(a));
        return base === undefined ? atom(`LN(${x})`, "number") : { text: `LN(${x})/LN(${base})`, level: Level.Multiply, kind: "number" };
      }
      case "round": {
        const x = this.number(args[0]);
        if (args.length === 1) return atom(`ROUND(${x},0)`, "number");
        const digits = constantOf(args[1]);
        if (digits === undefined || !Number.isInteger(digits) || digits < 0 || digits > 15) {
          throw new Refusal("round(x, digits) becomes a formula only when digits is written as a whole number from 0 to 15");
        }
        return atom(`ROUND(${x},${digits})`, "number");
      }
      case "clamp": {
        const [x, lo, hi] = args.map((a) => this.numeric(a));
        const [low, high] = [constantOf(args[1]), constantOf(args[2])];
        const clamped = `MIN(MAX(${x.text},${lo.text}),${hi.text})`;
        if (low !== undefined && high !== undefined && low <= high) return atom(clamped, "number");
        return atom(`IF(${operand(lo, Level.Add)}>${operand(hi, Level.Add)},NA(),${clamped})`, "number");
      }
      case "floor":
      case "ceil":
        throw new Refusal(`${name} ${SNAPS}`);
      default:
        throw new Refusal(`the function ${name} has no Excel equivalent`);
    }
  }
}

/**
 * An operand's text, bracketed unless it binds at least as tightly as `level`. A negation, or
 * anything starting with one (`-(x^2)*2`), is always bracketed: Excel's unary minus binds tighter than `^`.
 */
function operand(e: Emitted, level: Level): string {
  if (e.level === Level.Negate || e.text.startsWith("-")) return bracket(e);
  return e.level < level ? bracket(e) : e.text;
}

/** A left operand of + - * / or a comparison: a leading negation needs no brackets there (`-(x^2)+1`). */
function leftOperand(e: Emitted, level: Level): string {
  return e.level !== Level.Negate && e.level < level ? bracket(e) : e.text;
}

/**
 * Whether evaluating the node can give an Excel error (#DIV/0!, #NUM!, #N/A) where the engine
 * goes on with Infinity, NaN or a rule error: division by anything but a non-zero constant, `^`
 * or pow by anything but a whole non-negative constant, sqrt, log, exp and a guarded clamp.
 */
function canFail(node: MathNode): boolean {
  const n = unwrap(node);
  const f = fields(n);
  const args = (key: string): MathNode[] => (f[key] as MathNode[]) ?? [];
  switch (n.type) {
    case "OperatorNode": {
      const b = args("args")[1];
      if (f.fn === "divide" && !nonZero(constantOf(b))) return true;
      if (f.fn === "pow" && !wholeNonNegative(constantOf(b))) return true;
      return args("args").some(canFail);
    }
    case "RelationalNode":
      return args("params").some(canFail);
    case "ConditionalNode":
      return [f.condition, f.trueExpr, f.falseExpr].some((x) => canFail(x as MathNode));
    case "FunctionNode": {
      const name = String(fields(f.fn as MathNode).name);
      const xs = args("args");
      if (name === "sqrt" || name === "log" || name === "exp") return true;
      if (name === "pow" && !wholeNonNegative(constantOf(xs[1]))) return true;
      if (name === "clamp") {
        const [lo, hi] = [constantOf(xs[1]), constantOf(xs[2])];
        if (lo === undefined || hi === undefined || lo > hi) return true;
      }
      return xs.some(canFail);
    }
    default:
      return false;
  }
}

const nonZero = (x: number | undefined): boolean => x !== undefined && x !== 0;
const wholeNonNegative = (x: number | undefined): boolean => x !== undefined && Number.isInteger(x) && x >= 0;
