import { capitalise, type Pair, type Report } from "../context.ts";
import { sameKeyword } from "../equality.ts";
import { isChoice } from "../shapes.ts";

/** Validation keywords without a rule of their own: compared as a whole. */
const OTHER_CONSTRAINTS = [
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "patternProperties",
  "dependencies",
  "propertyNames",
  "contains",
  "additionalItems",
  "items",
  "$ref",
];

/**
 * The other validation keywords: removing one is compatible; adding or changing one counts as
 * tightened, since whether the new form accepts every value the old one did is not worked out.
 * A choice's `oneOf` is compared option by option instead (choices.ts), and `items` holding one
 * schema item by item (compare.ts); a `$ref` only shows up here when it cannot be followed.
 */
export function compareOtherConstraints(pair: Pair, report: Report): void {
  for (const keyword of OTHER_CONSTRAINTS) {
    const before = pair.old.get(keyword);
    const after = pair.new.get(keyword);
    if (before === undefined && after === undefined) continue;
    if (keyword === "oneOf" && isChoice(pair.old) && isChoice(pair.new)) continue;
    if (keyword === "items" && !Array.isArray(before) && !Array.isArray(after)) continue;
    const what = `the "${keyword}" of the ${pair.name}`;
    if (after === undefined) {
      report({ rule: "constraint-loosened", keyword, message: `${capitalise(what)} was removed` });
    } else if (before === undefined) {
      report({
        rule: "constraint-tightened",
        keyword,
        message: `${capitalise(what)} was added: saved values that do not satisfy it no longer validate`,
      });
    } else if (!sameKeyword(pair.old, pair.new, keyword)) {
      report({
        rule: "constraint-tightened",
        keyword,
        message: `${capitalise(what)} changed, and could not be proven to accept every value it accepted before: saved values may no longer validate`,
      });
    }
  }
}
