import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import {
  checkDesignAndCompile,
  compileFindings,
} from "../../src/designer/problems/compile-problem.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { AJV_OPTIONS } from "../../src/schema/ajv-options.ts";
import { describeCompileFailure } from "../../src/schema/compile-failure.ts";

/** What Ajv, set up as the preview's, throws for `schema`. */
function compileError(schema: JsonObject): unknown {
  const ajv = new Ajv({ ...AJV_OPTIONS });
  addFormats(ajv);
  try {
    ajv.compile(schema);
  } catch (error) {
    return error;
  }
  throw new Error("expected the schema not to compile");
}

const describe_ = (schema: JsonObject) => describeCompileFailure(schema, compileError(schema));

describe("describeCompileFailure: the reason and the keyword at fault", () => {
  it("a keyword of the wrong form: at the keyword Ajv names", () => {
    const schema = {
      type: "object",
      properties: { "a b": { type: "object", dependencies: { x: ["y", "y"] } } },
    };
    const failure = describe_(schema);
    expect(failure.reason).toMatch(/^"x" must/);
    // Ajv's path is not quoted: a key with a space is found all the same.
    expect(failure.pointer).toBe("/properties/a b/dependencies/x");
    expect(describe_({ type: "object", properties: { b: schema.properties["a b"] } })).toEqual({
      pointer: "/properties/b/dependencies/x",
      reason: expect.stringMatching(/^"x" must /),
    });
  });

  it("a $ref that resolves to nothing: at that $ref", () => {
    expect(
      describe_({
        type: "object",
        properties: { a: { type: "string" }, b: { $ref: "#/definitions/missing" } },
      }),
    ).toEqual({
      pointer: "/properties/b/$ref",
      reason: 'the $ref "#/definitions/missing" does not resolve to anything in the schema',
    });
  });

  it("a pattern that is no regular expression: at that pattern", () => {
    const failure = describe_({
      type: "object",
      properties: { a: { type: "string", pattern: "ok" }, b: { type: "string", pattern: "(" } },
    });
    expect(failure).toEqual({
      pointer: "/properties/b/pattern",
      reason: "Invalid regular expression: /(/u: Unterminated group",
    });
  });

  it("two subschemas with one $id: at the second", () => {
    expect(
      describe_({
        type: "object",
        properties: { a: { $id: "#x", type: "string" }, b: { $id: "#x", type: "string" } },
      }),
    ).toEqual({
      pointer: "/properties/b/$id",
      reason: expect.stringMatching(/same "\$id" \("#x"\)/),
    });
  });

  it("$refs in a loop: said in words, not as a stack overflow", () => {
    const failure = describe_({
      type: "object",
      properties: { a: { $ref: "#/properties/b" }, b: { $ref: "#/properties/a" } },
    });
    expect(failure.pointer).toBeUndefined();
    expect(failure.reason).toMatch(/refer to each other in a loop/);
  });

  it("anything else: Ajv's first line, no pointer", () => {
    expect(describeCompileFailure({}, new Error("something odd\nmore"))).toEqual({
      pointer: undefined,
      reason: "something odd",
    });
  });
});

describe("the designer's check: the compile failure is an error finding", () => {
  it("at the keyword at fault, with the reason; left to not-exportable when that reports the same place", async () => {
    const schema = {
      type: "object",
      properties: { b: { type: "object", title: "B", dependencies: { x: ["y", "y"] } } },
    };
    expect(await compileFindings(schema)).toEqual([
      {
        rule: "schema-does-not-compile",
        severity: "error",
        pointer: "/properties/b/dependencies/x",
        message: expect.stringMatching(/^The schema cannot be compiled into a validator: "x" must/),
        fix: expect.stringMatching(/preview cannot check values/),
      },
    ]);
    // check's own rule (what export refuses) already says it there: one finding, not two.
    const findings = await checkDesignAndCompile(schema);
    expect(
      findings
        .filter((finding) => finding.pointer.startsWith("/properties/b/dependencies"))
        .map((finding) => finding.rule),
    ).toEqual(["not-exportable"]);
  });

  it("none for a schema that compiles", async () => {
    expect(
      await compileFindings({ type: "object", properties: { a: { type: "string" } } }),
    ).toEqual([]);
  });

  it("left to the invalid-pattern rule when that reports the same place", async () => {
    const schema = { type: "object", properties: { a: { type: "string", pattern: "(" } } };
    expect((await compileFindings(schema)).map((finding) => finding.pointer)).toEqual([
      "/properties/a/pattern",
    ]);
    const findings = await checkDesignAndCompile(schema);
    expect(findings.map((finding) => finding.rule)).toContain("invalid-pattern");
    expect(findings.map((finding) => finding.rule)).not.toContain("schema-does-not-compile");
  });
});

describe("the most specific of Ajv's meta-schema errors", () => {
  it("a list with a duplicate: that, not the anyOf around it", () => {
    const failure = describe_({
      type: "object",
      properties: { b: { type: "object", dependencies: { x: ["y", "y"] } } },
    });
    expect(failure.reason).toBe('"x" must NOT have duplicate items (items 0 and 1 are the same)');
  });
});
