import { quoteExcerptAsWritten } from "../json/excerpt.ts";
import { parsePointer } from "../json/pointer.ts";
import { isJsonObject, type JsonObject, type JsonValue, ownValue } from "../json/value.ts";
import { walkSubschemas } from "../model/walk.ts";

/**
 * Where a `$ref` leads. Only refs inside the same schema are followed; remote and file refs are
 * refused, never fetched or read: a credential window must be self-contained and offline.
 */
export type RefTarget =
  | { kind: "local"; value: JsonValue }
  | { kind: "missing"; problem: string; fix: string }
  | { kind: "external"; problem: string; fix: string };

export function resolveRef(root: JsonObject, ref: string): RefTarget {
  if (!ref.startsWith("#")) {
    const remote = /^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref);
    return {
      kind: "external",
      problem: remote
        ? `refers to ${quoteExcerptAsWritten(ref)} on another server, which is never fetched`
        : `refers to ${quoteExcerptAsWritten(ref)} in another file, which is never read`,
      fix: 'copy the referenced schema into "definitions" and refer to it as "#/definitions/<name>"',
    };
  }
  const fragment = safeDecode(ref.slice(1));
  if (fragment !== "" && !fragment.startsWith("/")) {
    // A plain-name fragment ("#name") names the subschema whose $id is "#name".
    return findAnchor(root, `#${fragment}`)
      ? { kind: "local", value: findAnchor(root, `#${fragment}`)! }
      : {
          kind: "missing",
          problem: `refers to ${quoteExcerptAsWritten(ref)}, but no subschema has "$id": ${quoteExcerptAsWritten(ref)}`,
          fix: `add "$id": ${quoteExcerptAsWritten(ref)} to the subschema it means, or use a JSON pointer like "#/definitions/<name>"`,
        };
  }
  let value: JsonValue = root;
  for (const token of parsePointer(fragment)) {
    const next: JsonValue | undefined = Array.isArray(value)
      ? /^(0|[1-9]\d*)$/.test(token)
        ? value[Number(token)]
        : undefined
      : isJsonObject(value)
        ? ownValue(value, token)
        : undefined;
    if (next === undefined) {
      return {
        kind: "missing",
        problem: `refers to ${quoteExcerptAsWritten(ref)}, which points to nothing in this schema`,
        fix: 'add the schema it means under "definitions", or correct the pointer',
      };
    }
    value = next;
  }
  return { kind: "local", value };
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * The subschema whose `$id` is `id`. Only subschemas are searched, as Ajv does: an object inside
 * `const`, `enum`, `default`, `examples` or an unknown keyword is data, whatever keys it has.
 */
function findAnchor(root: JsonObject, id: string): JsonObject | undefined {
  for (const node of walkSubschemas(root))
    if (ownValue(node.schema, "$id") === id) return node.schema;
  return undefined;
}
