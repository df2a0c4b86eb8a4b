import { quoteExcerpt } from "../../json/excerpt.ts";
import { SECRET_MARKINGS } from "../../model/vendor-keywords.ts";
import { isDraft07 } from "../../schema/draft-07.ts";
import { capitalise, isSecretPair, type Pair, quoted, type Report, shown } from "../context.ts";
import { sameJson } from "../equality.ts";
import { DEFINITION_KEYWORDS, TEXT_KEYWORDS, VALIDATION_KEYWORDS } from "../keywords.ts";

/** Keywords with rules of their own: the secret markings (./secrets.ts) and `default`. */
const OWN_RULES: ReadonlySet<string> = new Set([...SECRET_MARKINGS, "default"]);

/**
 * Changes to keywords that do not validate: titles, descriptions, examples, placeholders, option
 * labels (text-changed), and the rest — readOnly, x-widget, $comment, unknown keywords
 * (annotation-changed). None of them changes which saved values validate.
 */
export function compareAnnotations(pair: Pair, report: Report): void {
  const keywords = [...new Set([...pair.new.keywords(), ...pair.old.keywords()])];
  for (const keyword of keywords) {
    if (
      VALIDATION_KEYWORDS.has(keyword) ||
      DEFINITION_KEYWORDS.has(keyword) ||
      OWN_RULES.has(keyword)
    )
      continue;
    const before = pair.old.get(keyword);
    const after = pair.new.get(keyword);
    if (sameJson(before, after)) continue;
    // Every spelling of draft-07 (or none) means the same version: not a change to report.
    if (keyword === "$schema" && pair.new.pointer === "" && isDraft07(before) && isDraft07(after))
      continue;
    // Examples of a secret are its values: adding them is the secrets rule's (exposing) case.
    if (keyword === "examples" && pair.new.isSecret && after !== undefined) continue;
    const text = TEXT_KEYWORDS.has(keyword);
    const what = `the ${quoteExcerpt(keyword)} of the ${pair.name}`;
    const secret = keyword === "examples" && isSecretPair(pair);
    report({
      rule: text ? "text-changed" : "annotation-changed",
      keyword,
      old: secret ? shown(pair, before) : before,
      new: secret ? shown(pair, after) : after,
      message:
        before === undefined
          ? `${capitalise(what)} was added: ${secret ? quoted(pair, after) : display(after)}`
          : after === undefined
            ? `${capitalise(what)} was removed (was ${secret ? quoted(pair, before) : display(before)})`
            : `${capitalise(what)} changed from ${secret ? quoted(pair, before) : display(before)} to ${secret ? quoted(pair, after) : display(after)}`,
    });
  }
}

function display(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
