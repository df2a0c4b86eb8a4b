import { quoteExcerpt } from "../../json/excerpt.ts";
import { secretValues } from "../../model/secret-values.ts";
import { describeSecretMarkings, SECRET_MARKINGS } from "../../model/vendor-keywords.ts";
import { capitalise, type Pair, type Report, shown } from "../context.ts";
import { sameJson } from "../equality.ts";
import { REDACTED } from "../types.ts";

/**
 * A field that stops being secret (`writeOnly` or `airbyte_secret` removed, whichever marked it)
 * is shown in clear text and may be read back and logged: exposing. A secret that gets a value in
 * the schema ships it with every copy of the connector: exposing. Becoming secret is compatible;
 * a secret that changes its marking (`airbyte_secret` to `writeOnly`, or one added beside the
 * other) stays a secret: an annotation change, said as such.
 */
export function compareSecrets(pair: Pair, report: Report): void {
  const { old: before, new: after } = pair;
  const was = before.secretMarkings;
  const is = after.secretMarkings;
  if (was.length > 0 && is.length === 0) {
    const keyword = was[0]!;
    report({
      rule: "secret-exposed",
      keyword,
      old: true,
      ...(after.has(keyword) ? { new: after.get(keyword)! } : {}),
      pointer: after.has(keyword) ? after.at(keyword) : after.pointer,
      message: `The ${pair.name} is no longer secret (${describeSecretMarkings(was)} removed): forms show its saved value in clear text, and it may be read back and logged`,
    });
  } else if (was.length === 0 && is.length > 0) {
    report({
      rule: "field-became-secret",
      keyword: is[0]!,
      new: true,
      message: `The ${pair.name} became secret (${is.map((keyword) => `"${keyword}": true`).join(", ")}): its value is masked and never read back`,
    });
  } else {
    // Secret in both or in neither: a marking that changed is an annotation (one report, here).
    for (const keyword of SECRET_MARKINGS) {
      const then = before.get(keyword);
      const now = after.get(keyword);
      if (sameJson(then, now)) continue;
      const what = capitalise(`the ${quoteExcerpt(keyword)} of the ${pair.name}`);
      const how = now === undefined ? "was removed" : then === undefined ? "was added" : "changed";
      report({
        rule: "annotation-changed",
        keyword,
        ...(then !== undefined ? { old: then } : {}),
        ...(now !== undefined ? { new: now } : {}),
        ...(now !== undefined ? { pointer: after.at(keyword) } : {}),
        message: `${what} ${how}: ${
          is.length > 0
            ? `it is still secret (${describeSecretMarkings(is)})`
            : "it is still not a secret"
        }`,
      });
    }
  }
  if (!after.isSecret || after.schema === false) return;
  for (const { keyword, what } of secretValues(after.schema)) {
    const value = after.get(keyword)!;
    if (before.isSecret && sameJson(before.get(keyword), value)) continue;
    const previous = before.get(keyword);
    report({
      rule: "secret-value-added",
      keyword,
      ...(previous !== undefined ? { old: shown(pair, previous)! } : {}),
      new: REDACTED,
      message: `${capitalise(`the secret ${pair.name}`)} now has ${what} ("${keyword}") in the schema, which ships it with every copy of the connector (the value is not shown)`,
    });
  }
}
