import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addField,
  applyTransaction,
  autoKeyPointers,
  type CredentialDocument,
  createEditorState,
  dispatch,
  duplicateField,
  type EditorState,
  type FieldNode,
  insertNodes,
  isRefusal,
  KIND_DEFINITIONS,
  keyFromTitle,
  kindDefinition,
  kindOf,
  locate,
  pointerOf,
  redo,
  renameDiscriminator,
  replaceDesign,
  type Transaction,
  undo,
  updateField,
  walkNodes,
  withAutoKeys,
} from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { credentialSchema } from "../schema/credential-schema-arbitrary.ts";
import { applyChecked, expectRefused, idOf, nodeAt, sampleDocument, toSchema } from "./support.ts";

const schemaOf = (doc: CredentialDocument) => toSchema(doc) as any;
const keysOf = (doc: CredentialDocument) => Object.keys(schemaOf(doc).properties);

/** The sample design with a Text field added from the palette at the end of the window. */
function withNewText(doc = sampleDocument()): { doc: CredentialDocument; id: string } {
  const next = applyChecked(doc, addField(doc, { parent: doc.root.id, kind: "text" }));
  return { doc: next, id: next.root.fields!.at(-1)!.id };
}

const retitle = (doc: CredentialDocument, id: string, title: string | undefined) =>
  updateField(doc, id, { set: { title } });

const run = (state: EditorState, command: ReturnType<typeof updateField>): EditorState => {
  const result = dispatch(state, command);
  if (!result.ok) throw new Error(result.reason);
  return result.state;
};

describe("a new field's key follows its title", () => {
  it("a field added from the palette starts with the kind's key, and takes its title's key when retitled", () => {
    const { doc, id } = withNewText();
    expect(nodeAt(doc, "text").autoKey).toBe(true);
    const after = applyChecked(doc, retitle(doc, id, "Tenant ID"));
    expect(nodeAt(after, "tenantId").id).toBe(id);
    expect(schemaOf(after).properties.tenantId).toEqual({ title: "Tenant ID", type: "string" });
    expect(keysOf(after).at(-1)).toBe("tenantId");
    // Retitled again, it follows again; a title that spells the same key changes only the title.
    const again = applyChecked(after, retitle(after, id, "Customer ID"));
    expect(nodeAt(again, "customerId").id).toBe(id);
    const same = applyChecked(again, retitle(again, id, "Customer id"));
    expect(nodeAt(same, "customerId").schema).toEqual({ title: "Customer id", type: "string" });
  });

  it("is one undo step: undo gives back both the title and the key, redo both again", () => {
    const { doc, id } = withNewText();
    let state = createEditorState(doc);
    state = run(state, updateField(doc, id, { required: true }));
    state = run(state, retitle(state.doc, id, "Tenant ID"));
    expect(schemaOf(state.doc).required).toEqual(["baseUrl", "auth", "tenantId"]);
    state = undo(state);
    expect(nodeAt(state.doc, "text").schema).toEqual({ title: "Text", type: "string" });
    expect(schemaOf(state.doc).required).toEqual(["baseUrl", "auth", "text"]);
    expect(nodeAt(state.doc, "text").autoKey).toBe(true);
    state = redo(state);
    expect(nodeAt(state.doc, "tenantId").schema).toEqual({ title: "Tenant ID", type: "string" });
    expect(schemaOf(state.doc).required).toEqual(["baseUrl", "auth", "tenantId"]);
  });

  it("a second field with the same title gets a key of its own", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, retitle(doc, id, "Tenant ID"));
    const second = withNewText(doc);
    doc = applyChecked(second.doc, retitle(second.doc, second.id, "Tenant ID"));
    expect(nodeAt(doc, "tenantId2").id).toBe(second.id);
    // Its own key is not "taken" by itself: retitling it to what it is keeps it.
    doc = applyChecked(doc, retitle(doc, second.id, "Tenant ID (EU)"));
    expect(nodeAt(doc, "tenantIdEu").id).toBe(second.id);
  });

  it("a title removed, or one that spells nothing, gives the kind's default key", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, retitle(doc, id, "Tenant ID"));
    doc = applyChecked(doc, retitle(doc, id, undefined));
    expect(nodeAt(doc, "text").id).toBe(id);
    doc = applyChecked(doc, retitle(doc, id, "Tenant ID"));
    doc = applyChecked(doc, retitle(doc, id, "???"));
    expect(nodeAt(doc, "text").id).toBe(id);
  });

  it("follows the kind the field has after the edit, for its default key", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, updateField(doc, id, { set: { title: "", writeOnly: true } }));
    expect(kindOf(nodeAt(doc, "secret"))).toBe("secret");
    expect(nodeAt(doc, "secret").id).toBe(id);
  });

  it("other edits leave the key as it is", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, updateField(doc, id, { set: { description: "Help", minLength: 1 } }));
    expect(nodeAt(doc, "text").id).toBe(id);
    expect(nodeAt(doc, "text").autoKey).toBe(true);
  });

  it("a field added with a title gets the title's key; one added with a key keeps it, by hand", () => {
    let doc = sampleDocument();
    doc = applyChecked(
      doc,
      addField(doc, { parent: doc.root.id, kind: "secret", title: "Access-token secret" }),
    );
    expect(nodeAt(doc, "accessTokenSecret").autoKey).toBe(true);
    doc = applyChecked(doc, addField(doc, { parent: doc.root.id, kind: "text", key: "tenant" }));
    expect(nodeAt(doc, "tenant").autoKey).toBeUndefined();
    doc = applyChecked(doc, retitle(doc, idOf(doc, "tenant"), "Tenant ID"));
    expect(nodeAt(doc, "tenant").schema).toEqual({ title: "Tenant ID", type: "string" });
  });

  it("a group and a choice added from the palette follow their titles too", () => {
    let doc = sampleDocument();
    doc = applyChecked(doc, addField(doc, { parent: doc.root.id, kind: "choice" }));
    doc = applyChecked(doc, retitle(doc, idOf(doc, "auth2"), "Sign-in method"));
    expect(nodeAt(doc, "signInMethod", 1, "password").autoKey).toBeUndefined();
    doc = applyChecked(doc, addField(doc, { parent: doc.root.id, kind: "group" }));
    doc = applyChecked(doc, retitle(doc, idOf(doc, "group"), "Proxy settings"));
    expect(keysOf(doc).slice(-2)).toEqual(["signInMethod", "proxySettings"]);
  });
});

describe("a key edited by hand stays", () => {
  it("once the key is typed, a new title no longer changes it; undo makes it follow again", () => {
    const { doc, id } = withNewText();
    let state = createEditorState(doc);
    state = run(state, updateField(state.doc, id, { key: "tenant" }));
    expect(nodeAt(state.doc, "tenant").autoKey).toBeUndefined();
    state = run(state, retitle(state.doc, id, "Tenant ID"));
    expect(nodeAt(state.doc, "tenant").schema).toEqual({ title: "Tenant ID", type: "string" });
    state = undo(undo(state));
    expect(nodeAt(state.doc, "text").autoKey).toBe(true);
    state = run(state, retitle(state.doc, id, "Tenant ID"));
    expect(nodeAt(state.doc, "tenantId").id).toBe(id);
  });

  it("a key and a title in one edit: the key given wins, and is by hand", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, updateField(doc, id, { key: "tid", set: { title: "Tenant ID" } }));
    expect(nodeAt(doc, "tid").autoKey).toBeUndefined();
  });

  it("the key typed as it already is changes nothing: no step, and it still follows", () => {
    const { doc, id } = withNewText();
    const command = updateField(doc, id, { key: "text" }) as Transaction;
    expect(command.steps).toEqual([]);
    expect(nodeAt(doc, "text").autoKey).toBe(true);
  });

  it("a title whose key is taken by another field moves to the next free key, never onto it", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, retitle(doc, id, "Base URL"));
    expect(nodeAt(doc, "baseUrl2").id).toBe(id);
    expect(nodeAt(doc, "baseUrl").autoKey).toBeUndefined();
  });
});

describe("where keys do not follow titles", () => {
  it("imported fields and template blocks keep their keys", () => {
    let doc = sampleDocument();
    walkNodes(doc.root, (node) => void expect(node.autoKey).toBeUndefined());
    doc = applyChecked(doc, retitle(doc, idOf(doc, "baseUrl"), "Endpoint"));
    expect(nodeAt(doc, "baseUrl").schema).toMatchObject({ title: "Endpoint" });
    const block = importSchema({
      type: "object",
      properties: { apiKey: { title: "API key", type: "string", writeOnly: true } },
      required: ["apiKey"],
    });
    doc = applyChecked(
      doc,
      insertNodes(doc, {
        parent: doc.root.id,
        nodes: block.root.fields!,
        required: ["apiKey"],
        label: "Add API key",
      }),
    );
    doc = applyChecked(doc, retitle(doc, idOf(doc, "apiKey"), "Token"));
    expect(nodeAt(doc, "apiKey").autoKey).toBeUndefined();
  });

  it("a choice's discriminator keeps its key when retitled, and renaming it makes it by hand", () => {
    const marked = withAutoKeys(sampleDocument(), [
      "/properties/auth/oneOf/0/properties/type",
      "/properties/auth/oneOf/1/properties/type",
    ]);
    expect(nodeAt(marked, "auth", 1, "type").autoKey).toBe(true);
    let doc = applyChecked(marked, retitle(marked, idOf(marked, "auth", 1, "type"), "Method"));
    expect(nodeAt(doc, "auth", 1, "type").schema).toMatchObject({ title: "Method" });
    doc = applyChecked(doc, renameDiscriminator(doc, idOf(doc, "auth"), "method"));
    expect(nodeAt(doc, "auth", 0, "method").autoKey).toBeUndefined();
    expect(nodeAt(doc, "auth", 1, "method").autoKey).toBeUndefined();
  });

  it("a duplicate follows its title as the original does", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, retitle(doc, id, "Tenant ID"));
    doc = applyChecked(doc, duplicateField(doc, id));
    expect(nodeAt(doc, "tenantIdCopy").autoKey).toBe(true);
    doc = applyChecked(doc, retitle(doc, idOf(doc, "tenantIdCopy"), "Tenant name"));
    expect(keysOf(doc).slice(-2)).toEqual(["tenantId", "tenantName"]);
    doc = applyChecked(doc, duplicateField(doc, idOf(doc, "baseUrl")));
    expect(nodeAt(doc, "baseUrlCopy").autoKey).toBeUndefined();
  });
});

describe("steps that change whether a key follows its title", () => {
  it("refuse a stale or half-said change, and a branch that would follow its title", () => {
    const { doc, id } = withNewText();
    const byHand = updateField(doc, id, { key: "tenant" }) as Transaction;
    const step = byHand.steps[0]!;
    expect(step).toMatchObject({ before: { autoKey: true }, after: { autoKey: false } });
    const applied = applyTransaction(doc, byHand);
    if (!applied.ok) throw new Error(applied.reason);
    // Renamed back by a forged step that says the key followed its title: it no longer does.
    const stale = applyTransaction(applied.doc, {
      label: "x",
      steps: [
        {
          op: "set",
          node: id,
          before: { key: "tenant", schema: nodeAt(applied.doc, "tenant").schema, autoKey: true },
          after: { key: "text", schema: nodeAt(applied.doc, "tenant").schema, autoKey: true },
        },
      ],
    });
    expect(stale).toEqual({ ok: false, reason: expect.stringMatching(/changed since/) });
    const halfSaid = applyTransaction(doc, {
      label: "x",
      steps: [
        {
          op: "set",
          node: id,
          before: { key: "text", schema: nodeAt(doc, "text").schema },
          after: { key: "text", schema: nodeAt(doc, "text").schema, autoKey: false },
        },
      ],
    });
    expect(halfSaid).toEqual({ ok: false, reason: expect.stringMatching(/must say what it was/) });
    const branch = nodeAt(doc, "auth", 0);
    const onBranch = applyTransaction(doc, {
      label: "x",
      steps: [
        {
          op: "set",
          node: branch.id,
          before: { key: "", schema: branch.schema, autoKey: false },
          after: { key: "", schema: branch.schema, autoKey: true },
        },
      ],
    });
    expect(onBranch).toEqual({
      ok: false,
      reason: expect.stringMatching(/only a field has a key/),
    });
  });
});

describe("replacing the design", () => {
  it("an edit in the Schema JSON view keeps the keys that follow titles where the key path stays", () => {
    let { doc, id } = withNewText();
    const json = schemaOf(doc);
    json.properties.text.description = "Typed in the JSON view";
    json.properties.text.title = "Tenant ID";
    doc = applyChecked(doc, replaceDesign(doc, importSchema(json), "Edit the schema JSON"));
    // The JSON view says the key: it stays as typed there, and still follows the next title.
    expect(nodeAt(doc, "text").autoKey).toBe(true);
    doc = applyChecked(doc, retitle(doc, id, "Tenant name"));
    expect(nodeAt(doc, "tenantName").id).toBe(id);
    // A key changed in the JSON view is a new field, its key by hand.
    const renamed = schemaOf(doc);
    renamed.properties = { ...renamed.properties, tenant: renamed.properties.tenantName };
    delete renamed.properties.tenantName;
    doc = applyChecked(doc, replaceDesign(doc, importSchema(renamed)));
    expect(nodeAt(doc, "tenant").autoKey).toBeUndefined();
  });

  it("an edit that moves fields around keeps the flag of the fields it re-creates under the same key", () => {
    let { doc } = withNewText();
    const json = schemaOf(doc);
    const { text, ...others } = json.properties;
    json.properties = { text, ...others };
    doc = applyChecked(doc, replaceDesign(doc, importSchema(json)));
    expect(keysOf(doc)[0]).toBe("text");
    expect(nodeAt(doc, "text").autoKey).toBe(true);
  });

  it("an imported file makes every key hand-made, in the same undo step", () => {
    const { doc } = withNewText();
    let state = createEditorState(doc);
    const file = importSchema(schemaOf(doc));
    state = run(state, replaceDesign(state.doc, file, "Import x.json", { handMadeKeys: true }));
    expect(nodeAt(state.doc, "text").autoKey).toBeUndefined();
    applyChecked(doc, replaceDesign(doc, file, "Import x.json", { handMadeKeys: true }));
    state = undo(state);
    expect(nodeAt(state.doc, "text").autoKey).toBe(true);
  });
});

describe("what is stored beside the schema", () => {
  it("the pointers of the keys that follow titles give the same flags back on the schema read again", () => {
    let { doc, id } = withNewText();
    doc = applyChecked(doc, retitle(doc, id, "Tenant ID"));
    doc = applyChecked(doc, addField(doc, { parent: idOf(doc, "auth", 1), kind: "secret" }));
    const pointers = autoKeyPointers(doc);
    expect(pointers).toEqual([
      "/properties/auth/oneOf/1/properties/secret",
      "/properties/tenantId",
    ]);
    const reloaded = withAutoKeys(importSchema(schemaOf(doc)), pointers);
    expect(autoKeyPointers(reloaded)).toEqual(pointers);
    expect(JSON.stringify(toSchema(reloaded))).toBe(JSON.stringify(toSchema(doc)));
    expect(JSON.stringify(toSchema(doc))).not.toContain("autoKey");
    // A pointer that names no field any more (or a branch, or the window) is skipped.
    expect(
      autoKeyPointers(withAutoKeys(reloaded, ["", "/properties/auth/oneOf/1", "/properties/gone"])),
    ).toEqual([]);
    expect(withAutoKeys(reloaded, pointers)).toBe(reloaded);
  });

  it("property: any marked fields come back from their pointers, and the schema never carries the mark", () => {
    fc.assert(
      fc.property(credentialSchema, fc.array(fc.nat(), { maxLength: 6 }), (schema, picks) => {
        const doc = importSchema(schema);
        const fields: string[] = [];
        const all = pointersOfEveryField(doc);
        for (const pick of picks) if (all.length > 0) fields.push(all[pick % all.length]!);
        const marked = withAutoKeys(doc, fields);
        const pointers = autoKeyPointers(marked);
        expect(new Set(pointers)).toEqual(new Set(fields));
        expect(JSON.stringify(toSchema(marked))).toBe(JSON.stringify(toSchema(doc)));
        const reloaded = withAutoKeys(importSchema(toSchema(marked)), pointers);
        expect(autoKeyPointers(reloaded)).toEqual(pointers);
      }),
      { numRuns: 100 },
    );
  });
});

/** Every field's pointer (not branches, not the window): what a user could mark. */
function pointersOfEveryField(doc: CredentialDocument): string[] {
  const pointers: string[] = [];
  walkNodes(doc.root, (node) => {
    const located = locate(doc, node.id)!;
    if (located.path.at(-1)?.list === "fields") pointers.push(pointerOf(located));
    return undefined;
  });
  return pointers;
}

describe("property: retitling a field whose key follows its title", () => {
  it("is never refused, gives the title's key unique in its object, and undoes in one step", () => {
    const titles = fc.array(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom("Tenant ID", "Base URL", "Password", "", "2FA", "Ключ", "type"),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(credentialSchema, fc.nat(), titles, (schema, pick, sequence) => {
        const start = importSchema(schema);
        const containers: FieldNode[] = [];
        walkNodes(start.root, (node) => void (node.fields && containers.push(node)));
        const parent = containers[pick % containers.length]!;
        let state = createEditorState(
          applyChecked(start, addField(start, { parent: parent.id, kind: "text" })),
        );
        const id = locate(state.doc, parent.id)!.node.fields!.at(-1)!.id;
        for (const title of sequence) {
          const before = state.doc;
          const command = retitle(before, id, title);
          expect(isRefusal(command)).toBe(false);
          const after = applyChecked(before, command);
          state = run(state, command);
          const located = locate(after, id)!;
          const siblings = located.path
            .at(-1)!
            .parent.fields!.filter((field) => field.id !== id)
            .map((field) => field.key);
          expect(located.node.key).toBe(keyFromTitle(title, new Set(siblings), "text"));
          expect(siblings).not.toContain(located.node.key);
          expect(located.node.autoKey).toBe(true);
          const undone = undo(state);
          expect(undone.doc).toEqual(before);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("every kind's default key is what a field of that kind falls back to", () => {
    for (const { kind } of KIND_DEFINITIONS) {
      if (kind === "custom") continue;
      const doc = sampleDocument();
      const added = applyChecked(doc, addField(doc, { parent: doc.root.id, kind }));
      const node = added.root.fields!.at(-1)!;
      const after = applyChecked(added, retitle(added, node.id, ""));
      expect(locate(after, node.id)!.node.key).toBe(
        keyFromTitle("", new Set(keysOf(doc)), kindDefinition(kind).defaultKey),
      );
    }
  });
});

// Refusals still come first: a wrong keyword in the same edit changes neither title nor key.
describe("refusals", () => {
  it("a refused edit changes neither the title nor the key", () => {
    const { doc, id } = withNewText();
    expectRefused(
      updateField(doc, id, { set: { title: "Tenant ID", minLength: -1 } }),
      /minLength/,
    );
  });
});
