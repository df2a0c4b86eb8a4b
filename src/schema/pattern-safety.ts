import { type AST, RegExpParser, RegExpSyntaxError } from "@eslint-community/regexpp";
import { CharBase, type CharSet } from "refa";
import { isPotentiallyZeroLength, isZeroLength, toUnicodeSet } from "regexp-ast-analysis";
import { analyse, type Report } from "scslre";

/**
 * Whether a JSON Schema `pattern` compiles and can be run without catastrophic backtracking.
 * Validators use the platform's backtracking RegExp (with the `u` flag, as ajv compiles them),
 * so an unsafe pattern is refused rather than shipped: `^(a+)+$` can take minutes on a
 * 30-character input.
 *
 * How it decides (conservatively: refusing a safe but ambiguous pattern is acceptable,
 * letting a dangerous one through is not):
 *
 * 1. Exponential backtracking. For every quantifier whose maximum is at least 2 (bounded or
 *    not), the repeated element `E` is turned into an NFA for `E*` whose ε-paths are kept with
 *    their multiplicity (two ways to reach the same character through different loops count
 *    as two edges). The pattern is refused when that NFA has *exponential degree of ambiguity*:
 *    some state can return to itself along two different paths reading the same text, found
 *    as a strongly connected component of the NFA × NFA product that contains both a diagonal
 *    pair and a diverging step. This catches overlapping alternatives (`(\w|\d)+`, `(a|a)*`,
 *    `(\d|\d\d)+`), alternatives that re-split the text (`(a|ab|b)*`), nested quantifiers
 *    (`(a+)+`, `(\w+\s?)*`) and bounded forms of all of these (`(a|a){1,30}`), wherever they
 *    sit in the pattern — also inside lookarounds.
 * 2. Required repetitions that may match the empty string (`(?:a?){500}`): JavaScript lets
 *    each of them be empty, so k characters can be spread over them in C(500, k) ways.
 * 3. Polynomial backtracking (two quantifiers trading characters, `\d+\d+`; an unanchored
 *    quantifier retried from every start position, `\s+$`) is found with scslre.
 * 4. Large finite ambiguity, with no ambiguous repetition at all: `(?:x|y)?` twenty times
 *    reads "xxxxxxxxxx" in C(20, 10) ways. The subset automaton of each top-level alternative
 *    is walked while counting, for every prefix, how many NFA paths read it; more than
 *    1,000 is refused. (A backtracking matcher visits each of those paths when the input
 *    then fails, so this count bounds the work per character.)
 * 5. Lookarounds are treated as matching the empty string when the surrounding pattern is
 *    analysed: that can only add ways to match, so it errs towards refusing. Their contents
 *    are analysed like any other part of the pattern.
 * 6. Backreferences (`\1`, `\k<name>`) are refused: their cost cannot be bounded by this
 *    analysis, and a credential pattern never needs one.
 * 7. A pattern too large to analyse within fixed budgets (NFA states, ε-paths, product
 *    pairs, automaton states) is refused as well, with a message saying so. Realistic
 *    patterns stay far below them: analysis takes well under a millisecond each.
 */
export type PatternVerdict =
  | { ok: true }
  | { ok: false; problem: "invalid"; message: string }
  | { ok: false; problem: "unsafe"; message: string; fix: string };

const parser = new RegExpParser({ ecmaVersion: 2024 });
const flags: AST.Flags = parser.parseFlags("u");
const cache = new Map<string, PatternVerdict>();

export function checkPattern(pattern: string): PatternVerdict {
  let verdict = cache.get(pattern);
  if (!verdict) {
    verdict = analysePattern(pattern);
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, verdict);
  }
  return verdict;
}

function analysePattern(pattern: string): PatternVerdict {
  let ast: AST.Pattern;
  try {
    // ajv compiles patterns with the "u" flag; parse them the same way.
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
    new RegExp(pattern, "u");
  } catch (error) {
    if (error instanceof RangeError) return tooComplex("it is nested too deeply");
    const reason =
      error instanceof RegExpSyntaxError || error instanceof SyntaxError
        ? error.message
        : String(error);
    return {
      ok: false,
      problem: "invalid",
      message: `is not a valid regular expression (${reason.replace(/^Invalid regular expression: /, "")})`,
    };
  }
  try {
    return (
      findBackreference(ast) ??
      findExponential(ast) ??
      findPolynomial(ast) ??
      findFiniteAmbiguity(ast) ?? { ok: true }
    );
  } catch (error) {
    if (error instanceof Ambiguous) return error.verdict();
    if (error instanceof TooComplex || error instanceof RangeError)
      return tooComplex("it is too large or too deeply nested");
    // Never throw at callers (the linter must not crash on a schema): an analysis failure refuses.
    return tooComplex(
      `the analysis failed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function tooComplex(why: string): PatternVerdict {
  return {
    ok: false,
    problem: "unsafe",
    message: `cannot be checked for catastrophic backtracking because ${why}, so it is refused to be safe`,
    fix: "simplify the pattern: fewer nested groups and smaller repetition counts (e.g. {1,64} rather than {1,100000})",
  };
}

class TooComplex extends Error {}

// ---------------------------------------------------------------------------------------
// Backreferences

function findBackreference(ast: AST.Pattern): PatternVerdict | undefined {
  const ref = firstNode(ast, (node): node is AST.Backreference => node.type === "Backreference");
  if (!ref) return undefined;
  return {
    ok: false,
    problem: "unsafe",
    message: `uses the backreference "${ref.raw}", which cannot be checked for catastrophic backtracking, so it is refused`,
    fix: "match the repeated text explicitly instead of referring back to a group",
  };
}

/** Pre-order search over the pattern's regexpp AST, with an explicit stack. */
function firstNode<T extends AST.Node>(
  root: AST.Node,
  test: (node: AST.Node) => node is T,
): T | undefined {
  const stack: AST.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (test(node)) return node;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

function childrenOf(node: AST.Node): readonly AST.Node[] {
  switch (node.type) {
    case "Pattern":
    case "CapturingGroup":
    case "Group":
      return node.alternatives;
    case "Assertion":
      return node.kind === "lookahead" || node.kind === "lookbehind" ? node.alternatives : [];
    case "Alternative":
      return node.elements;
    case "Quantifier":
      return [node.element];
    default:
      return [];
  }
}

/** Quantifiers in post-order (inner before outer), so the innermost culprit is reported. */
function quantifiersInnerFirst(ast: AST.Pattern): AST.Quantifier[] {
  const out: AST.Quantifier[] = [];
  const stack: Array<{ node: AST.Node; expanded: boolean }> = [{ node: ast, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      if (top.node.type === "Quantifier") out.push(top.node);
      continue;
    }
    stack.push({ node: top.node, expanded: true });
    const children = childrenOf(top.node);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, expanded: false });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Exponential backtracking: ambiguity of a repeated element

/** Upper bounds that keep one analysis well under a millisecond for realistic patterns. */
const MAX_STATES = 4_000;
const MAX_CLOSURE_STEPS = 200_000;
const MAX_PRODUCT_NODES = 200_000;

interface CharEdge {
  set: CharSet;
  to: number;
  element: AST.Node;
}
interface EpsEdge {
  to: number;
  /** Set on the back edge of an unbounded repetition: which quantifier loops here. */
  loop: AST.Quantifier | undefined;
  /** Set on the edge that starts an iteration of an unbounded repetition. */
  enter: AST.Quantifier | undefined;
}

/** A Thompson-style NFA: each state has ordered ε-edges and at most one character edge. */
class Nfa {
  readonly eps: EpsEdge[][] = [];
  readonly char: Array<CharEdge | undefined> = [];

  state(): number {
    if (this.eps.length >= MAX_STATES) throw new TooComplex();
    this.eps.push([]);
    this.char.push(undefined);
    return this.eps.length - 1;
  }

  epsilon(from: number, to: number, tag?: { loop?: AST.Quantifier; enter?: AST.Quantifier }): void {
    this.eps[from]!.push({ to, loop: tag?.loop, enter: tag?.enter });
  }
}

const charSets = new WeakMap<AST.Node, CharSet>();
function charSetOf(
  node: AST.Character | AST.CharacterClass | AST.CharacterSet | AST.ExpressionCharacterClass,
): CharSet {
  let set = charSets.get(node);
  if (!set) {
    set = toUnicodeSet(node, flags).chars;
    charSets.set(node, set);
  }
  return set;
}

/** Number of character positions `node` contributes once (used to budget repetition expansion). */
function weightOf(node: AST.Node, memo: Map<AST.Node, number>): number {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let weight: number;
  switch (node.type) {
    case "Character":
    case "CharacterClass":
    case "CharacterSet":
    case "ExpressionCharacterClass":
      weight = 1;
      break;
    case "Quantifier": {
      const inner = weightOf(node.element, memo);
      weight =
        inner * Math.max(1, Math.min(node.max === Infinity ? node.min + 1 : node.max, 100_000));
      break;
    }
    default:
      weight = 0;
      for (const child of childrenOf(node)) weight += weightOf(child, memo);
      weight += 1;
  }
  memo.set(node, weight);
  return weight;
}

/** Adds `node` to the NFA starting at state `from`; returns the state where it ends. */
function build(
  nfa: Nfa,
  node: AST.Node,
  from: number,
  weights: Map<AST.Node, number>,
  backward = false,
): number {
  switch (node.type) {
    case "Character":
    case "CharacterClass":
    case "CharacterSet":
    case "ExpressionCharacterClass": {
      const to = nfa.state();
      nfa.char[from] = { set: charSetOf(node), to, element: node };
      return to;
    }
    case "Alternative": {
      // A lookbehind is matched right to left, so its NFA reads the elements in reverse.
      let cur = from;
      const elements = backward ? [...node.elements].reverse() : node.elements;
      for (const element of elements) cur = build(nfa, element, cur, weights, backward);
      return cur;
    }
    case "Pattern":
    case "CapturingGroup":
    case "Group": {
      const end = nfa.state();
      for (const alternative of node.alternatives) {
        const start = nfa.state();
        nfa.epsilon(from, start);
        nfa.epsilon(build(nfa, alternative, start, weights, backward), end);
      }
      return end;
    }
    case "Assertion":
      // ^ $ \b \B and lookarounds consume nothing. Treating them as always passing only
      // adds ways to match, which can only make the verdict stricter.
      return from;
    case "Quantifier":
      return buildRepetition(nfa, node, from, weights, backward);
    default:
      // Backreferences are refused before we get here; anything else consumes nothing.
      return from;
  }
}

function buildRepetition(
  nfa: Nfa,
  quant: AST.Quantifier,
  from: number,
  weights: Map<AST.Node, number>,
  backward: boolean,
): number {
  let { min, max } = quant;
  const weight = weightOf(quant.element, weights);
  const copies = max === Infinity ? min + 1 : max;
  if (weight * copies > MAX_STATES / 4) {
    // Too big to expand exactly: E{n,m} ⊆ E{0,}, which has at least as many ways to match.
    min = Math.min(min, 1);
    max = Infinity;
  }
  let cur = from;
  for (let i = 0; i < min; i++) cur = build(nfa, quant.element, cur, weights, backward);
  if (max === Infinity) {
    const loop = nfa.state();
    nfa.epsilon(cur, loop);
    const body = nfa.state();
    nfa.epsilon(loop, body, { enter: quant });
    nfa.epsilon(build(nfa, quant.element, body, weights, backward), loop, { loop: quant });
    const exit = nfa.state();
    nfa.epsilon(loop, exit);
    return exit;
  }
  // E{n,m} as E^n (E (E (…)?)?)? — the way a backtracking engine counts, without extra ambiguity.
  const exit = nfa.state();
  for (let i = min; i < max; i++) {
    nfa.epsilon(cur, exit);
    cur = build(nfa, quant.element, cur, weights, backward);
  }
  nfa.epsilon(cur, exit);
  return exit;
}

/** An ε-free edge: from a state, the next character edge reachable through ε-paths. */
interface ClosureEdge {
  to: number;
  set: CharSet;
  /** Number of distinct ε-paths. */
  paths: number;
  /** The loops taken by the first two ε-paths (for the message). */
  loops: Array<AST.Quantifier[]>;
}

function closures(
  nfa: Nfa,
  nodes: number[],
  budget: { steps: number },
): Map<number, ClosureEdge[]> {
  const out = new Map<number, ClosureEdge[]>();
  for (const node of nodes) {
    const edges = new Map<number, ClosureEdge>();
    // Iterative DFS over ε-paths. JavaScript ends an iteration that matched the empty string,
    // so a path may take a repetition's back edge only if it did not enter that repetition's
    // body itself (then the iteration consumed something before the path began). Since the
    // ε-graph without back edges is acyclic, this also makes every path finite.
    const stack: Array<{
      state: number;
      next: number;
      loops: AST.Quantifier[];
      entered: AST.Quantifier[];
    }> = [{ state: node, next: 0, loops: [], entered: [] }];
    while (stack.length > 0) {
      if (++budget.steps > MAX_CLOSURE_STEPS) throw new TooComplex();
      const top = stack[stack.length - 1]!;
      if (top.next === 0) {
        const char = nfa.char[top.state];
        if (char) {
          let edge = edges.get(char.to);
          if (!edge) {
            edge = { to: char.to, set: char.set, paths: 0, loops: [] };
            edges.set(char.to, edge);
          }
          edge.paths++;
          if (edge.loops.length < 2) edge.loops.push(top.loops);
        }
      }
      const eps = nfa.eps[top.state]!;
      if (top.next >= eps.length) {
        stack.pop();
        continue;
      }
      const edge = eps[top.next++]!;
      if (edge.loop && top.entered.includes(edge.loop)) continue;
      stack.push({
        state: edge.to,
        next: 0,
        loops: edge.loop ? [...top.loops, edge.loop] : top.loops,
        entered: edge.enter ? [...top.entered, edge.enter] : top.entered,
      });
    }
    out.set(node, [...edges.values()]);
  }
  return out;
}

interface Ambiguity {
  quant: AST.Quantifier;
  /** A text that can go around the loop in two different ways. */
  pump: string;
  /** The step where the two ways part. */
  split:
    | { kind: "different"; a: AST.Node; b: AST.Node }
    | { kind: "same"; element: AST.Node; loops: [AST.Quantifier[], AST.Quantifier[]] };
}

function repetitionAmbiguity(
  quant: AST.Quantifier,
  weights: Map<AST.Node, number>,
): Ambiguity | undefined {
  // The NFA of E*: a loop state, the body, and a back edge.
  const nfa = new Nfa();
  const loop = nfa.state();
  const body = nfa.state();
  nfa.epsilon(loop, body, { enter: quant });
  nfa.epsilon(build(nfa, quant.element, body, weights), loop, { loop: quant });

  // Graph nodes: the loop entry and every state right after a character.
  const nodes = [loop];
  const labels = new Map<number, CharSet>();
  const elements = new Map<number, AST.Node>();
  for (const char of nfa.char) {
    if (!char) continue;
    nodes.push(char.to);
    labels.set(char.to, char.set);
    elements.set(char.to, char.element);
  }
  if (nodes.length === 1) return undefined;
  const adjacency = closures(nfa, nodes, { steps: 0 });

  // Product graph, explored from every diagonal pair (p, p).
  const size = nfa.eps.length;
  const index = new Map<number, number>();
  const pairs: Array<[number, number]> = [];
  const succ: number[][] = [];
  const diverging: Array<{ from: number; to: number; same: ClosureEdge | undefined }> = [];
  const visit = (a: number, b: number): number => {
    const key = a * size + b;
    let id = index.get(key);
    if (id === undefined) {
      if (pairs.length >= MAX_PRODUCT_NODES) throw new TooComplex();
      id = pairs.length;
      index.set(key, id);
      pairs.push([a, b]);
      succ.push([]);
      queue.push(id);
    }
    return id;
  };
  const queue: number[] = [];
  for (const node of nodes) visit(node, node);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    const [a, b] = pairs[id]!;
    const edgesA = adjacency.get(a)!;
    const edgesB = adjacency.get(b)!;
    for (const ea of edgesA) {
      for (const eb of edgesB) {
        if (ea.set.isDisjointWith(eb.set)) continue;
        const target = visit(ea.to, eb.to);
        succ[id]!.push(target);
        if (a === b && (ea.to !== eb.to || ea.paths > 1)) {
          diverging.push({ from: id, to: target, same: ea.to === eb.to ? ea : undefined });
        }
      }
    }
  }
  if (diverging.length === 0) return undefined;

  const component = stronglyConnectedComponents(succ);
  for (const step of diverging) {
    if (component[step.from] !== component[step.to]) continue;
    // A cycle (p,p) → … → (p,p) through a step where the two paths differ.
    const back = pathWithin(succ, component, step.to, step.from);
    const cycle = [step.to, ...back.slice(1)];
    let pump = "";
    for (const id of cycle) {
      const [a, b] = pairs[id]!;
      const common = labels.get(a)!.commonCharacter(labels.get(b)!);
      pump += String.fromCodePoint(common ?? 0x3f);
    }
    const [a, b] = pairs[step.to]!;
    const split: Ambiguity["split"] = step.same
      ? {
          kind: "same",
          element: elements.get(a)!,
          loops: [step.same.loops[0] ?? [], step.same.loops[1] ?? []],
        }
      : { kind: "different", a: elements.get(a)!, b: elements.get(b)! };
    return { quant, pump, split };
  }
  return undefined;
}

/** Iterative Tarjan: component id per node. */
function stronglyConnectedComponents(succ: number[][]): Int32Array {
  const n = succ.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: Array<[number, number]> = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      const edges = succ[v]!;
      if (i < edges.length) {
        frame[1]++;
        const w = edges[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

/** Shortest path from `from` to `to` inside their (shared) component, both ends included. */
function pathWithin(succ: number[][], component: Int32Array, from: number, to: number): number[] {
  const parent = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    if (v === to) break;
    for (const w of succ[v]!) {
      if (component[w] !== component[from] || parent.has(w)) continue;
      parent.set(w, v);
      queue.push(w);
    }
  }
  const path: number[] = [];
  for (let v = to; v !== -1; v = parent.get(v)!) path.unshift(v);
  return path;
}

function findExponential(ast: AST.Pattern): PatternVerdict | undefined {
  const weights = new Map<AST.Node, number>();
  for (const quant of quantifiersInnerFirst(ast)) {
    if (quant.max < 2) continue;
    if (
      quant.min >= 2 &&
      isPotentiallyZeroLength(quant.element, flags) &&
      !isZeroLength(quant.element, flags)
    ) {
      return nullableRepetition(quant);
    }
    const ambiguity = repetitionAmbiguity(quant, weights);
    if (ambiguity) return describeAmbiguity(ambiguity);
  }
  return undefined;
}

/**
 * `(?:a?){500}`: JavaScript lets the mandatory repetitions match the empty string, so k
 * characters can be spread over 500 repetitions in C(500, k) ways (a minute for 40 "a"s).
 */
function nullableRepetition(quant: AST.Quantifier): PatternVerdict {
  return {
    ok: false,
    problem: "unsafe",
    message:
      quant.min >= 16
        ? `can backtrack catastrophically (exponential time): in ${quote(quant.raw)}, each of the ${quant.min} required repetitions may match the empty string, so a run of text can be spread over them in a huge number of ways; an input that then fails makes the engine try them all`
        : `can backtrack excessively: in ${quote(quant.raw)}, each of the ${quant.min} required repetitions may match the empty string, so the same text can be spread over them in several ways (few at ${quant.min} repetitions, but such a repetition is refused to be safe)`,
    fix: `make the repeated part match at least one character, or move the optional part outside (e.g. (?:a?){${quant.min}} → a{0,${quant.min}})`,
  };
}

function describeAmbiguity({ quant, pump, split }: Ambiguity): PatternVerdict {
  const text = quote(pump.length > 24 ? pump.slice(0, 24) + "…" : pump);
  const first = quote(String.fromCodePoint(pump.codePointAt(0) ?? 0x3f));
  const nestedFix =
    "remove the nested repetition so each character can be matched in only one way (e.g. (a+)+ → a+, (\\w+\\s?)* → [\\w\\s]*)";
  let why: string;
  let fix: string;
  const inner = (element: AST.Node, loops: readonly AST.Quantifier[]) =>
    loops.find((loop) => loop !== quant) ?? innermostRepetition(element, quant);
  if (split.kind === "different" && split.a !== split.b) {
    const [a, b] = partsThatDiffer(split.a, split.b);
    const parts = a.type === "Alternative" && b.type === "Alternative" ? "the alternatives " : "";
    why = `${parts}${quote(a.raw)} and ${quote(b.raw)} can both start with ${first}, so text like ${text} can be divided into repetitions in more than one way`;
    fix = parts
      ? "make the alternatives mutually exclusive or merge them, so each character can be matched in only one way (e.g. (\\w|\\d)+ → \\w+, (\\d|\\d\\d)+ → \\d+, (a|ab|b)* → [ab]*)"
      : "rewrite the repeated part so each character can be matched in only one way (e.g. (a?a)+ → a+)";
  } else {
    const element = split.kind === "different" ? split.a : split.element;
    const loop = inner(
      element,
      split.kind === "same" ? [...split.loops[0], ...split.loops[1]] : [],
    );
    why = loop
      ? `${quote(element.raw)} can be matched either by repeating ${quote(loop.raw)} again or by starting a new repetition of ${quote(quant.raw)}, so text like ${text} can be divided in more than one way`
      : `${quote(element.raw)} can be reached in more than one way, so text like ${text} can be divided in more than one way`;
    fix = nestedFix;
  }
  const bounded =
    quant.max === Infinity
      ? ""
      : quant.max >= 16
        ? ` (the bound of ${quant.max} repetitions does not help: that still allows about 2^${quant.max} ways)`
        : ` (the bound of ${quant.max} repetitions limits the damage, but an ambiguous repetition is refused to be safe)`;
  return {
    ok: false,
    problem: "unsafe",
    message: `can backtrack catastrophically (exponential time): in ${quote(quant.raw)}, ${why}; a long run of it that fails to match at the end makes the engine try exponentially many ways${bounded}`,
    fix,
  };
}

/** The innermost quantifier strictly between `element` and the repetition `outer`. */
function innermostRepetition(element: AST.Node, outer: AST.Quantifier): AST.Quantifier | undefined {
  for (let cur: AST.Node | null = element.parent; cur && cur !== outer; cur = cur.parent) {
    if (cur.type === "Quantifier" && cur.max > 1) return cur;
  }
  return undefined;
}

/** The two children of the lowest common ancestor of `a` and `b` that contain them. */
function partsThatDiffer(a: AST.Node, b: AST.Node): [AST.Node, AST.Node] {
  const ancestors = (node: AST.Node): AST.Node[] => {
    const chain: AST.Node[] = [];
    for (let cur: AST.Node | null = node; cur; cur = cur.parent) chain.unshift(cur);
    return chain;
  };
  const chainA = ancestors(a);
  const chainB = ancestors(b);
  let i = 0;
  while (i < chainA.length && i < chainB.length && chainA[i] === chainB[i]) i++;
  return [chainA[i] ?? a, chainB[i] ?? b];
}

function quote(text: string): string {
  return JSON.stringify(text);
}

// ---------------------------------------------------------------------------------------
// Large finite ambiguity: no repetition is ambiguous, yet the pattern can read one text in
// very many ways, e.g. `^(?:x|y)?(?:x|y)?…(?:x|y)?z$` (2^n ways to place n characters among
// the optional parts) or `(?:a?){500}b` (mandatory iterations may match the empty string).

/** More ways than this to match one prefix is refused. Unambiguous patterns have 1. */
const MAX_WAYS = 1_000;
const MAX_DFA_STATES = 4_000;
const MAX_DFA_WORK = 400_000;

/**
 * Walks the subset automaton of the whole pattern, counting for every prefix how many NFA
 * paths read it. A backtracking matcher visits each of those paths when the input then fails,
 * so the largest count bounds the work per character (lookarounds are ignored, which only
 * adds paths).
 */
function findFiniteAmbiguity(ast: AST.Pattern): PatternVerdict | undefined {
  // Paths of different top-level alternatives never share a state, so each is walked on its
  // own: that keeps `A|B` from costing |A| × |B| states.
  // Lookarounds count as empty there, so their own alternatives are walked as well.
  const weights = new Map<AST.Node, number>();
  const stack: AST.Node[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      node.type === "Pattern" ||
      (node.type === "Assertion" && (node.kind === "lookahead" || node.kind === "lookbehind"))
    ) {
      const backward = node.type === "Assertion" && node.kind === "lookbehind";
      for (const alternative of node.alternatives) countWays(alternative, weights, backward);
    }
    stack.push(...childrenOf(node));
  }
  return undefined;
}

function countWays(
  alternative: AST.Alternative,
  weights: Map<AST.Node, number>,
  backward: boolean,
): void {
  const nfa = new Nfa();
  const start = nfa.state();
  build(nfa, alternative, start, weights, backward);
  const nodes = [start];
  for (const char of nfa.char) if (char) nodes.push(char.to);
  const adjacency = closures(nfa, nodes, { steps: 0 });

  // One partition of the alphabet for the whole pattern; each edge knows its classes.
  const sets = new Set<CharSet>();
  for (const edges of adjacency.values()) for (const edge of edges) sets.add(edge.set);
  if (sets.size === 0) return;
  const base = new CharBase(sets);
  const classesOf = new Map<CharSet, number[]>();
  for (const set of sets) classesOf.set(set, base.split(set));

  const states: Array<{ counts: Map<number, number>; parent: number; char: number }> = [
    { counts: new Map([[start, 1]]), parent: -1, char: -1 },
  ];
  const seen = new Set<string>([`${start}:1`]);
  let work = 0;
  for (let head = 0; head < states.length; head++) {
    const next = new Map<number, Map<number, number>>();
    for (const [node, count] of states[head]!.counts) {
      for (const edge of adjacency.get(node)!) {
        for (const index of classesOf.get(edge.set)!) {
          if (++work > MAX_DFA_WORK) throw new TooComplex();
          let target = next.get(index);
          if (!target) next.set(index, (target = new Map()));
          target.set(
            edge.to,
            Math.min((target.get(edge.to) ?? 0) + count * edge.paths, Number.MAX_SAFE_INTEGER),
          );
        }
      }
    }
    for (const [index, successor] of next) {
      const char = pickChar(base.sets[index]!);
      let total = 0;
      for (const count of successor.values()) total += count;
      if (total > MAX_WAYS) throw new Ambiguous(states, head, char, total);
      const key = [...successor].sort((x, y) => x[0] - y[0]).join(";");
      if (seen.has(key)) continue;
      if (states.length >= MAX_DFA_STATES) throw new TooComplex();
      seen.add(key);
      states.push({ counts: successor, parent: head, char });
    }
  }
}

class Ambiguous extends Error {
  constructor(
    readonly states: ReadonlyArray<{ parent: number; char: number }>,
    readonly last: number,
    readonly char: number,
    readonly ways: number,
  ) {
    super("ambiguous");
  }

  verdict(): PatternVerdict {
    const chars = [this.char];
    for (let i = this.last; i > 0; i = this.states[i]!.parent) chars.unshift(this.states[i]!.char);
    const prefix = String.fromCodePoint(...chars);
    const text = quote(prefix.length > 40 ? prefix.slice(0, 40) + "…" : prefix);
    const ways =
      this.ways >= Number.MAX_SAFE_INTEGER
        ? "an astronomical number of"
        : `more than ${MAX_WAYS.toLocaleString("en-US")}`;
    return {
      ok: false,
      problem: "unsafe",
      message: `can backtrack catastrophically (exponential in the size of the pattern): its optional or repeated parts can match the same text in too many ways (${ways} ways to match ${text}), and an input that then fails makes the engine try every one`,
      fix: "make consecutive optional parts match different characters, or merge them into one counted repetition (e.g. (?:x|y)?(?:x|y)?(?:x|y)? → [xy]{0,3}, (?:a?){500} → a{0,500})",
    };
  }
}

/** A readable character of the set, if it has one. */
function pickChar(set: CharSet): number {
  for (const c of [0x61, 0x41, 0x30, 0x2d, 0x5f, 0x2e, 0x20]) if (set.has(c)) return c;
  for (const range of set.ranges) if (range.max >= 0x21) return Math.max(range.min, 0x21);
  return set.ranges[0]!.min;
}

// ---------------------------------------------------------------------------------------
// Polynomial backtracking (scslre)

function findPolynomial(ast: AST.Pattern): PatternVerdict | undefined {
  const report: Report | undefined = analyse({ pattern: ast, flags }, { maxReports: 1 }).reports[0];
  if (!report) return undefined;
  const kind = report.exponential ? "exponential" : "polynomial";
  const char = quote(report.character.pick);
  switch (report.type) {
    case "Self":
      return {
        ok: false,
        problem: "unsafe",
        message: `can backtrack catastrophically (${kind} time): ${quote(report.quant.raw)} is repeated inside ${quote(report.parentQuant.raw)}, so a long run of ${char} that fails to match at the end can be split between the repetitions in too many ways`,
        fix: "remove one of the two repetitions (e.g. ^(a+)+$ → ^a+$), or make what separates the repetitions mandatory",
      };
    case "Trade":
      return {
        ok: false,
        problem: "unsafe",
        message: `can backtrack catastrophically (${kind} time): ${quote(report.startQuant.raw)} and ${quote(report.endQuant.raw)} can both match ${char}, so on a long run of ${char} that fails to match at the end the engine tries every way to divide it between them`,
        fix: "make the neighbouring repetitions match different characters or merge them into one (e.g. \\d+\\d+ → \\d{2,}, \\s*,?\\s* → \\s*(?:,\\s*)?)",
      };
    case "Move":
      return {
        ok: false,
        problem: "unsafe",
        message: `can backtrack catastrophically (${kind} time): the pattern is not anchored, so ${quote(report.quant.raw)} is run again from every position of a long run of ${char} that fails to match`,
        fix: "anchor the pattern at the start with ^ (e.g. \\s+$ → ^\\s+$) or give the repetition a small upper bound (e.g. {1,64})",
      };
  }
}
