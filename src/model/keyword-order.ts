/**
 * The canonical order of a schema node's keywords: the order the designer writes new nodes in,
 * the place a keyword added to a node goes, and the order of the templates in `schemas/`.
 *
 * It reads from the general to the particular, as someone reviewing a credential window does:
 * where the schema comes from; what the field is called and what its help says; what kind of value
 * it holds (type, then what narrows the kind: format, content, widget, fixed values and their
 * labels); the rules on that value, grouped by the type they apply to (strings, numbers, arrays,
 * objects, then combinations); and last the annotations about the value itself (default,
 * examples, readOnly, writeOnly, and Airbyte's airbyte_secret: docs/vendor-keywords.md). Keeping
 * the secret markings beside `default` and `examples` puts in one place what a review of a secret
 * looks for: it is write-only, and it ships no value.
 *
 * Keywords not listed here (unknown ones, other `x-` extensions) have no rank: they stay where
 * they are and are never moved.
 */
export const KEYWORD_ORDER = [
  // Where the schema comes from.
  "$schema",
  "$id",
  "$ref",
  "$comment",
  // What it is called.
  "title",
  "description",
  // What kind of value.
  "type",
  "format",
  "contentMediaType",
  "contentEncoding",
  "x-widget",
  "const",
  "enum",
  "x-enumNames",
  // Rules on strings.
  "minLength",
  "maxLength",
  "pattern",
  // Rules on numbers.
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  // Rules on arrays.
  "items",
  "additionalItems",
  "contains",
  "minItems",
  "maxItems",
  "uniqueItems",
  // Rules on objects.
  "properties",
  "patternProperties",
  "required",
  "additionalProperties",
  "propertyNames",
  "dependencies",
  "minProperties",
  "maxProperties",
  // Combinations of subschemas.
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  // About the value itself.
  "default",
  "examples",
  "readOnly",
  "writeOnly",
  // Airbyte's secret marking beside the standard one ("Mark secret for Airbyte too" adds it here).
  "airbyte_secret",
  // Subschemas that `$ref`s point to.
  "definitions",
] as const;

// A Map, not an object: a keyword such as "__proto__" or "constructor" must not find a rank.
const RANK = new Map<string, number>(KEYWORD_ORDER.map((keyword, rank) => [keyword, rank]));

/** The keyword's place in the canonical order, or undefined for a keyword without one. */
export function keywordRank(keyword: string): number | undefined {
  return RANK.get(keyword);
}

/**
 * Where a new `keyword` goes among `keywords` (a node's keywords, in their order): right after the
 * last ranked keyword that ranks before it; when none does, before the first ranked keyword that
 * ranks after it; among unranked keywords only (or for an unranked keyword), at the end.
 *
 * Keywords already there never move, so an imported node keeps its author's order, and a node in
 * canonical order stays in it. In a node of another order the new keyword joins the keyword it
 * follows canonically: help text added to `{type, format, title}` (a common hand-written order)
 * goes after the title, not to the top.
 */
export function canonicalInsertionIndex(keywords: readonly string[], keyword: string): number {
  const rank = RANK.get(keyword);
  if (rank === undefined) return keywords.length;
  let lastBefore = -1;
  let firstAfter = -1;
  keywords.forEach((existing, index) => {
    const existingRank = RANK.get(existing);
    if (existingRank === undefined) return;
    if (existingRank < rank) lastBefore = index;
    else if (existingRank > rank && firstAfter === -1) firstAfter = index;
  });
  if (lastBefore !== -1) return lastBefore + 1;
  return firstAfter !== -1 ? firstAfter : keywords.length;
}

/** Whether the ranked keywords among `keywords` are in canonical order (unranked ones are ignored). */
export function isCanonicalOrder(keywords: readonly string[]): boolean {
  let previous = -1;
  for (const keyword of keywords) {
    const rank = RANK.get(keyword);
    if (rank === undefined) continue;
    if (rank < previous) return false;
    previous = rank;
  }
  return true;
}
