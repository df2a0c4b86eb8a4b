import { type AST, RegExpParser } from "@eslint-community/regexpp";
import fc from "fast-check";
import type { CharSet } from "refa";
import { toUnicodeSet } from "regexp-ast-analysis";
import { describe, expect, it } from "vitest";
import { checkPattern } from "../../src/schema/pattern-safety/index.ts";

/**
 * Known ReDoS patterns: OWASP's "Evil Regex" list, Regular-Expressions.info, the Stack Overflow
 * (2016) and Cloudflare (2019) outages, the `ms` package advisory, plus the shapes scslre alone
 * used to miss (overlapping alternatives under a quantifier).
 */
const EXPONENTIAL = [
  // OWASP
  "^(a+)+$",
  "^([a-zA-Z]+)*$",
  "^(a|aa)+$",
  "^(a|a?)+$",
  "^(.*a){12}$",
  "^[a-zA-Z]+((['.,\\-][a-zA-Z ])?[a-zA-Z]*)*$",
  "^(([a-z])+.)+[A-Z]([a-z])+$",
  "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
  "^[a-zA-Z]+((['.,\\-][a-zA-Z])?[a-zA-Z]*)*\\s+<(\\w[-._\\w]*\\w@\\w[-._\\w]*\\w\\.\\w{2,3})>$|^(\\w[-._\\w]*\\w@\\w[-._\\w]*\\w\\.\\w{2,3})$",
  "^\\d*[0-9](|.\\d*[0-9]|)*$",
  "^([a-z0-9]+([\\-a-z0-9]*[a-z0-9]+)?\\.){0,}([a-z0-9]+([\\-a-z0-9]*[a-z0-9]+)?){1,63}(\\.[a-z0-9]{2,7})+$",
  // Regular-Expressions.info, "Catastrophic Backtracking"
  "^(x+x+)+y$",
  // Ambiguous alternatives under a quantifier (missed by scslre on its own)
  "^(\\w|\\d)+$",
  "^(a|a)*$",
  "(a|ab|b)*$",
  "^(a|b|ab)*c$",
  "^(\\d|\\d\\d)+$",
  "^(a|a){1,30}$",
  "^(?:\\d+|\\d+\\.\\d+)+$",
  "^(?:[a-z]|[a-f0-9])+!$",
  // Nested repetitions
  "^(\\w+\\s?)*$",
  "^(\\d+)*$",
  "^(a*)*$",
  "^(a*b*)*$",
  "^((ab)*)+$",
  "^(\\s*)*$",
  "^([a-z0-9]+[-.]?)+[a-z0-9]$",
  "^(\\s*,\\s*)*$",
  // Inside a lookahead
  "^(?=(a+)+$)",
  // Required repetitions that may be empty: C(500, k) ways (about a minute in V8 for 40 "a"s)
  "^(?:a?){500}b",
  // No repetition at all, but 2^20 ways to place "x"s among the optional parts
  `^${"(?:x|y)?".repeat(20)}z$`,
];

const POLYNOMIAL = [
  // Stack Overflow outage, 2016
  "^[\\s\\u200c]+|[\\s\\u200c]+$",
  // Cloudflare outage, 2019 (the part that backtracked)
  ".*(?:.*=.*)",
  // ms < 2.0.0
  "^((?:\\d+)?\\.?\\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|years?|yrs?|y)?$",
  "^\\d*\\d*$",
  "\\s*#?\\s*$",
  "\\d+$",
];

/** Realistic credential patterns: must pass, and really be linear. */
const SAFE = [
  "^https://",
  "^[A-Za-z0-9._~-]+$",
  "^[0-9a-f]{32}$",
  "^-----BEGIN [A-Z ]+-----",
  "^(?:[a-z0-9-]+\\.)+[a-z]{2,}$",
  "^[^=;]+=[^;]*(?:;[^=;]+=[^;]*)*;?$",
  "^[^@\\s]+@[^@\\s]+$",
  "^[A-Za-z0-9+/]+={0,2}$",
  "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$",
  "^sk_(live|test)_[0-9a-zA-Z]{24,}$",
  "^xox[baprs]-[0-9A-Za-z-]+$",
  "^[a-z][a-z0-9+.-]*://",
  "^\\d{1,5}$",
  "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  "^(?:\\d{1,3}\\.){3}\\d{1,3}$",
  "^ghp_[A-Za-z0-9]{36}$",
  "^AKIA[0-9A-Z]{16}$",
  "^\\S+$",
  "^(?:[A-Za-z0-9-]+\\.)*[A-Za-z0-9-]+$",
  "^[a-z0-9]+(?:-[a-z0-9]+)*$",
  "^[\\w.-]+(?: [\\w.-]+)*$",
  "^https?://[^\\s/$.?#].[^\\s]*$",
  "^(?:[A-Z0-9]{5}-?){5}$",
  "^[^\\s:]+:\\d+$",
  "^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$",
  "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$",
  "^(?!\\s)[^\\n]{1,128}$",
  "^(?=.*[A-Z])(?=.*\\d).{12,}$",
  "^(ab|a)*b$",
  "^(?:a|b)*$",
  "^(?:[a-z]+,)*[a-z]+$",
];

describe("checkPattern: verdicts", () => {
  it.each(EXPONENTIAL)("refuses %s as exponential", (pattern) => {
    const verdict = checkPattern(pattern);
    expect(verdict).toMatchObject({ ok: false, problem: "unsafe" });
    if (verdict.ok || verdict.problem !== "unsafe") return;
    expect(verdict.message).toContain("exponential");
    expect(verdict.fix.length).toBeGreaterThan(10);
  });

  it.each(POLYNOMIAL)("refuses %s as catastrophic", (pattern) => {
    const verdict = checkPattern(pattern);
    expect(verdict).toMatchObject({ ok: false, problem: "unsafe" });
  });

  it.each(SAFE)("accepts %s", (pattern) => {
    expect(checkPattern(pattern)).toEqual({ ok: true });
  });

  it.each(["(", "[a-", "a{2,1}", "\\p{NotAProperty}", "\\c", "(?<n>a)(?<n>b)", "a**"])(
    "reports %s as invalid",
    (pattern) => {
      const verdict = checkPattern(pattern);
      expect(verdict).toMatchObject({ ok: false, problem: "invalid" });
      if (!verdict.ok)
        expect(verdict.message).toMatch(/^is not a valid regular expression \(.+\)$/);
    },
  );

  it("handles a slash and an escaped backslash before a slash", () => {
    expect(checkPattern("^https?://[a-z]+/v1$")).toEqual({ ok: true });
    expect(checkPattern("^a\\\\/b$")).toEqual({ ok: true });
  });

  it("names the overlapping alternatives, the kind of blow-up and a fix", () => {
    const verdict = checkPattern("^(\\w|\\d)+$");
    if (verdict.ok || verdict.problem !== "unsafe") throw new Error("expected unsafe");
    expect(verdict.message).toContain('"(\\\\w|\\\\d)+"');
    expect(verdict.message).toContain('the alternatives "\\\\w" and "\\\\d"');
    expect(verdict.message).toContain("exponential");
    expect(verdict.fix).toContain("\\w|\\d)+ → \\w+");
  });

  it("names the nested repetition", () => {
    const verdict = checkPattern("^(\\w+\\s?)*$");
    if (verdict.ok || verdict.problem !== "unsafe") throw new Error("expected unsafe");
    expect(verdict.message).toContain(
      'repeating "\\\\w+" again or by starting a new repetition of "(\\\\w+\\\\s?)*"',
    );
    expect(verdict.fix).toContain("(a+)+ → a+");
  });

  it("explains unanchored polynomial patterns and suggests anchoring", () => {
    const verdict = checkPattern("\\d+$");
    if (verdict.ok || verdict.problem !== "unsafe") throw new Error("expected unsafe");
    expect(verdict.message).toContain("polynomial");
    expect(verdict.message).toContain("not anchored");
    expect(verdict.fix).toContain("^");
  });

  it("explains large finite ambiguity and empty required repetitions", () => {
    const optional = checkPattern(`^${"(?:x|y)?".repeat(20)}z$`);
    if (optional.ok || optional.problem !== "unsafe") throw new Error("expected unsafe");
    expect(optional.message).toContain("exponential in the size of the pattern");
    expect(optional.message).toContain('ways to match "xxx"');
    expect(optional.fix).toContain("[xy]{0,3}");
    const empty = checkPattern("^(?:a?){500}b");
    if (empty.ok || empty.problem !== "unsafe") throw new Error("expected unsafe");
    expect(empty.message).toContain(
      "each of the 500 required repetitions may match the empty string",
    );
    expect(empty.fix).toContain("a{0,500}");
    // A dozen optional parts is still fine: at most C(12, 6) = 924 ways.
    expect(checkPattern(`^${"[xy]?".repeat(12)}z$`)).toEqual({ ok: true });
  });

  it("refuses what it cannot analyse within its budget, saying so", () => {
    const verdict = checkPattern("^[a-z]{0,1000}[a-z]{0,1000}$");
    if (verdict.ok || verdict.problem !== "unsafe") throw new Error("expected unsafe");
    expect(verdict.message).toContain("cannot be checked");
    expect(verdict.fix).toContain("simplify");
  });

  it("refuses backreferences (documented: their cost cannot be bounded)", () => {
    const verdict = checkPattern("^(['\"])[a-z]*\\1$");
    expect(verdict).toMatchObject({ ok: false, problem: "unsafe" });
    if (!verdict.ok) expect(verdict.message).toContain("backreference");
    expect(checkPattern("^(?<q>a)\\k<q>$")).toMatchObject({ ok: false, problem: "unsafe" });
  });

  it("treats lookarounds as empty around them and analyses what is inside", () => {
    // (?=a) is ignored, so this is read as (a|a)+ and refused, although the lookahead makes it safe.
    expect(checkPattern("^(?:a(?=a)|a)+$")).toMatchObject({ ok: false, problem: "unsafe" });
    // (a|ab)+ is unambiguous with or without the lookahead.
    expect(checkPattern("^(?:a(?!b)|ab)+$")).toEqual({ ok: true });
    expect(checkPattern("^(?<=(a|a)+)b")).toMatchObject({ ok: false, problem: "unsafe" });
    expect(checkPattern("^(?=[a-z])[a-z0-9]+$")).toEqual({ ok: true });
  });

  it("never throws, on random and on pathological input", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(..."()[]{}|*+?^$.\\-,:=!<>abd0129wsSpPkuxc/ ".split("")),
          maxLength: 40,
        }),
        (pattern) => {
          const verdict = checkPattern(pattern);
          expect(typeof verdict.ok).toBe("boolean");
        },
      ),
      { numRuns: 2_000 },
    );
    const deep = `${"(".repeat(20_000)}a${")".repeat(20_000)}`;
    expect(checkPattern(deep).ok).toBe(false);
    expect(checkPattern("(?:a{0,1000}){0,1000}b").ok).toBe(false);
    expect(checkPattern("[a-z]{1,100000}").ok).toBe(true);
  });

  it("accepts thousands of distinct realistic patterns", () => {
    const templates = [
      (i: number) => `^[A-Za-z0-9._~-]{1,${i + 8}}$`,
      (i: number) => `^[0-9a-f]{${(i % 64) + 8}}$`,
      (i: number) => `^(?:[a-z0-9-]{1,${(i % 60) + 2}}\\.)+[a-z]{2,${(i % 20) + 2}}$`,
      (i: number) => `^[^=;]+=[^;]*(?:;[^=;]+=[^;]*)*;?x${i}$`,
      (i: number) => `^sk_(?:live|test)_[0-9a-zA-Z]{${(i % 40) + 10},}$`,
      (i: number) => `^-----BEGIN [A-Z ]{1,${i + 10}}-----`,
      (i: number) => `^https://[a-z0-9.-]+\\.example${i}\\.com(?:/[^\\s]*)?$`,
      (i: number) => `^[^@\\s]+@[^@\\s]+\\.[a-z]{2,${(i % 10) + 3}}$`,
      (i: number) => `^(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,${(i % 5) + 1}})?$`,
      (i: number) => `^[a-z]{${(i % 5) + 1}}-[0-9]{${(i % 7) + 1}}-[A-Z0-9]{${(i % 30) + 1}}$`,
    ];
    const patterns = [
      ...new Set(
        Array.from({ length: 300 }, (_, i) => templates.map((template) => template(i))).flat(),
      ),
    ];
    expect(patterns.length).toBeGreaterThan(1_500);
    for (const pattern of patterns) expect(checkPattern(pattern), pattern).toEqual({ ok: true });
  });
});

// ---------------------------------------------------------------------------------------
// A step-counting backtracking matcher with the semantics of JavaScript's RegExp (u flag),
// used to show that the patterns called safe stay linear on adversarial input, and that the
// same adversarial input does blow up the patterns called unsafe.

const parser = new RegExpParser({ ecmaVersion: 2024 });
const flags = parser.parseFlags("u");

type Inst =
  | { op: "char"; set: CharSet; backward: boolean }
  | { op: "split"; first: number; second: number }
  | { op: "jmp"; to: number }
  | { op: "assert"; kind: "start" | "end" | "word" | "nonword" }
  | { op: "look"; program: Inst[]; negate: boolean; registers: number }
  | { op: "mark"; register: number }
  | { op: "progress"; register: number }
  | { op: "match" };

interface Program {
  code: Inst[];
  registers: number;
}

class Compiler {
  readonly code: Inst[] = [];
  registers = 0;
  constructor(private readonly backward: boolean) {}

  emit(inst: Inst): number {
    if (this.code.length > 200_000) throw new Error("program too large");
    this.code.push(inst);
    return this.code.length - 1;
  }

  node(node: AST.Node): void {
    switch (node.type) {
      case "Pattern":
      case "Group":
      case "CapturingGroup":
        this.alternatives(node.alternatives);
        return;
      case "Alternative": {
        const elements = this.backward ? [...node.elements].reverse() : node.elements;
        for (const element of elements) this.node(element);
        return;
      }
      case "Character":
      case "CharacterClass":
      case "CharacterSet":
      case "ExpressionCharacterClass":
        this.emit({ op: "char", set: toUnicodeSet(node, flags).chars, backward: this.backward });
        return;
      case "Assertion":
        if (node.kind === "lookahead" || node.kind === "lookbehind") {
          const sub = compile(node, node.kind === "lookbehind");
          this.emit({
            op: "look",
            program: sub.code,
            negate: node.negate,
            registers: sub.registers,
          });
        } else if (node.kind === "word") {
          this.emit({ op: "assert", kind: node.negate ? "nonword" : "word" });
        } else {
          this.emit({ op: "assert", kind: node.kind });
        }
        return;
      case "Quantifier":
        this.quantifier(node);
        return;
      default:
        throw new Error(`unsupported ${node.type}`);
    }
  }

  alternatives(alternatives: AST.Alternative[]): void {
    const jumps: number[] = [];
    alternatives.forEach((alternative, i) => {
      if (i < alternatives.length - 1) {
        const split = this.emit({ op: "split", first: 0, second: 0 });
        (this.code[split] as { first: number }).first = this.code.length;
        this.node(alternative);
        jumps.push(this.emit({ op: "jmp", to: 0 }));
        (this.code[split] as { second: number }).second = this.code.length;
      } else {
        this.node(alternative);
      }
    });
    for (const jump of jumps) (this.code[jump] as { to: number }).to = this.code.length;
  }

  quantifier(quant: AST.Quantifier): void {
    for (let i = 0; i < quant.min; i++) this.node(quant.element);
    const order = (body: number, exit: number) =>
      quant.greedy ? { first: body, second: exit } : { first: exit, second: body };
    if (quant.max === Infinity) {
      const register = this.registers++;
      const loop = this.emit({ op: "split", first: 0, second: 0 });
      const body = this.emit({ op: "mark", register });
      this.node(quant.element);
      this.emit({ op: "progress", register });
      this.emit({ op: "jmp", to: loop });
      Object.assign(this.code[loop]!, order(body, this.code.length));
      return;
    }
    const splits: number[] = [];
    for (let i = quant.min; i < quant.max; i++) {
      splits.push(this.emit({ op: "split", first: 0, second: 0 }));
      this.node(quant.element);
    }
    for (const split of splits)
      Object.assign(this.code[split]!, order(split + 1, this.code.length));
  }
}

function compile(node: AST.Pattern | AST.LookaroundAssertion, backward: boolean): Program {
  const compiler = new Compiler(backward);
  if (node.type === "Pattern") compiler.node(node);
  else compiler.alternatives(node.alternatives);
  compiler.emit({ op: "match" });
  return { code: compiler.code, registers: compiler.registers };
}

class StepLimitExceeded extends Error {}

const isWord = (c: number | undefined) =>
  c !== undefined &&
  ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f);

/** Runs from `start`; returns whether it matched. Every executed instruction is one step. */
function run(
  code: Inst[],
  registerCount: number,
  input: number[],
  start: number,
  counter: { steps: number; limit: number },
): boolean {
  const registers = new Int32Array(registerCount).fill(-1);
  const stackPc: number[] = [];
  const stackValue: number[] = [];
  let pc = 0;
  let sp = start;
  for (;;) {
    if (++counter.steps > counter.limit) throw new StepLimitExceeded();
    const inst = code[pc]!;
    let ok = true;
    switch (inst.op) {
      case "char": {
        const c = inst.backward ? input[sp - 1] : input[sp];
        if (c !== undefined && inst.set.has(c)) {
          sp += inst.backward ? -1 : 1;
          pc++;
        } else ok = false;
        break;
      }
      case "split":
        stackPc.push(inst.second);
        stackValue.push(sp);
        pc = inst.first;
        break;
      case "jmp":
        pc = inst.to;
        break;
      case "assert": {
        const boundary = isWord(input[sp - 1]) !== isWord(input[sp]);
        ok =
          inst.kind === "start"
            ? sp === 0
            : inst.kind === "end"
              ? sp === input.length
              : inst.kind === "word"
                ? boundary
                : !boundary;
        if (ok) pc++;
        break;
      }
      case "look":
        ok = run(inst.program, inst.registers, input, sp, counter) !== inst.negate;
        if (ok) pc++;
        break;
      case "mark":
        stackPc.push(-1 - inst.register);
        stackValue.push(registers[inst.register]!);
        registers[inst.register] = sp;
        pc++;
        break;
      case "progress":
        // ECMAScript RepeatMatcher: an iteration that matched the empty string fails.
        ok = registers[inst.register] !== sp;
        if (ok) pc++;
        break;
      case "match":
        return true;
    }
    while (!ok) {
      if (stackPc.length === 0) return false;
      const target = stackPc.pop()!;
      const value = stackValue.pop()!;
      if (target < 0) {
        registers[-1 - target] = value;
        continue;
      }
      pc = target;
      sp = value;
      ok = true;
    }
  }
}

/** Like RegExp.prototype.test: tries every start position. */
function search(
  program: Program,
  text: string,
  counter: { steps: number; limit: number },
): boolean {
  const input = Array.from(text, (c) => c.codePointAt(0)!);
  for (let start = 0; start <= input.length; start++) {
    if (run(program.code, program.registers, input, start, counter)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Adversarial inputs: a prefix that leads up to a repetition, that repetition pumped to
// ~5,000 characters with pieces of the pattern's own text, then a character that breaks it.

const LENGTH = 5_000;
const PREFERRED = [..."a0A-_.z9Z @:/=;,!+"].map((c) => c.codePointAt(0)!);

function representatives(set: CharSet, count: number): string[] {
  const chars: number[] = PREFERRED.filter((c) => set.has(c));
  for (const range of set.ranges) {
    if (chars.length >= count) break;
    if (!chars.includes(range.min)) chars.push(range.min);
  }
  return chars.slice(0, count).map((c) => String.fromCodePoint(c));
}

function product(parts: string[][], limit: number): string[] {
  let out = [""];
  for (const options of parts) {
    const next: string[] = [];
    for (const head of out)
      for (const option of options) if (next.length < limit) next.push(head + option);
    out = next;
  }
  return out;
}

function samples(node: AST.Node, limit = 4): string[] {
  switch (node.type) {
    case "Character":
    case "CharacterClass":
    case "CharacterSet":
    case "ExpressionCharacterClass":
      return representatives(toUnicodeSet(node, flags).chars, 2);
    case "Alternative":
      return product(
        node.elements.map((element) => samples(element, limit)),
        limit,
      );
    case "Pattern":
    case "Group":
    case "CapturingGroup":
      return [
        ...new Set(node.alternatives.flatMap((alternative) => samples(alternative, limit))),
      ].slice(0, limit);
    case "Quantifier": {
      const inner = samples(node.element, limit);
      const counts = [
        ...new Set([
          node.min,
          Math.min(node.max, Math.max(node.min, 1)),
          Math.min(node.max, node.min + 2),
        ]),
      ];
      return [...new Set(counts.flatMap((n) => inner.map((s) => s.repeat(n))))].slice(0, limit);
    }
    default:
      return [""];
  }
}

/** Text that leads the pattern up to `node`, following its ancestors from the root. */
function prefixBefore(node: AST.Node): string {
  let prefix = "";
  for (
    let child: AST.Node = node, parent = node.parent;
    parent;
    child = parent, parent = parent.parent
  ) {
    if (parent.type === "Alternative") {
      const index = parent.elements.indexOf(child as AST.Element);
      prefix =
        parent.elements
          .slice(0, index)
          .map((element) => samples(element)[0] ?? "")
          .join("") + prefix;
    }
  }
  return prefix;
}

function charElements(root: AST.Node): CharSet[] {
  const out: CharSet[] = [];
  const stack: AST.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      node.type === "Character" ||
      node.type === "CharacterClass" ||
      node.type === "CharacterSet"
    ) {
      out.push(toUnicodeSet(node, flags).chars);
    } else if ("alternatives" in node) stack.push(...node.alternatives);
    else if (node.type === "Alternative") stack.push(...node.elements);
    else if (node.type === "Quantifier") stack.push(node.element);
  }
  return out;
}

function adversarialInputs(pattern: string): string[] {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  const sets = charElements(ast);
  const killers = new Set(["", "!", "\u0000", "\n"]);
  for (const set of sets) {
    const outside = set.negate().ranges[0];
    if (outside && killers.size < 8) killers.add(String.fromCodePoint(outside.min));
  }
  const quantifiers: AST.Quantifier[] = [];
  const stack: AST.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "Quantifier") {
      if (node.max >= 2) quantifiers.push(node);
      stack.push(node.element);
    } else if ("alternatives" in node) stack.push(...node.alternatives);
    else if (node.type === "Alternative") stack.push(...node.elements);
  }
  const inputs = new Set<string>();
  // Every repetition, and the whole pattern as if it were repeated.
  for (const quant of [...quantifiers, ast]) {
    const element = quant.type === "Quantifier" ? quant.element : quant;
    const units = new Set(samples(element, 4));
    for (const set of charElements(element)) for (const c of representatives(set, 2)) units.add(c);
    const list = [...units].filter((u) => u.length > 0);
    for (const a of list.slice(0, 3))
      for (const b of list.slice(0, 3)) if (a !== b) units.add(a + b);
    const leadIns = [...killers].filter((k) => k !== "").slice(0, 2);
    for (const prefix of new Set([prefixBefore(quant), "", ...leadIns])) {
      for (const unit of [...units].filter((u) => u.length > 0).slice(0, 8)) {
        const pumped = prefix + unit.repeat(Math.ceil(LENGTH / unit.length));
        for (const killer of killers) inputs.add(pumped + killer);
      }
    }
  }
  return [...inputs];
}

/** ~400 steps per input character: linear patterns use a few dozen, quadratic ones millions. */
const STEP_LIMIT = 400 * LENGTH;

function worstCase(pattern: string): { exceeded: boolean; maxSteps: number; inputs: number } {
  const program = compile(
    parser.parsePattern(pattern, 0, pattern.length, { unicode: true }),
    false,
  );
  const real = new RegExp(pattern, "u");
  let maxSteps = 0;
  const inputs = adversarialInputs(pattern);
  for (const input of inputs) {
    const counter = { steps: 0, limit: STEP_LIMIT };
    let matched: boolean;
    try {
      matched = search(program, input, counter);
    } catch (error) {
      if (error instanceof StepLimitExceeded)
        return { exceeded: true, maxSteps: counter.steps, inputs: inputs.length };
      throw error;
    }
    maxSteps = Math.max(maxSteps, counter.steps);
    // The matcher agrees with the platform (and the platform finishes, since the pattern is linear).
    expect(real.test(input), `${pattern} on ${JSON.stringify(input.slice(0, 40))}…`).toBe(matched);
  }
  return { exceeded: false, maxSteps, inputs: inputs.length };
}

describe("checkPattern: adversarial inputs of ~5,000 characters", () => {
  it("the step-counting matcher agrees with RegExp on small inputs", () => {
    const cases: Array<[string, string, boolean]> = [
      ["^(a|ab)*c$", "ababac", true],
      ["^(a|ab)*c$", "ababa", false],
      ["^(?:a?)*b", "aab", true],
      ["\\bfoo\\b", "a foo b", true],
      ["(?<=\\$)\\d+", "cost $42", true],
      ["(?<!\\$)\\b\\d+", "$42", false],
      ["^a{2,3}?b$", "aaab", true],
      ["^(?!x)[a-z]+$", "xyz", false],
      ["^[^\\n]*$", "line\nbreak", false],
    ];
    for (const [pattern, input, expected] of cases) {
      const program = compile(
        parser.parsePattern(pattern, 0, pattern.length, { unicode: true }),
        false,
      );
      const counter = { steps: 0, limit: 1e6 };
      expect(search(program, input, counter), `${pattern} on ${input}`).toBe(expected);
      expect(new RegExp(pattern, "u").test(input)).toBe(expected);
    }
  });

  it.each(SAFE)("%s stays within the step budget", (pattern) => {
    const result = worstCase(pattern);
    expect(result.inputs).toBeGreaterThan(0);
    expect(result.exceeded, `steps > ${STEP_LIMIT}`).toBe(false);
  });

  // The same inputs do blow the budget for the patterns we refuse: the harness has teeth.
  it.each([...EXPONENTIAL.filter((p) => !p.includes("(?=")), ...POLYNOMIAL])(
    "%s exceeds the step budget",
    (pattern) => {
      expect(worstCase(pattern).exceeded).toBe(true);
    },
  );
});
