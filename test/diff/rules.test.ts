import { describe, expect, it } from "vitest";
import { type ChangeClass, diffSchemas, RULES, type RuleId } from "../../src/diff/index.ts";
import type { JsonObject } from "../../src/json/value.ts";

/** A credential window with these fields. */
const window = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties,
  ...extra,
});

const text = { type: "string" };
const secret = { type: "string", writeOnly: true };
const option = (value: string, fields: JsonObject = {}, extra: JsonObject = {}): JsonObject => ({
  title: value.toUpperCase(),
  type: "object",
  properties: { type: { const: value }, ...fields },
  required: ["type"],
  ...extra,
});
const choice = (...options: JsonObject[]): JsonObject =>
  window({ auth: { title: "Authentication", oneOf: options } });

interface RuleCase {
  rule: RuleId;
  class: ChangeClass;
  old: JsonObject;
  new: JsonObject;
  field: string;
  pointer: string;
}

/** One small pair of schemas per rule, and where the change must be reported. */
const CASES: RuleCase[] = [
  // breaking
  {
    rule: "required-field-added",
    class: "breaking",
    old: window({ a: text }),
    new: window({ a: text, region: text }, { required: ["region"] }),
    field: "/region",
    pointer: "/properties/region",
  },
  {
    rule: "field-became-required",
    class: "breaking",
    old: window({ region: text }),
    new: window({ region: text }, { required: ["region"] }),
    field: "/region",
    pointer: "/required/0",
  },
  {
    rule: "default-removed",
    class: "breaking",
    old: window({ region: { type: "string", default: "eu" } }, { required: ["region"] }),
    new: window({ region: text }, { required: ["region"] }),
    field: "/region",
    pointer: "/properties/region",
  },
  {
    rule: "field-removed-rejected",
    class: "breaking",
    old: window({ a: text, legacy: text }, { additionalProperties: false }),
    new: window({ a: text }, { additionalProperties: false }),
    field: "/legacy",
    pointer: "/properties/legacy",
  },
  {
    rule: "type-narrowed",
    class: "breaking",
    old: window({ port: text }),
    new: window({ port: { type: "integer" } }),
    field: "/port",
    pointer: "/properties/port/type",
  },
  {
    rule: "enum-narrowed",
    class: "breaking",
    old: window({ region: { type: "string", enum: ["eu", "us"] } }),
    new: window({ region: { type: "string", enum: ["eu"] } }),
    field: "/region",
    pointer: "/properties/region/enum",
  },
  {
    rule: "pattern-tightened",
    class: "breaking",
    old: window({ key: { type: "string", pattern: "^[a-z0-9]+$" } }),
    new: window({ key: { type: "string", pattern: "^[a-z]+$" } }),
    field: "/key",
    pointer: "/properties/key/pattern",
  },
  {
    rule: "format-tightened",
    class: "breaking",
    old: window({ email: text }),
    new: window({ email: { type: "string", format: "email" } }),
    field: "/email",
    pointer: "/properties/email/format",
  },
  {
    rule: "limit-tightened",
    class: "breaking",
    old: window({ user: { type: "string", maxLength: 256 } }),
    new: window({ user: { type: "string", maxLength: 64 } }),
    field: "/user",
    pointer: "/properties/user/maxLength",
  },
  {
    rule: "extra-keys-forbidden",
    class: "breaking",
    old: window({ a: text }),
    new: window({ a: text }, { additionalProperties: false }),
    field: "",
    pointer: "/additionalProperties",
  },
  {
    rule: "field-forbidden",
    class: "breaking",
    old: window({ legacy: {} }),
    new: window({ legacy: false }),
    field: "/legacy",
    pointer: "/properties/legacy",
  },
  {
    rule: "constraint-tightened",
    class: "breaking",
    old: window({ a: text }),
    new: window({ a: { type: "string", not: { const: "" } } }),
    field: "/a",
    pointer: "/properties/a/not",
  },
  {
    rule: "choice-option-removed",
    class: "breaking",
    old: choice(option("basic"), option("apiKey")),
    new: choice(option("basic")),
    field: "/auth",
    pointer: "/properties/auth/oneOf/1",
  },
  {
    rule: "choice-discriminator-changed",
    class: "breaking",
    old: choice(option("basic"), option("apiKey")),
    new: window({
      auth: {
        title: "Authentication",
        oneOf: [
          { type: "object", properties: { kind: { const: "basic" } } },
          { type: "object", properties: { kind: { const: "apiKey" } } },
        ],
      },
    }),
    field: "/auth",
    pointer: "/properties/auth/oneOf",
  },
  {
    rule: "choice-option-ambiguous",
    class: "breaking",
    old: window({
      auth: { oneOf: [{ title: "Token", type: "object", properties: { token: text } }] },
    }),
    new: window({
      auth: {
        oneOf: [
          { title: "Token", type: "object", properties: { token: text } },
          { title: "Key", type: "object", properties: { key: text } },
        ],
      },
    }),
    field: "/auth",
    pointer: "/properties/auth/oneOf/1",
  },
  // exposing
  {
    rule: "secret-exposed",
    class: "exposing",
    old: window({ token: secret }),
    new: window({ token: text }),
    field: "/token",
    pointer: "/properties/token",
  },
  {
    rule: "secret-value-added",
    class: "exposing",
    old: window({ token: secret }),
    new: window({ token: { ...secret, default: "abc" } }),
    field: "/token",
    pointer: "/properties/token/default",
  },
  // compatible
  {
    rule: "field-added",
    class: "compatible",
    old: window({ a: text }),
    new: window({ a: text, b: text }),
    field: "/b",
    pointer: "/properties/b",
  },
  {
    rule: "required-field-added-with-default",
    class: "compatible",
    old: window({ a: text }),
    new: window({ a: text, region: { type: "string", default: "eu" } }, { required: ["region"] }),
    field: "/region",
    pointer: "/properties/region",
  },
  {
    rule: "field-became-required-with-default",
    class: "compatible",
    old: window({ region: { type: "string", default: "eu" } }),
    new: window({ region: { type: "string", default: "eu" } }, { required: ["region"] }),
    field: "/region",
    pointer: "/required/0",
  },
  {
    rule: "field-became-optional",
    class: "compatible",
    old: window({ a: text }, { required: ["a"] }),
    new: window({ a: text }),
    field: "/a",
    pointer: "/properties/a",
  },
  {
    rule: "field-removed",
    class: "compatible",
    old: window({ a: text, legacy: text }),
    new: window({ a: text }),
    field: "/legacy",
    pointer: "/properties/legacy",
  },
  {
    rule: "field-became-secret",
    class: "compatible",
    old: window({ token: text }),
    new: window({ token: secret }),
    field: "/token",
    pointer: "/properties/token/writeOnly",
  },
  {
    rule: "default-changed",
    class: "compatible",
    old: window({ region: { type: "string", default: "eu" } }),
    new: window({ region: { type: "string", default: "us" } }),
    field: "/region",
    pointer: "/properties/region/default",
  },
  {
    rule: "type-widened",
    class: "compatible",
    old: window({ port: { type: "integer" } }),
    new: window({ port: { type: "number" } }),
    field: "/port",
    pointer: "/properties/port/type",
  },
  {
    rule: "enum-widened",
    class: "compatible",
    old: window({ region: { type: "string", enum: ["eu"] } }),
    new: window({ region: { type: "string", enum: ["eu", "us"] } }),
    field: "/region",
    pointer: "/properties/region/enum",
  },
  {
    rule: "pattern-loosened",
    class: "compatible",
    old: window({ url: { type: "string", pattern: "^https://" } }),
    new: window({ url: { type: "string", pattern: "^https?://" } }),
    field: "/url",
    pointer: "/properties/url/pattern",
  },
  {
    rule: "format-loosened",
    class: "compatible",
    old: window({ email: { type: "string", format: "email" } }),
    new: window({ email: text }),
    field: "/email",
    pointer: "/properties/email",
  },
  {
    rule: "limit-loosened",
    class: "compatible",
    old: window({ password: { type: "string", minLength: 8 } }),
    new: window({ password: { type: "string", minLength: 1 } }),
    field: "/password",
    pointer: "/properties/password/minLength",
  },
  {
    rule: "extra-keys-allowed",
    class: "compatible",
    old: window({ a: text }, { additionalProperties: false }),
    new: window({ a: text }),
    field: "",
    pointer: "",
  },
  {
    rule: "constraint-loosened",
    class: "compatible",
    old: window({ a: { type: "string", not: { const: "" } } }),
    new: window({ a: text }),
    field: "/a",
    pointer: "/properties/a",
  },
  {
    rule: "choice-option-added",
    class: "compatible",
    old: choice(option("basic")),
    new: choice(option("basic"), option("apiKey")),
    field: "/auth",
    pointer: "/properties/auth/oneOf/1",
  },
  {
    rule: "text-changed",
    class: "compatible",
    old: window({ a: { type: "string", title: "A" } }),
    new: window({ a: { type: "string", title: "B" } }),
    field: "/a",
    pointer: "/properties/a/title",
  },
  {
    rule: "annotation-changed",
    class: "compatible",
    old: window({ notes: text }),
    new: window({ notes: { type: "string", "x-widget": "multiline" } }),
    field: "/notes",
    pointer: "/properties/notes/x-widget",
  },
  {
    rule: "order-changed",
    class: "compatible",
    old: window({ a: text, b: text }),
    new: window({ b: text, a: text }),
    field: "",
    pointer: "/properties",
  },
];

describe("every rule, on a pair of small schemas", () => {
  it.each(CASES)("$rule is $class", (entry) => {
    const changes = diffSchemas(entry.old, entry.new);
    const found = changes.filter((change) => change.rule === entry.rule);
    expect(found, JSON.stringify(changes, null, 2)).toHaveLength(1);
    expect(found[0]).toMatchObject({
      class: entry.class,
      field: entry.field,
      pointer: entry.pointer,
    });
    expect(RULES[entry.rule].class).toBe(entry.class);
    expect(found[0]!.message).toMatch(/^The /);
  });

  it("every rule has a case", () => {
    expect(new Set(CASES.map((entry) => entry.rule))).toEqual(new Set(Object.keys(RULES)));
  });

  it("the same schema twice, or the same schema with keys in another order, has no changes", () => {
    for (const entry of CASES) {
      expect(diffSchemas(entry.old, structuredClone(entry.old))).toEqual([]);
      expect(diffSchemas(entry.new, reverseKeywords(entry.new))).toEqual([]);
    }
  });
});

/** The same schema with the keywords of every subschema (not the properties) in reverse order. */
function reverseKeywords(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(schema).reverse()) {
    const value = schema[key]!;
    if (key === "properties" && value && typeof value === "object" && !Array.isArray(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, inner]) => [
          name,
          isObject(inner) ? reverseKeywords(inner) : inner,
        ]),
      );
    } else if (key === "oneOf" && Array.isArray(value)) {
      out[key] = value.map((inner) => (isObject(inner) ? reverseKeywords(inner) : inner));
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
