import type { JsonObject } from "../../src/json/value.ts";

/** A small valid credential window: base URL, user name, password. */
export const GOOD_SCHEMA: JsonObject = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Example API",
  type: "object",
  properties: {
    baseUrl: {
      type: "string",
      title: "Base URL",
      format: "uri",
      default: "https://api.example.com",
    },
    username: { type: "string", title: "User name", minLength: 1 },
    password: { type: "string", title: "Password", writeOnly: true },
  },
  required: ["baseUrl", "username", "password"],
};

export const GOOD_TEXT = `${JSON.stringify(GOOD_SCHEMA, null, 2)}\n`;

/**
 * A window the C# model cannot express (the four other files can): a field whose `format` is
 * "regex", which only a JavaScript engine can check as the exported validator does.
 */
export const NOT_IN_CSHARP: JsonObject = {
  ...GOOD_SCHEMA,
  properties: {
    ...(GOOD_SCHEMA.properties as JsonObject),
    filter: { type: "string", title: "Filter", format: "regex" },
  },
};

/** A value that must never show up in a message. */
export const SECRET = "s3cret-DEFAULT-value";

/** The good schema with SECRET as a value in it (a default, an example), to be broken. */
const WITH_SECRET = JSON.stringify(
  {
    ...GOOD_SCHEMA,
    properties: {
      ...(GOOD_SCHEMA.properties as JsonObject),
      tenant: { type: "string", examples: [SECRET] },
    },
  },
  null,
  2,
);

/** Broken inputs for `export`, each with the exit code and the shape of its one stderr line. */
export const BROKEN_INPUTS: Array<{
  name: string;
  text: string | Uint8Array;
  place: RegExp;
  problem: RegExp;
}> = [
  {
    name: "not JSON",
    text: `username=admin\npassword=${SECRET}\n`,
    place: /^1:1$/,
    problem: /unquoted text/,
  },
  {
    name: "truncated",
    text: WITH_SECRET.slice(0, WITH_SECRET.indexOf(SECRET) + 5),
    place: /^\d+:\d+$/,
    problem: /the text ends before the JSON is complete/,
  },
  {
    name: "trailing comma",
    text: '{\n  "type": "object",\n  "properties": {},\n}\n',
    place: /^4:1$/,
    problem: /trailing commas/,
  },
  {
    name: "duplicate key",
    text: '{\n  "type": "object",\n  "type": "string"\n}\n',
    place: /^3:3$/,
    problem: /duplicate key "type"/,
  },
  { name: "empty file", text: "", place: /^1:1$/, problem: /empty/ },
  {
    name: "not UTF-8",
    text: new Uint8Array([
      0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d,
    ]),
    place: /^1:11$/,
    problem: /not valid UTF-8/,
  },
  {
    name: "wrong shape (properties as an array)",
    text: JSON.stringify({ type: "object", properties: [{ name: "password", default: SECRET }] }),
    place: /^\/\S*$/,
    problem: /./,
  },
  {
    name: "remote $ref",
    text: JSON.stringify({
      type: "object",
      properties: { token: { $ref: "https://example.com/schemas/token.json" } },
    }),
    place: /^\/\S*$/,
    problem: /./,
  },
  {
    name: "file $ref",
    text: JSON.stringify({
      type: "object",
      properties: { token: { $ref: "token.json#/definitions/token" } },
    }),
    place: /^\/\S*$/,
    problem: /./,
  },
  {
    name: "unsafe pattern",
    text: JSON.stringify({
      type: "object",
      properties: { apiKey: { type: "string", pattern: "^(a+)+$", default: SECRET } },
    }),
    place: /^\/properties\/apiKey(\/pattern)?$/,
    problem: /./,
  },
  {
    name: "invalid pattern",
    text: JSON.stringify({
      type: "object",
      properties: { apiKey: { type: "string", pattern: "([a-z]", default: SECRET } },
    }),
    place: /^\/properties\/apiKey(\/pattern)?$/,
    problem: /./,
  },
];
