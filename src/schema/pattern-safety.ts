import { RegExpParser, RegExpSyntaxError } from "@eslint-community/regexpp";
import { analyse } from "scslre";

/**
 * Whether a JSON Schema `pattern` compiles and can be run without catastrophic backtracking.
 * Validators use the platform's backtracking RegExp, so an unsafe pattern is refused rather
 * than shipped: a pattern like `^(a+)+$` can take minutes on a 30-character input.
 */
export type PatternVerdict =
  | { ok: true }
  | { ok: false; problem: "invalid"; message: string }
  | { ok: false; problem: "unsafe"; message: string; fix: string };

const parser = new RegExpParser({ ecmaVersion: 2024 });
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
  let literal;
  try {
    // ajv compiles patterns with the "u" flag; parse them the same way.
    literal = parser.parseLiteral(`/${pattern.replace(/\\?\//g, (m) => (m === "/" ? "\\/" : m))}/u`);
    new RegExp(pattern, "u");
  } catch (error) {
    const reason = error instanceof RegExpSyntaxError || error instanceof SyntaxError ? error.message : String(error);
    return { ok: false, problem: "invalid", message: `is not a valid regular expression (${reason.replace(/^Invalid regular expression: /, "")})` };
  }
  const report = analyse(literal, { maxReports: 1 }).reports[0];
  if (!report) return { ok: true };
  const kind = report.exponential ? "exponential" : "polynomial";
  const char = report.character.literal.source;
  const quantifier = report.type === "Trade" ? `${report.startQuant.raw}" and "${report.endQuant.raw}` : report.quant.raw;
  return {
    ok: false,
    problem: "unsafe",
    message: `can backtrack catastrophically (${kind} time): a long run of ${char} that fails to match at the end makes "${quantifier}" try every way to split it`,
    fix: "rewrite it so that each character can be matched in only one way, e.g. ^(a+)+$ as ^a+$, or (\\w|\\d)+ as \\w+",
  };
}
