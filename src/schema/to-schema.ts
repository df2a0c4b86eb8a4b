import { defineOwn, type JsonObject, type JsonValue } from "../json/value.ts";
import type { CredentialDocument, FieldNode } from "../model/nodes.ts";

/**
 * The draft-07 schema of a document: each node's keywords in their order, with `properties`
 * built from its fields and `oneOf` from its branches in the designed order. The inverse of
 * `importSchema`. Keyword values are shared with the document, which is immutable: callers that
 * want to change the result must copy it first.
 */
export function toSchema(doc: CredentialDocument): JsonObject {
  return nodeToSchema(doc.root) as JsonObject;
}

export function nodeToSchema(node: FieldNode): JsonObject | boolean {
  if (typeof node.schema === "boolean") return node.schema;
  const schema: JsonObject = {};
  let wroteChildren = false;
  for (const keyword of Object.keys(node.schema)) {
    let value: JsonValue = node.schema[keyword]!;
    if (keyword === "properties" && node.fields) {
      value = propertiesOf(node.fields);
      wroteChildren = true;
    } else if (keyword === "oneOf" && node.branches) {
      value = node.branches.map(nodeToSchema);
      wroteChildren = true;
    }
    defineOwn(schema, keyword, value);
  }
  if (!wroteChildren && node.fields && node.fields.length > 0)
    defineOwn(schema, "properties", propertiesOf(node.fields));
  if (!wroteChildren && node.branches) defineOwn(schema, "oneOf", node.branches.map(nodeToSchema));
  return schema;
}

function propertiesOf(fields: readonly FieldNode[]): JsonObject {
  const properties: JsonObject = {};
  for (const field of fields) defineOwn(properties, field.key, nodeToSchema(field));
  return properties;
}
