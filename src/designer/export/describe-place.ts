import { displayPointer, parsePointer } from "../../json/pointer.ts";
import { isJsonObject, type JsonObject, ownValue } from "../../json/value.ts";

/**
 * Where a JSON pointer into the schema is, in the designer's words: the innermost field it is
 * in, by its title (else its key), then the pointer, e.g. `"Base URL" (/properties/baseUrl/pattern)`.
 * The root, or a place outside any field, is the pointer alone.
 */
export function describePlace(schema: JsonObject, pointer: string): string {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return pointer;
  }
  let node: unknown = schema;
  let field: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const parent: unknown = node;
    node = Array.isArray(parent)
      ? parent[Number(token)]
      : isJsonObject(parent)
        ? ownValue(parent, token)
        : undefined;
    if (node === undefined) break;
    if (tokens[i - 1] === "properties" && isJsonObject(node)) {
      const title = ownValue(node, "title");
      field = typeof title === "string" && title.trim() !== "" ? title : token;
    }
  }
  return field === undefined
    ? displayPointer(pointer)
    : `${JSON.stringify(field)} (${displayPointer(pointer)})`;
}
