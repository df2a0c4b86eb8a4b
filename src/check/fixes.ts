import type { SecretValueKeyword } from "../model/secret-values.ts";
import type { Autofix } from "./types.ts";

/**
 * The mechanical fixes the rules offer, as data (see `Autofix` in ./types.ts), and the text
 * rewrites they stand for. Pure; ./autofix.ts applies them to a design.
 */

const SECRET_VALUE_WORDS: Readonly<Record<SecretValueKeyword, string>> = {
  default: "default",
  examples: "examples",
  const: "constant value",
  enum: "single allowed value",
};

/** Make a field secret; `dropped` are the keywords that go with it (a secret carries no value). */
export function makeSecretFix(dropped: readonly SecretValueKeyword[]): Autofix {
  const words = dropped.map((keyword) => SECRET_VALUE_WORDS[keyword]);
  return {
    kind: "make-secret",
    label:
      words.length === 0 ? "Make it secret" : `Make it secret and remove its ${joinAnd(words)}`,
  };
}

export function removeSecretValueFix(keyword: SecretValueKeyword): Autofix {
  return { kind: "remove-secret-value", label: `Remove the ${SECRET_VALUE_WORDS[keyword]}` };
}

export const USE_HTTPS_FIX: Autofix = { kind: "use-https", label: "Use https" };

/** Anchors `pattern` (see {@link anchorPattern}), saying which anchors it adds. */
export function anchorPatternFix(pattern: string): Autofix {
  const anchors = missingAnchors(pattern);
  const added =
    anchors.start && anchors.end ? "^ and $" : anchors.start ? "^" : anchors.end ? "$" : "";
  return { kind: "anchor-pattern", label: `Anchor with ${added}` };
}

/** An http:// URL (surrounding spaces ignored) as https://, or undefined when it is not one. */
export function httpsUrl(value: string): string | undefined {
  const trimmed = value.trim();
  return /^http:\/\//i.test(trimmed) ? `https://${trimmed.slice("http://".length)}` : undefined;
}

/**
 * `pattern` made to match the whole value: `^` added at the start and `$` at the end where they
 * are missing (`\d+-\w+` → `^\d+-\w+$`, `\s+$` → `^\s+$`). A pattern with alternatives at its top
 * level is grouped first, so the anchors hold for each of them (`a|b` → `^(?:a|b)$`). Unchanged
 * when it is anchored at both ends already. The pattern is read as the u flag reads it (escapes,
 * character classes and groups); an invalid one gives an invalid result, never an exception.
 */
export function anchorPattern(pattern: string): string {
  const anchors = missingAnchors(pattern);
  if (!anchors.start && !anchors.end) return pattern;
  if (anchors.alternatives) return `^(?:${pattern})$`;
  return `${anchors.start ? "^" : ""}${pattern}${anchors.end ? "$" : ""}`;
}

/**
 * Which anchors `pattern` lacks, and whether it has alternatives at its top level (then the
 * anchors are missing unless every alternative has both).
 */
function missingAnchors(pattern: string): { start: boolean; end: boolean; alternatives: boolean } {
  const alternatives = topLevelAlternatives(pattern);
  const start = alternatives.some((alternative) => !alternative.text.startsWith("^"));
  const end = alternatives.some((alternative) => !alternative.endsWithAnchor);
  if (alternatives.length > 1) {
    const missing = start || end;
    return { start: missing, end: missing, alternatives: true };
  }
  return { start, end, alternatives: false };
}

/**
 * The pattern's alternatives at its top level (outside every group and class), each with whether
 * its last character is an unescaped `$` outside a class.
 */
function topLevelAlternatives(pattern: string): Array<{ text: string; endsWithAnchor: boolean }> {
  const found: Array<{ text: string; endsWithAnchor: boolean }> = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  let endsWithAnchor = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    const afterAnchor = endsWithAnchor;
    endsWithAnchor = false;
    if (char === "\\") {
      i++; // the escaped character is a literal (or a class escape): it opens or closes nothing
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (char === "$") endsWithAnchor = true;
    else if (char === "|" && depth === 0) {
      found.push({ text: pattern.slice(from, i), endsWithAnchor: afterAnchor });
      from = i + 1;
    }
  }
  found.push({ text: pattern.slice(from), endsWithAnchor });
  return found;
}

function joinAnd(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
