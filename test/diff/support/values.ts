import fc from "fast-check";
import {
  defineOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from "../../../src/json/value.ts";
import { resolveRef } from "../../../src/schema/refs.ts";

const FORMAT_SAMPLES: Record<string, string[]> = {
  email: ["ann@example.com", "ops+x@example.org"],
  uri: ["https://example.com", "https://api.example.com/v1", "http://x.io"],
  hostname: ["example.com", "api.example.com", "host"],
  date: ["2024-01-31", "1999-12-31"],
  ipv4: ["10.0.0.1", "192.168.1.20"],
};

/**
 * Values a user may have saved against `schema`, driven by its keywords (refs followed). Mostly
 * valid; not always (a pattern and a length together, say): callers keep the ones the schema
 * accepts. A required field with a default is sometimes left out, as the default fills it in.
 */
export function savedValue(
  root: JsonObject,
  schema: JsonValue = root,
  depth = 0,
): fc.Arbitrary<JsonValue> {
  if (!isJsonObject(schema)) return fc.constant(schema === false ? null : "any");
  if (typeof schema.$ref === "string") {
    const target = resolveRef(root, schema.$ref);
    return depth > 8 || target.kind !== "local"
      ? fc.constant(null)
      : savedValue(root, target.value, depth + 1);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.oneOf))
    return fc.oneof(...schema.oneOf.map((branch) => savedValue(root, branch, depth + 1)));
  const types = Array.isArray(schema.type)
    ? (schema.type as string[])
    : typeof schema.type === "string"
      ? [schema.type]
      : [isJsonObject(schema.properties) ? "object" : "string"];
  return fc.oneof(...types.map((type) => ofType(root, schema, type, depth)));
}

function ofType(
  root: JsonObject,
  schema: JsonObject,
  type: string,
  depth: number,
): fc.Arbitrary<JsonValue> {
  const number = (key: string) =>
    typeof schema[key] === "number" ? (schema[key] as number) : undefined;
  switch (type) {
    case "string": {
      if (typeof schema.pattern === "string")
        return fc
          .stringMatching(new RegExp(schema.pattern, "u"), { maxLength: 12 })
          .filter((s) => s.length <= 40);
      if (typeof schema.format === "string")
        return fc.constantFrom(...(FORMAT_SAMPLES[schema.format] ?? ["x"]));
      const minLength = number("minLength") ?? 0;
      return fc.string({
        minLength,
        maxLength: Math.max(minLength, Math.min(number("maxLength") ?? 12, 12)),
      });
    }
    case "integer":
    case "number": {
      const exclusiveMin = number("exclusiveMinimum");
      const exclusiveMax = number("exclusiveMaximum");
      const min = Math.ceil(
        number("minimum") ?? (exclusiveMin !== undefined ? Math.floor(exclusiveMin) + 1 : -1000),
      );
      const max = Math.floor(
        number("maximum") ?? (exclusiveMax !== undefined ? Math.ceil(exclusiveMax) - 1 : 1000),
      );
      const step = Number.isInteger(number("multipleOf")) ? number("multipleOf")! : 1;
      if (min > max) return fc.constant(min);
      return fc
        .integer({
          min: Math.ceil(min / step),
          max: Math.max(Math.ceil(min / step), Math.floor(max / step)),
        })
        .map((k) => k * step);
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const item = savedValue(root, schema.items ?? {}, depth + 1);
      const minLength = number("minItems") ?? 0;
      const maxLength = Math.max(minLength, number("maxItems") ?? minLength + 3);
      return schema.uniqueItems === true
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (value) => JSON.stringify(value) })
        : fc.array(item, { minLength, maxLength });
    }
    case "object": {
      const properties = isJsonObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const entries = Object.keys(properties).map((key) => {
        const value = savedValue(root, properties[key]!, depth + 1);
        const mayOmit =
          !required.includes(key) ||
          (isJsonObject(properties[key]) && (properties[key] as JsonObject).default !== undefined);
        return (mayOmit ? fc.option(value, { nil: undefined }) : value).map(
          (v) => [key, v] as const,
        );
      });
      return fc.tuple(...entries).map((pairs) => {
        const object: JsonObject = {};
        for (const [key, value] of pairs) if (value !== undefined) defineOwn(object, key, value);
        return object;
      });
    }
    default:
      return fc.constant(null);
  }
}
