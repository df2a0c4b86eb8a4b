import { describe, expect, it } from "vitest";
import { diffSchemas } from "../../src/diff/index.ts";
import {
  checkSavedValues,
  compileSavedValuesCheck,
  savedValuesOf,
} from "../../src/diff/saved-values.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import type { JsonObject, JsonValue } from "../../src/json/value.ts";

const MARKER = "hunter2-MARKER-7f3a";
const text = { type: "string" };
const option = (value: string, fields: JsonObject, required: string[] = []): JsonObject => ({
  title: value,
  type: "object",
  properties: { type: { const: value }, ...fields },
  required: ["type", ...required],
  additionalProperties: false,
});
const before: JsonObject = {
  type: "object",
  properties: {
    baseUrl: { type: "string", format: "uri" },
    scopes: { type: "array", items: text },
    auth: {
      oneOf: [
        option("basic", { username: text, password: { type: "string", writeOnly: true } }, [
          "username",
          "password",
        ]),
        option("apiKey", { key: { type: "string", writeOnly: true } }, ["key"]),
      ],
    },
  },
  required: ["baseUrl", "auth"],
};
const after: JsonObject = {
  type: "object",
  properties: {
    baseUrl: { type: "string", format: "uri" },
    region: { type: "string", enum: ["eu", "us"], default: "eu" },
    tenant: text,
    scopes: { type: "array", items: { type: "string", pattern: "^[a-z]+$" } },
    auth: {
      oneOf: [
        option(
          "basic",
          {
            username: { type: "string", maxLength: 5 },
            password: { type: "string", writeOnly: true },
          },
          ["username", "password"],
        ),
      ],
    },
  },
  required: ["baseUrl", "auth", "region", "tenant"],
};

function check(values: JsonValue[]) {
  const changes = diffSchemas(before, after);
  return { changes, results: checkSavedValues(compileSavedValuesCheck(after), changes, values) };
}
const rulesOf = (changes: ReturnType<typeof diffSchemas>, indices: number[]) =>
  indices.map((index) => changes[index]!.rule);

describe("saved values against the new schema", () => {
  it("says which values still validate and which change breaks the others, by field", () => {
    const { changes, results } = check([
      {
        baseUrl: "https://a.example",
        tenant: "t",
        auth: { type: "basic", username: "ann", password: MARKER },
      },
      {
        baseUrl: "https://b.example",
        auth: { type: "basic", username: "annabelle", password: MARKER },
        scopes: ["read", "Write"],
      },
      { baseUrl: "https://c.example", tenant: "t", auth: { type: "apiKey", key: MARKER } },
    ]);
    expect(results.map((result) => result.valid)).toEqual([true, false, false]);
    expect(
      results[1]!.problems.map((problem) => [
        problem.field,
        problem.keyword,
        rulesOf(changes, problem.changes),
      ]),
    ).toEqual([
      ["/tenant", "required", ["required-field-added"]],
      ["/scopes/1", "pattern", ["pattern-tightened"]],
      ["/auth/username", "maxLength", ["limit-tightened"]],
    ]);
    // The apiKey option is gone: one problem for the choice, not the errors of every remaining option.
    expect(
      results[2]!.problems.map((problem) => [
        problem.field,
        problem.keyword,
        rulesOf(changes, problem.changes),
      ]),
    ).toEqual([["/auth", "oneOf", ["choice-option-removed"]]]);
    expect(JSON.stringify(results)).not.toContain(MARKER);
  });

  it("fills in defaults (on a copy): a new required field with a default keeps values valid", () => {
    const value = {
      baseUrl: "https://a.example",
      tenant: "t",
      auth: { type: "basic", username: "ann", password: "x" },
    };
    const copy = structuredClone(value);
    expect(check([value]).results[0]!.valid).toBe(true);
    expect(value).toEqual(copy);
  });

  it("a value that was already invalid is not blamed on a change", () => {
    const { results } = check([
      {
        baseUrl: "not a url",
        tenant: "t",
        auth: { type: "basic", username: "ann", password: "x" },
      },
    ]);
    expect(results[0]!.problems).toEqual([
      { field: "/baseUrl", keyword: "format", message: 'must match format "uri"', changes: [] },
    ]);
  });

  it("maps a key the new version rejects to the field's removal", () => {
    const closed = (properties: JsonObject): JsonObject => ({
      type: "object",
      properties,
      additionalProperties: false,
    });
    const changes = diffSchemas(closed({ a: text, legacy: text }), closed({ a: text }));
    const [result] = checkSavedValues(compileSavedValuesCheck(closed({ a: text })), changes, [
      { a: "x", legacy: MARKER },
    ]);
    expect(result!.problems).toEqual([
      {
        field: "/legacy",
        keyword: "additionalProperties",
        message: "is not a field of the new version, which rejects keys it does not list",
        changes: [0],
      },
    ]);
    expect(changes[0]!.rule).toBe("field-removed-rejected");
  });

  it("a renamed discriminator explains the value that lacks the new one, whichever key reads as the discriminator", () => {
    // One option whose other field is also fixed (a one-value enum, or a const): the value names
    // its option by that field, and then misses the new discriminator ("kind").
    const window = (key: string, region: JsonObject): JsonObject => ({
      type: "object",
      properties: {
        auth: {
          oneOf: [
            {
              title: "OAuth 2.0",
              type: "object",
              properties: { region, [key]: { const: "oauth2" } },
              required: [key, "region"],
            },
          ],
        },
      },
    });
    for (const region of [{ enum: ["eu"] }, { const: "eu" }]) {
      const old = window("type", region);
      const renamed = window("kind", region);
      const changes = diffSchemas(old, renamed);
      const [result] = checkSavedValues(compileSavedValuesCheck(renamed), changes, [
        { auth: { type: "oauth2", region: "eu" } },
      ]);
      expect(result!.valid).toBe(false);
      expect(result!.problems.length).toBeGreaterThan(0);
      for (const problem of result!.problems) {
        expect(problem.changes.map((index) => changes[index]!.rule)).toContain(
          "choice-discriminator-changed",
        );
      }
    }
  });

  it("refuses a new schema that cannot be run safely, as export does", () => {
    expect(() =>
      compileSavedValuesCheck({
        type: "object",
        properties: { key: { type: "string", pattern: "^(a+)+$" } },
      }),
    ).toThrow(SchemaProblem);
    expect(() =>
      compileSavedValuesCheck({
        type: "object",
        properties: { key: { type: "string", format: "no-such-format" } },
      }),
    ).toThrow(/unknown format/);
  });
});

describe("the saved-values file", () => {
  it("holds one object or an array of them", () => {
    expect(savedValuesOf({ a: 1 })).toEqual([{ a: 1 }]);
    expect(savedValuesOf([{ a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("anything else is refused without quoting it", () => {
    for (const value of [MARKER, 42, true, null]) {
      let error: unknown;
      try {
        savedValuesOf(value);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SchemaProblem);
      expect(String((error as Error).message)).not.toContain(MARKER);
    }
  });
});
