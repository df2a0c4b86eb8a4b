import type { AST } from "@eslint-community/regexpp";
import { RegExpSyntaxError } from "@eslint-community/regexpp";
import { parser } from "./ast.ts";
import { findBackreference } from "./backreferences.ts";
import { findExponential } from "./exponential.ts";
import { Ambiguous, findFiniteAmbiguity } from "./finite-ambiguity.ts";
import { findPolynomial } from "./polynomial.ts";
import { type PatternVerdict, TooComplex, tooComplex } from "./verdict.ts";

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
export type { PatternVerdict } from "./verdict.ts";

/**
 * The longest pattern analysed, in UTF-16 code units (as `"…".length` counts). A longer one is
 * refused before it is parsed, so that the analysis costs a bounded time whatever the input (the
 * polynomial step, scslre, is quadratic in pattern length, nearly all of it inside
 * regexp-ast-analysis, which it calls for each element and which looks along the rest of the
 * sequence: a 200,000-character pattern took 2.7 s, a 1 MB one 46 s; at this limit, tens of
 * milliseconds). Parsing and the other steps are linear or capped by budgets. Real credential
 * patterns are under 100 characters.
 */
export const MAX_PATTERN_LENGTH = 1_000;

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

/** The analysis without the cache: for the benchmark (bench/patterns.ts), which times it. */
export function analysePatternUncached(pattern: string): PatternVerdict {
  return analysePattern(pattern);
}

function analysePattern(pattern: string): PatternVerdict {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      problem: "unsafe",
      message: `is ${pattern.length.toLocaleString("en-US")} characters long, more than the ${MAX_PATTERN_LENGTH.toLocaleString("en-US")} the backtracking check analyses, so it is refused to be safe`,
      fix: `shorten the pattern to at most ${MAX_PATTERN_LENGTH.toLocaleString("en-US")} characters (a character class or a bounded repetition rather than a long list)`,
    };
  }
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
      // The engines' message repeats the whole pattern ("/…/u: why"); the subject quotes it already.
      message: `is not a valid regular expression (${reason
        .replace(/^Invalid regular expression: /, "")
        .replace(`/${pattern}/u: `, "")})`,
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
