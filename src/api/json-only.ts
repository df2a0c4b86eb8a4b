import { appendPointer } from "../json/pointer.ts";
import { SchemaProblem } from "../json/problem.ts";

/**
 * Refuses, at its JSON pointer, a value that JSON cannot hold: undefined, a function, NaN or
 * Infinity, a Date, a Map… (what the API is handed was not necessarily read from a file).
 */
export function refuseNonJson(root: unknown): void {
  const stack: Array<[unknown, string]> = [[root, ""]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value))
        throw new SchemaProblem(
          pointer,
          "the value holds itself (or is shared by two places), which JSON cannot write",
          "pass the schema as JSON.parse returns it",
        );
      seen.add(value);
    }
    if (value === null || typeof value === "string" || typeof value === "boolean") continue;
    if (typeof value === "number" && Number.isFinite(value)) continue;
    const entries = Array.isArray(value)
      ? value.map((item, index): [string, unknown] => [String(index), item])
      : isPlainObject(value)
        ? Object.entries(value)
        : undefined;
    if (!entries) {
      throw new SchemaProblem(
        pointer,
        `${describeNonJson(value)} is not a JSON value`,
        "pass the schema as JSON.parse returns it",
      );
    }
    for (const [key, item] of entries) stack.push([item, appendPointer(pointer, key)]);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describeNonJson(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return `an object of class ${value?.constructor?.name ?? "?"}`;
  return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}
