import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type AnnouncementChannel,
  Autosave,
  type DesignAnnouncement,
} from "../../src/designer/storage/autosave.ts";
import {
  createDesign,
  deleteDesign,
  duplicateDesign,
  openDesign,
  renameDesign,
} from "../../src/designer/storage/design-actions.ts";
import {
  type DesignLibrary,
  DesignRepository,
} from "../../src/designer/storage/design-repository.ts";
import { BLANK_SCHEMA, DESIGN_TEMPLATES } from "../../src/designer/storage/design-templates.ts";
import { startAutosave } from "../../src/designer/storage/start-autosave.ts";
import { StorageFullError } from "../../src/designer/storage/storage-errors.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { addField, updateField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";
import { toSchema } from "../../src/schema/to-schema.ts";

/** Tabs of one browser: channels that deliver each message to the others (asynchronously, as BroadcastChannel does). */
class Tabs {
  readonly sent: DesignAnnouncement[] = [];
  private readonly channels = new Set<{ listeners: Set<(event: MessageEvent) => void> }>();
  channel(): AnnouncementChannel {
    const self = { listeners: new Set<(event: MessageEvent) => void>() };
    this.channels.add(self);
    return {
      postMessage: (message) => {
        this.sent.push(message);
        for (const other of this.channels) {
          if (other !== self)
            for (const listener of other.listeners)
              setImmediate(() => listener({ data: structuredClone(message) } as MessageEvent));
        }
      },
      addEventListener: (_type, listener) => self.listeners.add(listener),
      removeEventListener: (_type, listener) => self.listeners.delete(listener),
      close: () => this.channels.delete(self),
    };
  }
}

const blankStore = () => new DesignerStore(importSchema(structuredClone(BLANK_SCHEMA)));
const keys = (store: DesignerStore) => store.doc.root.fields!.map((field) => field.key);
const addText = (store: DesignerStore, key: string) =>
  store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key }));

let started: Autosave[] = [];
let indexedDB: IDBFactory;
let tabs: Tabs;

/** A tab: a store and its autosave over this test's IndexedDB. */
async function openTab(options: { channel?: AnnouncementChannel | null } = {}) {
  const store = blankStore();
  const autosave = await startAutosave(store, {
    indexedDB,
    channel: options.channel === undefined ? tabs.channel() : options.channel,
    delayMs: 300,
  });
  started.push(autosave);
  return { store, autosave };
}

async function stored(id: string): Promise<JsonObject> {
  const repository = await DesignRepository.open({ indexedDB });
  try {
    return (await repository.load(id)).schema;
  } finally {
    repository.close();
  }
}

const status = (autosave: Autosave) => autosave.getState().status.kind;

beforeEach(() => {
  // Only the clock the autosave waits on: fake-indexeddb schedules its own work with setImmediate.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  indexedDB = new IDBFactory();
  tabs = new Tabs();
});

afterEach(() => {
  for (const autosave of started) {
    autosave.dispose();
    autosave.library?.close();
  }
  started = [];
  vi.useRealTimers();
});

describe("Autosave: every change is stored within a second", () => {
  it("the first start stores the blank window as 'Untitled'; a second start (a reload) brings the last design back", async () => {
    const first = await openTab();
    expect(first.autosave.getState().design).toMatchObject({ name: "Untitled", revision: 1 });
    expect(status(first.autosave)).toBe("saved");
    addText(first.store, "user");
    await first.autosave.flush();
    expect(status(first.autosave)).toBe("saved");

    const reload = await openTab();
    expect(reload.autosave.getState().design?.id).toBe(first.autosave.getState().design?.id);
    expect(keys(reload.store)).toEqual(["user"]);
    expect(reload.store.canUndo).toBe(false); // opening is not an edit
  });

  it("a key that follows its title still follows it after a reload and in a design opened again; the schema does not say so", async () => {
    const first = await openTab();
    first.store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text" }));
    first.store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key: "byHand" }));
    await first.autosave.flush();
    const id = first.autosave.getState().design!.id;
    expect(JSON.stringify(await stored(id))).not.toContain("autoKey");

    const reload = await openTab();
    const retitle = (store: DesignerStore, key: string, title: string) =>
      store.run((doc) =>
        updateField(doc, doc.root.fields!.find((field) => field.key === key)!.id, {
          set: { title },
        }),
      );
    expect(retitle(reload.store, "text", "Tenant ID")).toBeUndefined();
    expect(retitle(reload.store, "byHand", "Region")).toBeUndefined();
    expect(keys(reload.store)).toEqual(["tenantId", "byHand"]);

    // Saved again, opened from the list after another design: still following its title.
    await reload.autosave.flush();
    await createDesign(reload.autosave);
    await openDesign(reload.autosave, id);
    expect(retitle(reload.store, "tenantId", "Customer ID")).toBeUndefined();
    expect(keys(reload.store)).toEqual(["customerId", "byHand"]);
  });

  it("debounces: changes in quick succession are one save, 300 ms after the last; a selection is not a change", async () => {
    const { store, autosave } = await openTab();
    const save = vi.spyOn(autosave.library!, "save");
    store.select(store.doc.root.id);
    expect(status(autosave)).toBe("saved");
    addText(store, "a");
    expect(status(autosave)).toBe("pending");
    await vi.advanceTimersByTimeAsync(200);
    addText(store, "b");
    await vi.advanceTimersByTimeAsync(200);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(status(autosave)).toBe("saved"));
    expect(autosave.getState().design?.revision).toBe(2);
    expect(
      Object.keys((await stored(autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["a", "b"]);
  });

  it("changes that keep coming are still saved within a second of the first", async () => {
    const { store, autosave } = await openTab();
    const save = vi.spyOn(autosave.library!, "save");
    for (let i = 0; i < 6; i++) {
      addText(store, `k${i}`);
      await vi.advanceTimersByTimeAsync(200);
    }
    // 1,200 ms of typing with 200 ms pauses: the first save went out at 1,000 ms.
    expect(save).toHaveBeenCalledTimes(1);
    await autosave.flush();
    expect(
      Object.keys((await stored(autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["k0", "k1", "k2", "k3", "k4", "k5"]);
  });

  it("undo and redo are changes like any other: stored too", async () => {
    const { store, autosave } = await openTab();
    addText(store, "a");
    addText(store, "b");
    await autosave.flush();
    store.undo();
    await vi.advanceTimersByTimeAsync(300);
    await vi.waitFor(() => expect(status(autosave)).toBe("saved"));
    expect(
      Object.keys((await stored(autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["a"]);
  });

  it("flush saves at once (the page is hidden or left)", async () => {
    const { store, autosave } = await openTab();
    addText(store, "a");
    await autosave.flush();
    expect(status(autosave)).toBe("saved");
    expect(
      Object.keys((await stored(autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["a"]);
  });

  it("stores the schema only: the record is id, name, schema (toSchema of the design), revision, updatedAt", async () => {
    const { store, autosave } = await openTab();
    store.run((doc) => addField(doc, { parent: doc.root.id, kind: "secret", key: "apiKey" }));
    await autosave.flush();
    const repository = await DesignRepository.open({ indexedDB });
    const record = await repository.load(autosave.getState().design!.id);
    repository.close();
    expect(Object.keys(record).sort()).toEqual(["id", "name", "revision", "schema", "updatedAt"]);
    expect(record.schema).toEqual(toSchema(store.doc));
    // What tabs tell each other: which design and revision, nothing else.
    expect(tabs.sent.length).toBeGreaterThan(0);
    for (const message of tabs.sent)
      expect(Object.keys(message).sort()).toEqual(["id", "revision", "type"]);
  });
});

describe("Autosave: a failed save keeps the design in memory and tries again on the next change", () => {
  it("storage full: the status says so, editing and undo go on, the next change saves once space is back", async () => {
    const { store, autosave } = await openTab();
    const library = autosave.library!;
    const save = library.save.bind(library);
    let full = true;
    vi.spyOn(library, "save").mockImplementation((...args) =>
      full ? Promise.reject(new StorageFullError("save the design")) : save(...args),
    );

    addText(store, "a");
    await autosave.flush();
    expect(autosave.getState().status).toMatchObject({
      kind: "failed",
      problem: "full",
      message: expect.stringMatching(/full/),
    });
    addText(store, "b");
    store.undo();
    expect(keys(store)).toEqual(["a"]);
    expect(status(autosave)).toBe("failed"); // no "Saving…" flicker between warnings
    await vi.advanceTimersByTimeAsync(300);
    await vi.waitFor(() => expect(library.save).toHaveBeenCalledTimes(2));
    expect(status(autosave)).toBe("failed");

    full = false;
    addText(store, "c");
    await vi.advanceTimersByTimeAsync(300);
    await vi.waitFor(() => expect(status(autosave)).toBe("saved"));
    expect(
      Object.keys((await stored(autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["a", "c"]);
  });

  it("another design does not replace one whose changes could not be saved", async () => {
    const { store, autosave } = await openTab();
    const other = await autosave.library!.create("Other", BLANK_SCHEMA);
    vi.spyOn(autosave.library!, "save").mockRejectedValue(new StorageFullError("save the design"));
    addText(store, "unsaved");
    await expect(openDesign(autosave, other.id)).rejects.toThrow(
      /latest changes to "Untitled" are not saved, so it stays open: .*full/,
    );
    expect(keys(store)).toEqual(["unsaved"]);
    expect(autosave.getState().design?.name).toBe("Untitled");
  });

  it("no IndexedDB at all: the page works in memory and says why; designs cannot be listed", async () => {
    const store = blankStore();
    const autosave = await startAutosave(store, { indexedDB: undefined, channel: null });
    started.push(autosave);
    expect(autosave.getState().design).toBeUndefined();
    expect(autosave.getState().status).toMatchObject({
      kind: "failed",
      problem: "unavailable",
      message: expect.stringMatching(/no IndexedDB/),
    });
    addText(store, "a");
    await vi.advanceTimersByTimeAsync(300);
    await autosave.flush();
    expect(keys(store)).toEqual(["a"]);
    expect(status(autosave)).toBe("failed");
    await expect(createDesign(autosave)).rejects.toThrow(/Designs cannot be listed or opened/);
  });

  it("in memory after a failed start, the next change tries storage again and stores the design as 'Untitled'", async () => {
    const store = blankStore();
    let attempts = 0;
    const reopen = async (): Promise<DesignLibrary> => {
      attempts++;
      return DesignRepository.open({ indexedDB });
    };
    const autosave = new Autosave({
      store,
      library: undefined,
      design: undefined,
      startProblem: new Error("blocked"),
      reopen,
      channel: null,
    });
    started.push(autosave);
    addText(store, "a");
    await vi.advanceTimersByTimeAsync(300);
    await vi.waitFor(() => expect(status(autosave)).toBe("saved"));
    expect(attempts).toBe(1);
    expect(autosave.getState().design).toMatchObject({ name: "Untitled", revision: 1 });
    expect(
      Object.keys((await stored(autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["a"]);
  });
});

describe("Autosave: two tabs on one design never overwrite each other silently", () => {
  it("a save announced by another tab puts this one in conflict at once; it saves nothing until the user chooses", async () => {
    const a = await openTab();
    const b = await openTab();
    const id = a.autosave.getState().design!.id;
    expect(b.autosave.getState().design?.id).toBe(id);
    addText(a.store, "fromA");
    await a.autosave.flush();
    await vi.waitFor(() =>
      expect(b.autosave.getState().status).toEqual({ kind: "conflict", theirs: "saved" }),
    );

    const save = vi.spyOn(b.autosave.library!, "save");
    addText(b.store, "fromB");
    await vi.advanceTimersByTimeAsync(2000);
    await b.autosave.flush();
    expect(save).not.toHaveBeenCalled();
    expect(keys(b.store)).toEqual(["fromB"]); // kept in memory
    expect(Object.keys((await stored(id)).properties as JsonObject)).toEqual(["fromA"]);

    // Keep mine: a copy holds B's version; A's design is untouched; B edits the copy from now on.
    await b.autosave.keepMineAsCopy();
    const copy = b.autosave.getState().design!;
    expect(copy).toMatchObject({ name: "Untitled (my copy)", revision: 1 });
    expect(copy.id).not.toBe(id);
    expect(status(b.autosave)).toBe("saved");
    expect(b.store.canUndo).toBe(true); // still B's own history
    expect(Object.keys((await stored(copy.id)).properties as JsonObject)).toEqual(["fromB"]);
    expect(Object.keys((await stored(id)).properties as JsonObject)).toEqual(["fromA"]);
    // A is not in conflict: nobody saved its design.
    expect(status(a.autosave)).toBe("saved");
  });

  it("without announcements (no BroadcastChannel), the revision check still catches it; 'Load theirs' replaces this tab's version", async () => {
    const a = await openTab({ channel: null });
    const b = await openTab({ channel: null });
    addText(a.store, "fromA");
    await a.autosave.flush();
    addText(b.store, "fromB");
    await b.autosave.flush();
    expect(b.autosave.getState().status).toEqual({ kind: "conflict", theirs: "saved" });
    expect(keys(b.store)).toEqual(["fromB"]);

    await b.autosave.loadTheirs();
    expect(keys(b.store)).toEqual(["fromA"]);
    expect(status(b.autosave)).toBe("saved");
    expect(b.autosave.getState().design?.revision).toBe(2);
    addText(b.store, "next");
    await b.autosave.flush();
    expect(status(b.autosave)).toBe("saved");
    expect(
      Object.keys((await stored(b.autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["fromA", "next"]);
  });

  it("a design deleted in another tab: conflict 'deleted'; keeping mine saves it as a copy", async () => {
    const a = await openTab();
    const b = await openTab();
    const id = a.autosave.getState().design!.id;
    addText(b.store, "mine");
    await b.autosave.flush();
    await a.autosave.flush();
    await deleteDesign(a.autosave, id);
    await vi.waitFor(() =>
      expect(b.autosave.getState().status).toEqual({ kind: "conflict", theirs: "deleted" }),
    );
    await b.autosave.keepMineAsCopy();
    expect(
      Object.keys((await stored(b.autosave.getState().design!.id)).properties as JsonObject),
    ).toEqual(["mine"]);
  });

  it("a rename in another tab shows in this one, and does not stop it saving", async () => {
    const a = await openTab();
    const b = await openTab();
    const id = a.autosave.getState().design!.id;
    await renameDesign(a.autosave, id, "CRM");
    expect(a.autosave.getState().design?.name).toBe("CRM");
    await vi.waitFor(() => expect(b.autosave.getState().design?.name).toBe("CRM"));
    addText(b.store, "x");
    await b.autosave.flush();
    expect(status(b.autosave)).toBe("saved");
  });
});

describe("design actions", () => {
  it("new (blank or from a template), open, duplicate, delete: the current design is saved first, opening is not an undoable edit", async () => {
    const { store, autosave } = await openTab();
    const firstId = autosave.getState().design!.id;
    addText(store, "first");
    const basic = DESIGN_TEMPLATES.find((template) => template.id === "basic-auth")!;
    await createDesign(autosave, basic);
    expect(autosave.getState().design?.name).toBe("Basic authentication");
    expect(toSchema(store.doc)).toEqual(basic.schema);
    expect(store.canUndo).toBe(false);
    expect(Object.keys((await stored(firstId)).properties as JsonObject)).toEqual(["first"]);

    store.run((doc) => updateField(doc, doc.root.id, { set: { title: "Basic, edited" } }));
    await openDesign(autosave, firstId);
    expect(keys(store)).toEqual(["first"]);
    expect(autosave.getState().design?.name).toBe("Untitled");

    const copy = await duplicateDesign(autosave, firstId);
    expect(copy.name).toBe("Untitled (copy)");
    expect(autosave.getState().design?.id).toBe(firstId);
    const names = async () => (await autosave.library!.list()).map((design) => design.name).sort();
    expect(await names()).toEqual(["Basic authentication", "Untitled", "Untitled (copy)"]);

    // Deleting the open design opens the most recently saved other one.
    await deleteDesign(autosave, firstId);
    expect(await names()).toEqual(["Basic authentication", "Untitled (copy)"]);
    expect(autosave.getState().design?.id).not.toBe(firstId);
    expect(status(autosave)).toBe("saved");

    await createDesign(autosave);
    expect(autosave.getState().design?.name).toBe("Untitled");
    expect(toSchema(store.doc)).toEqual(BLANK_SCHEMA);
  });

  it("deleting the last design starts a new blank one", async () => {
    const { store, autosave } = await openTab();
    addText(store, "gone");
    await deleteDesign(autosave, autosave.getState().design!.id);
    expect(keys(store)).toEqual([]);
    expect(autosave.getState().design?.name).toBe("Untitled");
    expect((await autosave.library!.list()).length).toBe(1);
  });

  it("a stored design the designer cannot read is left as it is and says why when opened", async () => {
    const { store, autosave } = await openTab();
    addText(store, "kept");
    const broken = await autosave.library!.create("Broken", { type: "array" });
    await openDesign(autosave, broken.id);
    expect(autosave.getState().unopened).toMatchObject({
      record: { id: broken.id, name: "Broken", schema: { type: "array" } },
      message: expect.stringMatching(/type/),
      when: "open",
    });
    expect(autosave.getState().design?.name).toBe("Untitled");
    expect(keys(store)).toEqual(["kept"]);
    expect((await autosave.library!.load(broken.id)).schema).toEqual({ type: "array" });
  });

  it("deleting the open design when the next one cannot be read opens a new blank one", async () => {
    const { store, autosave } = await openTab();
    addText(store, "gone");
    const broken = await autosave.library!.create("Broken", { type: "array" });
    await deleteDesign(autosave, autosave.getState().design!.id);
    expect(autosave.getState().unopened?.record.id).toBe(broken.id);
    expect(autosave.getState().design?.name).toBe("Untitled");
    expect(autosave.getState().design?.id).not.toBe(broken.id);
    expect(keys(store)).toEqual([]);
  });
});
