import fc from "fast-check";

/**
 * Generated draft-07 patterns from the constructs the .NET translation supports, and subjects
 * made of the characters where JavaScript's `u` mode and .NET disagree unless translated with
 * care: line terminators (`\n \r \u2028 \u2029`, and U+0085, which is one in neither), astral
 * characters (surrogate pairs), lone surrogates, non-ASCII digits and letters whose case folds
 * to ASCII (`ſ`, the Kelvin sign).
 */

export const SUBJECT_CHARS: readonly string[] = [
  "a",
  "b",
  "A",
  "z",
  "0",
  "7",
  "_",
  "-",
  ".",
  " ",
  "\t",
  "\n",
  "\r",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u00a0",
  "\ufeff",
  "😀",
  "😎",
  "𝐀",
  "\ud83d",
  "\ude00",
  "\udbff",
  "\udc00",
  "٣",
  "ſ",
  "\u212a",
  "é",
  "Σ",
];

/** A subject: up to `max` of the characters that matter. */
export function subject(max = 6): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...SUBJECT_CHARS), { maxLength: max })
    .map((chars) => chars.join(""));
}

const LITERALS = [
  "a",
  "b",
  "A",
  "0",
  "_",
  "-",
  " ",
  "\\.",
  "\\-",
  "\\n",
  "\\r",
  "\\t",
  "\\u2028",
  "\\x41",
  "\\u0062",
  "\\u{61}",
  "\\cJ",
  "\\0",
  "😀",
  "\\u{1F60E}",
  "\\uD83D\\uDE00",
  "\\uD83D",
  "\\uDE00",
  "é",
  "ſ",
  "\\u212A",
  "٣",
  "\\/",
  "\\$",
  "\\^",
];

const SETS = [
  ".",
  "\\d",
  "\\D",
  "\\w",
  "\\W",
  "\\s",
  "\\S",
  "\\p{L}",
  "\\P{L}",
  "\\p{Nd}",
  "\\p{Lu}",
  "\\p{Script=Greek}",
  "\\p{ASCII}",
  "\\p{Emoji_Presentation}",
  "\\p{White_Space}",
];

const CLASS_ITEMS = [
  "a",
  "b",
  "a-z",
  "A-Z",
  "0-9",
  "_",
  "\\-",
  "\\]",
  "!-\\-",
  "\\[-\\^",
  "\\--/",
  "^",
  ".",
  "\\n",
  "\\u2028",
  "\\d",
  "\\D",
  "\\w",
  "\\W",
  "\\s",
  "\\S",
  "😀",
  "😀-😎",
  "\\u{1F600}-\\u{1F64F}",
  "\\uD800-\\uDBFF",
  "\\uDC00-\\uDFFF",
  "\\uD83D",
  "\\u0080-\\uFFFF",
  "\\p{L}",
  "\\P{Nd}",
  "é",
  "ſ",
];

const characterClass: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...CLASS_ITEMS), { maxLength: 3 }))
  .map(([negate, items]) => `[${negate ? "^" : ""}${items.join("")}]`);

const QUANTIFIERS = ["*", "+", "?", "{2}", "{0,2}", "{1,}", "{2,3}", "*?", "+?", "??", "{1,2}?"];

/** A u-mode pattern from the supported grammar (it may still be refused, e.g. a backreference). */
export const pattern: fc.Arbitrary<string> = fc
  .letrec<{
    pattern: string;
    sequence: string;
    term: string;
    atom: string;
  }>((tie) => ({
    pattern: fc.oneof(
      { weight: 4, arbitrary: tie("sequence") },
      {
        weight: 1,
        arbitrary: fc
          .array(tie("sequence"), { minLength: 2, maxLength: 3 })
          .map((alternatives) => alternatives.join("|")),
      },
    ),
    sequence: fc.array(tie("term"), { maxLength: 4 }).map((terms) => terms.join("")),
    term: fc.oneof(
      { weight: 5, arbitrary: tie("atom") },
      {
        weight: 3,
        arbitrary: fc
          .tuple(tie("atom"), fc.constantFrom(...QUANTIFIERS))
          .map(([atom, quantifier]) => atom + quantifier),
      },
      { weight: 1, arbitrary: fc.constantFrom("^", "$", "\\b", "\\B") },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom("(?=", "(?!", "(?<=", "(?<!"), tie("pattern"))
          .map(([open, inner]) => `${open}${inner})`),
      },
      { weight: 1, arbitrary: fc.constantFrom("\\1", "\\k<n>") },
    ),
    atom: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...LITERALS) },
      { weight: 2, arbitrary: fc.constantFrom(...SETS) },
      { weight: 2, arbitrary: characterClass },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom("(?:", "(", "(?<n>"), tie("pattern"))
          .map(([open, inner]) => `${open}${inner})`),
      },
    ),
  }))
  .pattern.filter((source) => {
    try {
      new RegExp(source, "u");
      return true;
    } catch {
      return false; // e.g. a backreference to a group the pattern does not have, two `(?<n>`
    }
  });
