import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { JsonObject } from "../../src/json/value.ts";
import { kindOf } from "../../src/model/kinds.ts";
import type { FieldNode } from "../../src/model/nodes.ts";
import { type Field, planOf, withDefaults } from "../../src/preview/plan.ts";
import { importSchema } from "../../src/schema/import.ts";
import { credentialSchema } from "../schema/credential-schema-arbitrary.ts";

const schemasDir = join(import.meta.dirname, "../../schemas");
const templates = readdirSync(schemasDir).map(
  (file) => JSON.parse(readFileSync(join(schemasDir, file), "utf8")) as JsonObject,
);

/** Pairs every field of the designer's document with the form's descriptor of it. */
function pairs(
  node: FieldNode,
  field: Field,
  out: Array<[FieldNode, Field]> = [],
): Array<[FieldNode, Field]> {
  for (const child of node.fields ?? []) {
    const mine = field.kind === "choice" ? undefined : field.byKey?.get(child.key);
    if (!mine) throw new Error(`no descriptor for ${child.key}`);
    out.push([child, mine]);
    pairs(child, mine, out);
  }
  node.branches?.forEach((branch, i) => {
    const b = field.branches![i]!;
    for (const child of branch.fields ?? []) {
      const mine = b.byKey.get(child.key)!;
      out.push([child, mine]);
      pairs(child, mine, out);
    }
  });
  return out;
}

const hasRef = (node: FieldNode) => typeof node.schema === "object" && "$ref" in node.schema;

describe("the form's kinds agree with the designer's (src/model/kinds.ts)", () => {
  test("every field of every template", () => {
    let count = 0;
    for (const schema of templates) {
      for (const [node, field] of pairs(importSchema(schema).root, planOf(schema))) {
        expect(field.kind, field.path).toBe(kindOf(node));
        count++;
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  test("every field of generated schemas (fields that are a $ref aside: the form follows them, the designer shows them as they are)", () => {
    fc.assert(
      fc.property(credentialSchema, (schema) => {
        for (const [node, field] of pairs(importSchema(schema).root, planOf(schema)))
          if (!hasRef(node)) expect(field.kind, field.path).toBe(kindOf(node));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the plan", () => {
  test("is made once per schema object", () => {
    expect(planOf(templates[0]!)).toBe(planOf(templates[0]!));
  });

  test("follows local $refs, also recursive ones, without looping", () => {
    const schema: JsonObject = {
      type: "object",
      definitions: {
        host: { type: "string", format: "hostname", title: "Host" },
        node: {
          type: "object",
          title: "Node",
          properties: { child: { $ref: "#/definitions/node" }, name: { type: "string" } },
        },
      },
      properties: {
        host: { $ref: "#/definitions/host" },
        tree: { $ref: "#/definitions/node" },
        missing: { $ref: "#/definitions/nothing" },
      },
    };
    const root = planOf(schema);
    expect(root.fields!.map((f) => [f.key, f.kind, f.title])).toEqual([
      ["host", "hostname", "Host"],
      ["tree", "group", "Node"],
      ["missing", "custom", "Missing"],
    ]);
    const child = root.byKey!.get("tree")!.byKey!.get("child")!;
    expect(child.kind).toBe("custom");
  });

  test("keys like __proto__ are ordinary fields, and defaults never touch the prototype", () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string","default":"x"},"constructor":{"type":"boolean","default":true}}}',
    ) as JsonObject;
    const root = planOf(schema);
    expect(root.fields!.map((f) => [f.key, f.path, f.kind])).toEqual([
      ["__proto__", "/__proto__", "text"],
      ["constructor", "/constructor", "boolean"],
    ]);
    const value = withDefaults(root, undefined) as JsonObject;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
