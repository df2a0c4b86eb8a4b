import fc from "fast-check";
import { defineOwn, type JsonObject, type JsonValue } from "../../../../src/json/value.ts";

/**
 * Credential windows of the kind the designer makes and the C# export supports: groups, auth
 * choices discriminated by a required string `const`, strings with patterns, formats and lengths,
 * secrets, integers and numbers with bounds, selects, booleans, lists of strings, defaults, (no
 * `$ref`: the C# export refuses it, see the general schemas for that), open and closed objects. Keys and texts include the awkward ones.
 */

const key = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "baseUrl",
      "username",
      "password",
      "apiKey",
      "host",
      "port",
      "region",
      "token",
      "timeoutSeconds",
      "scopes",
      "tenantId",
    ),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][A-Za-z0-9]{0,7}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "class",
      "x-api-key",
      "a b",
      "10",
      "Host",
      "_id",
      "user.name",
      "$type",
      "ключ",
      "constructor",
      "toString",
      "Equals",
      "GetType",
    ),
  },
);

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "Base URL",
    "*/ x /*",
    '"quoted"',
    "<b>html</b>",
    "line\nbreak",
    "a\\b",
    "</summary>",
  ),
);

function object(entries: Array<[string, JsonValue] | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const entry of entries)
    if (entry && !Object.hasOwn(out, entry[0])) defineOwn(out, entry[0], entry[1]);
  return out;
}

const PATTERNS = [
  "^https://",
  "^[a-z0-9-]+$",
  "^[0-9a-f]{8}$",
  "^\\S+$",
  "[0-9]",
  "^[A-Z]{2,3}$",
  "^[^:]+$",
  "abc",
  "^a|b$",
  "^(?:x|yz)+$",
];

const stringField: fc.Arbitrary<JsonObject> = fc
  .record({
    title: fc.option(text, { nil: undefined }),
    description: fc.option(text, { nil: undefined }),
    rule: fc.oneof<fc.Arbitrary<{ format?: string; pattern?: string }>[]>(
      fc.constant({}),
      fc
        .constantFrom("uri", "email", "hostname", "date-time", "date", "ipv4")
        .map((format) => ({ format })),
      fc.constantFrom(...PATTERNS).map((pattern) => ({ pattern })),
    ),
    minLength: fc.option(fc.nat(4), { nil: undefined }),
    maxLength: fc.option(fc.integer({ min: 12, max: 300 }), { nil: undefined }),
    // A secret by either marking (src/model/vendor-keywords.ts): Airbyte's or the standard one.
    secret: fc.constantFrom(undefined, "writeOnly", "airbyte_secret"),
  })
  .map((r) =>
    object([
      ["type", "string"],
      r.title !== undefined ? ["title", r.title] : undefined,
      r.description !== undefined ? ["description", r.description] : undefined,
      r.rule.format !== undefined ? ["format", r.rule.format] : undefined,
      r.rule.pattern !== undefined ? ["pattern", r.rule.pattern] : undefined,
      r.minLength !== undefined ? ["minLength", r.minLength] : undefined,
      r.maxLength !== undefined ? ["maxLength", r.maxLength] : undefined,
      r.secret !== undefined ? [r.secret, true] : undefined,
    ]),
  );

const numberField: fc.Arbitrary<JsonObject> = fc
  .record({
    type: fc.constantFrom("integer", "number"),
    title: fc.option(text, { nil: undefined }),
    minimum: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
    maximum: fc.option(fc.oneof(fc.integer({ min: 10, max: 5000 }), fc.constant(4294967296)), {
      nil: undefined,
    }),
    exclusive: fc.boolean(),
    exclusiveMaximum: fc.boolean(),
    multipleOf: fc.option(fc.constantFrom(1, 2, 5, 0.1, 0.01, 0.5, 1.5), { nil: undefined }),
    format: fc.option(fc.constantFrom("int32", "int64", "float", "double"), { nil: undefined }),
    withDefault: fc.boolean(),
  })
  .map((r) =>
    object([
      ["type", r.type],
      r.title !== undefined ? ["title", r.title] : undefined,
      r.minimum !== undefined
        ? [r.exclusive ? "exclusiveMinimum" : "minimum", r.minimum]
        : undefined,
      r.maximum !== undefined
        ? [r.exclusiveMaximum ? "exclusiveMaximum" : "maximum", r.maximum]
        : undefined,
      r.multipleOf !== undefined ? ["multipleOf", r.multipleOf] : undefined,
      r.format !== undefined ? ["format", r.format] : undefined,
      // a keyword of another type, which the validator ignores on a number
      r.withDefault ? ["minLength", 3] : undefined,
    ]),
  );

/** Fields with allowed values: numbers, booleans and constants. */
const fixedField: fc.Arbitrary<JsonObject> = fc.constantFrom<JsonObject>(
  { type: "integer", enum: [1, 2, 3, 2147483648] },
  { type: "number", enum: [0.5, 1, 1.5] },
  { type: "string", const: "fixed" },
  { type: "boolean", const: true },
  { type: "integer", const: 7, default: 7 },
  { type: "string", enum: ["a", "b"], const: "a" },
  { type: "string", format: "email", pattern: "@example\\.com$", maxLength: 40 },
  {
    type: "array",
    items: { type: "string", pattern: "^[a-z]+$", maxLength: 5, format: "hostname" },
    maxItems: 2,
  },
  { type: "array", items: { type: "string", enum: ["read", "write"] }, uniqueItems: true },
);

const selectField: fc.Arbitrary<JsonObject> = fc
  .uniqueArray(fc.constantFrom("eu", "us", "EU", "ap", "a b", "x-y", "10", "class", ""), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((values) =>
    fc
      .boolean()
      .map((withDefault) =>
        object([
          ["type", "string"],
          ["enum", values],
          withDefault ? ["default", values[0]!] : undefined,
        ]),
      ),
  );

const leaf: fc.Arbitrary<JsonObject> = fc.oneof(
  { weight: 5, arbitrary: stringField },
  { weight: 2, arbitrary: numberField },
  { weight: 2, arbitrary: selectField },
  { weight: 1, arbitrary: fixedField },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ type: "boolean" }, { type: "boolean", default: true }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<JsonObject>(
      { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
      { type: "array", items: { type: "string" }, minItems: 1, maxItems: 3 },
    ),
  },
);

function groupOf(
  field: fc.Arbitrary<JsonObject>,
  maxLength: number,
  extra: Array<[string, JsonValue]> = [],
) {
  return fc
    .uniqueArray(fc.tuple(key, field), { selector: ([k]) => k, minLength: 1, maxLength })
    .chain((properties) =>
      fc
        .tuple(
          fc.subarray(properties.map(([k]) => k)),
          fc.boolean(),
          fc.option(text, { nil: undefined }),
        )
        .map(([required, closed, title]) =>
          object([
            ["type", "object"],
            title !== undefined ? ["title", title] : undefined,
            ["properties", object([...extra, ...properties])],
            ["required", [...extra.map(([k]) => k), ...required]],
            ["additionalProperties", !closed],
          ]),
        ),
    );
}

const choice: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.constantFrom("type", "kind", "method"),
    fc.uniqueArray(
      fc.constantFrom("none", "basic", "apiKey", "oauth2", "Basic", "bearer", "x-y", "10"),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    fc.option(text, { nil: undefined }),
  )
  .chain(([discriminator, values, title]) =>
    fc
      .tuple(
        ...values.map((value) =>
          groupOf(leaf, 3, [[discriminator, { type: "string", const: value }]]).map((branch) =>
            object([["title", value], ...(Object.entries(branch) as Array<[string, JsonValue]>)]),
          ),
        ),
      )
      .map((branches) =>
        object([title !== undefined ? ["title", title] : undefined, ["oneOf", branches]]),
      ),
  );

const field: fc.Arbitrary<JsonObject> = fc.oneof(
  { weight: 8, arbitrary: leaf },
  { weight: 1, arbitrary: groupOf(leaf, 3) },
  { weight: 1, arbitrary: choice },
);

/** A credential window the C# export is meant to take. */
export const supportedSchema: fc.Arbitrary<JsonObject> = fc
  .tuple(groupOf(field, 6), fc.option(choice, { nil: undefined }), text)
  .map(([root, auth, title]) => {
    const properties = { ...(root.properties as JsonObject) };
    const required = [...(root.required as string[])];
    if (auth) {
      defineOwn(properties, "auth", auth);
      if (!required.includes("auth")) required.push("auth");
    }
    return object([
      ["$schema", "http://json-schema.org/draft-07/schema#"],
      ["title", title.trim() ? title : "Generated"],
      ["type", "object"],
      ["properties", properties],
      ["required", required],
      ["additionalProperties", root.additionalProperties as boolean],
    ]);
  });
