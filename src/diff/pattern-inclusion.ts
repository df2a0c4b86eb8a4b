import { RegExpParser } from "@eslint-community/regexpp";
import { DFA, isDisjointWith, JS, NFA } from "refa";
import { checkPattern, MAX_PATTERN_LENGTH } from "../schema/pattern-safety/index.ts";

/** Budgets that keep a proof cheap; past them the answer is "not proven" (so: tightened). */
const MAX_NODES = 20_000;

const parser = new RegExpParser({ ecmaVersion: 2024 });
const cache = new Map<string, boolean>();

/**
 * Whether every string that `narrower` matches is proven to match `wider` too, as JSON Schema
 * applies a pattern (a search anywhere in the string, with the "u" flag). The two patterns become
 * finite automata (refa) over whole strings: an unanchored start or end is a `[^]*` around the
 * alternative. Then narrower ∩ ¬wider must be empty. Anything that stops the proof — lookarounds,
 * `\b`, backreferences, an invalid pattern, a budget — answers false: "could not be proven".
 */
export function patternAcceptsAll(wider: string, narrower: string): boolean {
  if (wider === narrower) return true;
  // Past the analysis's length limit, no proof is tried (its cost grows faster than the length).
  if (wider.length > MAX_PATTERN_LENGTH || narrower.length > MAX_PATTERN_LENGTH) return false;
  const key = JSON.stringify([wider, narrower]);
  let answer = cache.get(key);
  if (answer === undefined) {
    answer = prove(wider, narrower);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, answer);
  }
  return answer;
}

function prove(wider: string, narrower: string): boolean {
  try {
    const matched = wholeStringAutomaton(narrower);
    const accepted = DFA.fromFA(wholeStringAutomaton(wider), new DFA.LimitedNodeFactory(MAX_NODES));
    accepted.complement();
    return isDisjointWith(matched, accepted, MAX_NODES);
  } catch {
    return false;
  }
}

/** An NFA for the strings in which the pattern finds a match. Throws when that cannot be built exactly. */
function wholeStringAutomaton(pattern: string): NFA {
  if (!checkPattern(pattern).ok) throw new Error("the pattern is not known to be valid and safe");
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  // `^` at the start and `$` at the end of a top-level alternative are anchors; anything else
  // that asserts makes the parse below throw.
  const source = ast.alternatives
    .map((alternative) => {
      let elements = alternative.elements;
      const first = elements[0];
      const anchoredStart = first?.type === "Assertion" && first.kind === "start";
      if (anchoredStart) elements = elements.slice(1);
      const last = elements[elements.length - 1];
      const anchoredEnd = last?.type === "Assertion" && last.kind === "end";
      if (anchoredEnd) elements = elements.slice(0, -1);
      const inner =
        elements.length > 0
          ? pattern.slice(elements[0]!.start, elements[elements.length - 1]!.end)
          : "";
      return `${anchoredStart ? "" : "[^]*"}(?:${inner})${anchoredEnd ? "" : "[^]*"}`;
    })
    .join("|");
  const { expression, maxCharacter } = JS.Parser.fromLiteral({ source, flags: "u" }).parse({
    assertions: "throw",
    backreferences: "throw",
    maxNodes: MAX_NODES,
  });
  return NFA.fromRegex(
    expression,
    { maxCharacter },
    { assertions: "throw" },
    new NFA.LimitedNodeFactory(MAX_NODES),
  );
}
