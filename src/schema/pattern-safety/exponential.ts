import type { AST } from "@eslint-community/regexpp";
import type { CharSet } from "refa";
import { isPotentiallyZeroLength, isZeroLength } from "regexp-ast-analysis";
import { flags, quantifiersInnerFirst } from "./ast.ts";
import { build, type ClosureEdge, closures, Nfa } from "./nfa.ts";
import { type PatternVerdict, quote, TooComplex } from "./verdict.ts";

// Exponential backtracking: ambiguity of a repeated element

/** Upper bounds that keep one analysis well under a millisecond for realistic patterns. */
const MAX_PRODUCT_NODES = 200_000;

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

export function findExponential(ast: AST.Pattern): PatternVerdict | undefined {
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
  const text = quote(pump.length > 24 ? `${pump.slice(0, 24)}…` : pump);
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
