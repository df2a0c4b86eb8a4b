import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineOwn, isJsonObject, type JsonObject, type JsonValue } from "../../src/json/value.ts";
import {
  addBranch,
  addField,
  canonicalInsertionIndex,
  FIELD_KINDS,
  type FieldNode,
  isAddableKind,
  isCanonicalOrder,
  KEYWORD_ORDER,
  keywordRank,
  newFieldNode,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  updateField,
  walkNodes,
  withKeywords,
} from "../../src/model/index.ts";
import { walkSubschemas } from "../../src/model/walk.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { applyChecked, idOf, sampleDocument } from "./support.ts";

/** An object with these keywords in this order (own properties even for `__proto__`). */
function schemaWith(...keywords: string[]): JsonObject {
  const schema: JsonObject = {};
  for (const keyword of keywords) defineOwn(schema, keyword, keyword);
  return schema;
}

const keysOf = (schema: JsonObject) => Object.keys(schema);

describe("the canonical keyword order", () => {
  it("ranks each keyword once, and every draft-07 keyword the core checks", () => {
    expect(new Set(KEYWORD_ORDER).size).toBe(KEYWORD_ORDER.length);
    const checked = [
      ...SCHEMA_KEYWORDS,
      ...SCHEMA_ARRAY_KEYWORDS,
      ...SCHEMA_MAP_KEYWORDS,
      "title",
      "description",
      "pattern",
      "format",
      "$ref",
      "$id",
      "$schema",
      "$comment",
      "contentMediaType",
      "contentEncoding",
      "minLength",
      "maxLength",
      "minItems",
      "maxItems",
      "minProperties",
      "maxProperties",
      "minimum",
      "maximum",
      "exclusiveMinimum",
      "exclusiveMaximum",
      "multipleOf",
      "writeOnly",
      "readOnly",
      "uniqueItems",
      "type",
      "required",
      "enum",
      "const",
      "examples",
      "default",
      "items",
      "dependencies",
    ];
    expect(checked.filter((keyword) => keywordRank(keyword) === undefined)).toEqual([]);
    // The designer's own extensions are ranked too; others are not, nor are Object.prototype's names.
    expect(keywordRank("x-enumNames")).toBeGreaterThan(keywordRank("enum")!);
    expect(keywordRank("x-widget")).toBeDefined();
    for (const name of ["x-connector", "constructor", "__proto__", "toString"])
      expect(keywordRank(name)).toBeUndefined();
  });

  it("reads from the name to the kind of value, its rules and then the value's annotations", () => {
    const order = (...keywords: string[]) => keywords.map((keyword) => keywordRank(keyword)!);
    const ranks = order(
      "$schema",
      "title",
      "description",
      "type",
      "format",
      "const",
      "enum",
      "minLength",
      "maxLength",
      "pattern",
      "minimum",
      "maximum",
      "items",
      "uniqueItems",
      "properties",
      "required",
      "additionalProperties",
      "oneOf",
      "default",
      "examples",
      "writeOnly",
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("isCanonicalOrder ignores unranked keywords", () => {
    expect(isCanonicalOrder(["x-a", "title", "x-b", "type", "default"])).toBe(true);
    expect(isCanonicalOrder(["type", "title"])).toBe(false);
  });
});

describe("withKeywords: where a new keyword goes", () => {
  it("a new keyword lands at its canonical place in a canonically ordered node", () => {
    const field = schemaWith("title", "type", "writeOnly");
    const result = withKeywords(field, {
      default: undefined,
      maxLength: 9,
      description: "Help",
      minLength: 1,
      format: "uri",
    });
    expect(keysOf(result)).toEqual([
      "title",
      "description",
      "type",
      "format",
      "minLength",
      "maxLength",
      "writeOnly",
    ]);
    expect(result).toMatchObject({
      description: "Help",
      minLength: 1,
      maxLength: 9,
      format: "uri",
    });
  });

  it("keeps an imported node's own order: set in place, removed in place, new ones beside the keyword they follow", () => {
    const imported = schemaWith("type", "format", "title", "pattern", "examples");
    expect(keysOf(withKeywords(imported, { title: "New", pattern: undefined }))).toEqual([
      "type",
      "format",
      "title",
      "examples",
    ]);
    // Help text goes after the title it follows canonically, not to the top of the node.
    expect(keysOf(withKeywords(imported, { description: "Help" }))).toEqual([
      "type",
      "format",
      "title",
      "description",
      "pattern",
      "examples",
    ]);
    // Nothing ranks before the title here: it goes before the first keyword ranked after it.
    expect(keysOf(withKeywords(schemaWith("type", "x-a"), { title: "T" }))).toEqual([
      "title",
      "type",
      "x-a",
    ]);
  });

  it("unknown keywords keep their place; a new unknown keyword is appended", () => {
    const node = schemaWith("x-a", "title", "x-b", "type", "x-c");
    const result = withKeywords(node, {
      "x-new": 1,
      description: "Help",
      maxLength: 3,
      "x-b": "changed",
    });
    expect(keysOf(result)).toEqual([
      "x-a",
      "title",
      "description",
      "x-b",
      "type",
      "maxLength",
      "x-c",
      "x-new",
    ]);
    expect(result["x-b"]).toBe("changed");
    expect(keysOf(withKeywords(schemaWith("x-a"), { title: "T" }))).toEqual(["x-a", "title"]);
  });

  it("keywords named like Object.prototype's members are plain keywords", () => {
    const node = schemaWith("title", "constructor", "__proto__");
    const result = withKeywords(node, { description: "Help" });
    expect(keysOf(result)).toEqual(["title", "description", "constructor", "__proto__"]);
    expect(result.constructor).toBe("constructor");
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it("canonicalInsertionIndex: Airbyte's secret marking goes beside writeOnly, before an Airbyte window's own keywords", () => {
    expect(
      canonicalInsertionIndex(["title", "type", "writeOnly", "order", "group"], "airbyte_secret"),
    ).toBe(3);
    expect(canonicalInsertionIndex(["type", "airbyte_secret", "order"], "writeOnly")).toBe(1);
  });

  it("canonicalInsertionIndex: an unranked keyword goes to the end", () => {
    expect(canonicalInsertionIndex(["title", "type"], "x-new")).toBe(2);
    expect(canonicalInsertionIndex([], "title")).toBe(0);
  });

  // Keywords drawn from the ranked ones, a few unranked ones and Object.prototype's names.
  const keyword = fc.constantFrom(
    ...KEYWORD_ORDER,
    "x-a",
    "x-b",
    "x-connector",
    "constructor",
    "__proto__",
  );
  const node = fc
    .uniqueArray(keyword, { maxLength: 14 })
    .map((keywords) => schemaWith(...keywords));
  const changes = fc
    .uniqueArray(fc.tuple(keyword, fc.option(fc.integer(), { nil: undefined })), {
      selector: ([name]) => name,
      maxLength: 8,
    })
    .map((entries) => {
      const result: Record<string, JsonValue | undefined> = {};
      for (const [name, value] of entries)
        Object.defineProperty(result, name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return result;
    });

  it("never loses, duplicates or moves a keyword, and sets each one as asked (property)", () => {
    fc.assert(
      fc.property(node, changes, (schema, change) => {
        const result = withKeywords(schema, change);
        const keys = keysOf(result);
        const changed = (name: string) => Object.hasOwn(change, name);
        const kept = keysOf(schema).filter((name) => !changed(name) || change[name] !== undefined);
        const added = Object.keys(change).filter(
          (name) => change[name] !== undefined && !keysOf(schema).includes(name),
        );
        expect(new Set(keys).size).toBe(keys.length);
        expect([...keys].sort()).toEqual([...kept, ...added].sort());
        // The keywords that were there keep their order.
        expect(keys.filter((name) => kept.includes(name))).toEqual(kept);
        for (const name of keys)
          expect(result[name]).toBe(changed(name) ? change[name] : schema[name]);
      }),
    );
  });

  /** The same keywords with the ranked ones sorted into canonical order, unranked ones where they were. */
  const canonicalNode = fc.uniqueArray(keyword, { maxLength: 14 }).map((keywords) => {
    const ranked = keywords
      .filter((name) => keywordRank(name) !== undefined)
      .sort((a, b) => keywordRank(a)! - keywordRank(b)!);
    return schemaWith(
      ...keywords.map((name) => (keywordRank(name) === undefined ? name : ranked.shift()!)),
    );
  });

  it("a node in canonical order stays in canonical order (property)", () => {
    fc.assert(
      fc.property(canonicalNode, changes, (schema, change) => {
        expect(isCanonicalOrder(keysOf(schema))).toBe(true);
        expect(isCanonicalOrder(keysOf(withKeywords(schema, change)))).toBe(true);
      }),
    );
  });
});

describe("what the core makes is born in canonical order", () => {
  function expectCanonicalNodes(root: FieldNode): void {
    walkNodes(root, (node) => {
      if (typeof node.schema === "boolean") return;
      for (const subschema of walkSubschemas(node.schema)) {
        expect(isCanonicalOrder(keysOf(subschema.schema)), JSON.stringify(subschema.schema)).toBe(
          true,
        );
      }
    });
  }

  it("a new field of every kind, a new choice's branches and their discriminators", () => {
    for (const kind of FIELD_KINDS.filter(isAddableKind))
      expectCanonicalNodes(newFieldNode(kind, kind, "A title"));
    const choice = newFieldNode("choice", "auth");
    expect(toSchema({ root: choice })).toEqual({
      title: "Authentication",
      oneOf: [
        {
          title: "None",
          type: "object",
          properties: { type: { type: "string", const: "none" } },
          required: ["type"],
          additionalProperties: false,
        },
        {
          title: "Basic",
          type: "object",
          properties: {
            type: { type: "string", const: "basic" },
            username: { title: "Username", type: "string" },
            password: { title: "Password", type: "string", writeOnly: true },
          },
          required: ["type", "username", "password"],
          additionalProperties: false,
        },
      ],
    });
  });

  it("a branch added to a choice", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      addBranch(doc, idOf(doc, "auth"), { value: "oauth2", title: "OAuth 2.0" }),
    );
    expectCanonicalNodes(doc.root.fields!.find((field) => field.key === "auth")!.branches![2]!);
  });

  it("a field added and then edited keeps canonical order", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, addField(doc, { parent: doc.root.id, kind: "url", key: "tokenUrl" }));
    doc = applyChecked(
      doc,
      updateField(doc, idOf(doc, "tokenUrl"), {
        set: {
          examples: ["https://x.example"],
          description: "Help",
          pattern: "^https://",
          maxLength: 2048,
          title: "Token URL",
        },
      }),
    );
    const schema = (toSchema(doc).properties as JsonObject).tokenUrl as JsonObject;
    expect(JSON.stringify(schema)).toBe(
      JSON.stringify({
        title: "Token URL",
        description: "Help",
        type: "string",
        format: "uri",
        maxLength: 2048,
        pattern: "^https://",
        examples: ["https://x.example"],
      }),
    );
  });
});

describe("the templates in schemas/", () => {
  const dir = new URL("../../schemas/", import.meta.url);
  const templates = readdirSync(dir).filter((name) => name.endsWith(".json"));

  it.each(templates)("%s is in canonical order, every keyword of it ranked", (name) => {
    const schema = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as JsonObject;
    for (const node of walkSubschemas(schema)) {
      const keys = keysOf(node.schema);
      expect(
        keys.filter((keyword) => keywordRank(keyword) === undefined),
        node.pointer,
      ).toEqual([]);
      expect(isCanonicalOrder(keys), `${node.pointer}: ${keys.join(", ")}`).toBe(true);
    }
  });

  it.each(templates)("%s: each discriminator has the shape the designer writes", (name) => {
    const schema = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as JsonObject;
    const doc = importSchema(schema);
    walkNodes(doc.root, (choice) => {
      if (!choice.branches) return;
      for (const branch of choice.branches) {
        const discriminator = branch.fields!.find((field) => field.key === "type")!;
        expect(discriminator.schema).toEqual({
          type: "string",
          const: (discriminator.schema as JsonObject).const,
        });
        expect(JSON.stringify(discriminator.schema)).toBe(
          JSON.stringify(
            designerDiscriminator((discriminator.schema as JsonObject).const as string),
          ),
        );
      }
    });
  });
});

/** The discriminator the designer writes for a new branch with `value`. */
function designerDiscriminator(value: string): JsonValue {
  let doc = importSchema({
    type: "object",
    properties: {
      auth: { oneOf: [{ type: "object", properties: { type: { const: "\u0000other" } } }] },
    },
  });
  doc = applyChecked(doc, addBranch(doc, idOf(doc, "auth"), { value }));
  const auth = (toSchema(doc).properties as JsonObject).auth as JsonObject;
  const properties = (auth.oneOf as JsonObject[]).at(-1)!.properties;
  return isJsonObject(properties) ? properties.type! : null;
}
