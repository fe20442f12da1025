/**
 * The sandbox for custom-rule expressions. docs/model.md: "Expressions are untrusted input: no
 * function that can reach JavaScript, define units, import or parse may be callable from them."
 *
 * Defence in depth, outermost first:
 * 1. Text limits before parsing: at most MAX_EXPRESSION_LENGTH characters and MAX_NESTING
 *    levels of brackets (mathjs's parser is recursive descent; 10,000 "(" would overflow the stack).
 * 2. Parsing only, by a private mathjs instance built from the number-only build's
 *    `parseDependencies`. As mathjs's security docs advise, the instance's `import`,
 *    `createUnit`, `reviver`, `evaluate`, `parse`, `simplify`, `derivative`, `resolve`,
 *    `compile`, `chain`, `typed`, `config`, `help` and `format` are then overridden by functions
 *    that throw (the parser is captured first), so nothing can re-enable them.
 * 3. An allowlist walk of the syntax tree: finite number and true/false constants, the
 *    vocabulary's names, the operators of OPERATORS, `c ? a : b`, chained comparisons,
 *    parentheses, and calls of the FUNCTIONS below by plain name. Everything else is rejected
 *    with a message: assignments, function definitions, property access and indexing (`.`, `[ ]`),
 *    lists, matrices, objects, ranges, text, several statements. Depth is limited (MAX_DEPTH).
 * 4. Compilation into closures written here. mathjs's evaluator (where every published mathjs
 *    advisory lived: 2017 `cos.constructor`, 2017 typed-function names, 2020 prototype
 *    pollution, 2023 FunctionNode/SymbolNode, 2024 rawArgs/ObjectWrappingMap, 2026
 *    DenseMatrix.get/setSafeProperty) never runs. At run time only numbers and booleans exist,
 *    no property is looked up by a name taken from the expression, and nothing loops or
 *    allocates in proportion to a value, so `ones(1e9)` is not merely forbidden but unwritable.
 *
 * Arithmetic follows mathjs's number semantics: booleans count as 1/0, comparisons and
 * floor/ceil use its tolerances (relTol 1e-12, absTol 1e-15), `mod` floors, round halves away
 * from zero. A result the pure number build cannot express (sqrt(-1), 0/0) is NaN.
 */
import { create, parseDependencies } from "#mathjs-parser";
import type { MathNode } from "mathjs/number";
import { closest } from "../fields";
import { messages } from "../messages";
import { Problem, ProblemCode, Result, fail, ok, problem } from "../problems";

export type Value = number | boolean;
export type ValueKind = "number" | "boolean";

/** The names an expression may use and the kind of value each holds; the sandbox knows nothing else about them. */
export type Vocabulary = ReadonlyMap<string, ValueKind>;

/** Gives the value of a vocabulary name while an expression runs (it may throw ExpressionError). */
export type Lookup = (name: string) => Value;

/** A parsed, checked and compiled expression. */
export interface CompiledExpression {
  readonly text: string;
  /** The kind of value it gives, known before it runs. */
  readonly kind: ValueKind;
  /** The vocabulary names it uses, in order of first use. */
  readonly names: readonly string[];
  /** Runs it. Throws only ExpressionError (a function argument out of range) or what `lookup` throws. */
  run(lookup: Lookup): Value;
}

/** A failure while an expression runs, in the user's terms (e.g. `clamp` bounds the wrong way round). */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly code: ProblemCode = "range",
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

export const MAX_EXPRESSION_LENGTH = 1000;
export const MAX_NESTING = 32;
export const MAX_DEPTH = 64;
/** At most this many problems are reported per expression. */
const MAX_PROBLEMS = 5;

// ---------------------------------------------------------------------------------------------
// The mathjs instance: parsing only.

let parser: ((text: string) => MathNode) | undefined;

/**
 * Parses with the sandboxed instance, made on first use (most scenarios have no rules). The
 * import is static, as a bundler needs it for tree shaking (a lazy require() here cost +100 KB
 * gzip in functions.js); `#mathjs-parser` is resolved per host by package.json `imports`: Node
 * gets src/node/mathjsParser.js, which loads mathjs only when `create` is first read.
 */
const parse = (text: string): MathNode => (parser ??= sandboxedParser())(text);

function sandboxedParser(): (text: string) => MathNode {
  const math = create({ parseDependencies });
  const parser = math.parse.bind(math) as (text: string) => MathNode;
  const disabled = (name: string) =>
    function (): never {
      throw new Error(`function ${name} is disabled`);
    };
  const DANGEROUS = ["import", "createUnit", "reviver", "evaluate", "parse", "simplify", "derivative", "resolve", "compile", "chain", "typed", "config", "help", "format"];
  math.import(Object.fromEntries(DANGEROUS.map((name) => [name, disabled(name)])), { override: true });
  return (text) => parser(text);
}

// ---------------------------------------------------------------------------------------------
// The allowlists.

type Code = (lookup: Lookup) => Value;

const num = (v: Value): number => (typeof v === "number" ? v : v ? 1 : 0);
const truthy = (v: Value): boolean => (typeof v === "boolean" ? v : v !== 0 && !Number.isNaN(v));

const REL_TOL = 1e-12;
const ABS_TOL = 1e-15;
/** mathjs's nearlyEqual with its default tolerances. */
function nearlyEqual(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(REL_TOL * Math.max(Math.abs(a), Math.abs(b)), ABS_TOL);
}

/** Round half away from zero to `digits` decimals, exact on decimal ties such as 1.005. */
function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e");
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + digits}`));
  const r = Math.sign(x) * Number(`${scaled}e-${digits}`);
  return r === 0 ? 0 : r;
}

function floorTolerant(x: number): number {
  const f = Math.floor(x);
  const r = roundTo(x, 0);
  return f !== r && nearlyEqual(x, r) && !nearlyEqual(x, f) ? r : f;
}

function ceilTolerant(x: number): number {
  const c = Math.ceil(x);
  const r = roundTo(x, 0);
  return c !== r && nearlyEqual(x, r) && !nearlyEqual(x, c) ? r : c;
}

interface OperatorSpec {
  readonly arity: 1 | 2;
  readonly kind: ValueKind;
  readonly compile: (args: readonly Code[]) => Code;
}

const arithmetic = (f: (a: number, b: number) => number): OperatorSpec => ({
  arity: 2,
  kind: "number",
  compile: ([a, b]) => (s) => f(num(a(s)), num(b(s))),
});
const comparison = (f: (a: number, b: number) => boolean): OperatorSpec => ({
  arity: 2,
  kind: "boolean",
  compile: ([a, b]) => (s) => f(num(a(s)), num(b(s))),
});

const COMPARISONS: ReadonlyMap<string, (a: number, b: number) => boolean> = new Map([
  ["equal", (a: number, b: number) => nearlyEqual(a, b)],
  ["unequal", (a: number, b: number) => !nearlyEqual(a, b)],
  ["smaller", (a: number, b: number) => a < b && !nearlyEqual(a, b)],
  ["larger", (a: number, b: number) => a > b && !nearlyEqual(a, b)],
  ["smallerEq", (a: number, b: number) => a <= b || nearlyEqual(a, b)],
  ["largerEq", (a: number, b: number) => a >= b || nearlyEqual(a, b)],
]);

/** mathjs operator function name → how it computes. `80%` parses as 80 / 100 and is allowed through `divide`. */
const OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map<string, OperatorSpec>([
  ["add", arithmetic((a, b) => a + b)],
  ["subtract", arithmetic((a, b) => a - b)],
  ["multiply", arithmetic((a, b) => a * b)],
  ["divide", arithmetic((a, b) => a / b)],
  ["pow", arithmetic((a, b) => Math.pow(a, b))],
  ["mod", arithmetic((a, b) => (b === 0 ? a : a - b * floorTolerant(a / b)))],
  ["unaryMinus", { arity: 1, kind: "number", compile: ([a]) => (s) => -num(a(s)) }],
  ["unaryPlus", { arity: 1, kind: "number", compile: ([a]) => (s) => num(a(s)) }],
  ...[...COMPARISONS].map(([name, f]) => [name, comparison(f)] as [string, OperatorSpec]),
  ["and", { arity: 2, kind: "boolean", compile: ([a, b]) => (s) => truthy(a(s)) && truthy(b(s)) }],
  ["or", { arity: 2, kind: "boolean", compile: ([a, b]) => (s) => truthy(a(s)) || truthy(b(s)) }],
  ["xor", { arity: 2, kind: "boolean", compile: ([a, b]) => (s) => truthy(a(s)) !== truthy(b(s)) }],
  ["not", { arity: 1, kind: "boolean", compile: ([a]) => (s) => !truthy(a(s)) }],
]);

/** The operators as written, for messages. */
export const OPERATOR_SYMBOLS = ["+", "-", "*", "/", "^", "mod (or %)", "x%", "==", "!=", "<", ">", "<=", ">=", "and", "or", "xor", "not", "c ? a : b"] as const;

interface FunctionSpec {
  readonly usage: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly apply: (xs: readonly number[]) => number;
}

const unary = (usage: string, f: (x: number) => number): FunctionSpec => ({ usage, minArgs: 1, maxArgs: 1, apply: (xs) => f(xs[0]) });

/** The functions an expression may call, by plain name. Every one is a number → number map that does not loop or allocate. */
const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ["min", { usage: "min(a, b, …)", minArgs: 1, maxArgs: 64, apply: (xs) => Math.min(...xs) }],
  ["max", { usage: "max(a, b, …)", minArgs: 1, maxArgs: 64, apply: (xs) => Math.max(...xs) }],
  ["clamp", {
    usage: "clamp(x, lo, hi)",
    minArgs: 3,
    maxArgs: 3,
    apply: ([x, lo, hi]) => {
      if (lo > hi) throw new ExpressionError(messages.clampBounds(lo, hi));
      return Math.min(Math.max(x, lo), hi);
    },
  }],
  ["abs", unary("abs(x)", Math.abs)],
  ["floor", unary("floor(x)", floorTolerant)],
  ["ceil", unary("ceil(x)", ceilTolerant)],
  ["round", {
    usage: "round(x) or round(x, digits)",
    minArgs: 1,
    maxArgs: 2,
    apply: ([x, digits = 0]) => {
      if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw new ExpressionError(messages.roundDigits(digits));
      return roundTo(x, digits);
    },
  }],
  ["sqrt", unary("sqrt(x)", Math.sqrt)],
  ["exp", unary("exp(x)", Math.exp)],
  ["log", { usage: "log(x) or log(x, base)", minArgs: 1, maxArgs: 2, apply: ([x, base]) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)) }],
  ["pow", { usage: "pow(x, y)", minArgs: 2, maxArgs: 2, apply: ([x, y]) => Math.pow(x, y) }],
]);

/** The callable functions as written, for messages and docs. */
export const FUNCTION_USAGES: readonly string[] = [...FUNCTIONS.values()].map((f) => f.usage);

// ---------------------------------------------------------------------------------------------
// Compilation.

/**
 * Parses, checks and compiles an untrusted expression over `vocabulary`. Never throws: every
 * problem is a value (path "", for the caller to locate).
 * @example compileExpression("min(units, 5)", new Map([["units", "number"]])).ok // returns true
 */
export function compileExpression(text: string, vocabulary: Vocabulary): Result<CompiledExpression> {
  const checked = checkExpression(text, vocabulary);
  return checked.ok ? ok(checked.value.compiled) : checked;
}

/** An accepted expression with the syntax tree it was compiled from (read it, never change it). */
export interface CheckedExpression {
  readonly tree: MathNode;
  readonly compiled: CompiledExpression;
}

/**
 * Like compileExpression, and also gives the checked tree, so a translator (ruleToExcelFormula)
 * accepts exactly what the sandbox accepts: same limits, same parser, same allowlist.
 */
export function checkExpression(text: string, vocabulary: Vocabulary): Result<CheckedExpression> {
  if (typeof text !== "string") return fail(problem("type", "", messages.notString(text)));
  if (text.length > MAX_EXPRESSION_LENGTH) return fail(problem("range", "", messages.expressionTooLong(text.length, MAX_EXPRESSION_LENGTH)));
  if (text.trim() === "") return fail(problem("missing", "", messages.emptyText()));
  if (nesting(text) > MAX_NESTING) return fail(problem("range", "", messages.expressionTooNested(MAX_NESTING)));

  let root: MathNode;
  try {
    root = parse(text);
  } catch (e) {
    const detail = e instanceof RangeError ? messages.expressionTooNested(MAX_NESTING) : e instanceof Error ? e.message : String(e);
    return fail(problem("syntax", "", messages.expressionSyntax(detail.slice(0, 200))));
  }

  const checker = new Checker(vocabulary);
  const compiled = checker.check(root, 0);
  if (checker.problems.length > 0 || !compiled) return fail(...checker.problems);
  const { code, kind } = compiled;
  const expression: CompiledExpression = Object.freeze({ text, kind, names: Object.freeze([...checker.names]), run: (lookup: Lookup) => code(lookup) });
  return ok({ tree: root, compiled: expression });
}

/** The deepest bracket nesting of the text, so a hostile nesting never reaches the recursive parser. */
function nesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "[" || ch === "{") deepest = Math.max(deepest, ++depth);
    else if (ch === ")" || ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
  }
  return deepest;
}

interface Compiled {
  readonly code: Code;
  readonly kind: ValueKind;
}

/** Walks a mathjs syntax tree, admitting only allowlisted nodes, and compiles what it admits. */
class Checker {
  readonly problems: Problem[] = [];
  readonly names = new Set<string>();

  constructor(private readonly vocabulary: Vocabulary) {}

  private report(code: ProblemCode, message: string): undefined {
    if (this.problems.length < MAX_PROBLEMS && !this.problems.some((p) => p.message === message)) this.problems.push(problem(code, "", message));
    return undefined;
  }

  check(node: MathNode, depth: number): Compiled | undefined {
    if (depth > MAX_DEPTH) return this.report("range", messages.expressionTooDeep(MAX_DEPTH));
    // Read fields through a plain record: the tree came from untrusted text, so trust no field's type.
    const n = node as unknown as Record<string, unknown>;
    switch (node.type) {
      case "ConstantNode":
        return this.constant(n.value);
      case "SymbolNode":
        return this.symbol(String(n.name));
      case "ParenthesisNode":
        return this.check(n.content as MathNode, depth + 1);
      case "OperatorNode":
        return this.operator(String(n.fn), String(n.op), n.args as MathNode[], depth);
      case "RelationalNode":
        return this.relational(n.conditionals as string[], n.params as MathNode[], depth);
      case "ConditionalNode":
        return this.conditional(n.condition as MathNode, n.trueExpr as MathNode, n.falseExpr as MathNode, depth);
      case "FunctionNode":
        return this.call(n.fn as MathNode, n.args as MathNode[], n.optional === true, depth);
      default:
        return this.report("syntax", messages.ruleConstruct(String(node.type)));
    }
  }

  private constant(value: unknown): Compiled | undefined {
    if (typeof value === "boolean") return { kind: "boolean", code: () => value };
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return this.report("range", messages.constantNotFinite());
      return { kind: "number", code: () => value };
    }
    if (typeof value === "string") return this.report("type", messages.textNotAllowed());
    return this.report("type", messages.ruleConstruct(value === null ? "null" : value === undefined ? "undefined" : typeof value));
  }

  private symbol(name: string): Compiled | undefined {
    const kind = this.vocabulary.get(name);
    if (kind !== undefined) {
      this.names.add(name);
      return { kind, code: (lookup) => lookup(name) };
    }
    const f = FUNCTIONS.get(name);
    if (f) return this.report("syntax", messages.functionAsValue(name, f.usage));
    const known = [...this.vocabulary.keys()];
    return this.report("unknown", messages.unknownName(name, closest(name, known), known));
  }

  private operator(fn: string, op: string, args: readonly MathNode[], depth: number): Compiled | undefined {
    const spec = OPERATORS.get(fn);
    if (!spec || !Array.isArray(args) || args.length !== spec.arity) return this.report("syntax", messages.operatorNotAllowed(op, OPERATOR_SYMBOLS));
    const parts = args.map((a) => this.check(a, depth + 1));
    if (!all(parts)) return undefined;
    return { kind: spec.kind, code: spec.compile(parts.map((p) => p.code)) };
  }

  private relational(conditionals: readonly string[], params: readonly MathNode[], depth: number): Compiled | undefined {
    if (!Array.isArray(conditionals) || !Array.isArray(params) || params.length !== conditionals.length + 1) {
      return this.report("syntax", messages.ruleConstruct("RelationalNode"));
    }
    const tests = conditionals.map((c) => COMPARISONS.get(c));
    if (!all(tests)) return this.report("syntax", messages.operatorNotAllowed(conditionals.join(" "), OPERATOR_SYMBOLS));
    const parts = params.map((p) => this.check(p, depth + 1));
    if (!all(parts)) return undefined;
    const codes = parts.map((p) => p.code);
    return {
      kind: "boolean",
      code: (s) => {
        let left = num(codes[0](s));
        for (let i = 0; i < tests.length; i++) {
          const right = num(codes[i + 1](s));
          if (!tests[i](left, right)) return false;
          left = right;
        }
        return true;
      },
    };
  }

  private conditional(condition: MathNode, whenTrue: MathNode, whenFalse: MathNode, depth: number): Compiled | undefined {
    const [c, a, b] = [condition, whenTrue, whenFalse].map((x) => this.check(x, depth + 1));
    if (!c || !a || !b) return undefined;
    if (a.kind !== b.kind) return this.report("type", messages.branchKinds());
    return { kind: a.kind, code: (s) => (truthy(c.code(s)) ? a.code(s) : b.code(s)) };
  }

  private call(fn: MathNode, args: readonly MathNode[], optional: boolean, depth: number): Compiled | undefined {
    // Only a plain name may be called: `a.b()`, `f(1)(2)` and `x?.()` have other callee shapes.
    if (!fn || fn.type !== "SymbolNode" || optional || !Array.isArray(args)) return this.report("syntax", messages.callNotAllowed(FUNCTION_USAGES));
    const name = String((fn as unknown as Record<string, unknown>).name);
    const spec = FUNCTIONS.get(name);
    if (!spec) {
      if (this.vocabulary.has(name)) return this.report("syntax", messages.notAFunction(name));
      return this.report("unknown", messages.unknownFunction(name, FUNCTION_USAGES));
    }
    if (args.length < spec.minArgs || args.length > spec.maxArgs) return this.report("syntax", messages.argumentCount(spec.usage, args.length));
    const parts = args.map((a) => this.check(a, depth + 1));
    if (!all(parts)) return undefined;
    const codes = parts.map((p) => p.code);
    return { kind: "number", code: (s) => spec.apply(codes.map((c) => num(c(s)))) };
  }
}

const all = <T>(xs: (T | undefined)[]): xs is T[] => xs.every((x) => x !== undefined);
