import { SCHEMA_ARRAY_KEYWORDS, SCHEMA_KEYWORDS, SCHEMA_MAP_KEYWORDS } from "../model/keywords.ts";
import { isJsonObject, type JsonObject, type JsonValue } from "./json.ts";
import { appendPointer } from "./json-pointer.ts";

/**
 * Visits every subschema (objects only; boolean schemas hold nothing to visit) with its JSON
 * pointer, parents before children, in document order. Iterative, so a 400-level schema cannot
 * exhaust the call stack. Values of unknown keywords are data, not schemas, and are not entered.
 */
export function walkSubschemas(root: JsonValue, visit: (schema: JsonObject, pointer: string) => void): void {
  const stack: Array<[JsonValue, string]> = [[root, ""]];
  while (stack.length > 0) {
    const [schema, pointer] = stack.pop()!;
    if (!isJsonObject(schema)) continue;
    visit(schema, pointer);
    const children: Array<[JsonValue, string]> = [];
    for (const keyword of Object.keys(schema)) {
      const value = schema[keyword]!;
      if ((SCHEMA_KEYWORDS as readonly string[]).includes(keyword)) {
        children.push([value, appendPointer(pointer, keyword)]);
      } else if ((SCHEMA_ARRAY_KEYWORDS as readonly string[]).includes(keyword) || keyword === "items") {
        if (Array.isArray(value)) value.forEach((item, i) => children.push([item, appendPointer(pointer, keyword, i)]));
        else children.push([value, appendPointer(pointer, keyword)]);
      } else if ((SCHEMA_MAP_KEYWORDS as readonly string[]).includes(keyword) || keyword === "dependencies") {
        if (isJsonObject(value)) for (const name of Object.keys(value)) children.push([value[name]!, appendPointer(pointer, keyword, name)]);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
