import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchema, rules } from "../../src/check/index.ts";
import { defineOwn, type JsonObject, type JsonValue } from "../../src/json/value.ts";
import { MAX_EXPORT_DEPTH } from "../../src/schema/export-refusals.ts";

/** Keys that steer the walker and the rules, plus keys that trip naive object handling. */
const KEYS = [
  "type",
  "properties",
  "required",
  "oneOf",
  "anyOf",
  "allOf",
  "items",
  "definitions",
  "$defs",
  "not",
  "if",
  "then",
  "else",
  "additionalProperties",
  "patternProperties",
  "dependencies",
  "pattern",
  "writeOnly",
  "default",
  "examples",
  "const",
  "enum",
  "format",
  "title",
  "$ref",
  "password",
  "tokenUrl",
  "apiKey",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "",
  "~/",
  "a",
];

const jsonish: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<JsonValue>(
      null,
      true,
      false,
      0,
      -1,
      2.5,
      "",
      "string",
      "object",
      "http://x.example",
      "^(a+)+$",
      "[",
      "#/definitions/a",
      "type",
    ),
    fc.string(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie("value")), {
        maxLength: 6,
      })
      .map((entries) => {
        const object: JsonObject = {};
        for (const [key, value] of entries) defineOwn(object, key, value);
        return object;
      }),
  ),
})).value;

describe("checkSchema robustness", () => {
  it("never throws on arbitrary JSON-ish objects, and returns well-formed findings", () => {
    fc.assert(
      fc.property(jsonish, (value) => {
        const root: JsonObject =
          typeof value === "object" && value !== null && !Array.isArray(value)
            ? value
            : { properties: { a: value } };
        const findings = checkSchema(root);
        for (const finding of findings) {
          expect(rules.some((rule) => rule.id === finding.rule)).toBe(true);
          expect(["error", "warning"]).toContain(finding.severity);
          expect(finding.pointer === "" || finding.pointer.startsWith("/")).toBe(true);
          expect(finding.message.length).toBeGreaterThan(0);
          expect(finding.fix.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("never throws on JSON text with __proto__ keys", () => {
    const root = JSON.parse(
      '{"__proto__":{"type":"object"},"properties":{"__proto__":{"type":"string","pattern":"("},"constructor":{"oneOf":[{"type":"object"},{"type":"object"}]}},"required":["__proto__","constructor","hasOwnProperty"]}',
    ) as JsonObject;
    const findings = checkSchema(root);
    expect(findings.map(({ rule, pointer }) => ({ rule, pointer }))).toEqual([
      { rule: "required-not-in-properties", pointer: "/required/2" },
      { rule: "invalid-pattern", pointer: "/properties/__proto__/pattern" },
      { rule: "choice-discriminator", pointer: "/properties/constructor/oneOf" },
    ]);
  });

  it("handles a schema nested 5,000 levels deep without recursion", () => {
    let schema: JsonObject = { type: "string", pattern: "^(a|a)+$" };
    for (let i = 0; i < 5_000; i++) {
      schema = i % 2 === 0 ? { type: "object", properties: { next: schema } } : { oneOf: [schema] };
    }
    const findings = checkSchema(schema);
    // Export refuses it at a fixed depth (MAX_EXPORT_DEPTH), and check says so, once.
    expect(findings.map((finding) => finding.rule)).toEqual(["not-exportable", "unsafe-pattern"]);
    expect(findings[0]!.message).toContain("nested too deeply to export");
    expect(findings[0]!.pointer.split("/").length).toBe(2 * MAX_EXPORT_DEPTH + 3);
    expect(findings[1]!.pointer.split("/").length).toBeGreaterThan(10_000);
    expect(findings[1]!.pointer.endsWith("/properties/next/pattern")).toBe(true);
  });

  it("handles a 400-level nested schema (the brief's depth) with a correct pointer", () => {
    let schema: JsonObject = { type: "string" };
    for (let i = 0; i < 400; i++) schema = { type: "object", properties: { password: schema } };
    const findings = checkSchema(schema);
    // Every level is a field called "password"; only the innermost is a string.
    expect(findings).toHaveLength(1);
    expect(findings[0]!.pointer).toBe("/properties/password".repeat(400));
  });

  it("checks a 40,000-field schema", () => {
    const properties: JsonObject = {};
    const required: JsonValue[] = [];
    for (let i = 0; i < 20_000; i++) {
      properties[`field${i}`] = {
        type: "string",
        title: `Field ${i}`,
        pattern: `^[a-z]{1,${(i % 50) + 1}}$`,
        default: "x",
      };
      properties[`secret${i}`] = { type: "string", writeOnly: true };
      required.push(`field${i}`, `secret${i}`);
    }
    required.push("missing");
    const findings = checkSchema({ type: "object", properties, required });
    expect(findings.map((finding) => finding.pointer)).toEqual(["/required/40000"]);
  });

  it("survives cycles in in-memory objects", () => {
    const schema: JsonObject = { type: "object", properties: {} };
    (schema.properties as JsonObject).self = schema;
    expect(checkSchema(schema)).toEqual([]);
  });
});
