import { describe, expect, it, vi } from "vitest";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import { addField, removeField, updateField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

const blank = () => importSchema({ type: "object", properties: {} });
const keys = (store: DesignerStore) => store.doc.root.fields!.map((field) => field.key);

describe("DesignerStore: every change is a core command, one undo step each", () => {
  it("applies a command, selects what it says, and tells subscribers", () => {
    const store = new DesignerStore(blank());
    const listener = vi.fn();
    store.subscribe(listener);
    const refused = store.run(
      (doc) => addField(doc, { parent: doc.root.id, kind: "url", key: "baseUrl" }),
      (doc) => doc.root.fields![0]!.id,
    );
    expect(refused).toBeUndefined();
    expect(keys(store)).toEqual(["baseUrl"]);
    expect(store.getState().selected).toBe(store.doc.root.fields![0]!.id);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.canUndo).toBe(true);
  });

  it("a refused command changes nothing and keeps its reason until the next change", () => {
    const store = new DesignerStore(blank());
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "user" }));
    const before = store.doc;
    const reason = store.run((doc) =>
      addField(doc, { parent: doc.root.id, kind: "text", key: "user" }),
    );
    expect(reason).toMatch(/user/);
    expect(store.doc).toBe(before);
    expect(store.getState().refusal).toBe(reason);
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "other" }));
    expect(store.getState().refusal).toBeUndefined();
  });

  it("undo and redo walk the history; a selection whose field is gone is dropped", () => {
    const store = new DesignerStore(blank());
    store.run(
      (doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "a" }),
      (doc) => doc.root.fields![0]!.id,
    );
    const a = store.getState().selected!;
    store.run((doc) => updateField(doc, a, { set: { title: "A" } }));
    expect(toSchema(store.doc)).toMatchObject({ properties: { a: { title: "A" } } });
    store.undo();
    expect(toSchema(store.doc)).toMatchObject({ properties: { a: { title: "Text" } } });
    expect(store.getState().selected).toBe(a);
    store.undo();
    expect(keys(store)).toEqual([]);
    expect(store.getState().selected).toBeUndefined();
    expect(store.canUndo).toBe(false);
    store.redo();
    store.redo();
    expect(toSchema(store.doc)).toMatchObject({ properties: { a: { title: "A" } } });
    expect(store.canRedo).toBe(false);
  });

  it("selecting, and removing the selected field", () => {
    const store = new DesignerStore(blank());
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "a" }));
    const id = store.doc.root.fields![0]!.id;
    store.select(id);
    expect(store.getState().selected).toBe(id);
    store.run((doc) => removeField(doc, id));
    expect(store.getState().selected).toBeUndefined();
  });

  it("load replaces the design: history, selection and refusal start afresh, and subscribers hear of it", () => {
    const store = new DesignerStore(blank());
    store.run(
      (doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "a" }),
      (doc) => doc.root.fields![0]!.id,
    );
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "a" }));
    expect(store.getState().refusal).toBeDefined();
    const listener = vi.fn();
    store.subscribe(listener);
    const other = importSchema({
      type: "object",
      properties: { token: { type: "string", writeOnly: true } },
    });
    store.load(other);
    expect(store.doc).toBe(other);
    expect(keys(store)).toEqual(["token"]);
    expect(store.getState().selected).toBeUndefined();
    expect(store.getState().refusal).toBeUndefined();
    expect(store.canUndo).toBe(false);
    expect(store.canRedo).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    // Undo after a load never walks back into the previous design.
    store.undo();
    expect(keys(store)).toEqual(["token"]);
  });
});
