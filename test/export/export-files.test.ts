import { describe, expect, test } from "vitest";
import { exportFiles, SUPPORTED_FORMATS } from "../../src/export/index.ts";
import { SchemaProblem } from "../../src/json/problem.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { checkPattern } from "../../src/schema/pattern-safety/index.ts";
import { loadFixture, repoRoot } from "./support/files.ts";
import { deepSchema, largeSchema } from "./support/generated-schemas.ts";

const SECRET = "Secret: write-only; never log or persist it.";

async function bindingsOf(schema: JsonObject, base = "sample"): Promise<string> {
  const files = await exportFiles(schema, base);
  return files[1]!.contents;
}

/** The problem `exportFiles` refuses the schema with (fails the test if it does not). */
async function problemOf(schema: JsonObject, base = "sample"): Promise<SchemaProblem> {
  const before = JSON.stringify(schema);
  const error = await exportFiles(schema, base).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(JSON.stringify(schema)).toBe(before);
  expect(error).toBeInstanceOf(SchemaProblem);
  return error as SchemaProblem;
}

function withField(field: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    properties: { header: field },
    ...extra,
  };
}

describe("exportFiles", () => {
  test("returns the four files in order; the schema file is the schema as given", async () => {
    const schema = loadFixture("rest-adapter.schema.json");
    const files = await exportFiles(schema, "rest-adapter");
    expect(files.map((f) => f.name)).toEqual([
      "rest-adapter.schema.json",
      "rest-adapter.ts",
      "rest-adapter.validate.js",
      "rest-adapter.validate.d.ts",
    ]);
    expect(files[0]!.contents).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    expect(Object.keys(JSON.parse(files[0]!.contents) as JsonObject)).toEqual(Object.keys(schema));
  });

  test("never mutates the caller's schema, including own __proto__ keys", async () => {
    for (const name of ["rest-adapter.schema.json", "hostile.schema.json"]) {
      const schema = loadFixture(name);
      const before = JSON.stringify(schema);
      const properties = schema.properties as JsonObject;
      await exportFiles(schema, "x");
      expect(JSON.stringify(schema)).toBe(before);
      expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    }
    expect(
      Object.hasOwn(loadFixture("hostile.schema.json").properties as JsonObject, "__proto__"),
    ).toBe(true);
  });

  test("bindings: root named after the title, discriminated branches exported, union of them", async () => {
    const ts = await bindingsOf(loadFixture("rest-adapter.schema.json"), "rest-adapter");
    expect(ts).toMatch(/^\/\/ Types generated from rest-adapter\.schema\.json/);
    expect(ts).toContain("export interface RESTAdapter {");
    expect(ts).toContain(
      "export type Authentication = NoAuthentication | BasicAuthentication | AuthApiKey;",
    );
    for (const branch of ["NoAuthentication", "BasicAuthentication", "AuthApiKey", "Timeouts"])
      expect(ts).toContain(`export interface ${branch} {`);
    expect(ts).toMatch(/export interface BasicAuthentication \{\n {2}type: "basic";/);
    expect(ts).not.toContain("[k: string]"); // no index signature where the schema allows none
    expect(ts).toContain('region?: "eu" | "us" | "ap";');
    expect(ts).toContain('Choices: "eu" (Europe), "us" (United States), "ap" (Asia Pacific)');
  });

  test("bindings: secrets say so in their doc comment, others do not", async () => {
    const ts = await bindingsOf(loadFixture("rest-adapter.schema.json"));
    const docOf = (property: string): string => {
      const match = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*${property}\\??:`).exec(ts);
      return match?.[1] ?? "";
    };
    expect(docOf("password")).toContain(SECRET);
    expect(docOf("key")).toContain(SECRET);
    expect(docOf("username")).not.toContain(SECRET);
    expect(ts.split(SECRET)).toHaveLength(3);
  });

  test("root name falls back to the base name; reserved and empty-ish titles get safe names", async () => {
    const plain = { type: "object", properties: { a: { type: "string" } } };
    expect(await bindingsOf(plain, "rest-adapter")).toContain("export interface RestAdapter {");
    expect(await bindingsOf({ ...plain, title: "!!! 認証" }, "rest-adapter")).toContain(
      "export interface RestAdapter {",
    );
    expect(await bindingsOf({ ...plain, title: "ValidationError" })).toContain(
      "export interface ValidationErrorType {",
    );
    expect(await bindingsOf({ ...plain, title: "2fa settings" })).toContain(
      "export interface N2FaSettings {",
    );
    // A window is an object of fields: export refuses another root, as import does.
    await expect(bindingsOf({ type: "string", title: "Token" })).rejects.toThrow(
      /a credential window is an object of fields/,
    );
  });

  test("bindings: branch names come from titles, else <Property><Const>, and are unique", async () => {
    const ts = await bindingsOf(loadFixture("hostile.schema.json"), "hostile");
    expect(ts).toContain(
      "export type Auth = Auth2 | Basic | Basic2 | ValidationErrorType | AuthProto;",
    );
    const declared = [...ts.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
    expect(new Set(declared).size).toBe(declared.length);
  });

  test("bindings: hostile text stays inside comments and string literals", async () => {
    const ts = await bindingsOf(loadFixture("hostile.schema.json"), "hostile");
    const code = ts.replace(/\/\*\*[\s\S]*?\*\//g, "").replace(/^\/\/.*$/gm, "");
    expect(code).not.toMatch(/pwned|alert|process\.exit|@ts-/);
    for (const comment of ts.match(/\/\*\*[\s\S]*?\*\//g) ?? [])
      expect(comment.slice(3, -2)).not.toContain("*/");
    expect(ts).toContain('"__proto__"?: string;');
    expect(ts).toContain('"hasOwnProperty"?: boolean;');
    expect(ts).toContain('"constructor": string;'); // required
    expect(ts).toContain('via the `patternProperty` "^a*\\/b$"');
  });

  test("local $ref, recursive $ref and $ref with sibling keywords", async () => {
    const ts = await bindingsOf({
      title: "Tree",
      type: "object",
      properties: {
        root: { $ref: "#/definitions/node" },
        strict: {
          $ref: "#/definitions/node",
          required: ["name"],
          properties: { extra: { type: "boolean" } },
        },
      },
      definitions: {
        node: {
          type: "object",
          properties: {
            name: { type: "string" },
            children: { type: "array", items: { $ref: "#/definitions/node" } },
          },
        },
      },
    });
    expect(ts).toContain("root?: Node;");
    expect(ts).toContain("children?: Node[];");
    expect(ts).toContain("strict?: Strict;");
    expect(ts).toMatch(/export type Strict = Node & \{\s*extra\?: boolean;\s*\};/);
  });
});

describe("exportFiles refuses, with a SchemaProblem saying where and how to fix", () => {
  test("an invalid pattern, naming the field and the pointer", async () => {
    const problem = await problemOf(withField({ type: "string", pattern: "^[a-z" }));
    expect(problem.pointer).toBe("/properties/header/pattern");
    expect(problem.problem).toMatch(
      /^the pattern of field "header" is not a valid regular expression \(.+\)$/,
    );
    expect(problem.fix).toContain("regular expression");
  });

  test("an unsafe pattern, with the verdict's reason and fix", async () => {
    const problem = await problemOf(withField({ type: "string", pattern: "^(a+)+$" }));
    expect(problem.pointer).toBe("/properties/header/pattern");
    expect(problem.problem).toMatch(
      /^the pattern of field "header" is unsafe: it can backtrack catastrophically/,
    );
    const verdict = checkPattern("^(a+)+$");
    expect(verdict.ok ? "" : verdict.problem).toBe("unsafe");
    if (!verdict.ok && verdict.problem === "unsafe") {
      expect(problem.problem).toBe(
        `the pattern of field "header" is unsafe: it ${verdict.message}`,
      );
      expect(problem.fix).toBe(verdict.fix);
    }
  });

  test("an invalid or unsafe patternProperties key, deep inside", async () => {
    const nested = (patterns: JsonObject): JsonObject =>
      withField({
        type: "object",
        properties: { inner: { type: "object", patternProperties: patterns } },
      });
    const invalid = await problemOf(nested({ "(": { type: "string" } }));
    expect(invalid.pointer).toBe("/properties/header/properties/inner/patternProperties/(");
    expect(invalid.problem).toMatch(
      /^the property-name pattern "\(" of field "inner" is not a valid regular expression/,
    );
    const unsafe = await problemOf(nested({ "^(x|x)*y$": { type: "string" } }));
    expect(unsafe.problem).toMatch(/is unsafe/);
  });

  test("an unknown format, listing the supported ones", async () => {
    const problem = await problemOf(withField({ type: "string", format: "color" }));
    expect(problem.pointer).toBe("/properties/header/format");
    expect(problem.problem).toBe('field "header" uses the unknown format "color"');
    for (const format of ["uri", "email", "hostname", "date-time"])
      expect(problem.fix).toContain(format);
    expect(SUPPORTED_FORMATS).toContain("date-time");
  });

  test("remote, anchor, dangling and looping references", async () => {
    const remote = await problemOf(
      withField({ $ref: "https://example.com/s.json#/definitions/a" }),
    );
    expect(remote.pointer).toBe("/properties/header/$ref");
    expect(remote.problem).toContain("outside this schema");
    expect((await problemOf(withField({ $ref: "other.json" }))).problem).toContain(
      "outside this schema",
    );
    expect((await problemOf(withField({ $ref: "#anchor" }))).problem).toContain("named anchor");
    expect((await problemOf(withField({ $ref: "#/definitions/missing" }))).problem).toContain(
      "does not exist",
    );
    expect((await problemOf(withField({ $ref: "#/properties" }))).problem).toContain(
      "not a schema",
    );
    const loop = await problemOf(
      withField(
        { $ref: "#/definitions/a" },
        { definitions: { a: { $ref: "#/definitions/b" }, b: { $ref: "#/definitions/a" } } },
      ),
    );
    expect(loop.problem).toContain("leads back to itself");
    const sameValueLoop = await problemOf({ type: "object", allOf: [{ $ref: "#" }] });
    expect(sameValueLoop.pointer).toBe("/allOf/0/$ref");
  });

  test("other drafts, nested $id, $async, invalid schemas and bad base names", async () => {
    expect(
      (await problemOf({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" }))
        .pointer,
    ).toBe("/$schema");
    expect(
      (await problemOf(withField({ $id: "http://example.com/x", type: "string" }))).pointer,
    ).toBe("/properties/header/$id");
    expect((await problemOf({ $async: true, type: "object" })).pointer).toBe("/$async");
    const invalid = await problemOf(withField({ type: "strnig" }));
    expect(invalid.pointer).toBe("/properties/header/type");
    expect(invalid.problem).toContain('has "strnig", which is not a JSON Schema type');
    expect((await problemOf({ type: "object" }, "../evil")).problem).toContain(
      "cannot be the base name",
    );
    expect(
      (
        await problemOf({
          type: "object",
          dependencies: JSON.parse('{"__proto__": ["a"]}') as JsonObject,
        })
      ).pointer,
    ).toBe("/dependencies/__proto__");
  });
});

describe("exportFiles refuses a secret that carries a value", () => {
  const VALUE = "hunter2-marker";
  const secret = (extra: JsonObject): JsonObject => ({
    title: "Password",
    type: "string",
    writeOnly: true,
    ...extra,
  });

  test.each([
    ["default", { default: VALUE }, "a default value"],
    ["examples", { examples: [VALUE] }, "example values"],
    ["const", { const: VALUE }, "a constant value"],
    ["enum", { enum: [VALUE] }, "a single allowed value"],
  ])(
    "%s: at the keyword's pointer, naming the field, never quoting the value",
    async (keyword, extra, what) => {
      const problem = await problemOf(withField(secret(extra)));
      expect(problem.pointer).toBe(`/properties/header/${keyword}`);
      expect(problem.problem).toBe(
        `the secret field "header" (Password) has ${what} ("${keyword}"), which would ship with every connector`,
      );
      expect(problem.fix).toBe(
        `remove "${keyword}" from the field "header" (Password); describe the expected format in "description" instead`,
      );
      expect(problem.message + problem.fix).not.toContain(VALUE);
    },
  );

  test("anywhere: in a choice branch of the sample window, in list items, in a definition", async () => {
    const sample = loadFixture("rest-adapter.schema.json");
    const oneOf = (sample.properties as any).auth.oneOf as JsonObject[];
    (oneOf[2]!.properties as any).key.default = VALUE;
    expect((await problemOf(sample, "rest-adapter")).pointer).toBe(
      "/properties/auth/oneOf/2/properties/key/default",
    );
    expect(
      (await problemOf(withField({ type: "array", items: secret({ examples: [VALUE] }) }))).pointer,
    ).toBe("/properties/header/items/examples");
    expect(
      (
        await problemOf(
          withField(
            { $ref: "#/definitions/token" },
            { definitions: { token: secret({ const: VALUE }) } },
          ),
        )
      ).pointer,
    ).toBe("/definitions/token/const");
  });

  test("the first in document order, before anything else is looked at: no file carries the value", async () => {
    const schema = withField(
      { type: "string", pattern: "^(a+)+$" },
      { definitions: { a: secret({ default: VALUE }), b: secret({ examples: [VALUE] }) } },
    );
    expect((await problemOf(schema)).pointer).toBe("/definitions/a/default");
  });

  test("a secret without a value, an enum of several values and values on other fields export", async () => {
    const schema = {
      type: "object",
      properties: {
        password: secret({}),
        region: secret({ enum: ["eu", "us"] }),
        user: { type: "string", default: "admin", examples: ["admin"] },
      },
    };
    const files = await exportFiles(schema, "fine");
    expect(files).toHaveLength(4);
    expect(files[1]!.contents).toContain("@default");
  });
});

describe("exportFiles scales", () => {
  test("400 levels of objects inside objects export, as flat declarations", async () => {
    const files = await exportFiles(deepSchema(400), "deep");
    const ts = files[1]!.contents;
    expect(ts).toContain("export interface Level400 {");
    expect(ts).toMatch(/export interface Level399 \{\n {2}level400: Level400;/);
    expect(files[2]!.contents).toContain("export default");
  });

  test("far too deep a schema is a SchemaProblem, not a crash", async () => {
    const problem = await problemOf(deepSchema(2_000), "deep");
    expect(problem.problem).toContain("nested too deeply");
  });

  test("2,000 fields export (20,000 and the timings: npm run bench -- export)", async () => {
    const schema = largeSchema(2_000);
    const files = await exportFiles(schema, "large");
    expect(files[1]!.contents).toContain("field1999?:");
    expect(files[1]!.contents.match(/^export interface Section\d+ \{/gm)).toHaveLength(4);
  });
});

describe("the export core stays pure", () => {
  test("src/export imports no Node built-ins, DOM or React, and only prettier's standalone build", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = join(repoRoot, "src/export");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      const specifiers = [...source.matchAll(/^import(?! type )[^"']*["']([^"']+)["']/gm)].map(
        (m) => m[1],
      ); // type-only imports vanish
      for (const specifier of specifiers) {
        expect(specifier, `${file}: ${specifier}`).not.toMatch(
          /^(node:|fs$|path$|os$|child_process$|url$|react|react-dom)|^prettier$/,
        );
      }
      expect(source, file).not.toMatch(/\bdocument\.|\bwindow\.|process\.(env|cwd)/);
    }
  });
});
