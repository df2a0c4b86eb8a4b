import type { JsonObject } from "../../../src/json/value.ts";

/**
 * A credential schema with `fields` leaf fields, in sections of up to 500, with the mix a real
 * connector has: plain strings with patterns, formats, numbers, booleans, selects with labels,
 * secrets, arrays; plus an auth choice and a shared definition. ~250 bytes of JSON per field.
 */
export function largeSchema(fields: number): JsonObject {
  const sections: JsonObject = {};
  const perSection = 500;
  for (let s = 0; s * perSection < fields; s++) {
    const properties: JsonObject = {};
    const required: string[] = [];
    for (let i = s * perSection; i < Math.min(fields, (s + 1) * perSection); i++) {
      const key = `field${i}`;
      properties[key] = field(i);
      if (i % 5 === 0) required.push(key);
    }
    sections[`section${s}`] = {
      title: `Section ${s}`,
      description: `Settings group ${s} of the generated connector.`,
      type: "object",
      required,
      properties,
      additionalProperties: false,
    };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Large connector",
    type: "object",
    required: ["auth"],
    properties: {
      auth: {
        title: "Authentication",
        oneOf: [
          {
            title: "Basic",
            type: "object",
            required: ["type", "user", "password"],
            properties: {
              type: { const: "basic" },
              user: { type: "string" },
              password: { type: "string", writeOnly: true },
            },
            additionalProperties: false,
          },
          {
            title: "Token",
            type: "object",
            required: ["type", "token"],
            properties: { type: { const: "token" }, token: { type: "string", writeOnly: true } },
            additionalProperties: false,
          },
        ],
      },
      retry: { $ref: "#/definitions/retry" },
      ...sections,
    },
    definitions: {
      retry: {
        title: "Retry policy",
        type: "object",
        properties: {
          attempts: { type: "integer", minimum: 0, maximum: 10 },
          backoffMs: { type: "integer", minimum: 0 },
        },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

function field(i: number): JsonObject {
  const base = {
    title: `Field number ${i}`,
    description: `Generated field ${i}: what the value is for and where to find it.`,
  };
  switch (i % 8) {
    case 0:
      return {
        ...base,
        type: "string",
        minLength: 1,
        maxLength: 200,
        pattern: `^[A-Za-z0-9_-]{${(i % 5) + 1},}$`,
        default: `value${i}`,
      };
    case 1:
      return {
        ...base,
        type: "string",
        format: ["uri", "email", "hostname", "date-time"][i % 4] as string,
      };
    case 2:
      return { ...base, type: "integer", minimum: 0, maximum: 65535, default: 443 };
    case 3:
      return { ...base, type: "boolean", default: false };
    case 4:
      return {
        ...base,
        type: "string",
        enum: ["eu", "us", "ap"],
        "x-enumNames": ["Europe", "United States", "Asia Pacific"],
      };
    case 5:
      return { ...base, type: "string", writeOnly: true, minLength: 8 };
    case 6:
      return {
        ...base,
        type: "array",
        items: { type: "string", maxLength: 64 },
        maxItems: 50,
        uniqueItems: true,
      };
    default:
      return { ...base, type: "number", exclusiveMinimum: 0, "x-unit": "seconds" };
  }
}

/** Objects inside objects, `depth` levels below the root, each with a sibling string field. */
export function deepSchema(depth: number): JsonObject {
  let node: JsonObject = {
    type: "object",
    properties: { leaf: { type: "string", minLength: 1 } },
    required: ["leaf"],
  };
  for (let level = depth; level >= 1; level--) {
    node = {
      type: "object",
      properties: { [`level${level}`]: node, note: { type: "string" } },
      required: [`level${level}`],
    };
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", title: "Deep", ...node };
}
