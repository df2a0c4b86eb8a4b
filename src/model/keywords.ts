import { quoteExcerpt } from "../json/excerpt.ts";
import { isJsonObject, type JsonValue } from "../json/value.ts";

/**
 * What each draft-07 keyword must hold. Import checks every subschema against it and commands
 * check every edit, so a wrong shape (`properties` as an array, `minLength: -1`) is refused
 * with the keyword's rule instead of breaking later in an exporter.
 */
const STRING_KEYWORDS = new Set([
  "title",
  "description",
  "pattern",
  "format",
  "$ref",
  "$id",
  "$schema",
  "$comment",
  "contentMediaType",
  "contentEncoding",
]);
const COUNT_KEYWORDS = new Set([
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
]);
const NUMBER_KEYWORDS = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);
const BOOLEAN_KEYWORDS = new Set(["writeOnly", "readOnly", "uniqueItems"]);
/** Keywords holding one subschema. */
export const SCHEMA_KEYWORDS = [
  "not",
  "if",
  "then",
  "else",
  "additionalItems",
  "contains",
  "propertyNames",
  "additionalProperties",
] as const;
/** Keywords holding a non-empty array of subschemas. */
export const SCHEMA_ARRAY_KEYWORDS = ["allOf", "anyOf", "oneOf"] as const;
/** Keywords holding an object whose values are subschemas. */
export const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "definitions"] as const;
const TYPE_NAMES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

export function isSchema(value: JsonValue | undefined): boolean {
  return typeof value === "boolean" || isJsonObject(value);
}

/** Why `value` is not a valid value of `keyword`, or undefined when it is (or the keyword is not ours to judge). */
export function keywordProblem(keyword: string, value: JsonValue): string | undefined {
  if (STRING_KEYWORDS.has(keyword))
    return typeof value === "string" ? undefined : "must be a string";
  if (COUNT_KEYWORDS.has(keyword)) {
    return Number.isInteger(value) && (value as number) >= 0
      ? undefined
      : "must be a whole number, 0 or more";
  }
  if (NUMBER_KEYWORDS.has(keyword))
    return typeof value === "number" ? undefined : "must be a number";
  if (BOOLEAN_KEYWORDS.has(keyword))
    return typeof value === "boolean" ? undefined : "must be true or false";
  switch (keyword) {
    case "multipleOf":
      return typeof value === "number" && value > 0 ? undefined : "must be a number greater than 0";
    case "type":
      if (typeof value === "string")
        return TYPE_NAMES.has(value) ? undefined : typeNameProblem(value);
      if (Array.isArray(value) && value.length > 0) {
        const bad = value.find((name) => typeof name !== "string" || !TYPE_NAMES.has(name));
        if (bad !== undefined) return typeNameProblem(bad);
        return new Set(value).size === value.length ? undefined : "must not list a type twice";
      }
      return "must be a type name or a non-empty array of type names";
    case "required":
      if (!Array.isArray(value) || value.some((key) => typeof key !== "string"))
        return "must be an array of property names";
      return new Set(value).size === value.length ? undefined : "must not list a property twice";
    case "enum":
      return Array.isArray(value) && value.length > 0
        ? undefined
        : "must be a non-empty array of allowed values";
    case "examples":
      return Array.isArray(value) ? undefined : "must be an array of example values";
    case "items":
      if (Array.isArray(value))
        return value.every(isSchema) ? undefined : "must be a schema or an array of schemas";
      return isSchema(value) ? undefined : "must be a schema or an array of schemas";
    case "dependencies":
      if (!isJsonObject(value)) return "must be an object";
      return Object.values(value).every(
        (dependency) =>
          isSchema(dependency) ||
          (Array.isArray(dependency) && dependency.every((key) => typeof key === "string")),
      )
        ? undefined
        : "must map each property to a schema or to an array of property names";
  }
  if ((SCHEMA_KEYWORDS as readonly string[]).includes(keyword))
    return isSchema(value) ? undefined : "must be a schema (an object or true/false)";
  if ((SCHEMA_ARRAY_KEYWORDS as readonly string[]).includes(keyword)) {
    return Array.isArray(value) && value.length > 0 && value.every(isSchema)
      ? undefined
      : "must be a non-empty array of schemas";
  }
  if ((SCHEMA_MAP_KEYWORDS as readonly string[]).includes(keyword)) {
    if (!isJsonObject(value)) return "must be an object mapping names to schemas";
    return Object.values(value).every(isSchema)
      ? undefined
      : "must map every name to a schema (an object or true/false)";
  }
  return undefined;
}

function typeNameProblem(name: JsonValue): string {
  return `has ${quoteExcerpt(name)}, which is not a JSON Schema type (string, number, integer, boolean, object, array, null)`;
}

/** How to fix a keyword whose value has the wrong shape. */
export function keywordFix(keyword: string): string {
  return `change "${keyword}" to the form draft-07 expects, or remove it`;
}
