import { secretValues } from "../../model/secret-values.ts";
import { capitalise, type Pair, type Report, shown } from "../context.ts";
import { sameJson } from "../equality.ts";
import { REDACTED } from "../types.ts";

/**
 * A field that stops being secret (writeOnly removed) is shown in clear text and may be read back
 * and logged: exposing. A secret that gets a value in the schema ships it with every copy of the
 * connector: exposing. Becoming secret is compatible.
 */
export function compareSecrets(pair: Pair, report: Report): void {
  const { old: before, new: after } = pair;
  if (before.isSecret && !after.isSecret) {
    report({
      rule: "secret-exposed",
      keyword: "writeOnly",
      old: true,
      ...(after.has("writeOnly") ? { new: after.get("writeOnly")! } : {}),
      pointer: after.has("writeOnly") ? after.at("writeOnly") : after.pointer,
      message: `The ${pair.name} is no longer secret ("writeOnly" removed): forms show its saved value in clear text, and it may be read back and logged`,
    });
  } else if (!before.isSecret && after.isSecret) {
    report({
      rule: "field-became-secret",
      keyword: "writeOnly",
      new: true,
      message: `The ${pair.name} became secret ("writeOnly": true): its value is masked and never read back`,
    });
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
