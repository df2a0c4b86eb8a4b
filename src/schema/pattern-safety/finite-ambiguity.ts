import type { AST } from "@eslint-community/regexpp";
import { CharBase, type CharSet } from "refa";
import { childrenOf } from "./ast.ts";
import { build, closures, Nfa } from "./nfa.ts";
import { type PatternVerdict, quote, TooComplex } from "./verdict.ts";

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
export function findFiniteAmbiguity(ast: AST.Pattern): PatternVerdict | undefined {
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

export class Ambiguous extends Error {
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
    const text = quote(prefix.length > 40 ? `${prefix.slice(0, 40)}…` : prefix);
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
