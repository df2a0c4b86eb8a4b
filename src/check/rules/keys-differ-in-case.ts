import { quoteExcerptAsWritten } from "../../json/excerpt.ts";
import { isJsonObject, type JsonObject, ownValue } from "../../json/value.ts";
import type { Rule } from "../types.ts";

/**
 * Two keys of one object that differ only in case (`apiKey`, `ApiKey`) are two fields to JSON
 * Schema and to C# (the exported model names them apart), but a VB.NET adapter cannot tell the
 * two properties apart: VB's names ignore case. A branch of a choice counts the keys of the
 * object around the choice too (the `{"properties": {…}, "oneOf": […]}` idiom puts them in one
 * credential). The first key is kept; each later one is reported at its property, naming the first.
 */
export const keysDifferInCase: Rule = {
  id: "keys-differ-in-case",
  description: "Two keys of one object differ only in case",
  check(node, report) {
    const properties = ownValue(node.schema, "properties");
    if (!isJsonObject(properties)) return;
    const first = new Map<string, string>();
    const parent = node.branchIndex !== undefined ? node.parent : undefined;
    // The enclosing object's keys come first: they are declared once for every branch.
    if (parent) for (const key of keysOf(parent.schema)) remember(first, key);
    for (const key of Object.keys(properties)) {
      const folded = caseFolded(key);
      const earlier = first.get(folded);
      if (earlier === undefined) {
        first.set(folded, key);
        continue;
      }
      if (earlier === key) continue; // the same key in the branch and around it: one field
      report({
        severity: "warning",
        pointer: node.at("properties", key),
        message: `The keys ${quoteExcerptAsWritten(earlier)} and ${quoteExcerptAsWritten(key)} of the ${node.name} differ only in case: an adapter written in VB.NET, whose names ignore case, cannot tell them apart`,
        fix: `Rename ${quoteExcerptAsWritten(key)} so that it differs from ${quoteExcerptAsWritten(earlier)} by more than case`,
      });
    }
  },
};

function keysOf(schema: JsonObject): string[] {
  const properties = ownValue(schema, "properties");
  return isJsonObject(properties) ? Object.keys(properties) : [];
}

function remember(first: Map<string, string>, key: string): void {
  const folded = caseFolded(key);
  if (!first.has(folded)) first.set(folded, key);
}

/**
 * What two keys share when they differ only in case, as VB.NET compares names: character by
 * character (so "STRAßE" is "straße", but "STRASSE" is another name: ß has no one-letter capital).
 */
function caseFolded(key: string): string {
  let folded = "";
  for (const character of key) {
    const lower = character.toLowerCase();
    folded += Array.from(lower).length === 1 ? lower : character;
  }
  return folded;
}
