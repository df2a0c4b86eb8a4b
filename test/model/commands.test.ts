import { describe, expect, it } from "vitest";
import basicAuth from "../../schemas/basic-auth.json";
import restAdapter from "../../schemas/rest-adapter.json";
import {
  addBranch,
  addField,
  applyTransaction,
  duplicateField,
  FIELD_KINDS,
  insertNodes,
  isAddableKind,
  kindOf,
  moveField,
  removeBranch,
  removeField,
  renameBranch,
  setWindowText,
  type Transaction,
  updateField,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { applyChecked, expectRefused, idOf, nodeAt, sampleDocument, toSchema } from "./support.ts";

const schemaOf = (doc: Parameters<typeof toSchema>[0]) => toSchema(doc) as any;

describe("add", () => {
  it("adds every kind of field at a position, with a unique key and the kind's keywords", () => {
    let doc = sampleDocument();
    for (const kind of FIELD_KINDS.filter(isAddableKind)) {
      doc = applyChecked(doc, addField(doc, { parent: doc.root.id, index: 0, kind }));
      expect(kindOf(doc.root.fields![0]!)).toBe(kind);
    }
    const keys = doc.root.fields!.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(JSON.stringify(schemaOf(doc).properties.secret)).toBe(
      JSON.stringify({ title: "Secret", type: "string", writeOnly: true }),
    );
  });

  it("adds into a group and into a choice branch, and makes keys unique there", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      addField(doc, { parent: idOf(doc, "settings"), kind: "integer", key: "retries" }),
    );
    doc = applyChecked(
      doc,
      addField(doc, { parent: idOf(doc, "auth", 1), kind: "text", key: "domain" }),
    );
    doc = applyChecked(doc, addField(doc, { parent: idOf(doc, "auth", 1), kind: "text" }));
    doc = applyChecked(doc, addField(doc, { parent: idOf(doc, "auth", 1), kind: "text" }));
    expect(Object.keys(schemaOf(doc).properties.settings.properties)).toEqual([
      "timeout",
      "region",
      "retries",
    ]);
    expect(Object.keys(schemaOf(doc).properties.auth.oneOf[1].properties)).toEqual([
      "type",
      "username",
      "password",
      "domain",
      "text",
      "text2",
    ]);
  });

  it("a new choice starts with two branches told apart by a const", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, addField(doc, { parent: doc.root.id, kind: "choice", key: "login" }));
    const login = schemaOf(doc).properties.login;
    expect(login.oneOf.map((branch: any) => branch.properties.type.const)).toEqual([
      "none",
      "basic",
    ]);
    expect(login.oneOf[1].properties.password.writeOnly).toBe(true);
  });

  it("a new choice's branches and fields are titled as the templates title theirs", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, addField(doc, { parent: doc.root.id, kind: "choice", key: "login" }));
    const login = schemaOf(doc).properties.login;
    const template = restAdapter.properties.auth.oneOf;
    const titles = (branch: any) =>
      Object.values(branch.properties)
        .map((field: any) => field.title)
        .filter((title) => title !== undefined);
    // None and Basic, as the REST API template names them; Basic's fields as basic-auth.json does.
    expect(login.oneOf.map((branch: any) => branch.title)).toEqual(
      template.slice(0, 2).map((branch: any) => branch.title),
    );
    expect(titles(login.oneOf[1])).toEqual(titles(template[1]));
    expect(titles(login.oneOf[1])).toEqual(titles(basicAuth));
    expect(Object.keys(login.oneOf[1].properties)).toEqual(["type", "username", "password"]);
  });

  it("refuses an empty or duplicate key, and a parent that holds no fields", () => {
    const doc = sampleDocument();
    expectRefused(
      addField(doc, { parent: doc.root.id, kind: "text", key: "baseUrl" }),
      /key "baseUrl" is already used/,
    );
    expectRefused(addField(doc, { parent: doc.root.id, kind: "text", key: "" }), /needs a key/);
    expectRefused(addField(doc, { parent: idOf(doc, "tags"), kind: "text" }), /holds no fields/);
    expectRefused(addField(doc, { parent: idOf(doc, "auth"), kind: "text" }), /holds no fields/);
    expectRefused(addField(doc, { parent: doc.root.id, kind: "text", index: 99 }), /outside/);
  });
});

describe("insert nodes (a template block)", () => {
  it("inserts a template's fields with fresh ids, unique keys and their required marks", async () => {
    const { importSchema } = await import("../../src/schema/import.ts");
    const block = importSchema({
      properties: {
        baseUrl: { type: "string", format: "uri" },
        apiKey: { type: "string", writeOnly: true },
      },
      required: ["baseUrl", "apiKey"],
    });
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      insertNodes(doc, {
        parent: idOf(doc, "settings"),
        index: 0,
        nodes: block.root.fields!,
        required: ["apiKey", "baseUrl"],
        label: "Add API key block",
      }),
    );
    doc = applyChecked(
      doc,
      insertNodes(doc, {
        parent: doc.root.id,
        nodes: block.root.fields!,
        required: ["baseUrl"],
        label: "Add API key block",
      }),
    );
    const schema = schemaOf(doc);
    expect(Object.keys(schema.properties.settings.properties)).toEqual([
      "baseUrl",
      "apiKey",
      "timeout",
      "region",
    ]);
    expect(schema.properties.settings.required).toEqual(["region", "baseUrl", "apiKey"]);
    expect(Object.keys(schema.properties).slice(-2)).toEqual(["baseUrl2", "apiKey"]);
    expect(schema.required).toEqual(["baseUrl", "auth", "baseUrl2"]);
    expect(nodeAt(doc, "apiKey").id).not.toBe(block.root.fields![1]!.id);
  });
});

describe("move", () => {
  it("reorders within an object: the index is where the field ends up", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, moveField(doc, idOf(doc, "tags"), { parent: doc.root.id, index: 0 }));
    expect(Object.keys(schemaOf(doc).properties)).toEqual([
      "tags",
      "baseUrl",
      "settings",
      "auth",
      "host",
    ]);
    doc = applyChecked(doc, moveField(doc, idOf(doc, "tags"), { parent: doc.root.id, index: 4 }));
    expect(Object.keys(schemaOf(doc).properties)).toEqual([
      "baseUrl",
      "settings",
      "auth",
      "host",
      "tags",
    ]);
  });

  it("moves a required field into a group, carrying its required mark", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      moveField(doc, idOf(doc, "baseUrl"), { parent: idOf(doc, "settings"), index: 1 }),
    );
    const schema = schemaOf(doc);
    expect(schema.required).toEqual(["auth"]);
    expect(Object.keys(schema.properties.settings.properties)).toEqual([
      "timeout",
      "baseUrl",
      "region",
    ]);
    expect(schema.properties.settings.required).toEqual(["region", "baseUrl"]);
  });

  it("moves between choice branches and out of a branch into the window", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      moveField(doc, idOf(doc, "auth", 1, "username"), { parent: idOf(doc, "auth", 0), index: 1 }),
    );
    let schema = schemaOf(doc);
    expect(Object.keys(schema.properties.auth.oneOf[0].properties)).toEqual(["type", "username"]);
    expect(schema.properties.auth.oneOf[0].required).toEqual(["type", "username"]);
    expect(schema.properties.auth.oneOf[1].required).toEqual(["type", "password"]);
    doc = applyChecked(
      doc,
      moveField(doc, idOf(doc, "auth", 0, "username"), { parent: doc.root.id, index: 0 }),
    );
    schema = schemaOf(doc);
    expect(Object.keys(schema.properties)[0]).toBe("username");
    expect(schema.required).toEqual(["baseUrl", "auth", "username"]);
  });

  it("reorders branches within their choice", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      moveField(doc, idOf(doc, "auth", 1), { parent: idOf(doc, "auth"), index: 0 }),
    );
    expect(schemaOf(doc).properties.auth.oneOf.map((b: any) => b.title)).toEqual(["Basic", "None"]);
  });

  it("refuses a group moved into itself, a duplicate key in the target, and a non-container target", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      addField(doc, { parent: idOf(doc, "settings"), kind: "group", key: "inner" }),
    );
    expectRefused(
      moveField(doc, idOf(doc, "settings"), { parent: idOf(doc, "settings"), index: 0 }),
      /cannot be moved into itself/,
    );
    expectRefused(
      moveField(doc, idOf(doc, "settings"), { parent: idOf(doc, "settings", "inner"), index: 0 }),
      /into itself or into one of its own fields/,
    );
    expectRefused(
      moveField(doc, idOf(doc, "auth", 1, "type"), { parent: idOf(doc, "auth", 0), index: 0 }),
      /key "type" is already used/,
    );
    expectRefused(
      moveField(doc, idOf(doc, "baseUrl"), { parent: idOf(doc, "tags"), index: 0 }),
      /holds no fields/,
    );
    expectRefused(
      moveField(doc, idOf(doc, "auth", 0), { parent: doc.root.id, index: 0 }),
      /within its own choice/,
    );
    expectRefused(
      moveField(doc, doc.root.id, { parent: doc.root.id, index: 0 }),
      /cannot be moved/,
    );
  });

  it("a move to where the field already is changes nothing and adds no step", () => {
    const doc = sampleDocument();
    const command = moveField(doc, idOf(doc, "baseUrl"), {
      parent: doc.root.id,
      index: 0,
    }) as Transaction;
    expect(command.steps).toEqual([]);
  });
});

describe("update", () => {
  it("renames a key in place, keeping its required mark and its position in `required`", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, updateField(doc, idOf(doc, "baseUrl"), { key: "endpoint" }));
    const schema = schemaOf(doc);
    expect(Object.keys(schema.properties)).toEqual([
      "endpoint",
      "settings",
      "auth",
      "tags",
      "host",
    ]);
    expect(schema.required).toEqual(["endpoint", "auth"]);
  });

  it("sets and removes keywords in place, keeping their order", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      updateField(doc, idOf(doc, "settings", "timeout"), {
        set: { title: "Time-out (s)", maximum: undefined, description: "Seconds" },
      }),
    );
    // The fixture's own order (type before title) is kept; the new description joins the title.
    expect(JSON.stringify(schemaOf(doc).properties.settings.properties.timeout)).toBe(
      JSON.stringify({
        type: "integer",
        title: "Time-out (s)",
        description: "Seconds",
        minimum: 1,
        default: 30,
      }),
    );
  });

  it("toggles required, dropping an emptied `required` list", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, updateField(doc, idOf(doc, "tags"), { required: true }));
    expect(schemaOf(doc).required).toEqual(["baseUrl", "auth", "tags"]);
    doc = applyChecked(doc, updateField(doc, idOf(doc, "settings", "region"), { required: false }));
    expect(schemaOf(doc).properties.settings).not.toHaveProperty("required");
  });

  it("refuses a wrong keyword value, structural keywords, a duplicate or empty key, and a value for a secret", () => {
    const doc = sampleDocument();
    expectRefused(
      updateField(doc, idOf(doc, "baseUrl"), { set: { minLength: -1 } }),
      /"minLength" must be a whole number/,
    );
    expectRefused(
      updateField(doc, idOf(doc, "baseUrl"), { set: { type: "text" } }),
      /not a JSON Schema type/,
    );
    expectRefused(
      updateField(doc, idOf(doc, "settings"), { set: { properties: {} } }),
      /built from the fields/,
    );
    expectRefused(
      updateField(doc, idOf(doc, "settings"), { set: { type: "string" } }),
      /holds fields/,
    );
    expectRefused(updateField(doc, idOf(doc, "baseUrl"), { set: { required: ["x"] } }), /Required/);
    expectRefused(updateField(doc, idOf(doc, "baseUrl"), { key: "auth" }), /already used/);
    expectRefused(updateField(doc, idOf(doc, "baseUrl"), { key: "" }), /needs a key/);
    expectRefused(
      updateField(doc, idOf(doc, "auth", 1, "password"), { set: { default: "hunter2" } }),
      /secret field never carries a value/,
    );
    expectRefused(
      updateField(doc, idOf(doc, "baseUrl"), { set: { writeOnly: true } }),
      /remove its "examples"/,
    );
    expectRefused(updateField(doc, idOf(doc, "auth", 1), { key: "x" }), /only a field has a key/);
  });

  it("a secret refuses a one-value enum too (what counts is the check's and the exporter's), not an enum of several", () => {
    let doc = sampleDocument();
    const password = idOf(doc, "auth", 1, "password");
    expectRefused(
      updateField(doc, password, { set: { enum: ["hunter2"] } }),
      /secret field never carries a value in the schema: remove its "enum" first/,
    );
    doc = applyChecked(doc, updateField(doc, password, { set: { enum: ["a", "b"] } }));
    expectRefused(updateField(doc, password, { set: { enum: ["a"] } }), /remove its "enum" first/);
  });

  it("a secret that has values already (a design stored before) can be edited, and its values removed one at a time", () => {
    const leaky = {
      type: "object",
      properties: {
        password: {
          title: "Password",
          type: "string",
          writeOnly: true,
          default: "x",
          examples: ["y"],
        },
      },
    };
    let doc = importSchema(leaky);
    const password = idOf(doc, "password");
    doc = applyChecked(doc, updateField(doc, password, { set: { title: "Secret" } }));
    doc = applyChecked(doc, updateField(doc, password, { set: { default: undefined } }));
    expectRefused(
      updateField(doc, password, { set: { examples: ["z"] } }),
      /remove its "examples" first/,
    );
    expectRefused(
      updateField(doc, password, { set: { writeOnly: true } }),
      /remove its "examples" first/,
    );
    doc = applyChecked(doc, updateField(doc, password, { set: { examples: undefined } }));
    expect(schemaOf(doc).properties.password).toEqual({
      title: "Secret",
      type: "string",
      writeOnly: true,
    });
  });

  it("refusals never echo a secret's value", () => {
    const doc = sampleDocument();
    const command = updateField(doc, idOf(doc, "auth", 1, "password"), {
      set: { default: "s3cr3t-marker" },
    });
    expect(JSON.stringify(command)).not.toContain("s3cr3t-marker");
  });
});

describe("remove and duplicate", () => {
  it("removes a required field and its required mark", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, removeField(doc, idOf(doc, "baseUrl")));
    expect(schemaOf(doc).required).toEqual(["auth"]);
    expect(schemaOf(doc).properties).not.toHaveProperty("baseUrl");
  });

  it("duplicates a group with new ids and a unique key, right after it", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, duplicateField(doc, idOf(doc, "settings")));
    doc = applyChecked(doc, duplicateField(doc, idOf(doc, "settings")));
    const schema = schemaOf(doc);
    expect(Object.keys(schema.properties)).toEqual([
      "baseUrl",
      "settings",
      "settingsCopy2",
      "settingsCopy",
      "auth",
      "tags",
      "host",
    ]);
    // The same field but for its title, which says it is a copy (two alike would be a warning).
    const { title, ...copied } = schema.properties.settingsCopy;
    const { title: original, ...settings } = schema.properties.settings;
    expect(copied).toEqual(settings);
    expect(title).toBe(`${original} (copy)`);
    expect(schema.properties.settingsCopy2.title).toBe(`${original} (copy 2)`);
    expect(nodeAt(doc, "settingsCopy", "timeout").id).not.toBe(
      nodeAt(doc, "settings", "timeout").id,
    );
    doc = applyChecked(doc, duplicateField(doc, idOf(doc, "baseUrl")));
    expect(schemaOf(doc).required).toEqual(["baseUrl", "auth", "baseUrlCopy"]);
  });
});

describe("choice branches", () => {
  it("adds, renames and removes branches", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      addBranch(doc, idOf(doc, "auth"), { value: "oauth2", title: "OAuth 2.0" }),
    );
    let auth = schemaOf(doc).properties.auth;
    expect(auth.oneOf[2]).toEqual({
      title: "OAuth 2.0",
      type: "object",
      properties: { type: { type: "string", const: "oauth2" } },
      required: ["type"],
      additionalProperties: false,
    });
    doc = applyChecked(
      doc,
      renameBranch(doc, idOf(doc, "auth", 2), { value: "oauth", title: "OAuth" }),
    );
    auth = schemaOf(doc).properties.auth;
    expect([auth.oneOf[2].title, auth.oneOf[2].properties.type.const]).toEqual(["OAuth", "oauth"]);
    doc = applyChecked(doc, removeBranch(doc, idOf(doc, "auth", 0)));
    expect(schemaOf(doc).properties.auth.oneOf.map((b: any) => b.title)).toEqual([
      "Basic",
      "OAuth",
    ]);
  });

  it("refuses a duplicate or empty branch value and removing the last branch", () => {
    let doc = sampleDocument();
    expectRefused(
      addBranch(doc, idOf(doc, "auth"), { value: "basic" }),
      /already has the value "basic"/,
    );
    expectRefused(addBranch(doc, idOf(doc, "auth"), { value: " " }), /needs a value/);
    expectRefused(
      renameBranch(doc, idOf(doc, "auth", 0), { value: "basic" }),
      /already has the value/,
    );
    expectRefused(addBranch(doc, idOf(doc, "settings"), { value: "x" }), /auth-method choice/);
    doc = applyChecked(doc, removeBranch(doc, idOf(doc, "auth", 0)));
    expectRefused(removeBranch(doc, idOf(doc, "auth", 0)), /at least one branch/);
    expectRefused(removeBranch(doc, idOf(doc, "baseUrl")), /not a branch/);
  });
});

describe("the window", () => {
  it("sets and clears the title and description in place", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, setWindowText(doc, { title: "Acme REST", description: "" }));
    const schema = schemaOf(doc);
    expect(schema.title).toBe("Acme REST");
    expect(schema).not.toHaveProperty("description");
    expect(Object.keys(schema).slice(0, 3)).toEqual(["$schema", "title", "type"]);
  });
});

describe("applying steps", () => {
  it("refuses a stale transaction and leaves the document as it was", () => {
    const doc = sampleDocument();
    const rename = updateField(doc, idOf(doc, "baseUrl"), { key: "endpoint" }) as Transaction;
    const applied = applyTransaction(doc, rename);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const again = applyTransaction(applied.doc, rename);
    expect(again).toEqual({ ok: false, reason: expect.stringMatching(/changed since/) });
  });

  it("a transaction that fails half-way changes nothing", () => {
    const doc = sampleDocument();
    const good = addField(doc, { parent: doc.root.id, kind: "text", key: "one" }) as Transaction;
    const bad = addField(doc, {
      parent: doc.root.id,
      kind: "text",
      key: "baseUrlX",
    }) as Transaction;
    const forged: Transaction = {
      label: "forged",
      steps: [...good.steps, { ...bad.steps[0]!, index: 999 } as any],
    };
    const before = JSON.stringify(toSchema(doc));
    expect(applyTransaction(doc, forged).ok).toBe(false);
    expect(JSON.stringify(toSchema(doc))).toBe(before);
  });

  it("refuses inserting a node whose id is already in the design", () => {
    const doc = sampleDocument();
    const node = nodeAt(doc, "baseUrl");
    const result = applyTransaction(doc, {
      label: "x",
      steps: [
        {
          op: "splice",
          parent: idOf(doc, "settings"),
          list: "fields",
          index: 0,
          remove: [],
          insert: [node],
        },
      ],
    });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/same id/) });
  });
});
