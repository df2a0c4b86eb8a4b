import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkSchema } from "../../src/api/check.ts";
import { CredentialDesignerError } from "../../src/api/error.ts";
import { exportSchema } from "../../src/api/export.ts";
import { cloneJson, defineOwn, type JsonObject, type JsonValue } from "../../src/json/value.ts";
import { walkSubschemas } from "../../src/model/walk.ts";
import { DRAFT_07_SPELLINGS } from "../../src/schema/draft-07.ts";
import { credentialSchema } from "../schema/credential-schema-arbitrary.ts";

/**
 * The invariant of `check` and `export` (issue 17): for any schema, `check` reports no error
 * exactly when `export` (the typed API's exportSchema, without C#) writes its files. Inputs are
 * generated windows and the shipped templates, each with a few keywords set, anywhere, to values
 * of the right or the wrong form.
 */

const templatesDir = join(import.meta.dirname, "../../schemas");
const templates: JsonObject[] = readdirSync(templatesDir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(join(templatesDir, name), "utf8")) as JsonObject);

const KEYWORDS = [
  "$schema",
  "$id",
  "$ref",
  "$async",
  "$comment",
  "type",
  "title",
  "description",
  "format",
  "pattern",
  "examples",
  "enum",
  "const",
  "default",
  "required",
  "properties",
  "patternProperties",
  "additionalProperties",
  "items",
  "additionalItems",
  "dependencies",
  "definitions",
  "$defs",
  "oneOf",
  "anyOf",
  "allOf",
  "not",
  "if",
  "minLength",
  "maxLength",
  "minimum",
  "multipleOf",
  "minItems",
  "uniqueItems",
  "writeOnly",
  "readOnly",
  "contentMediaType",
  "x-order",
  "airbyte_secret",
];

/** Values that are right for some keywords and wrong for others. */
const VALUES: JsonValue[] = [
  [],
  [1, 1],
  ["a", "a"],
  ["a", "b"],
  [
    { x: 1, y: 2 },
    { y: 2, x: 1 },
  ],
  -1,
  0,
  1.5,
  3,
  "string",
  "object",
  ["string", "null"],
  ["string", "string"],
  "#/definitions/host",
  "#/definitions/missing",
  "#/properties",
  "http://example.com/schema.json",
  "other.json#/definitions/x",
  "#anchor",
  "#",
  ...DRAFT_07_SPELLINGS,
  "https://json-schema.org/draft/2020-12/schema",
  "http://json-schema.org/draft-04/schema#",
  "^(a+)+$",
  "([a-z]",
  "^[a-z]+$",
  "uri",
  "hostname",
  "not-a-format",
  "http://login.example.com/token",
  { type: "string" },
  { type: "strnig" },
  true,
  false,
  null,
  { $ref: "#" },
  {},
  [{}],
  [{ type: "string" }, { type: "integer" }],
  { a: ["b", "b"] },
  { a: { type: "string" } },
  { "^x-": { type: "string" } },
  { a: { $ref: "#/definitions/nothing" } },
  { a: { type: "string", minLength: -1 } },
];

const mutation = fc.record({
  at: fc.nat(),
  keyword: fc.constantFrom(...KEYWORDS),
  value: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue> },
  ),
});

/** The schema with each mutation's keyword set on one of its subschemas. */
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;
function mutated(schema: JsonObject, mutations: readonly Mutation[]): JsonObject {
  const copy = cloneJson(schema) as JsonObject;
  for (const { at, keyword, value } of mutations) {
    const nodes = [...walkSubschemas(copy)];
    const node = nodes[at % nodes.length]!;
    defineOwn(node.schema, keyword, cloneJson(value));
  }
  return copy;
}

const input = fc.tuple(
  fc.oneof(credentialSchema, fc.constantFrom(...templates)),
  fc.array(mutation, { maxLength: 3 }),
);

/** Undefined when export writes the files, else its refusal (a CredentialDesignerError). */
async function refusalOf(schema: JsonObject): Promise<CredentialDesignerError | undefined> {
  try {
    await exportSchema(schema, { base: "window" });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialDesignerError);
    return error as CredentialDesignerError;
  }
}

describe("check agrees with export", () => {
  test("for any schema, check reports no error exactly when export writes its files", async () => {
    await fc.assert(
      fc.asyncProperty(input, async ([schema, mutations]) => {
        const window = mutated(schema, mutations);
        const report = await checkSchema(window);
        const refusal = await refusalOf(window);
        const errors = report.findings.filter((finding) => finding.severity === "error");
        expect(
          errors.length === 0,
          `check: ${JSON.stringify(errors)}\nexport: ${refusal?.message}\n${JSON.stringify(window)}`,
        ).toBe(refusal === undefined);
        // What export refuses with is one of check's errors, at the same place.
        if (refusal !== undefined) {
          const pointer = refusal.place === "/" ? "" : refusal.place;
          expect(
            errors.some((finding) => finding.pointer === pointer),
            `${refusal.message}\n${JSON.stringify(errors)}`,
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  }, 300_000);
});
