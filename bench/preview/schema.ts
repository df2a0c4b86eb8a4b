import type { JsonObject } from "../../src/json/value.ts";

/**
 * What the keystroke benchmark types into, each field visited before (given a start value, focused
 * and left). `valid`: field 500, a required secret of at least 8 characters, empty: it shows
 * "is required", then "at least 8 characters" for 7 keystrokes, then no error. `invalid`: field
 * 502, a pattern field holding a value it keeps failing: its error shows on every keystroke.
 */
export const TYPING = {
  valid: { field: 500, start: "" },
  invalid: { field: 502, start: "x" },
} as const;

/**
 * A flat credential window of `fieldCount` string fields, every one titled "Field <n>", cycling
 * through what a credential window holds: plain text with bounds, URL, email and host name
 * formats, secrets (writeOnly, with a minimum length) and patterns (only ones the exporter's
 * pattern-safety analysis accepts). Every fifth field is required. Field 500 is a secret.
 */
export function generatePreviewSchema(fieldCount = 1000): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (let n = 0; n < fieldCount; n++) {
    properties[`field${n}`] = fieldSchema(n);
    if (n % 5 === 0) required.push(`field${n}`);
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `Preview benchmark ${fieldCount}`,
    type: "object",
    properties,
    required,
    additionalProperties: false,
  };
}

function fieldSchema(n: number): JsonObject {
  const title = `Field ${n}`;
  switch (n % 8) {
    case 0:
      return { type: "string", title, minLength: 1, maxLength: 64 };
    case 1:
      return { type: "string", title, format: "uri" };
    case 2:
      return { type: "string", title, format: "email" };
    case 3:
      return { type: "string", title, format: "hostname", maxLength: 253 };
    case 4:
      return { type: "string", title, writeOnly: true, minLength: 8, maxLength: 256 };
    case 5:
      return { type: "string", title, pattern: "^[A-Za-z0-9._~-]+$", minLength: 1, maxLength: 128 };
    case 6:
      return {
        type: "string",
        title,
        pattern: `^[A-Z]{2}-\\d{${(n % 12) + 1}}$`,
        description: "An account reference",
      };
    default:
      return { type: "string", title, writeOnly: true, pattern: "^[A-Za-z0-9]{32}$" };
  }
}

/** The titles of the fields, in order: what the plain-DOM floor labels its inputs with. */
export function fieldTitles(schema: JsonObject): string[] {
  const properties = schema.properties as Record<string, { title?: string }>;
  return Object.entries(properties).map(([key, field]) => field.title ?? key);
}
