import { describe, expect, it } from "vitest";
import { SchemaProblem } from "../../src/json/problem.ts";
import { kindOf } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { nodeAt, sampleDocument } from "../model/support.ts";

function problemOf(schema: unknown): SchemaProblem {
  try {
    importSchema(schema as any);
  } catch (error) {
    if (error instanceof SchemaProblem) return error;
    throw error;
  }
  throw new Error("expected a SchemaProblem");
}

describe("importSchema", () => {
  it("reads fields, groups and choices with their kinds", () => {
    const doc = sampleDocument();
    expect(doc.root.fields!.map((field) => [field.key, kindOf(field)])).toEqual([
      ["baseUrl", "url"],
      ["settings", "group"],
      ["auth", "choice"],
      ["tags", "string-list"],
      ["host", "custom"],
    ]);
    expect(kindOf(nodeAt(doc, "settings", "region"))).toBe("select");
    expect(kindOf(nodeAt(doc, "auth", 1, "password"))).toBe("secret");
    expect(nodeAt(doc, "auth").branches).toHaveLength(2);
  });

  it.each([
    [[], "", /holds an array, not a schema object/],
    ["text", "", /holds a string/],
    [{ type: "string" }, "/type", /window's type is "string"/],
    [
      { type: "object", properties: [] },
      "/properties",
      /"properties" must be an object mapping names to schemas, but it holds an array/,
    ],
    [{ properties: { a: 5 } }, "/properties", /must map every name to a schema/],
    [
      { properties: { a: { type: "text" } } },
      "/properties/a/type",
      /"text", which is not a JSON Schema type/,
    ],
    [{ properties: { a: { minLength: -2 } } }, "/properties/a/minLength", /whole number/],
    [
      { properties: { a: { title: 7 } } },
      "/properties/a/title",
      /must be a string, but it holds a number \(7\)/,
    ],
    [{ required: "a" }, "/required", /array of property names/],
    [
      { properties: { auth: { oneOf: [] } } },
      "/properties/auth/oneOf",
      /non-empty array of schemas/,
    ],
    [
      { properties: { a: { items: { items: 3 } } } },
      "/properties/a/items/items",
      /schema or an array of schemas/,
    ],
  ])("refuses a schema of the wrong shape (%j) at %s", (schema, pointer, message) => {
    const problem = problemOf(schema);
    expect(problem.pointer).toBe(pointer);
    expect(problem.problem).toMatch(message);
    expect(problem.fix.length).toBeGreaterThan(10);
  });

  it.each([
    ["https://example.com/schemas/auth.json", /on another server, which is never fetched/],
    ["http://example.com/auth.json#/definitions/x", /on another server/],
    ["file:///etc/passwd", /in another file, which is never read/],
    ["common.json#/definitions/url", /in another file/],
    ["../shared/auth.json", /in another file/],
  ])("refuses the remote or file $ref %s, naming its pointer and what to do", (ref, message) => {
    const problem = problemOf({ type: "object", properties: { auth: { allOf: [{ $ref: ref }] } } });
    expect(problem.pointer).toBe("/properties/auth/allOf/0/$ref");
    expect(problem.problem).toMatch(message);
    expect(problem.fix).toMatch(/copy the referenced schema into "definitions"/);
  });

  it("refuses a local $ref that points to nothing, and accepts anchors and recursive refs", () => {
    expect(problemOf({ properties: { a: { $ref: "#/definitions/missing" } } }).problem).toMatch(
      /points to nothing/,
    );
    expect(problemOf({ properties: { a: { $ref: "#nowhere" } } }).problem).toMatch(
      /no subschema has "\$id": "#nowhere"/,
    );
    expect(() =>
      importSchema({
        properties: {
          a: { $ref: "#/definitions/tree" },
          b: { $ref: "#leaf" },
          c: { $ref: "#/definitions/a%20b" },
        },
        definitions: {
          tree: { properties: { child: { $ref: "#/definitions/tree" } } },
          leaf: { $id: "#leaf", type: "string" },
          "a b": { type: "string" },
        },
      }),
    ).not.toThrow();
  });

  it("accepts an empty schema and boolean property schemas", () => {
    expect(importSchema({}).root.fields).toEqual([]);
    const doc = importSchema({ properties: { anything: true, nothing: false } });
    expect(doc.root.fields!.map((field) => [field.key, field.schema, kindOf(field)])).toEqual([
      ["anything", true, "custom"],
      ["nothing", false, "custom"],
    ]);
  });

  it("keeps a oneOf that is not a choice of objects as custom JSON", () => {
    const doc = importSchema({
      properties: { port: { oneOf: [{ type: "integer" }, { type: "string", pattern: "^\\d+$" }] } },
    });
    expect(kindOf(nodeAt(doc, "port"))).toBe("custom");
    expect(nodeAt(doc, "port").branches).toBeUndefined();
  });
});
