import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cloneJson, type JsonObject } from "../../src/json/value.ts";
import {
  type CredentialDocument,
  createEditorState,
  dispatch,
  isRefusal,
  redo,
  replaceDesign,
  type Transaction,
  undo,
  walkNodes,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { credentialSchema } from "../schema/credential-schema-arbitrary.ts";
import { applyChecked, idOf, nodeAt, sampleDocument, toSchema } from "./support.ts";

const TEMPLATES = new URL("../../schemas/", import.meta.url);
const templates = readdirSync(TEMPLATES)
  .filter((name) => name.endsWith(".json"))
  .sort();
const readTemplate = (name: string) =>
  JSON.parse(readFileSync(new URL(name, TEMPLATES), "utf8")) as JsonObject;

/** The design's schema, edited by `change` on a copy: what a user typing in the JSON view produces. */
function edited(doc: CredentialDocument, change: (schema: any) => void): CredentialDocument {
  const schema = cloneJson(toSchema(doc)) as any;
  change(schema);
  return importSchema(schema);
}

const transactionOf = (command: ReturnType<typeof replaceDesign>): Transaction => {
  if (isRefusal(command)) throw new Error(command.reason);
  return command;
};

const ids = (doc: CredentialDocument) => {
  const all: string[] = [];
  walkNodes(doc.root, (node) => void all.push(node.id));
  return all;
};

describe("replaceDesign", () => {
  it.each(templates)(
    "turns the sample design into %s: the schema is the template's, key for key; undo gives the sample back; a JSON replay gives the same",
    (name) => {
      const doc = sampleDocument();
      const template = readTemplate(name);
      const after = applyChecked(doc, replaceDesign(doc, importSchema(template)));
      expect(JSON.stringify(toSchema(after))).toBe(JSON.stringify(template));
    },
  );

  it("an equal design is no change: no step, so no history entry", () => {
    const doc = sampleDocument();
    const command = transactionOf(replaceDesign(doc, importSchema(cloneJson(toSchema(doc)))));
    expect(command.steps).toEqual([]);
    const state = createEditorState(doc);
    const dispatched = dispatch(state, command);
    expect(dispatched.ok && dispatched.state).toBe(state);
  });

  it("a title edited in the JSON is one `set` on that field: every node keeps its id and every untouched node stays shared", () => {
    const doc = sampleDocument();
    const next = edited(
      doc,
      (schema) => (schema.properties.auth.oneOf[1].properties.password.title = "Secret word"),
    );
    const command = transactionOf(replaceDesign(doc, next, "Edit the schema JSON"));
    expect(command.label).toBe("Edit the schema JSON");
    expect(command.steps).toEqual([
      expect.objectContaining({ op: "set", node: idOf(doc, "auth", 1, "password") }),
    ]);
    const after = applyChecked(doc, command);
    expect(ids(after)).toEqual(ids(doc));
    expect((nodeAt(after, "auth", 1, "password").schema as JsonObject).title).toBe("Secret word");
    expect(nodeAt(after, "settings")).toBe(nodeAt(doc, "settings"));
    expect(nodeAt(after, "auth", 0)).toBe(nodeAt(doc, "auth", 0));
  });

  it("a field added in the JSON is one splice that inserts it; the fields around it keep their nodes", () => {
    const doc = sampleDocument();
    const next = edited(doc, (schema) => {
      const properties = schema.properties;
      const rebuilt: any = {};
      for (const key of Object.keys(properties)) {
        rebuilt[key] = properties[key];
        if (key === "baseUrl") rebuilt.region = { title: "Region", type: "string" };
      }
      schema.properties = rebuilt;
    });
    const command = transactionOf(replaceDesign(doc, next));
    expect(command.steps).toHaveLength(1);
    expect(command.steps[0]).toMatchObject({
      op: "splice",
      parent: doc.root.id,
      list: "fields",
      index: 1,
      remove: [],
    });
    const after = applyChecked(doc, command);
    expect(after.root.fields!.map((field) => field.key)).toEqual(
      next.root.fields!.map((field) => field.key),
    );
    for (const field of doc.root.fields!) expect(after.root.fields!).toContain(field);
  });

  it("fields in another order keep their nodes and ids", () => {
    const doc = sampleDocument();
    const next = edited(doc, (schema) => {
      const keys = Object.keys(schema.properties).reverse();
      const reversed: any = {};
      for (const key of keys) reversed[key] = schema.properties[key];
      schema.properties = reversed;
    });
    const after = applyChecked(doc, replaceDesign(doc, next));
    expect(after.root.fields!.map((field) => field.key)).toEqual(
      doc.root.fields!.map((field) => field.key).reverse(),
    );
    expect(new Set(ids(after))).toEqual(new Set(ids(doc)));
    // Unchanged fields are the same nodes, only in another order.
    for (const field of after.root.fields!) expect(doc.root.fields!).toContain(field);
  });

  it("a field that becomes a group is replaced by a new node; its siblings stay", () => {
    const doc = sampleDocument();
    const next = edited(
      doc,
      (schema) =>
        (schema.properties.baseUrl = { type: "object", properties: { host: { type: "string" } } }),
    );
    const after = applyChecked(doc, replaceDesign(doc, next));
    expect(nodeAt(after, "baseUrl").id).not.toBe(nodeAt(doc, "baseUrl").id);
    expect(nodeAt(after, "baseUrl", "host")).toBeDefined();
    expect(nodeAt(after, "settings")).toBe(nodeAt(doc, "settings"));
  });

  it("is one history step: undo gives the design before, redo the replacement, with the same ids", () => {
    const doc = sampleDocument();
    const template = readTemplate("rest-adapter.json");
    const dispatched = dispatch(createEditorState(doc), replaceDesign(doc, importSchema(template)));
    if (!dispatched.ok) throw new Error(dispatched.reason);
    expect(dispatched.state.done).toHaveLength(1);
    const undone = undo(dispatched.state);
    expect(undone.doc).toEqual(doc);
    const redone = redo(undone);
    expect(redone.doc).toEqual(dispatched.state.doc);
    expect(JSON.stringify(toSchema(redone.doc))).toBe(JSON.stringify(template));
  });

  it("property: any design turns into any other, and back", () => {
    fc.assert(
      fc.property(credentialSchema, credentialSchema, (before, after) => {
        const doc = importSchema(before);
        const next = importSchema(after);
        const result = applyChecked(doc, replaceDesign(doc, next));
        expect(JSON.stringify(toSchema(result))).toBe(JSON.stringify(toSchema(next)));
        expect(new Set(ids(result)).size).toBe(ids(result).length);
      }),
      { numRuns: 150 },
    );
  });

  it("property: the same schema imported again (every id fresh) is no change at all", () => {
    fc.assert(
      fc.property(credentialSchema, (schema) => {
        const doc = importSchema(schema);
        const command = transactionOf(replaceDesign(doc, importSchema(cloneJson(schema))));
        expect(command.steps).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
