/**
 * The part of Node's `util` json-schema-to-typescript uses, for the export worker:
 * `isDeepStrictEqual` (it compares `definitions` with `$defs`) and `format` (one error message);
 * `inspect` only because ono (the $ref parser's errors) imports it without calling it.
 * Schemas are JSON, so deep strict equality is structural equality of JSON values: same type,
 * arrays item by item, objects with the same own keys in any order.
 */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (
    Array.isArray(a) !== Array.isArray(b) ||
    Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)
  )
    return false;
  const aKeys = Object.keys(a),
    bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const aRecord = a as Record<string, unknown>,
    bRecord = b as Record<string, unknown>;
  return aKeys.every(
    (key) => Object.hasOwn(b, key) && isDeepStrictEqual(aRecord[key], bRecord[key]),
  );
}

/** Like Node's `util.format` for what the generator passes: a message and values, joined by spaces. */
export function format(message: unknown, ...values: unknown[]): string {
  return [message, ...values]
    .map((value) => (typeof value === "string" ? value : safeJson(value)))
    .join(" ");
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Named only: ono imports it (for types) and reads `inspect.custom`. */
export const inspect = Object.assign((value: unknown) => safeJson(value), {
  custom: Symbol.for("nodejs.util.inspect.custom"),
});

export default { isDeepStrictEqual, format, inspect };
