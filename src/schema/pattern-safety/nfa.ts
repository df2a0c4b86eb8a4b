import type { AST } from "@eslint-community/regexpp";
import type { CharSet } from "refa";
import { toUnicodeSet } from "regexp-ast-analysis";
import { childrenOf, flags } from "./ast.ts";
import { TooComplex } from "./verdict.ts";

// The NFA both ambiguity analyses build (exponential.ts, finite-ambiguity.ts).

/** Upper bounds that keep one analysis well under a millisecond for realistic patterns. */
const MAX_STATES = 4_000;
const MAX_CLOSURE_STEPS = 200_000;

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
export class Nfa {
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
export function charSetOf(
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
export function weightOf(node: AST.Node, memo: Map<AST.Node, number>): number {
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
export function build(
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
export interface ClosureEdge {
  to: number;
  set: CharSet;
  /** Number of distinct ε-paths. */
  paths: number;
  /** The loops taken by the first two ε-paths (for the message). */
  loops: Array<AST.Quantifier[]>;
}

export function closures(
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
