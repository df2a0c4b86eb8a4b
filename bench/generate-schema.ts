import type { JsonObject } from "../src/json/value.ts";

/**
 * A credential window of about `fieldCount` fields that looks like real ones, scaled up: groups of
 * twenty fields, each with a URL, an email, a host name, secrets, patterns (some repeated, some
 * distinct), bounds, a select and a list, plus an auth-method choice per group.
 */
export function generateCredentialSchema(fieldCount: number): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  let made = 0;
  for (let group = 0; made < fieldCount; group++) {
    const fields: JsonObject = {};
    const groupRequired: string[] = [];
    for (let i = 0; i < 16 && made < fieldCount; i++, made++) {
      const key = `field${made}`;
      fields[key] = fieldSchema(made);
      if (made % 3 === 0) groupRequired.push(key);
    }
    const auth = authChoice(group);
    made += 4;
    fields[`auth${group}`] = auth;
    properties[`group${group}`] = {
      type: "object",
      title: `Connection ${group}`,
      description: `Settings of connection ${group}`,
      properties: fields,
      required: [...groupRequired, `auth${group}`],
      additionalProperties: false,
    };
    required.push(`group${group}`);
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `Large credential window ${fieldCount}`,
    type: "object",
    properties,
    required,
    additionalProperties: false,
  };
}

function fieldSchema(n: number): JsonObject {
  const title = `Field ${n}`;
  switch (n % 10) {
    case 0:
      return { type: "string", title, format: "uri", examples: ["https://api.example.com"] };
    case 1:
      return { type: "string", title, format: "email" };
    case 2:
      return { type: "string", title, format: "hostname", maxLength: 253 };
    case 3:
      return { type: "string", title, writeOnly: true, minLength: 8, maxLength: 256 };
    case 4:
      return { type: "string", title, pattern: "^[A-Za-z0-9._~-]+$", minLength: 1, maxLength: 128 };
    case 5:
      return {
        type: "string",
        title,
        pattern: `^[A-Z]{2}-\\d{${(n % 40) + 1}}$`,
        description: "An account reference",
      };
    case 6:
      return { type: "integer", title, minimum: 1, maximum: 65535, default: 443 };
    case 7:
      return {
        type: "string",
        title,
        enum: ["eu", "us", "apac"],
        "x-enumNames": ["Europe", "United States", "Asia Pacific"],
      };
    case 8:
      return { type: "array", title, items: { type: "string", minLength: 1 }, uniqueItems: true };
    default:
      return { type: "boolean", title, default: false };
  }
}

function authChoice(group: number): JsonObject {
  const branch = (value: string, title: string, fields: JsonObject) => ({
    title,
    type: "object",
    properties: { type: { type: "string", const: value }, ...fields },
    required: ["type", ...Object.keys(fields)],
    additionalProperties: false,
  });
  return {
    title: `Authentication ${group}`,
    oneOf: [
      branch("none", "None", {}),
      branch("basic", "Basic", {
        username: { type: "string", title: "User name", minLength: 1 },
        password: { type: "string", title: "Password", writeOnly: true },
      }),
      branch("apiKey", "API key", {
        apiKey: { type: "string", title: "API key", writeOnly: true, pattern: "^[A-Za-z0-9]{32}$" },
      }),
    ],
  };
}
