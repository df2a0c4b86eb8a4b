import type { JsonValue } from "../../../src/json/value.ts";

/**
 * What a mutation puts into a window, as a small description rather than the value itself: a
 * megabyte string or 3,000 levels of nesting stay a few bytes to shrink and to print, and are
 * built only when the mutant is written. Every builder here is iterative (no recursion that the
 * size controls), so the test itself never exhausts the stack.
 */
export type ValueSpec =
  /** A value as is. */
  | { json: JsonValue }
  /** `prefix` then `unit` repeated `times` times: long strings, patterns, keys. */
  | { text: string; times: number; prefix?: string }
  /** `levels` levels of one kind of nesting around `leaf` (or the node it replaces). */
  | { nest: NestKind; levels: number; leaf?: JsonValue }
  /** An object of `count` fields, `{ "f0": {type: "string"}, … }`, for `properties`. */
  | { fields: number; field: JsonValue }
  /** An array of `count` copies of `item` (enum, required, oneOf…). */
  | { items: number; item: JsonValue };

export type NestKind =
  | "array"
  | "object"
  | "properties"
  | "oneOf"
  | "allOf"
  | "anyOf"
  | "items"
  | "not"
  | "definitions"
  | "additionalProperties";

/** Builds the value a spec describes; `inner` is what `nest` wraps when it has no leaf of its own. */
export function buildValue(spec: ValueSpec, inner?: JsonValue): JsonValue {
  if ("json" in spec) return structuredClone(spec.json);
  if ("text" in spec) return (spec.prefix ?? "") + spec.text.repeat(spec.times);
  if ("fields" in spec) {
    const fields: Record<string, JsonValue> = {};
    for (let i = 0; i < spec.fields; i++) fields[`f${i}`] = structuredClone(spec.field);
    return fields;
  }
  if ("items" in spec)
    return Array.from({ length: spec.items }, () => structuredClone(spec.item) as JsonValue);
  let value: JsonValue = spec.leaf !== undefined ? structuredClone(spec.leaf) : (inner ?? {});
  for (let level = 0; level < spec.levels; level++) value = wrapOnce(spec.nest, value);
  return value;
}

function wrapOnce(kind: NestKind, value: JsonValue): JsonValue {
  switch (kind) {
    case "array":
      return [value];
    case "object":
      return { a: value };
    case "properties":
      return { type: "object", properties: { a: value } };
    case "oneOf":
    case "allOf":
    case "anyOf":
      return { [kind]: [value] };
    case "items":
      return { type: "array", items: value };
    case "not":
      return { not: value };
    case "definitions":
      return { definitions: { a: value } };
    case "additionalProperties":
      return { type: "object", additionalProperties: value };
  }
}

/** A spec in a few words, never long: what a failing case prints. */
export function describeValue(spec: ValueSpec): string {
  if ("json" in spec) return boundedJson(spec.json, 120);
  if ("text" in spec)
    return `${spec.prefix ? `${boundedJson(spec.prefix, 40)} + ` : ""}${boundedJson(spec.text, 40)} × ${spec.times}`;
  if ("fields" in spec) return `${spec.fields} fields of ${boundedJson(spec.field, 60)}`;
  if ("items" in spec) return `${spec.items} × ${boundedJson(spec.item, 60)}`;
  return `${spec.levels} levels of ${spec.nest}${spec.leaf === undefined ? "" : ` around ${boundedJson(spec.leaf, 60)}`}`;
}

/** JSON text cut to `max` characters, with its length when cut (lone surrogates escaped, as JSON does). */
export function boundedJson(value: unknown, max: number): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch (error) {
    text = `(not JSON: ${(error as Error).message})`;
  }
  return bounded(text, max);
}

/** Text cut to `max` characters, with its length when cut. */
export function bounded(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length.toLocaleString("en-US")} characters)`;
}

/**
 * JSON.stringify without recursion (JSON.stringify itself overflows the stack some thousands of
 * levels down, and mutants nest deeper than that): the same text for any depth.
 */
export function stringifyDeep(value: JsonValue): string {
  const parts: string[] = [];
  // Each entry: a value to write, or a literal piece of text (a comma, a key, a bracket).
  const stack: Array<{ value: JsonValue } | { text: string }> = [{ value }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ("text" in item) {
      parts.push(item.text);
      continue;
    }
    const node = item.value;
    if (Array.isArray(node)) {
      parts.push("[");
      stack.push({ text: "]" });
      for (let i = node.length - 1; i >= 0; i--) {
        stack.push({ value: node[i] ?? null });
        if (i > 0) stack.push({ text: "," });
      }
    } else if (typeof node === "object" && node !== null) {
      parts.push("{");
      stack.push({ text: "}" });
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: node[key]! });
        stack.push({ text: `${i > 0 ? "," : ""}${JSON.stringify(key)}:` });
      }
    } else parts.push(JSON.stringify(node));
  }
  return parts.join("");
}
