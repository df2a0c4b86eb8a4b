import { describe, expect, it } from "vitest";
import { SchemaProblem } from "../../src/json/problem.ts";
import type { JsonObject } from "../../src/json/value.ts";
import {
  describeSecretValue,
  refuseSecretValues,
  secretValueRefusal,
  secretValues,
} from "../../src/model/secret-values.ts";

const SECRET = "s3cret-VALUE-marker";
const object = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  type: "object",
  properties,
  ...extra,
});
const password = (extra: JsonObject): JsonObject => ({
  title: "Password",
  type: "string",
  writeOnly: true,
  ...extra,
});
const keywords = (schema: JsonObject) => secretValues(schema).map((value) => value.keyword);

describe("secretValues: which keywords give a secret a value", () => {
  it.each([
    ["default", { default: SECRET }, "a default value"],
    ["examples", { examples: [SECRET] }, "example values"],
    ["const", { const: SECRET }, "a constant value"],
    ["enum", { enum: [SECRET] }, "a single allowed value"],
  ])("%s", (keyword, extra, what) => {
    expect(secretValues(password(extra))).toEqual([{ keyword, what }]);
  });

  it("counts a keyword that is there, whatever it holds; an enum only when it allows one value", () => {
    expect(keywords(password({ default: null, examples: [], const: "" }))).toEqual([
      "default",
      "examples",
      "const",
    ]);
    expect(keywords(password({ enum: ["a", "b"] }))).toEqual([]);
    expect(keywords(password({ enum: [] }))).toEqual([]);
    expect(keywords(password({ enum: "a" }))).toEqual([]);
  });

  it("lists them in the schema's own key order", () => {
    expect(keywords({ examples: ["x"], writeOnly: true, const: "y", default: "z" })).toEqual([
      "examples",
      "const",
      "default",
    ]);
  });

  it("is nothing for a field that is not secret, or only says it is", () => {
    expect(
      secretValues({ type: "string", default: "admin", examples: ["admin"], const: "admin" }),
    ).toEqual([]);
    expect(secretValues({ type: "string", writeOnly: "true", default: "admin" })).toEqual([]);
    expect(secretValues({ type: "string", writeOnly: false, default: "admin" })).toEqual([]);
  });

  it("reads own keywords only: an inherited one is not there", () => {
    const schema = Object.create({ writeOnly: true, default: SECRET }) as JsonObject;
    expect(secretValues(schema)).toEqual([]);
    expect(
      secretValues(JSON.parse('{"writeOnly": true, "__proto__": {"default": 1}}') as JsonObject),
    ).toEqual([]);
  });
});

describe("describeSecretValue: the words, without the value", () => {
  it("says what is wrong and how to fix it", () => {
    expect(
      describeSecretValue('field "password" (Password)', {
        keyword: "default",
        what: "a default value",
      }),
    ).toEqual({
      problem:
        'the secret field "password" (Password) has a default value ("default"), which would ship with every connector',
      fix: 'remove "default" from the field "password" (Password); describe the expected format in "description" instead',
    });
  });
});

describe("secretValueRefusal: the first secret carrying a value, as a SchemaProblem", () => {
  it("points at the keyword and names the field by key and title", () => {
    const problem = secretValueRefusal(
      object({ user: { type: "string" }, password: password({ default: SECRET }) }),
    );
    expect(problem).toBeInstanceOf(SchemaProblem);
    expect(problem).toMatchObject({
      pointer: "/properties/password/default",
      problem:
        'the secret field "password" (Password) has a default value ("default"), which would ship with every connector',
      fix: 'remove "default" from the field "password" (Password); describe the expected format in "description" instead',
    });
    expect(problem!.message).toBe(
      '/properties/password/default: the secret field "password" (Password) has a default value ("default"), which would ship with every connector. Remove "default" from the field "password" (Password); describe the expected format in "description" instead.',
    );
    expect(JSON.stringify(problem) + problem!.message).not.toContain(SECRET);
  });

  it("is undefined for a schema whose secrets carry nothing", () => {
    expect(
      secretValueRefusal(
        object({
          user: { type: "string", default: "admin" },
          password: password({ enum: ["a", "b"] }),
        }),
      ),
    ).toBeUndefined();
    expect(() => refuseSecretValues(object({ password: password({}) }))).not.toThrow();
  });

  it.each([
    [
      "a nested group",
      object({ server: object({ password: password({ examples: [SECRET] }) }) }),
      "/properties/server/properties/password/examples",
    ],
    [
      "a choice branch",
      object({
        auth: {
          oneOf: [
            object({ type: { const: "none" } }),
            object({ type: { const: "basic" }, password: password({ const: SECRET }) }),
          ],
        },
      }),
      "/properties/auth/oneOf/1/properties/password/const",
    ],
    [
      "list items",
      object({ keys: { type: "array", items: password({ enum: [SECRET] }) } }),
      "/properties/keys/items/enum",
    ],
    [
      "a definition",
      object(
        { token: { $ref: "#/definitions/token" } },
        { definitions: { token: password({ default: SECRET }) } },
      ),
      "/definitions/token/default",
    ],
    [
      "a key that needs escaping",
      object({ "a/b~c": password({ default: SECRET }) }),
      "/properties/a~1b~0c/default",
    ],
  ])("finds one in %s", (_, schema, pointer) => {
    expect(secretValueRefusal(schema)?.pointer).toBe(pointer);
    expect(() => refuseSecretValues(schema)).toThrow(SchemaProblem);
  });

  it("reports the first in document order: parents before children, keys in their order", () => {
    const schema = object(
      {
        first: object({ inner: password({ default: SECRET }) }),
        second: password({ examples: [SECRET], default: SECRET }),
      },
      { definitions: { later: password({ default: SECRET }) } },
    );
    expect(secretValueRefusal(schema)?.pointer).toBe("/properties/first/properties/inner/default");
    delete (schema.properties as JsonObject).first;
    expect(secretValueRefusal(schema)?.pointer).toBe("/properties/second/examples");
  });

  it("names a secret that is not a property by its definition key, title or place", () => {
    expect(
      secretValueRefusal(object({}, { definitions: { token: { writeOnly: true, default: "x" } } }))
        ?.problem,
    ).toMatch(/^the secret definition "token" has/);
    expect(
      secretValueRefusal(
        object({ keys: { type: "array", items: { title: "Key", writeOnly: true, default: "x" } } }),
      )?.problem,
    ).toMatch(/^the secret schema "Key" has/);
    expect(
      secretValueRefusal(
        object({ keys: { type: "array", items: { writeOnly: true, default: "x" } } }),
      )?.problem,
    ).toMatch(/^the secret schema at \/properties\/keys\/items has/);
  });

  it("walks a deeply nested schema without running out of stack", () => {
    let schema: JsonObject = password({ default: SECRET });
    for (let i = 0; i < 5000; i++) schema = object({ g: schema });
    expect(secretValueRefusal(schema)?.pointer).toBe(`${"/properties/g".repeat(5000)}/default`);
  });
});
