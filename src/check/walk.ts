import { isJsonObject, ownValue, type JsonObject, type JsonValue } from "../schema/json.ts";
import { SchemaNode } from "./types.ts";

/** Keywords whose value is one subschema. */
const SINGLE = ["additionalProperties", "items", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else"];
/** Keywords whose value is an array of subschemas. */
const LIST = ["items", "allOf", "anyOf", "oneOf"];
/** Keywords whose value maps names to subschemas. */
const MAP = ["properties", "patternProperties", "definitions", "$defs", "dependencies"];

/**
 * Every schema object in `root`, in document order (a node before its subschemas, keywords in
 * the order above, entries in their own order). Uses an explicit stack, so nesting depth is
 * not limited by the JavaScript call stack, and visits each object once, even if the same
 * object is reachable twice.
 */
export function* walkSchema(root: JsonObject): Generator<SchemaNode> {
  const seen = new Set<JsonObject>();
  const stack: SchemaNode[] = [new SchemaNode(root, undefined, [], root)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node.schema)) continue;
    seen.add(node.schema);
    yield node;
    const children: SchemaNode[] = [];
    const add = (value: JsonValue | undefined, tokens: Array<string | number>) => {
      if (isJsonObject(value)) children.push(new SchemaNode(value, node, tokens, root));
    };
    for (const keyword of MAP) {
      const map = ownValue(node.schema, keyword);
      if (!isJsonObject(map)) continue;
      for (const name of Object.keys(map)) add(ownValue(map, name), [keyword, name]);
    }
    for (const keyword of SINGLE) add(ownValue(node.schema, keyword), [keyword]);
    for (const keyword of LIST) {
      const list = ownValue(node.schema, keyword);
      if (!Array.isArray(list)) continue;
      list.forEach((item, index) => add(item, [keyword, index]));
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
