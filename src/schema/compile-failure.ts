import { quoteExcerpt, quoteExcerptAsWritten } from "../json/excerpt.ts";
import { isJsonObject, type JsonValue } from "../json/value.ts";

/** Why Ajv could not compile a schema, in words, and where in the schema when that can be told. */
export interface CompileFailure {
  /** JSON pointer of the keyword at fault (`/properties/port/minLength`), when known. */
  readonly pointer: string | undefined;
  /** What is wrong, without a trailing period. */
  readonly reason: string;
}

/**
 * Reads what Ajv threw when compiling `schema` into a reason and, when it can be found, the
 * pointer of the keyword at fault:
 * - a keyword of the wrong form (`schema is invalid: data/properties/a/minLength must be >= 0`):
 *   the place Ajv names, cut back to what exists in the schema;
 * - a `$ref` that does not resolve (Ajv's MissingRefError): the first `$ref` that says it;
 * - a pattern that is no regular expression (a SyntaxError): the first `pattern` (or
 *   `patternProperties` name) that does not compile with the u flag;
 * - two subschemas with the same `$id`: the second one;
 * - `$ref`s that refer to each other in a loop (Ajv runs out of stack): said so, no pointer;
 * - anything else: Ajv's message, no pointer.
 */
export function describeCompileFailure(schema: JsonValue, error: unknown): CompileFailure {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  if (message.startsWith(INVALID)) {
    // Ajv lists every meta-schema error; the first specific one says most (not "must be
    // object,boolean" or "must match a schema in anyOf", which an anyOf adds around it).
    const errors = message.slice(INVALID.length).split(/, data(?=\/| )/);
    const specific = errors.find(
      (text) => !/ must (be [a-z,]+|match a schema in anyOf)$/.test(text),
    );
    const rest = specific ?? errors[0] ?? "";
    // Ajv's path is not escaped (a key may hold a space): the longest one up to a space that
    // names something in the schema, else the part before the first space, cut back.
    let end = rest.indexOf(" ");
    for (let k = rest.indexOf(" "); k !== -1; k = rest.indexOf(" ", k + 1)) {
      const path = rest.slice(0, k);
      if (existingPrefix(schema, path) === path) end = k;
    }
    const path = end === -1 ? rest : rest.slice(0, end);
    const keyword = path.split("/").at(-1) ?? "";
    return {
      pointer: existingPrefix(schema, path),
      reason:
        `${keyword ? `"${keyword}" ` : ""}${end === -1 ? "is invalid" : rest.slice(end + 1)}`.replace(
          /\(items ## (\d+) and (\d+) are identical\)/,
          "(items $2 and $1 are the same)",
        ),
    };
  }
  const missing = (error as { missingRef?: unknown } | null)?.missingRef;
  if (typeof missing === "string") {
    return {
      pointer: findPointer(
        schema,
        (key, value) => key === "$ref" && typeof value === "string" && sameRef(value, missing),
      ),
      reason: `the $ref ${quoteExcerptAsWritten(missing)} does not resolve to anything in the schema`,
    };
  }
  if (error instanceof SyntaxError && /regular expression/i.test(message)) {
    return {
      pointer: findPointer(
        schema,
        (key, value, parentKey) =>
          (key === "pattern" && typeof value === "string" && !compiles(value)) ||
          (parentKey === "patternProperties" && !compiles(key)),
      ),
      reason: message,
    };
  }
  const twice = /^reference "(.*)" resolves to more than one schema$/.exec(message);
  if (twice) {
    let seen = 0;
    return {
      pointer: findPointer(
        schema,
        (key, value) => key === "$id" && value === twice[1] && ++seen === 2,
      ),
      reason: `two subschemas have the same "$id" (${quoteExcerpt(twice[1])}): a $ref to it would be ambiguous`,
    };
  }
  if (error instanceof RangeError) {
    return {
      pointer: undefined,
      reason:
        "its $refs refer to each other in a loop that never reaches a schema, so the validator would never end",
    };
  }
  return { pointer: undefined, reason: message };
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

function sameRef(written: string, missing: string): boolean {
  return (
    written === missing ||
    `#${written}` === missing ||
    written.replace(/^#/, "") === missing.replace(/^#/, "")
  );
}

const INVALID = "schema is invalid: data";

/** The longest prefix of `pointer` that names something in `schema`. */
function existingPrefix(schema: JsonValue, pointer: string): string {
  let at: JsonValue | undefined = schema;
  let found = "";
  for (const token of pointer.split("/").slice(1)) {
    const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(at) && /^\d+$/.test(key) && Number(key) < at.length) at = at[Number(key)];
    else if (isJsonObject(at) && Object.hasOwn(at, key)) at = at[key];
    else break;
    found += `/${token}`;
  }
  return found;
}

/** The pointer of the first member (depth first, in key order) for which `test` holds. */
function findPointer(
  schema: JsonValue,
  test: (key: string, value: JsonValue, parentKey: string | undefined) => boolean,
): string | undefined {
  const stack: Array<{ value: JsonValue; pointer: string; key: string | undefined }> = [
    { value: schema, pointer: "", key: undefined },
  ];
  while (stack.length > 0) {
    const { value, pointer, key: parentKey } = stack.pop()!;
    const entries: Array<[string, JsonValue]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : isJsonObject(value)
        ? (Object.entries(value) as Array<[string, JsonValue]>)
        : [];
    for (const [key, child] of entries) {
      const childPointer = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (!Array.isArray(value) && test(key, child, parentKey)) return childPointer;
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({
        value: child,
        pointer: `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`,
        key: Array.isArray(value) ? parentKey : key,
      });
    }
  }
  return undefined;
}
