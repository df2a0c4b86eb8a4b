import { quoteExcerptAsWritten } from "../../json/excerpt.ts";
import { isJsonObject, type JsonObject, ownValue } from "../../json/value.ts";
import { editDistance } from "../../schema/edit-distance.ts";
import type { Rule, RuleContext, SchemaNode } from "../types.ts";

/**
 * Every key in `required` must be a declared property, or the window has a mandatory field
 * nobody can fill in. Properties declared by the parent count for `oneOf`/`anyOf`/`allOf`
 * branches (the `{"properties": {…}, "oneOf": [{"required": ["a"]}, …]}` idiom), and so do
 * siblings in an `allOf`.
 */
export const requiredNotInProperties: Rule = {
  id: "required-not-in-properties",
  description: "A key listed in required is not declared in properties",
  check(node, report, context) {
    const required = ownValue(node.schema, "required");
    if (!Array.isArray(required)) return;
    const scopes = declaringSchemas(node);
    required.forEach((entry, index) => {
      // An entry that is not a name is a keyword of the wrong form: the not-exportable rule's.
      if (typeof entry !== "string") return;
      if (scopes.some((schema) => declares(schema, entry, context))) return;
      const suggestion = closest(entry, scopes);
      report({
        severity: "warning",
        pointer: node.at("required", index),
        message: `The ${node.name} requires ${quoteExcerptAsWritten(entry)}, but has no property ${quoteExcerptAsWritten(entry)} in "properties"${suggestion ? ` (did you mean ${quoteExcerptAsWritten(suggestion)}?)` : ""}`,
        fix: suggestion
          ? `Change ${quoteExcerptAsWritten(entry)} to ${quoteExcerptAsWritten(suggestion)} in required, or add a property ${quoteExcerptAsWritten(entry)}`
          : `Add a property ${quoteExcerptAsWritten(entry)} to "properties", or remove ${quoteExcerptAsWritten(entry)} from required`,
      });
    });
  },
};

function declaringSchemas(node: SchemaNode): JsonObject[] {
  const scopes = [node.schema];
  const parent = node.parent;
  if (parent && node.branchIndex !== undefined) {
    scopes.push(parent.schema);
    if (node.via === "allOf") {
      const siblings = ownValue(parent.schema, "allOf");
      if (Array.isArray(siblings))
        for (const sibling of siblings) if (isJsonObject(sibling)) scopes.push(sibling);
    }
  }
  return scopes;
}

function declares(schema: JsonObject, key: string, { checkPattern }: RuleContext): boolean {
  const properties = ownValue(schema, "properties");
  if (isJsonObject(properties) && Object.hasOwn(properties, key)) return true;
  const patternProperties = ownValue(schema, "patternProperties");
  if (!isJsonObject(patternProperties)) return false;
  return Object.keys(patternProperties).some(
    (pattern) => checkPattern(pattern).ok && new RegExp(pattern, "u").test(key),
  );
}

/** A declared key one typo away (two for longer keys), looking at no more than 500 keys. */
function closest(key: string, scopes: JsonObject[]): string | undefined {
  if (key.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = key.length <= 5 ? 2 : 3;
  let looked = 0;
  for (const schema of scopes) {
    const properties = ownValue(schema, "properties");
    if (!isJsonObject(properties)) continue;
    for (const candidate of Object.keys(properties)) {
      if (++looked > 500) return best;
      if (Math.abs(candidate.length - key.length) >= bestDistance) continue;
      const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best;
}
