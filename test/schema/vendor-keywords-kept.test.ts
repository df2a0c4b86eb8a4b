import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/json/value.ts";
import {
  type CredentialDocument,
  duplicateField,
  moveField,
  removeField,
  setWindowText,
  updateField,
} from "../../src/model/index.ts";
import { isVendorKeyword, VENDOR_KEYWORDS } from "../../src/model/vendor-keywords.ts";
import { walkSubschemas } from "../../src/model/walk.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";
import { applyChecked, expectRefused, idOf, nodeAt } from "../model/support.ts";

/**
 * Every vendor keyword (docs/vendor-keywords.md) survives import and export unchanged, and the
 * designer's model commands (rename, retitle, move, duplicate, edit, remove another field) never
 * drop or rewrite one. The fixture is an Airbyte-style window carrying all of them.
 */

const FIXTURE_URL = new URL("../fixtures/export/vendor-keywords.schema.json", import.meta.url);
const text = readFileSync(FIXTURE_URL, "utf8");
const fixture = (): JsonObject => JSON.parse(text) as JsonObject;
const exported = (doc: CredentialDocument) => `${JSON.stringify(toSchema(doc), null, 2)}\n`;

/** Each subschema's vendor keywords, as JSON text in their order, by pointer. */
function vendorKeywordsByPlace(schema: JsonObject): Map<string, string> {
  const places = new Map<string, string>();
  for (const node of walkSubschemas(schema)) {
    const entries = Object.entries(node.schema).filter(([keyword]) => isVendorKeyword(keyword));
    if (entries.length > 0) places.set(node.pointer, JSON.stringify(entries));
  }
  return places;
}

describe("vendor keywords survive import and export", () => {
  it("the fixture carries every vendor keyword we know, and an x- one", () => {
    const found = new Set(
      [...vendorKeywordsByPlace(fixture()).values()].flatMap((entries) =>
        (JSON.parse(entries) as Array<[string, JsonValue]>).map(([keyword]) => keyword),
      ),
    );
    for (const keyword of VENDOR_KEYWORDS) expect(found).toContain(keyword);
    expect([...found].some((keyword) => keyword.startsWith("x-"))).toBe(true);
  });

  it("importSchema then toSchema gives the file back byte for byte", () => {
    expect(exported(importSchema(fixture()))).toBe(text);
  });

  it("keeps any value a vendor keyword holds, wherever it is (property)", () => {
    const keyword = fc.oneof(
      fc.constantFrom(...VENDOR_KEYWORDS),
      fc.string({ minLength: 1, maxLength: 8 }).map((name) => `x-${name}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), keyword, fc.jsonValue({ maxDepth: 3 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (additions) => {
          const schema = fixture();
          const places = [...walkSubschemas(schema)].map((node) => node.schema);
          for (const [at, name, value] of additions) {
            const place = places[at % places.length]!;
            // JSON text round trip: what a file can hold (-0 is written 0, a __proto__ key is own)
            place[name] = JSON.parse(JSON.stringify(value) ?? "null") as JsonValue;
          }
          const written = JSON.stringify(schema, null, 2);
          expect(JSON.stringify(toSchema(importSchema(JSON.parse(written))), null, 2)).toBe(
            written,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the designer's model commands keep vendor keywords", () => {
  /** What must hold after any command: every field still there keeps its vendor keywords. */
  function expectKept(before: JsonObject, after: JsonObject, renamed: Record<string, string> = {}) {
    const was = vendorKeywordsByPlace(before);
    const is = vendorKeywordsByPlace(after);
    for (const [pointer, entries] of was) {
      const now = Object.entries(renamed).reduce((p, [from, to]) => p.replace(from, to), pointer);
      if (is.has(now)) expect(is.get(now), now).toBe(entries);
    }
  }

  it("renaming a field's key keeps its vendor keywords, in their places", () => {
    const doc = importSchema(fixture());
    const next = applyChecked(doc, updateField(doc, idOf(doc, "password"), { key: "db_password" }));
    const schema = toSchema(next);
    expect(JSON.stringify((schema.properties as JsonObject).db_password)).toBe(
      JSON.stringify((fixture().properties as JsonObject).password),
    );
    expectKept(fixture(), schema, { "/properties/password": "/properties/db_password" });
    expect(vendorKeywordsByPlace(schema).size).toBe(vendorKeywordsByPlace(fixture()).size);
  });

  it("retitling, describing and editing a field keep them, and the window's", () => {
    let doc = importSchema(fixture());
    doc = applyChecked(doc, updateField(doc, idOf(doc, "host"), { set: { title: "Server" } }));
    doc = applyChecked(
      doc,
      updateField(doc, idOf(doc, "password"), { set: { description: "The user's password." } }),
    );
    doc = applyChecked(
      doc,
      updateField(doc, idOf(doc, "start_date"), { set: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" } }),
    );
    doc = applyChecked(doc, updateField(doc, idOf(doc, "username"), { required: false }));
    doc = applyChecked(doc, setWindowText(doc, { title: "Postgres", description: "A database." }));
    const schema = toSchema(doc);
    expect(vendorKeywordsByPlace(schema)).toEqual(vendorKeywordsByPlace(fixture()));
    expect(schema.groups).toEqual(fixture().groups);
    expect(schema["x-connector-version"]).toBe("3.6.2");
  });

  it("moving a field (among its siblings, into a choice branch) keeps them; the JSON order moves, `order` stays", () => {
    let doc = importSchema(fixture());
    doc = applyChecked(
      doc,
      moveField(doc, idOf(doc, "start_date"), { parent: doc.root.id, index: 0 }),
    );
    const branch = nodeAt(doc, "credentials", 1);
    doc = applyChecked(
      doc,
      moveField(doc, idOf(doc, "jdbc_url_params"), { parent: branch.id, index: 2 }),
    );
    const schema = toSchema(doc);
    const properties = schema.properties as JsonObject;
    expect(Object.keys(properties)[0]).toBe("start_date");
    expect(JSON.stringify(properties.start_date)).toBe(
      JSON.stringify((fixture().properties as JsonObject).start_date),
    );
    const moved = ((properties.credentials as JsonObject).oneOf as JsonObject[])[1]!
      .properties as JsonObject;
    expect(JSON.stringify(moved.jdbc_url_params)).toBe(
      JSON.stringify((fixture().properties as JsonObject).jdbc_url_params),
    );
    expectKept(fixture(), schema, {
      "/properties/jdbc_url_params": "/properties/credentials/oneOf/1/properties/jdbc_url_params",
    });
  });

  it("duplicating a field copies its vendor keywords; removing another leaves them", () => {
    let doc = importSchema(fixture());
    doc = applyChecked(doc, duplicateField(doc, idOf(doc, "password")));
    doc = applyChecked(doc, removeField(doc, idOf(doc, "cursor_field")));
    const properties = toSchema(doc).properties as JsonObject;
    const copies = Object.entries(properties).filter(
      ([, schema]) => isJsonObject(schema) && String(schema.title).startsWith("Password"),
    );
    expect(copies).toHaveLength(2);
    for (const [, schema] of copies)
      expect(schema).toMatchObject({
        airbyte_secret: true,
        order: 5,
        group: "auth",
        always_show: true,
      });
    expectKept(fixture(), toSchema(doc));
  });

  it("an airbyte_secret field is a secret to the core: it never gets a value", () => {
    const doc = importSchema(fixture());
    expectRefused(
      updateField(doc, idOf(doc, "password"), { set: { default: "hunter2" } }),
      /secret field never carries a value in the schema: remove its "default" first/,
    );
    expectRefused(
      updateField(doc, idOf(doc, "credentials", 1, "api_key"), { set: { examples: ["k"] } }),
      /remove its "examples" first/,
    );
    // marking a field that has a default secret, by Airbyte's marking, is refused the same way
    expectRefused(
      updateField(doc, idOf(doc, "port"), { set: { airbyte_secret: true } }),
      /remove its "default" and "examples" first/,
    );
    // the standard marking may go while Airbyte's keeps it secret; both may go (no value to ship)
    const secretField = idOf(doc, "credentials", 0, "client_secret");
    const one = applyChecked(doc, updateField(doc, secretField, { set: { writeOnly: undefined } }));
    applyChecked(one, updateField(one, secretField, { set: { airbyte_secret: undefined } }));
  });
});
