import { describe, expect, test } from "vitest";
import { dotNetPattern, jsWhiteSpace } from "../../../src/export/csharp/dotnet-pattern.ts";
import { SchemaProblem } from "../../../src/json/problem.ts";

/** What each construct becomes; the verdicts themselves are checked under Mono elsewhere. */

const at = "/properties/token/pattern";
const HIGH = "[\\uD800-\\uDBFF]";
const LOW = "[\\uDC00-\\uDFFF]";

describe("dotNetPattern writes", () => {
  test("literals, classes, quantifiers and groups as they were", () => {
    expect(dotNetPattern("^[a-z][a-z0-9_]{2,31}$", at)).toBe("^[a-z][0-9_a-z]{2,31}\\z");
    expect(dotNetPattern("abc", at)).toBe("abc");
    expect(dotNetPattern("(?:ab)+|c*|d?", at)).toBe("(?:ab)+|c*|d?");
    expect(dotNetPattern("x{3}y{2,}", at)).toBe("x{3}y{2,}");
  });

  test("`$` as `\\z`, because .NET's `$` also matches before a final newline", () => {
    expect(dotNetPattern("a$", at)).toBe("a\\z");
    expect(dotNetPattern("^$", at)).toBe("^\\z");
  });

  test("metacharacters escaped, other characters as \\uHHHH", () => {
    expect(dotNetPattern("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\/ #", at)).toBe(
      "\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\/ #",
    );
    expect(dotNetPattern("\\n\\t\\0\\cJ\\x41\\u0042\\u{43}é", at)).toBe(
      "\\u000A\\u0009\\u0000\\u000AABC\\u00E9",
    );
    expect(dotNetPattern("[\\-\\]\\[^\\\\]", at)).toBe("[\\u002D\\u005B-\\u005E]");
  });

  test("\\d \\w \\s as JavaScript's sets, explicitly", () => {
    expect(dotNetPattern("\\d", at)).toBe("[0-9]");
    expect(dotNetPattern("\\w", at)).toBe("[0-9A-Z_a-z]");
    expect(dotNetPattern("\\s", at)).toBe(
      "[\\u0009-\\u000D \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]",
    );
    expect(dotNetPattern("\\D", at)).toBe(
      `(?:[^0-9\\uD800-\\uDFFF]|${HIGH}${LOW}|${HIGH}(?!${LOW})|(?<!${HIGH})${LOW})`,
    );
  });

  test("`.` as one code point other than the four line terminators", () => {
    expect(dotNetPattern(".", at)).toBe(
      `(?:[^\\u000A\\u000D\\u2028\\u2029\\uD800-\\uDFFF]|${HIGH}${LOW}|${HIGH}(?!${LOW})|(?<!${HIGH})${LOW})`,
    );
  });

  test("\\b and \\B with ASCII word characters", () => {
    const w = "[0-9A-Z_a-z]";
    expect(dotNetPattern("\\bx", at)).toBe(`(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))x`);
    expect(dotNetPattern("\\B", at)).toBe(`(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`);
  });

  test("astral characters as whole surrogate pairs, grouped under a quantifier", () => {
    expect(dotNetPattern("😀", at)).toBe("\\uD83D\\uDE00");
    expect(dotNetPattern("😀+", at)).toBe("(?:\\uD83D\\uDE00)+");
    expect(dotNetPattern("[😀-😎]", at)).toBe("(?:\\uD83D[\\uDE00-\\uDE0E])");
    expect(dotNetPattern("[\\u{10000}-\\u{10FFFF}]", at)).toBe(`(?:${HIGH}${LOW})`);
    expect(dotNetPattern("[\\u{1F3FF}-\\u{1F401}]", at)).toBe(
      "(?:\\uD83C\\uDFFF|\\uD83D[\\uDC00\\uDC01])",
    );
  });

  test("lone surrogates only where they are lone", () => {
    expect(dotNetPattern("\\uD83D", at)).toBe(`(?:\\uD83D(?!${LOW}))`);
    expect(dotNetPattern("\\uDE00", at)).toBe(`(?:(?<!${HIGH})\\uDE00)`);
    expect(dotNetPattern("\\uD83D\\uDE00", at)).toBe("\\uD83D\\uDE00");
  });

  test("`[]` and `[^]`", () => {
    expect(dotNetPattern("[]", at)).toBe("[^\\u0000-\\uFFFF]");
    expect(dotNetPattern("[^]", at)).toBe(
      `(?:[^\\uD800-\\uDFFF]|${HIGH}${LOW}|${HIGH}(?!${LOW})|(?<!${HIGH})${LOW})`,
    );
  });

  test("\\p{…} expanded with the JavaScript engine's Unicode data", () => {
    const greek = dotNetPattern("\\p{Script=Greek}", at);
    // The BMP part (as a negated class: it is shorter), then the astral Greek characters.
    expect(greek).toMatch(
      /^\(\?:\[\^\\u0000-\\u036F\\u0374.*\]\|\\uD800\[\\uDD40-\\uDD8E\\uDDA0\]\|\\uD834\[/,
    );
    expect(dotNetPattern("\\p{ASCII}", at)).toBe("[\\u0000-\\u007F]");
    expect(dotNetPattern("\\P{Any}", at)).toBe("[^\\u0000-\\uFFFF]");
  });

  test("groups unnamed (numbered as in JavaScript) and backreferences as conditionals", () => {
    const ref = (n: number) => `(?(${n})\\k<${n}>|)(?!(?<=${HIGH})${LOW})`;
    expect(dotNetPattern("(?<year>\\d{4})-(a)\\k<year>\\2", at)).toBe(
      `([0-9]{4})-(a)${ref(1)}${ref(2)}`,
    );
  });

  test("a backreference inside the group it names as nothing: JavaScript matches it empty, anywhere", () => {
    expect(dotNetPattern("(?<n>\\1\\B)", at)).toBe(`((?:)${dotNetPattern("\\B", at)})`);
    expect(dotNetPattern("(a\\1*|b)", at)).toBe("(a(?:)*|b)");
    expect(dotNetPattern("((\\2)x)", at)).toBe("(((?:))x)");
    // A reference from outside the group is still a conditional.
    expect(dotNetPattern("(a)(b\\1)", at)).toMatch(/^\(a\)\(b\(\?\(1\)/);
  });

  test("lazy quantifiers as greedy ones (the verdict is the same; Mono's lazy loops can run away)", () => {
    expect(dotNetPattern("a+?b*?c??d{2,3}?(?:|e)*?", at)).toBe("a+b*c?d{2,3}(?:|e)*");
  });

  test("lookarounds as they were", () => {
    expect(dotNetPattern("(?=a)(?!b)(?<=c)(?<!d)", at)).toBe("(?=a)(?!b)(?<=c)(?<!d)");
  });

  test("the set \\s stands for is the JavaScript engine's", () => {
    const re = /\s/u;
    for (const [lo, hi] of jsWhiteSpace()) {
      expect(re.test(String.fromCodePoint(lo))).toBe(true);
      expect(re.test(String.fromCodePoint(hi))).toBe(true);
      if (lo > 0) expect(re.test(String.fromCodePoint(lo - 1))).toBe(false);
      expect(re.test(String.fromCodePoint(hi + 1))).toBe(false);
    }
  });
});

function problem(pattern: string): SchemaProblem {
  try {
    dotNetPattern(pattern, at);
  } catch (error) {
    if (error instanceof SchemaProblem) return error;
    throw error;
  }
  throw new Error(`expected a refusal of ${pattern}`);
}

describe("dotNetPattern refuses, saying where, what and how", () => {
  test("a pattern that is not a regular expression", () => {
    const refusal = problem("a(");
    expect(refusal.pointer).toBe(at);
    expect(refusal.problem).toMatch(/not a valid regular expression/);
    expect(refusal.fix).toMatch(/correct the pattern/);
  });

  test("a backreference to a repeated or optional group", () => {
    for (const pattern of ["(a)*\\1", "(?:(a)|b)+\\1", "(a)?\\1", "(?<n>a){2}\\k<n>"]) {
      const refusal = problem(pattern);
      expect(refusal.pointer).toBe(at);
      expect(refusal.problem).toMatch(/backreference to a repeated or optional group \(`\\/);
      expect(refusal.fix).toMatch(/not inside a quantifier/);
    }
  });

  test("a backreference to a group inside a lookaround, or inside a lookbehind", () => {
    expect(problem("(?=(a))\\1").problem).toMatch(/group inside a lookaround/);
    expect(problem("(a)(?<=\\1)").problem).toMatch(/backreference inside a lookbehind/);
    expect(problem("(a)(?<=\\1)").message).toMatch(
      /^\/properties\/token\/pattern.*`\\1` at character 8.*Repeat the group's pattern/,
    );
  });

  test("a repetition count .NET cannot hold", () => {
    const refusal = problem("a{2147483648}");
    expect(refusal.problem).toMatch(/repetition count/);
    expect(refusal.fix).toMatch(/at most 2147483647/);
  });
});
