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

describe("DesignerStore: folded groups, choices and branches (a view, not the design)", () => {
  const nested = () =>
    importSchema({
      type: "object",
      properties: {
        account: {
          type: "object",
          title: "Account",
          properties: {
            auth: {
              title: "Authentication",
              oneOf: [
                {
                  title: "Basic",
                  type: "object",
                  properties: {
                    type: { const: "basic" },
                    user: { type: "string", title: "User" },
                  },
                },
              ],
            },
          },
        },
      },
    });
  const ids = (store: DesignerStore) => {
    const account = store.doc.root.fields![0]!;
    const auth = account.fields![0]!;
    const basic = auth.branches![0]!;
    const user = basic.fields!.find((field) => field.key === "user")!;
    return { account: account.id, auth: auth.id, basic: basic.id, user: user.id };
  };

  it("toggleCollapsed folds and unfolds a node, and tells subscribers; nothing goes into history", () => {
    const store = new DesignerStore(nested());
    const { account } = ids(store);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.getState().collapsed.size).toBe(0);
    store.toggleCollapsed(account);
    expect([...store.getState().collapsed]).toEqual([account]);
    store.toggleCollapsed(account);
    expect(store.getState().collapsed.size).toBe(0);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.canUndo).toBe(false);
    expect(toSchema(store.doc)).toEqual(toSchema(nested()));
  });

  it("selecting a node unfolds every node it is in, and only those", () => {
    const store = new DesignerStore(nested());
    const { account, auth, basic, user } = ids(store);
    const other = "not-an-ancestor";
    for (const id of [account, auth, basic, user, other]) store.toggleCollapsed(id);
    store.select(user);
    expect(store.getState().selected).toBe(user);
    expect([...store.getState().collapsed].sort()).toEqual([user, other].sort());
    // Selecting the same node again, with an ancestor folded since, unfolds it again.
    store.toggleCollapsed(auth);
    store.select(user);
    expect(store.getState().collapsed.has(auth)).toBe(false);
    // Selecting the window or a top-level node unfolds nothing.
    const before = store.getState().collapsed;
    store.select(undefined);
    store.select(account);
    expect(store.getState().collapsed).toBe(before);
  });

  it("a command that selects a node in a folded group unfolds it; load forgets the folds", () => {
    const store = new DesignerStore(nested());
    const { account, auth } = ids(store);
    store.toggleCollapsed(account);
    store.toggleCollapsed(auth);
    store.run(
      (doc) => addField(doc, { parent: account, kind: "text", key: "region" }),
      (doc) => doc.root.fields![0]!.fields!.find((field) => field.key === "region")!.id,
    );
    expect([...store.getState().collapsed]).toEqual([auth]);
    store.load(nested());
    expect(store.getState().collapsed.size).toBe(0);
  });
});

describe("DesignerStore: typing not applied yet (the Schema JSON) is the newest change", () => {
  /** A pending edit that counts how often it is dropped, and says so to the store as the editor does. */
  function pendingIn(store: DesignerStore) {
    const calls = { discard: 0, reveal: 0 };
    const pending = {
      label: "Typing in the Schema JSON, not applied yet",
      problem: undefined,
      discard: () => {
        calls.discard++;
        store.setPendingEdit(undefined);
      },
      reveal: () => void calls.reveal++,
    };
    store.setPendingEdit(pending);
    return { pending, calls };
  }

  it("Undo drops it before it undoes any step; Redo waits until it is gone", () => {
    const store = new DesignerStore(blank());
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "a" }));
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "b" }));
    store.undo();
    expect(store.canRedo).toBe(true);
    const { calls } = pendingIn(store);
    expect(store.canUndo).toBe(true);
    expect(store.canRedo).toBe(false);
    store.redo();
    expect(keys(store)).toEqual(["a"]);
    expect(calls.discard).toBe(0);

    store.undo();
    expect(calls.discard).toBe(1);
    expect(store.getState().pendingEdit).toBeUndefined();
    expect(keys(store)).toEqual(["a"]);
    // Dropped, the typing no longer stands before the redo.
    expect(store.canRedo).toBe(true);
    store.undo();
    expect(calls.discard).toBe(1);
    expect(keys(store)).toEqual([]);
    expect(store.canUndo).toBe(false);
  });

  it("with no history, the pending edit alone makes Undo available; it is cleared even if the view forgets to", () => {
    const store = new DesignerStore(blank());
    expect(store.canUndo).toBe(false);
    const listener = vi.fn();
    store.subscribe(listener);
    const calls = { discard: 0 };
    const pending = {
      label: "typing",
      problem: { line: 1, column: 2, problem: "the text ends early", fix: "finish it" },
      discard: () => void calls.discard++,
      reveal: () => {},
    };
    store.setPendingEdit(pending);
    store.setPendingEdit(pending);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.canUndo).toBe(true);
    store.undo();
    expect(calls.discard).toBe(1);
    expect(store.getState().pendingEdit).toBeUndefined();
    expect(store.getState().editor.done).toHaveLength(0);
  });

  it("another change while it waits does not drop it; loading another design drops it (it was typed for the design that goes)", () => {
    const store = new DesignerStore(blank());
    const { pending, calls } = pendingIn(store);
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "a" }));
    expect(store.getState().pendingEdit).toBe(pending);
    store.load(blank());
    expect(calls.discard).toBe(1);
    expect(store.getState().pendingEdit).toBeUndefined();
  });
});
