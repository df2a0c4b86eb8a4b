import { describe, expect, it } from "vitest";
import { changeRows } from "../../src/designer/compare/change-rows.ts";
import { targetsAtPointers } from "../../src/designer/problems/problem-targets.ts";
import { diffSchemas } from "../../src/diff/index.ts";
import type { JsonObject } from "../../src/json/value.ts";
import type { FieldNode } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

/** Where the compare view links each change: the canvas row of its field in the new design. */

const OLD: JsonObject = {
  title: "Service",
  type: "object",
  definitions: { port: { type: "integer", maximum: 65535 } },
  properties: {
    port: { $ref: "#/definitions/port", title: "Port" },
    auth: {
      title: "Authentication",
      oneOf: [
        {
          title: "None",
          type: "object",
          properties: { type: { type: "string", const: "none" } },
          required: ["type"],
        },
        {
          title: "Basic",
          type: "object",
          properties: {
            type: { type: "string", const: "basic" },
            user: { type: "string", title: "User" },
          },
          required: ["type"],
        },
        {
          title: "Token",
          type: "object",
          properties: {
            type: { type: "string", const: "token" },
            token: { type: "string", writeOnly: true },
          },
          required: ["type"],
        },
      ],
    },
    note: { type: "string", title: "Note", description: "short" },
  },
};

function rowsFor(next: (schema: Record<string, any>) => void) {
  const schema = structuredClone(OLD) as Record<string, any>;
  next(schema);
  const doc = importSchema(schema as JsonObject);
  const rows = changeRows(doc, diffSchemas(OLD, toSchema(doc)), targetsAtPointers);
  const name = (id: string | undefined) => (id === undefined ? undefined : find(doc.root, id));
  return rows.map((row) => ({
    rule: row.change.rule,
    row: name(row.nodeId),
    place: row.place,
    values: row.values,
  }));
}

/** A node's key (a branch's title), found by id. */
function find(node: FieldNode, id: string): string | undefined {
  if (node.id === id) return node.key || String((node.schema as { title?: string }).title);
  for (const child of [...(node.fields ?? []), ...(node.branches ?? [])]) {
    const found = find(child, id);
    if (found) return found;
  }
  return undefined;
}

describe("changeRows: each change with its canvas row", () => {
  it("a field made required in a branch: its row (the pointer is into the branch's required list)", () => {
    expect(rowsFor((schema) => schema.properties.auth.oneOf[1].required.push("user"))).toEqual([
      {
        rule: "field-became-required",
        row: "user",
        place: "Authentication › Basic › User",
        values: undefined,
      },
    ]);
  });

  it("a removed option has no row; an added one is its branch's", () => {
    expect(
      rowsFor((schema) => {
        schema.properties.auth.oneOf.splice(1, 1);
        schema.properties.auth.oneOf.push({
          title: "Key",
          type: "object",
          properties: { type: { type: "string", const: "key" } },
          required: ["type"],
        });
      }),
    ).toEqual([
      {
        rule: "choice-option-removed",
        row: undefined,
        place: undefined,
        values: '"basic" → (none)',
      },
      {
        rule: "choice-option-added",
        row: "Key",
        place: "Authentication › Key",
        values: '(none) → "key"',
      },
    ]);
  });

  it("a change in a $ref's target is the referring field's; the window's own change has no row", () => {
    expect(
      rowsFor((schema) => {
        schema.definitions.port.maximum = 1024;
        schema.title = "Service v2";
      }),
    ).toEqual([
      {
        rule: "text-changed",
        row: undefined,
        place: undefined,
        values: '"Service" → "Service v2"',
      },
      { rule: "limit-tightened", row: "port", place: "Port", values: "65535 → 1024" },
    ]);
  });

  it("old → new only when both are short; a secret's value is never shown", () => {
    const rows = rowsFor((schema) => {
      schema.properties.note.description =
        "a much longer description than the one this field had before";
      schema.properties.auth.oneOf[2].properties.token.default = "hunter2";
    });
    expect(rows).toEqual([
      {
        rule: "secret-value-added",
        row: "token",
        place: "Authentication › Token › token",
        values: "(none) → <secret: not shown>",
      },
      { rule: "text-changed", row: "note", place: "Note", values: undefined },
    ]);
  });
});
