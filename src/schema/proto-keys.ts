import { parsePointer } from "../json/pointer.ts";
import {
  cloneJson,
  defineOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  ownValue,
} from "../json/value.ts";

/**
 * Ajv skips a `__proto__` key of `properties` and `patternProperties` (it guards its own objects
 * against prototype pollution that way), so a schema for a `__proto__` property would never be
 * applied. The validator gets a copy where each such schema moves to an equivalent pattern that
 * Ajv does apply: property "__proto__" → pattern "^__proto__$", pattern "__proto__" →
 * "(?:__proto__)". Both keywords apply to every matching key, so validity is unchanged; only the
 * `schemaPath` of errors from there names the pattern.
 */
export function withoutProtoKeys(schema: JsonObject, pointers: readonly string[]): JsonObject {
  if (!pointers.length) return schema;
  const copy = cloneJson(schema);
  // The deepest first: moving a schema's `__proto__` property moves what is under it too, so a
  // `__proto__` property inside it (at /properties/__proto__, say) would no longer be at its
  // pointer, and Ajv would skip it.
  const deepestFirst = [...pointers].sort(
    (a, b) => parsePointer(b).length - parsePointer(a).length,
  );
  for (const pointer of deepestFirst) {
    let node: JsonValue | undefined = copy;
    for (const token of parsePointer(pointer)) {
      node = Array.isArray(node)
        ? node[Number(token)]
        : isJsonObject(node)
          ? ownValue(node, token)
          : undefined;
    }
    if (!isJsonObject(node)) continue;
    const moves: Array<[string, string]> = [
      ["properties", "^__proto__$"],
      ["patternProperties", "(?:__proto__)"],
    ];
    for (const [keyword, pattern] of moves) {
      const map = ownValue(node, keyword);
      if (!isJsonObject(map) || !Object.hasOwn(map, "__proto__")) continue;
      const moved = ownValue(map, "__proto__") as JsonValue;
      Reflect.deleteProperty(map, "__proto__");
      let patterns = ownValue(node, "patternProperties");
      if (!isJsonObject(patterns)) {
        patterns = {};
        defineOwn(node, "patternProperties", patterns);
      }
      const existing = ownValue(patterns, pattern);
      defineOwn(patterns, pattern, existing === undefined ? moved : { allOf: [existing, moved] });
    }
  }
  return copy;
}
