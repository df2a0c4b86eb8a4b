import type { AST } from "@eslint-community/regexpp";
import { SchemaProblem } from "../../json/problem.ts";
import { childrenOf, parser } from "../../schema/pattern-safety/ast.ts";

/**
 * A draft-07 `pattern` (an ECMAScript regular expression, compiled by Ajv with the `u` flag, that
 * *searches*: it may match anywhere in the value) as the source of a .NET regular expression that
 * gives the same verdict for every string when used as
 * `new Regex(source, RegexOptions.CultureInvariant).IsMatch(value)`.
 *
 * Throws a SchemaProblem at `pointer` (what construct, how to fix the pattern) for a pattern that
 * cannot be translated exactly.
 *
 * How: the pattern is parsed with regexpp and the .NET source is written from its syntax tree.
 * JavaScript's `u` mode matches code points where .NET matches UTF-16 units, so every construct
 * that consumes a character is written as a matcher of exactly one code point, in either
 * direction (lookbehinds match right to left): a surrogate pair is consumed whole, a lone
 * surrogate only when it is lone, and nothing consumes half a pair. (Like .NET, V8 starts its
 * search at every UTF-16 position, between the halves of a pair too, where only assertions can
 * succeed.) Character sets (`\d \w \s \p{…}`, `.`, classes) become explicit sets of code
 * points, computed with the JavaScript engine's own regular expressions where Unicode data is
 * involved, so .NET's different Unicode tables and its Unicode `\d \w \s \b` never judge. `$` is
 * `\z`; groups are numbered as in JavaScript (names dropped); a backreference is a conditional
 * (a group that did not take part matches empty in JavaScript); quantifiers are all greedy.
 *
 * Refused: a backreference to a group inside a quantifier or a lookaround, or from inside a
 * lookbehind (JavaScript resets or reads such captures differently), and counts above .NET's
 * largest (2147483647).
 */
export function dotNetPattern(pattern: string, pointer: string): string {
  return translatePattern(pattern, pointer, { asciiIgnoreCase: false });
}

/** How translatePattern reads the pattern. */
export interface TranslateOptions {
  /**
   * Match ASCII letters in either case (only they): what a JavaScript regular expression with
   * the `i` flag and without `u` does for a pattern whose letters are all ASCII, used for the
   * format checks of ajv-formats.
   */
  asciiIgnoreCase: boolean;
}

/** dotNetPattern with options; see TranslateOptions. */
export function translatePattern(
  pattern: string,
  pointer: string,
  options: TranslateOptions,
): string {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch (error) {
    // regexpp's RegExpSyntaxError is a SyntaxError.
    if (error instanceof SyntaxError) {
      throw new SchemaProblem(
        pointer,
        `the pattern is not a valid regular expression (${error.message})`,
        "correct the pattern's syntax",
      );
    }
    throw error;
  }
  return new Translator(ast, pointer, options).pattern();
}

// ---------------------------------------------------------------------------------------------
// Sets of code points: sorted, disjoint, non-adjacent inclusive ranges.

type Range = readonly [number, number];
export type CodePointSet = readonly Range[];

const MAX_CODE_POINT = 0x10ffff;

function normalise(ranges: Range[]): CodePointSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function union(...sets: CodePointSet[]): CodePointSet {
  return normalise(sets.flat());
}

function complement(set: CodePointSet, max = MAX_CODE_POINT): CodePointSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > max) break;
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

function intersect(set: CodePointSet, lo: number, hi: number): CodePointSet {
  const out: [number, number][] = [];
  for (const [a, b] of set) {
    const from = Math.max(a, lo);
    const to = Math.min(b, hi);
    if (from <= to) out.push([from, to]);
  }
  return out;
}

const enumerated = new Map<string, CodePointSet>();

/**
 * The code points a one-character JavaScript regular expression (`u` mode) matches, found by
 * asking the JavaScript engine about every code point: exact for this engine's Unicode version,
 * which is the one the exported validator runs on.
 */
function enumerate(atom: string): CodePointSet {
  const cached = enumerated.get(atom);
  if (cached) return cached;
  const regex = new RegExp(`^${atom}$`, "u");
  const ranges: [number, number][] = [];
  let start = -1;
  for (let cp = 0; cp <= MAX_CODE_POINT + 1; cp++) {
    const inSet = cp <= MAX_CODE_POINT && regex.test(String.fromCodePoint(cp));
    if (inSet && start < 0) start = cp;
    else if (!inSet && start >= 0) {
      ranges.push([start, cp - 1]);
      start = -1;
    }
  }
  enumerated.set(atom, ranges);
  return ranges;
}

const DIGIT: CodePointSet = [[0x30, 0x39]];
const WORD: CodePointSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const LINE_TERMINATORS: CodePointSet = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

/** JavaScript's `\s` (WhiteSpace and LineTerminator, Unicode's Zs as this engine knows it). */
export function jsWhiteSpace(): CodePointSet {
  return enumerate("\\s");
}

function withAsciiCase(set: CodePointSet): CodePointSet {
  const extra: Range[] = [];
  for (const [lo, hi] of intersect(set, 0x41, 0x5a)) extra.push([lo + 0x20, hi + 0x20]);
  for (const [lo, hi] of intersect(set, 0x61, 0x7a)) extra.push([lo - 0x20, hi - 0x20]);
  return extra.length ? union(set, extra) : set;
}

// ---------------------------------------------------------------------------------------------
// Writing .NET regular expressions.

/** A piece of .NET regex source; `atom` when a quantifier may follow it without a group. */
interface Fragment {
  source: string;
  atom: boolean;
}

const HIGH = "[\\uD800-\\uDBFF]";
const LOW = "[\\uDC00-\\uDFFF]";
const WORD_CLASS = "[0-9A-Z_a-z]";
/** Matches nothing, and may be quantified. */
const NOTHING = "[^\\u0000-\\uFFFF]";

function hex4(unit: number): string {
  return `\\u${unit.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** One UTF-16 unit as a .NET regex literal outside a class: printable ASCII stays readable. */
function unitLiteral(unit: number): string {
  if (/[0-9A-Za-z]/.test(String.fromCharCode(unit))) return String.fromCharCode(unit);
  if (unit >= 0x20 && unit < 0x7f) {
    const char = String.fromCharCode(unit);
    // Escape the characters that mean something in .NET (the regex is used without
    // IgnorePatternWhitespace, so space and `#` are plain characters).
    return /[\\*+?|{}[\]()^$.]/.test(char) ? `\\${char}` : char;
  }
  return hex4(unit);
}

/**
 * One UTF-16 unit inside a .NET character class. The class metacharacters `\ ] [ ^ -` are
 * written as \uHHHH: Mono misreads a range that ends in an escaped `\-` (`[\u0000-\-\[-z]`
 * matches "."), and `-[` would start a class subtraction.
 */
function classUnit(unit: number): string {
  if (unit >= 0x20 && unit < 0x7f && !/[\\\]^[-]/.test(String.fromCharCode(unit))) {
    return String.fromCharCode(unit);
  }
  return hex4(unit);
}

function classBody(units: CodePointSet): string {
  return units
    .map(([lo, hi]) =>
      lo === hi
        ? classUnit(lo)
        : hi === lo + 1
          ? `${classUnit(lo)}${classUnit(hi)}`
          : `${classUnit(lo)}-${classUnit(hi)}`,
    )
    .join("");
}

/** A .NET matcher of one UTF-16 unit from `units` (a set within 0..FFFF, not empty). */
function unitClass(units: CodePointSet): string {
  const first = units[0]!;
  if (units.length === 1 && first[0] === first[1]) return unitLiteral(first[0]);
  const negated = complement(units, 0xffff);
  if (negated.length === 0) return "[\\u0000-\\uFFFF]";
  const positive = classBody(units);
  const negative = classBody(negated);
  return negative.length < positive.length ? `[^${negative}]` : `[${positive}]`;
}

/**
 * UTF-16 pair matchers for astral code points: a class of high surrogates, then a class of the
 * low surrogates that go with each of them (high surrogates with the same lows share one).
 */
function astralAlternatives(astral: CodePointSet): string[] {
  const lowsByHigh = new Map<number, [number, number][]>();
  for (const [lo, hi] of astral) {
    for (let high = (lo - 0x10000) >> 10; high <= (hi - 0x10000) >> 10; high++) {
      const first = Math.max(lo, 0x10000 + (high << 10));
      const last = Math.min(hi, 0x10000 + (high << 10) + 0x3ff);
      const lows = lowsByHigh.get(high) ?? [];
      lows.push([0xdc00 + ((first - 0x10000) & 0x3ff), 0xdc00 + ((last - 0x10000) & 0x3ff)]);
      lowsByHigh.set(high, lows);
    }
  }
  const out: string[] = [];
  let run: { from: number; to: number; key: string } | undefined;
  const flush = (): void => {
    if (!run) return;
    out.push(`${unitClass([[0xd800 + run.from, 0xd800 + run.to]])}${run.key}`);
  };
  for (const [high, lows] of lowsByHigh) {
    const key = unitClass(lows);
    if (run && run.to === high - 1 && run.key === key) run.to = high;
    else {
      flush();
      run = { from: high, to: high, key };
    }
  }
  flush();
  return out;
}

/**
 * A .NET matcher of exactly one code point of `set`, at a code point boundary, in either
 * direction (it is also used inside lookbehinds, which .NET matches right to left).
 */
function codePointMatcher(set: CodePointSet): Fragment {
  if (set.length === 0) return { source: NOTHING, atom: true };
  const bmp = union(intersect(set, 0, 0xd7ff), intersect(set, 0xe000, 0xffff));
  const highs = intersect(set, 0xd800, 0xdbff);
  const lows = intersect(set, 0xdc00, 0xdfff);
  const astral = intersect(set, 0x10000, MAX_CODE_POINT);
  if (astral.length === 0 && highs.length === 0 && lows.length === 0) {
    return { source: unitClass(bmp), atom: true };
  }
  const alternatives: string[] = [];
  if (bmp.length) alternatives.push(unitClass(bmp));
  alternatives.push(...astralAlternatives(astral));
  if (highs.length) alternatives.push(`${unitClass(highs)}(?!${LOW})`);
  if (lows.length) alternatives.push(`(?<!${HIGH})${unitClass(lows)}`);
  if (alternatives.length === 1 && bmp.length) return { source: alternatives[0]!, atom: true };
  return { source: `(?:${alternatives.join("|")})`, atom: true };
}

/** The .NET source of one code point as a literal: readable when it is printable ASCII. */
function literal(cp: number): Fragment {
  if (cp <= 0xffff && (cp < 0xd800 || cp > 0xdfff)) return { source: unitLiteral(cp), atom: true };
  if (cp > 0xffff) {
    const high = 0xd800 + ((cp - 0x10000) >> 10);
    const low = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    return { source: `${hex4(high)}${hex4(low)}`, atom: false };
  }
  return codePointMatcher([[cp, cp]]);
}

const MAX_DOTNET_COUNT = 0x7fffffff;

class Translator {
  /** Capturing groups in JavaScript's numbering (1-based: index + 1). */
  private readonly groups: AST.CapturingGroup[] = [];

  constructor(
    private readonly ast: AST.Pattern,
    private readonly pointer: string,
    private readonly options: TranslateOptions,
  ) {
    const stack: AST.Node[] = [ast];
    const found: AST.CapturingGroup[] = [];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === "CapturingGroup") found.push(node);
      stack.push(...childrenOf(node));
    }
    this.groups = found.sort((a, b) => a.start - b.start);
  }

  pattern(): string {
    // Like .NET, V8 tries every UTF-16 position, between the halves of a pair too (where
    // `/\B/u` matches in "a😀a"); there, as here, nothing consumes half a pair.
    return this.alternatives(this.ast.alternatives);
  }

  private refuse(node: AST.Node, what: string, fix: string): never {
    throw new SchemaProblem(
      this.pointer,
      `the pattern's ${what} (\`${node.raw}\` at character ${node.start + 1}) cannot be checked the same way in .NET`,
      fix,
    );
  }

  private alternatives(alternatives: readonly AST.Alternative[]): string {
    return alternatives.map((alternative) => this.sequence(alternative.elements)).join("|");
  }

  private sequence(elements: readonly AST.Element[]): string {
    return elements.map((element) => this.element(element).source).join("");
  }

  private element(node: AST.Element): Fragment {
    switch (node.type) {
      case "Character":
        return this.options.asciiIgnoreCase
          ? this.set(this.cased([[node.value, node.value]]))
          : literal(node.value);
      case "CharacterSet":
        return this.set(this.characterSet(node));
      case "CharacterClass":
        return this.set(this.characterClass(node));
      case "ExpressionCharacterClass":
        return this.refuse(node, "set operation", "write the class without `--` and `&&`");
      case "Group":
        return { source: `(?:${this.alternatives(node.alternatives)})`, atom: true };
      case "CapturingGroup":
        // Named groups are written unnamed: .NET numbers named groups after unnamed ones, and
        // backreferences are written by JavaScript's number.
        return { source: `(${this.alternatives(node.alternatives)})`, atom: true };
      case "Quantifier":
        return this.quantifier(node);
      case "Assertion":
        return this.assertion(node);
      case "Backreference":
        return this.backreference(node);
      default:
        return this.refuse(node, "construct", "rewrite the pattern without it");
    }
  }

  private set(set: CodePointSet): Fragment {
    return codePointMatcher(set);
  }

  /** The set with both cases of its ASCII letters, under `asciiIgnoreCase` (before negation). */
  private cased(set: CodePointSet): CodePointSet {
    return this.options.asciiIgnoreCase ? withAsciiCase(set) : set;
  }

  private characterSet(node: AST.CharacterSet): CodePointSet {
    switch (node.kind) {
      case "any":
        return complement(LINE_TERMINATORS);
      case "digit":
        return node.negate ? complement(DIGIT) : DIGIT;
      case "word":
        return node.negate ? complement(WORD) : WORD;
      case "space":
        return node.negate ? complement(jsWhiteSpace()) : jsWhiteSpace();
      case "property": {
        if (node.strings) {
          return this.refuse(node, "property of strings", "use a property of characters");
        }
        // Expanded with the JavaScript engine's Unicode data, so .NET's (older) Unicode tables
        // and its different property names play no part.
        const name = node.value === null ? node.key : `${node.key}=${node.value}`;
        const set = enumerate(`\\p{${name}}`);
        return node.negate ? complement(set) : set;
      }
      default:
        return this.refuse(node, "character set", "rewrite the pattern without it");
    }
  }

  private characterClass(node: AST.CharacterClass): CodePointSet {
    const parts: CodePointSet[] = [];
    for (const element of node.elements) {
      switch (element.type) {
        case "Character":
          parts.push([[element.value, element.value]]);
          break;
        case "CharacterClassRange":
          parts.push([[element.min.value, element.max.value]]);
          break;
        case "CharacterSet":
          parts.push(this.characterSet(element));
          break;
        default:
          this.refuse(element, "class element", "write the class with characters and ranges");
      }
    }
    // `[^a]` with the `i` flag excludes `A` too: both cases first, then the complement. (The
    // sets \d \w \s and `.` already hold both cases of their letters or none.)
    const set = this.cased(union(...parts));
    return node.negate ? complement(set) : set;
  }

  private quantifier(node: AST.Quantifier): Fragment {
    const { min, max } = node;
    if (min > MAX_DOTNET_COUNT || (max !== Number.POSITIVE_INFINITY && max > MAX_DOTNET_COUNT)) {
      this.refuse(
        node,
        "repetition count",
        `use counts of at most ${MAX_DOTNET_COUNT} (the largest .NET accepts)`,
      );
    }
    const inner = this.element(node.element);
    const operand = inner.atom ? inner.source : `(?:${inner.source})`;
    let count: string;
    if (max === Number.POSITIVE_INFINITY) count = min === 0 ? "*" : min === 1 ? "+" : `{${min},}`;
    else if (min === 0 && max === 1) count = "?";
    else count = min === max ? `{${min}}` : `{${min},${max}}`;
    // Always greedy. Laziness only orders the search: whether a match exists does not depend
    // on it, as no backreference reads a group that a lookaround or a repetition captured (those
    // are refused). And Mono's lazy loops over a body that can match empty run away: the search
    // for `(?:a{0,2}|b+|)*?c$x` in "aabbaab" does not end and takes gigabytes.
    return { source: `${operand}${count}`, atom: false };
  }

  private assertion(node: AST.Assertion): Fragment {
    switch (node.kind) {
      case "start":
        // Without RegexOptions.Multiline, .NET's `^` is the start of the string, as here.
        return { source: "^", atom: false };
      case "end":
        // .NET's `$` also matches before a final "\n"; `\z` is the end only.
        return { source: "\\z", atom: false };
      case "word": {
        // JavaScript's word characters are ASCII ones; .NET's `\b` is Unicode's.
        const source = node.negate
          ? `(?:(?<=${WORD_CLASS})(?=${WORD_CLASS})|(?<!${WORD_CLASS})(?!${WORD_CLASS}))`
          : `(?:(?<=${WORD_CLASS})(?!${WORD_CLASS})|(?<!${WORD_CLASS})(?=${WORD_CLASS}))`;
        return { source, atom: false };
      }
      case "lookahead":
      case "lookbehind": {
        const open =
          node.kind === "lookahead" ? (node.negate ? "(?!" : "(?=") : node.negate ? "(?<!" : "(?<=";
        return { source: `${open}${this.alternatives(node.alternatives)})`, atom: false };
      }
      default:
        return this.refuse(node, "assertion", "rewrite the pattern without it");
    }
  }

  private backreference(node: AST.Backreference): Fragment {
    if (node.ambiguous) {
      return this.refuse(
        node,
        "backreference to a duplicated group name",
        "give each group its own name",
      );
    }
    const group = node.resolved;
    // Inside the group it names, a backreference always matches the empty string in JavaScript
    // (the group is unset until it closes, and reset on each repetition), even between the
    // halves of a pair in V8 (`/(\1\B)/u` matches "A𝐀a" at 2): so it is nothing, here too.
    for (let up: AST.Node | null = node.parent; up; up = up.parent)
      if (up === group) return { source: "(?:)", atom: true };
    for (let up: AST.Node | null = node.parent; up; up = up.parent) {
      if (up.type === "Assertion" && up.kind === "lookbehind") {
        this.refuse(
          node,
          "backreference inside a lookbehind",
          "repeat the group's pattern instead of referring back to it",
        );
      }
    }
    for (let up: AST.Node | null = group.parent; up; up = up.parent) {
      if (up.type === "Quantifier") {
        this.refuse(
          node,
          "backreference to a repeated or optional group",
          "refer back only to a group that is not inside a quantifier (`*`, `+`, `?`, `{…}`), or repeat the group's pattern instead",
        );
      }
      if (up.type === "Assertion") {
        this.refuse(
          node,
          "backreference to a group inside a lookaround",
          "move the group out of the lookahead or lookbehind, or repeat the group's pattern instead",
        );
      }
    }
    const number = this.groups.indexOf(group) + 1;
    // JavaScript: a group that has not matched (yet) matches the empty string; .NET: it fails,
    // hence the conditional. V8 (u mode) fails a backreference, set or not, that ends between
    // the halves of a pair (`/()\B\1/u` does not match "a😀a", though `/()\B/u` does at 2),
    // and so a captured lone high surrogate does not match the first half of a pair.
    return {
      source: `(?(${number})\\k<${number}>|)(?!(?<=${HIGH})${LOW})`,
      atom: false,
    };
  }
}
