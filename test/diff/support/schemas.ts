import fc from "fast-check";
import type { JsonObject, JsonValue } from "../../../src/json/value.ts";
import { savedValue } from "./values.ts";

/**
 * Credential windows for diff properties: every field kind, nested groups, auth-method choices
 * with a `type` const discriminator, a shared definition reached by `$ref`, defaults, secrets.
 * Patterns and formats come from small pools that the value generator can satisfy and that
 * export accepts (safe patterns, supported formats).
 */
export const PATTERNS = [
  "^[a-z]+$",
  "^[a-z0-9]+$",
  "^[a-z]{3,8}$",
  "^https://",
  "^https?://",
  "^[A-Z]{2}-\\d{4}$",
  "^[A-Z]{2}-\\d+$",
  "^\\S+$",
  "x",
];
export const FORMATS = ["email", "uri", "hostname", "date", "ipv4"];
export const KEYS = [
  "baseUrl",
  "username",
  "password",
  "apiKey",
  "host",
  "port",
  "region",
  "scopes",
  "token",
  "tenant",
];

const title = fc.constantFrom("Base URL", "User name", "Secret", "Region", "Port");

/**
 * Sometimes a default, always one the field accepts: the saved-values check fills defaults in, so
 * a default its own field refuses would break values that lack the field whatever the change.
 */
function withValidDefault(field: JsonObject): fc.Arbitrary<JsonObject> {
  return fc
    .option(savedValue(field, field), { nil: undefined })
    .map((value) => (value === undefined ? field : { ...field, default: value }));
}

const stringField: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      title,
      rule: fc.oneof(
        fc.record({ pattern: fc.constantFrom(...PATTERNS) }),
        fc.record({ format: fc.constantFrom(...FORMATS) }),
        fc.record(
          { minLength: fc.nat(3), maxLength: fc.integer({ min: 8, max: 40 }) },
          { requiredKeys: [] },
        ),
      ),
      writeOnly: fc.boolean(),
    },
    { requiredKeys: ["rule"] },
  )
  .map(({ rule, ...rest }) => ({ type: "string", ...rest, ...rule }) as JsonObject)
  .chain(withValidDefault);

const numberField: fc.Arbitrary<JsonObject> = fc
  .record(
    {
      type: fc.constantFrom("integer", "number"),
      title,
      minimum: fc.integer({ min: -5, max: 5 }),
      maximum: fc.integer({ min: 10, max: 100 }),
      multipleOf: fc.constantFrom(1, 2, 5),
    },
    { requiredKeys: ["type"] },
  )
  .map((field) => field as JsonObject)
  .chain(withValidDefault);

const selectField: fc.Arbitrary<JsonObject> = fc
  .uniqueArray(fc.constantFrom("eu", "us", "apac", "cn"), { minLength: 1, maxLength: 4 })
  .map((values) => ({ type: "string", title: "Region", enum: values }));

const listField: fc.Arbitrary<JsonObject> = fc
  .record(
    { minItems: fc.nat(2), maxItems: fc.integer({ min: 3, max: 6 }), uniqueItems: fc.boolean() },
    { requiredKeys: [] },
  )
  .map((limits) => ({
    type: "array",
    title: "Scopes",
    items: { type: "string", minLength: 1, maxLength: 10 },
    ...limits,
  }));

const leaf: fc.Arbitrary<JsonObject> = fc.oneof(
  { weight: 5, arbitrary: stringField },
  { weight: 2, arbitrary: numberField },
  { weight: 2, arbitrary: selectField },
  {
    weight: 1,
    arbitrary: fc.constantFrom<JsonObject>(
      { type: "boolean", default: false },
      { type: "boolean" },
    ),
  },
  { weight: 1, arbitrary: listField },
  { weight: 1, arbitrary: fc.constant({ $ref: "#/definitions/host" }) },
);

function group(
  field: fc.Arbitrary<JsonObject>,
  extra: Array<[string, JsonObject]> = [],
): fc.Arbitrary<JsonObject> {
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), field), {
      selector: ([key]) => key,
      minLength: 1,
      maxLength: 4,
    })
    .chain((entries) => {
      const all = [...extra, ...entries.filter(([key]) => !extra.some(([taken]) => taken === key))];
      return fc
        .record({
          required: fc.subarray(all.map(([key]) => key)),
          closed: fc.boolean(),
        })
        .map(({ required, closed }) => {
          const requiredAll = [...new Set([...extra.map(([key]) => key), ...required])];
          return {
            type: "object",
            properties: Object.fromEntries(all),
            ...(requiredAll.length > 0 ? { required: requiredAll } : {}),
            ...(closed ? { additionalProperties: false } : {}),
          } as JsonObject;
        });
    });
}

const choice: fc.Arbitrary<JsonObject> = fc
  .uniqueArray(fc.constantFrom("basic", "apiKey", "oauth2", "none"), { minLength: 1, maxLength: 3 })
  .chain((values) =>
    fc.tuple(
      ...values.map((value) =>
        group(leaf, [["type", { const: value }]]).map((branch) => ({
          title: value.toUpperCase(),
          ...branch,
        })),
      ),
    ),
  )
  .map((branches) => ({ title: "Authentication", oneOf: branches }) as JsonObject);

const field: fc.Arbitrary<JsonObject> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: group(leaf) },
  { weight: 2, arbitrary: choice },
);

/** A credential window (draft-07) with a definition that fields may refer to. */
export const windowSchema: fc.Arbitrary<JsonObject> = group(field).map((root) => ({
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Connector",
  ...root,
  definitions: { host: { type: "string", format: "hostname", maxLength: 253 } },
}));

export type Json = JsonValue;
