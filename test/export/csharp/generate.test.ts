import { describe, expect, it } from "vitest";
import { generateCSharp } from "../../../src/export/csharp/generate.ts";
import { SchemaProblem } from "../../../src/json/problem.ts";
import type { JsonObject } from "../../../src/json/value.ts";

/** A window with the given fields. */
const window = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({
  title: "REST API",
  type: "object",
  properties,
  ...extra,
});

const choice = (branches: JsonObject[]): JsonObject => ({
  title: "Authentication",
  oneOf: branches,
});
const branch = (
  value: string,
  properties: JsonObject = {},
  extra: JsonObject = {},
): JsonObject => ({
  type: "object",
  properties: { type: { type: "string", const: value }, ...properties },
  required: ["type"],
  ...extra,
});

function refusal(schema: JsonObject, options = {}): SchemaProblem {
  try {
    generateCSharp(schema, options);
  } catch (error) {
    if (error instanceof SchemaProblem) return error;
    throw error;
  }
  throw new Error("expected a SchemaProblem, but the schema was exported");
}

describe("generateCSharp: names", () => {
  it("names the root class after the window's title in .NET casing, Credentials without one", () => {
    expect(generateCSharp(window({}))).toContain("public sealed class RestApi : ICredentialObject");
    expect(generateCSharp({ type: "object", properties: {} })).toContain(
      "public sealed class Credentials : ICredentialObject",
    );
    expect(generateCSharp({ title: "  ", type: "object" })).toContain(
      "public sealed class Credentials ",
    );
  });

  it("puts everything in Connector.Credentials, or the namespace given", () => {
    expect(generateCSharp(window({}))).toContain("\nnamespace Connector.Credentials\n{");
    expect(generateCSharp(window({}), { namespace: "Contoso.Rest" })).toContain(
      "\nnamespace Contoso.Rest\n{",
    );
    const problem = refusal(window({}), { namespace: "Contoso.class" });
    expect(problem.message).toContain('"class" is a C# keyword');
  });

  it("maps every key exactly, whatever it is, and gives keys differing in case distinct names", () => {
    const code = generateCSharp(
      window({
        ...(JSON.parse('{"__proto__": {"type": "string"}}') as JsonObject),
        apiKey: { type: "string" },
        ApiKey: { type: "string" },
        "@class": { type: "string" },
        'a"b\\c*/': { type: "string" },
        "line\nbreak\u2028": { type: "string" },
        ToString: { type: "string" },
        RestApi: { type: "string" },
        "": { type: "string" },
      }),
    );
    expect(code).toContain('[JsonProperty("apiKey")]\n        public string ApiKey { get; set; }');
    expect(code).toContain('[JsonProperty("ApiKey")]\n        public string ApiKey2 { get; set; }');
    expect(code).toContain('[JsonProperty("@class")]\n        public string Class { get; set; }');
    expect(code).toContain(
      '[JsonProperty("__proto__")]\n        public string Proto { get; set; }',
    );
    expect(code).toContain(
      '[JsonProperty("a\\"b\\\\c*/")]\n        public string ABC { get; set; }',
    );
    expect(code).toContain(
      '[JsonProperty("line\\u000abreak\\u2028")]\n        public string LineBreak { get; set; }',
    );
    expect(code).toContain(
      '[JsonProperty("ToString")]\n        public string ToString2 { get; set; }',
    );
    expect(code).toContain(
      '[JsonProperty("RestApi")]\n        public string RestApi2 { get; set; }',
    );
    expect(code).toContain('[JsonProperty("")]\n        public string Field { get; set; }');
  });

  it("names a choice's base after its key, its branches after their discriminator, and never reuses a type name", () => {
    const code = generateCSharp(
      window({
        auth: choice([branch("basic"), branch("none")]),
        basicAuth: { type: "object", properties: {} },
        regex: { type: "object", properties: {} },
      }),
    );
    expect(code).toContain("public abstract class Auth\n");
    expect(code).toContain("public sealed class AuthConverter : JsonConverter");
    expect(code).toContain("public sealed class BasicAuth : Auth, ICredentialObject");
    expect(code).toContain("public sealed class NoneAuth : Auth, ICredentialObject");
    expect(code).toContain("public sealed class BasicAuth2 : ICredentialObject");
    expect(code).toContain("public sealed class Regex2 : ICredentialObject");
    expect(code).toContain('[JsonProperty("type")]\n        public abstract string Type { get; }');
  });
});

describe("generateCSharp: types and initial values", () => {
  it("maps the field types and makes the schema's defaults initial values", () => {
    const code = generateCSharp(
      window(
        {
          host: { type: "string", default: 'a"b' },
          port: { type: "integer", minimum: 1, maximum: 65535, default: 22 },
          timeout: { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 1e18 },
          count: { type: "integer", format: "int32" },
          level: { type: "integer", enum: [1, 2] },
          huge: { type: "integer", minimum: 0, default: 7 },
          ratio: { type: "number", default: 0.5 },
          on: { type: "boolean", default: true },
          scopes: { type: "array", items: { type: "string" }, default: ["a", "b"] },
          tags: { type: "array", items: { type: "string" }, default: [] },
          kind: { enum: ["x", "y"] },
          group: { type: "object", properties: {} },
          wrong: { type: "integer", default: "thirty" },
        },
        { required: ["port", "group"] },
      ),
    );
    expect(code).toContain('public string Host { get; set; } = "a\\"b";');
    expect(code).toContain("public long Port { get; set; } = 22L;");
    expect(code).toContain("public long? Timeout { get; set; }\n");
    expect(code).toContain("public long? Count { get; set; }\n");
    expect(code).toContain("public long? Level { get; set; }\n");
    // Bounds that let integers pass a long's range: a double, as the validator holds them.
    expect(code).toContain("public double? Huge { get; set; } = 7d;");
    expect(code).toContain('public double? Ratio { get; set; } = CredentialNumber.Parse("0.5");');
    expect(code).toContain("public bool? On { get; set; } = true;");
    expect(code).toContain(
      'public IList<string> Scopes { get; set; } = new List<string> { "a", "b" };',
    );
    expect(code).toContain("public IList<string> Tags { get; set; } = new List<string>();");
    expect(code).toContain("public string Kind { get; set; }");
    expect(code).toContain("public Group Group { get; set; }");
    expect(code).toContain("public double? Wrong { get; set; }\n");
  });

  it("writes titles and descriptions as XML doc comments that no text can end", () => {
    const code = generateCSharp(
      window({
        x: {
          type: "string",
          title: "*/ </summary> <b>",
          description: "one\ntwo\u2028}} class Evil {",
        },
      }),
    );
    expect(code).toContain(
      `${"        /// *&#47;".replace("&#47;", "/")} &lt;/summary&gt; &lt;b&gt;`,
    );
    expect(code).toContain("        /// two\n        /// }} class Evil {\n");
    for (const line of code.split("\n")) expect(line).not.toMatch(/^\s*}} class Evil/);
  });
});

describe("generateCSharp: what C# cannot express exactly is refused", () => {
  it.each<[string, JsonObject, string, RegExp]>([
    ["anyOf", window({ a: { anyOf: [{ type: "string" }] } }), "/properties/a/anyOf", /"anyOf"/],
    [
      "allOf",
      window({ a: { type: "string", allOf: [{ minLength: 1 }] } }),
      "/properties/a/allOf",
      /"allOf"/,
    ],
    ["not", window({ a: { type: "string", not: { const: "x" } } }), "/properties/a/not", /"not"/],
    ["if", window({ a: { type: "string", if: { const: "x" } } }), "/properties/a/if", /"if"/],
    [
      "$ref",
      { ...window({ a: { $ref: "#/definitions/x" } }), definitions: { x: { type: "string" } } },
      "/properties/a/$ref",
      /\$ref/,
    ],
    [
      "patternProperties",
      window({}, { patternProperties: { "^x": { type: "string" } } }),
      "/patternProperties",
      /patternProperties/,
    ],
    [
      "additionalProperties as a schema",
      window({}, { additionalProperties: { type: "string" } }),
      "/additionalProperties",
      /other keys a schema/,
    ],
    [
      "a union of types",
      window({ a: { type: ["string", "null"] } }),
      "/properties/a/type",
      /several types/,
    ],
    [
      "nullable",
      window({ a: { type: "string", nullable: true } }),
      "/properties/a/nullable",
      /nullable/,
    ],
    ["no type", window({ a: { minLength: 1 } }), "/properties/a", /no "type"/],
    ["a boolean schema", window({ a: true }), "/properties/a", /no C# type/],
    [
      "a tuple",
      window({ a: { type: "array", items: [{ type: "string" }] } }),
      "/properties/a/items",
      /not all strings/,
    ],
    [
      "an array of numbers",
      window({ a: { type: "array", items: { type: "number" } } }),
      "/properties/a/items",
      /not all strings/,
    ],
    [
      "contains",
      window({ a: { type: "array", items: { type: "string" }, contains: { const: "x" } } }),
      "/properties/a/contains",
      /contains/,
    ],
    ["null", window({ a: { type: "null" } }), "/properties/a/type", /"null"/],
    ["a root that is not an object", { title: "X", properties: {} }, "", /"type": "object"/],
    [
      "a group that is not an object",
      window({ g: { type: "object", properties: {}, minProperties: 1 } }),
      "/properties/g/minProperties",
      /minProperties/,
    ],
    ["an unknown required key", window({}, { required: ["ghost"] }), "/required", /"ghost"/],
    [
      "a choice without discriminator",
      window({ auth: choice([{ type: "object", properties: { a: { type: "string" } } }]) }),
      "/properties/auth/oneOf",
      /no discriminator/,
    ],
    [
      "a discriminator that is not required",
      window({ auth: choice([branch("a", {}, { required: [] })]) }),
      "/properties/auth/oneOf/0",
      /does not require/,
    ],
    [
      "two branches with one discriminator",
      window({ auth: choice([branch("a"), branch("a")]) }),
      "/properties/auth/oneOf/1/properties/type/const",
      /two branches/,
    ],
    [
      "a discriminator that is not a string",
      window({
        auth: choice([{ type: "object", properties: { type: { const: 1 } }, required: ["type"] }]),
      }),
      "/properties/auth/oneOf/0/properties/type/const",
      /not a string/,
    ],
    [
      "a branch that is not an object",
      window({ auth: choice([{ ...branch("a"), type: undefined as never }]) }),
      "/properties/auth/oneOf/0",
      /"type": "object"/,
    ],
    [
      "a required key on the choice",
      window({ auth: { ...choice([branch("a")]), required: ["type"] } }),
      "/properties/auth/required",
      /"required"/,
    ],
  ])("%s", (_, schema, pointer, what) => {
    const problem = refusal(JSON.parse(JSON.stringify(schema)) as JsonObject);
    expect(problem.pointer).toBe(pointer);
    expect(problem.problem).toMatch(what);
    expect(problem.fix.length).toBeGreaterThan(5);
  });

  it("refuses a secret with a value before anything else", () => {
    const problem = refusal(window({ p: { type: "string", writeOnly: true, default: "hunter2" } }));
    expect(problem.pointer).toBe("/properties/p/default");
  });

  it("refuses an airbyte_secret field with a value too: it is a secret", () => {
    for (const keyword of ["default", "examples", "const"] as const) {
      const value = keyword === "examples" ? ["hunter2"] : "hunter2";
      const problem = refusal(
        window({ p: { type: "string", airbyte_secret: true, [keyword]: value } }),
      );
      expect(problem.pointer).toBe(`/properties/p/${keyword}`);
      expect(problem.problem).not.toContain("hunter2");
    }
  });

  it("masks an airbyte_secret field in ToString() and says Secret in its doc, naming the marking", () => {
    const code = generateCSharp(
      window({
        airbyte: { type: "string", airbyte_secret: true },
        both: { type: "string", airbyte_secret: true, writeOnly: true },
        standard: { type: "string", writeOnly: true },
        plain: { type: "string", airbyte_secret: false },
      }),
    );
    const doc = (name: string) =>
      code
        .slice(0, code.indexOf(`public string ${name} {`))
        .split("<summary>")
        .at(-1)!;
    expect(doc("Airbyte")).toContain("Secret (airbyte_secret): ToString() shows it as ***");
    expect(doc("Both")).toContain("Secret (writeOnly, airbyte_secret): ToString() shows it as ***");
    expect(doc("Standard")).toContain("Secret (writeOnly): ToString() shows it as ***");
    expect(doc("Plain")).not.toContain("Secret");
    expect(code).toContain('CredentialJson.Show(text, "Airbyte", this.Airbyte, true);');
    expect(code).toContain('CredentialJson.Show(text, "Both", this.Both, true);');
    expect(code).toContain('CredentialJson.Show(text, "Standard", this.Standard, true);');
    expect(code).toContain('CredentialJson.Show(text, "Plain", this.Plain, false);');
  });

  it("lets annotations pass, whatever they hold", () => {
    const code = generateCSharp(
      window(
        {
          a: {
            type: "string",
            title: "A",
            description: "d",
            examples: ["x"],
            $comment: "c",
            contentMediaType: "application/x-pem-file",
            contentEncoding: "base64",
            readOnly: true,
            deprecated: true,
            "x-widget": "pem",
            "x-anything": { oneOf: [1] },
            minimum: 3,
            maxItems: 2,
            properties: {},
          },
          n: {
            type: "integer",
            minimum: 0,
            maximum: 9,
            minLength: 2,
            pattern: "(",
            format: "nonsense",
          },
          g: { type: "object", properties: {}, additionalProperties: true, minLength: 1 },
        },
        {
          $schema: "http://json-schema.org/draft-07/schema#",
          $id: "https://x/y",
          definitions: { unused: { type: "string" } },
        },
      ),
    );
    expect(code).toContain("public string A { get; set; }");
    expect(code).toContain("public long? N { get; set; }");
  });
});
