import fc from "fast-check";
import { defineOwn, type JsonObject, type JsonValue } from "../../src/json/value.ts";

/** Property keys, including the ones that trip naive code. */
export const propertyKey = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "baseUrl",
      "username",
      "password",
      "apiKey",
      "host",
      "port",
      "region",
      "token",
    ),
  },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "a b",
      "x-y",
      "*/",
      "ключ",
      "10",
      "$ref",
    ),
  },
);

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("Base URL", "*/ alert(1) /*", '"quoted"', "<b>html</b>", "line\nbreak"),
);
const safePattern = fc.constantFrom("^https://", "^[a-z0-9-]+$", "^[0-9a-f]{32}$", "^\\S+$");
const unknownKeyword = fc.oneof(
  fc.tuple(
    fc.constantFrom("x-ui", "x-order", "unknownKeyword", "x-enumNames"),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  fc.tuple(fc.constant("$comment"), fc.string({ maxLength: 10 })),
);

/** An object whose keys come in the given order, own even when one is `__proto__`. */
function objectOf(entries: Array<[string, JsonValue]>): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries)
    if (!Object.hasOwn(object, key)) defineOwn(object, key, value);
  return object;
}

/** Keyword entries in a random order. */
function shuffled(entries: fc.Arbitrary<Array<[string, JsonValue]>>): fc.Arbitrary<JsonObject> {
  return entries
    .chain((list) => fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))
    .map(objectOf);
}

const optional = <T>(key: string, arbitrary: fc.Arbitrary<T>) =>
  fc.option(
    arbitrary.map((value) => [key, value as JsonValue] as [string, JsonValue]),
    { nil: undefined },
  );

function keywords(
  ...parts: Array<fc.Arbitrary<[string, JsonValue] | undefined>>
): fc.Arbitrary<Array<[string, JsonValue]>> {
  return fc.tuple(...parts, fc.array(unknownKeyword, { maxLength: 2 })).map((all) => {
    const extra = all[all.length - 1] as Array<[string, JsonValue]>;
    const known = all.slice(0, -1) as Array<[string, JsonValue] | undefined>;
    return [...known.filter((entry) => entry !== undefined), ...extra] as Array<
      [string, JsonValue]
    >;
  });
}

const stringField = shuffled(
  keywords(
    fc.constant(["type", "string"] as [string, JsonValue]),
    optional("title", text),
    optional("description", text),
    optional("format", fc.constantFrom("uri", "email", "hostname", "date-time")),
    optional("pattern", safePattern),
    optional("minLength", fc.nat(5)),
    optional("maxLength", fc.integer({ min: 5, max: 500 })),
    optional("writeOnly", fc.boolean()),
    optional("examples", fc.array(text, { maxLength: 2 })),
    optional("x-widget", fc.constantFrom("multiline", "pem", "connection-string")),
  ),
);
const numberField = shuffled(
  keywords(
    fc
      .constant(["type", "integer"] as [string, JsonValue])
      .chain((entry) => fc.constantFrom(entry, ["type", "number"] as [string, JsonValue])),
    optional("title", text),
    optional("minimum", fc.integer({ min: -5, max: 5 })),
    optional("maximum", fc.integer({ min: 10, max: 5000 })),
    optional("default", fc.integer({ min: 5, max: 10 })),
  ),
);
const selectField = fc
  .uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .chain((values) =>
    shuffled(
      keywords(
        fc.constant(["type", "string"]),
        fc.constant(["enum", values]),
        optional("x-enumNames", fc.constant(values.map((v) => v.toUpperCase()))),
      ),
    ),
  );
const leaf: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 5, arbitrary: stringField },
  { weight: 2, arbitrary: numberField },
  { weight: 2, arbitrary: selectField },
  { weight: 1, arbitrary: fc.constant({ type: "boolean", default: false }) },
  { weight: 1, arbitrary: fc.constant({ type: "array", items: { type: "string" }, minItems: 1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { $ref: "#/definitions/host" },
      { $ref: "#/definitions/node" },
      true,
      false,
      {},
    ),
  },
);

const { group } = fc.letrec<{ group: JsonObject; field: JsonValue; choice: JsonObject }>((tie) => ({
  field: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    leaf,
    tie("group"),
    tie("choice"),
  ),
  group: fc
    .uniqueArray(fc.tuple(propertyKey, tie("field")), { selector: ([key]) => key, maxLength: 5 })
    .chain((properties) =>
      fc
        .shuffledSubarray(properties.map(([key]) => key))
        .chain((required) =>
          shuffled(
            keywords(
              fc.constant(["type", "object"]),
              optional("title", text),
              fc.constant(["properties", objectOf(properties)]),
              required.length > 0 ? fc.constant(["required", required]) : fc.constant(undefined),
              optional("additionalProperties", fc.boolean()),
            ),
          ),
        ),
    ),
  choice: fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 })
    .chain((values) =>
      fc.tuple(
        ...values.map((value) =>
          tie("group").map((branch) =>
            objectOf([
              ["title", value],
              ...(Object.entries(branch) as Array<[string, JsonValue]>).filter(
                ([key]) => key !== "title",
              ),
              ["x-discriminator", value],
            ]),
          ),
        ),
      ),
    )
    .chain((branches) =>
      shuffled(
        keywords(
          optional("title", text),
          fc.constant(["oneOf", branches]),
          optional("description", text),
        ),
      ),
    ),
}));

/** A draft-07 credential window: groups, auth-method choices, every field kind, refs (recursive too) and extensions. */
export const credentialSchema: fc.Arbitrary<JsonObject> = group.map((root) =>
  objectOf([
    ["$schema", "http://json-schema.org/draft-07/schema#"],
    ...(Object.entries(root) as Array<[string, JsonValue]>),
    [
      "definitions",
      {
        host: { type: "string", format: "hostname" },
        node: {
          type: "object",
          properties: { child: { $ref: "#/definitions/node" }, name: { type: "string" } },
        },
      },
    ],
  ]),
);
