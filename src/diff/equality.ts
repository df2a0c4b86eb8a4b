import { isJsonObject, type JsonValue, ownValue } from "../json/value.ts";
import { SCHEMA_ARRAY_KEYWORDS, SCHEMA_KEYWORDS, SCHEMA_MAP_KEYWORDS } from "../model/keywords.ts";
import type { SchemaView } from "./view.ts";

/** JSON equality where the key order of objects does not matter (it never does to validation). */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => sameJson(a[key], ownValue(b, key)))
    );
  }
  return false;
}

/** Whether `value` occurs in `list`, by {@link sameJson}. */
export function includesJson(list: readonly JsonValue[], value: JsonValue): boolean {
  return list.some((item) => sameJson(item, value));
}

const ONE_SCHEMA = new Set<string>([...SCHEMA_KEYWORDS, "items"]);
const SCHEMA_LISTS = new Set<string>([...SCHEMA_ARRAY_KEYWORDS, "items"]);
const SCHEMA_MAPS = new Set<string>([...SCHEMA_MAP_KEYWORDS, "dependencies"]);
/** Keywords whose arrays are sets to validation. */
const SET_KEYWORDS = new Set(["enum", "required", "type"]);
/** Containers of definitions: what they hold matters only where a `$ref` leads, and that is followed. */
const DEFINITIONS = new Set(["definitions", "$defs"]);

/**
 * Whether two subschemas (of two different schema files) validate alike, as far as can be seen
 * from their keywords: `$ref`s are followed on both sides, key order and the order of set-like
 * arrays (`enum`, `required`, `type`) do not matter, definitions are compared where they are used.
 * A pair met again while it is being compared counts as equal (recursive definitions).
 */
export function sameSchema(
  a: SchemaView,
  b: SchemaView,
  active = new Map<object, Set<object>>(),
): boolean {
  if (a.schema === false || b.schema === false) return a.schema === b.schema;
  const ids = [a.identity ?? a.schema, b.identity ?? b.schema] as const;
  const partners = active.get(ids[0]);
  if (partners?.has(ids[1])) return true;
  if (partners) partners.add(ids[1]);
  else active.set(ids[0], new Set([ids[1]]));
  try {
    const keywords = a.keywords().filter((keyword) => !DEFINITIONS.has(keyword));
    if (keywords.length !== b.keywords().filter((keyword) => !DEFINITIONS.has(keyword)).length)
      return false;
    return keywords.every((keyword) => sameKeyword(a, b, keyword, active));
  } finally {
    active.get(ids[0])!.delete(ids[1]);
  }
}

/** Whether one keyword of two nodes validates alike (see {@link sameSchema}). */
export function sameKeyword(
  a: SchemaView,
  b: SchemaView,
  keyword: string,
  active = new Map<object, Set<object>>(),
): boolean {
  const x = a.get(keyword);
  const y = b.get(keyword);
  if (y === undefined) return false;
  if (SET_KEYWORDS.has(keyword) && Array.isArray(x) && Array.isArray(y)) {
    return (
      x.length === y.length &&
      x.every((item) => includesJson(y, item)) &&
      y.every((item) => includesJson(x, item))
    );
  }
  if (ONE_SCHEMA.has(keyword) && isSchemaLike(x) && isSchemaLike(y))
    return sameSchema(a.child(keyword), b.child(keyword), active);
  if (SCHEMA_LISTS.has(keyword) && Array.isArray(x) && Array.isArray(y)) {
    return (
      x.length === y.length &&
      x.every((_, i) => sameSchema(a.child(keyword, i), b.child(keyword, i), active))
    );
  }
  if (SCHEMA_MAPS.has(keyword) && isJsonObject(x) && isJsonObject(y)) {
    const names = Object.keys(x);
    if (names.length !== Object.keys(y).length) return false;
    return names.every((name) => {
      const left = ownValue(x, name);
      const right = ownValue(y, name);
      if (right === undefined) return false;
      if (isSchemaLike(left) && isSchemaLike(right))
        return sameSchema(a.child(keyword, name), b.child(keyword, name), active);
      return sameJson(left, right);
    });
  }
  return sameJson(x, y);
}

function isSchemaLike(value: JsonValue | undefined): boolean {
  return typeof value === "boolean" || isJsonObject(value);
}
