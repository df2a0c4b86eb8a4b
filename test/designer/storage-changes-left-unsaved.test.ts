import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Autosave, DesignAnnouncement } from "../../src/designer/storage/autosave.ts";
import {
  changesLeftUnsaved,
  keepChangesLeftUnsaved,
  storeChangesLeftUnsaved,
} from "../../src/designer/storage/changes-left-unsaved.ts";
import { DesignRepository } from "../../src/designer/storage/design-repository.ts";
import { BLANK_SCHEMA } from "../../src/designer/storage/design-templates.ts";
import { startAutosave } from "../../src/designer/storage/start-autosave.ts";
import { DesignerStore } from "../../src/designer/store/designer-store.ts";
import type { JsonObject } from "../../src/json/value.ts";
import { addField } from "../../src/model/index.ts";
import { importSchema } from "../../src/schema/import.ts";

/**
 * A page that goes (a reload, a closed tab) less than the autosave's delay after a change:
 * IndexedDB runs no callback for a page being unloaded, so its last save never happened. The
 * page keeps those changes in localStorage as it goes, and the next page stores them.
 */

/** localStorage as the browser has it: strings by key, in order of insertion. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  /** When set, setItem throws as a full storage does. */
  full = false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, String(value));
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}

/** The announcements a page's autosave sends (no other tab receives them here). */
class Announcements {
  readonly sent: DesignAnnouncement[] = [];
  channel() {
    return {
      postMessage: (message: DesignAnnouncement) => void this.sent.push(message),
      addEventListener: () => {},
      removeEventListener: () => {},
      close: () => {},
    };
  }
}

let indexedDB: IDBFactory;
let storage: MemoryStorage;
let announcements: Announcements;
let started: Autosave[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  indexedDB = new IDBFactory();
  storage = new MemoryStorage();
  announcements = new Announcements();
});

afterEach(() => {
  for (const autosave of started) {
    autosave.dispose();
    autosave.library?.close();
  }
  started = [];
  vi.useRealTimers();
});

/** A page: a store and its autosave over this test's IndexedDB and localStorage. */
async function openPage() {
  const store = new DesignerStore(importSchema(structuredClone(BLANK_SCHEMA)));
  const autosave = await startAutosave(store, {
    indexedDB,
    channel: announcements.channel(),
    delayMs: 300,
    leftUnsavedStorage: storage,
  });
  started.push(autosave);
  return { store, autosave };
}

/** The page goes before its save ran: what pagehide does, then nothing more of that page runs. */
function leave(autosave: Autosave): void {
  autosave.keepChangesOnLeaving();
  autosave.dispose();
}

const keys = (store: DesignerStore) => store.doc.root.fields!.map((field) => field.key);
const addText = (store: DesignerStore, key: string) =>
  store.run((doc) => addField(doc, { parent: doc.root.id, kind: "text", key }));

async function withRepository<T>(use: (repository: DesignRepository) => Promise<T>): Promise<T> {
  const repository = await DesignRepository.open({ indexedDB });
  try {
    return await use(repository);
  } finally {
    repository.close();
  }
}

const propertyKeys = (schema: JsonObject) => Object.keys((schema.properties ?? {}) as JsonObject);

describe("changes a page left unsaved", () => {
  it("a reload right after a change: the change is kept as the page goes, and the next page opens with it, stored", async () => {
    const first = await openPage();
    const id = first.autosave.getState().design!.id;
    addText(first.store, "user");
    expect(first.autosave.getState().status.kind).toBe("pending");
    leave(first.autosave);
    expect(changesLeftUnsaved(storage)).toEqual([
      expect.objectContaining({ id, name: "Untitled", revision: 1 }),
    ]);

    const next = await openPage();
    expect(next.autosave.getState().design).toMatchObject({ id, revision: 2 });
    expect(keys(next.store)).toEqual(["user"]);
    expect(next.autosave.getState().status.kind).toBe("saved");
    expect(next.autosave.getState().storedAtStart).toEqual([{ kind: "saved", id, revision: 2 }]);
    expect(announcements.sent).toContainEqual({ type: "saved", id, revision: 2 });
    // Stored, so forgotten: the page after that finds nothing to store.
    expect(storage.keys()).toEqual([]);
    expect(next.store.canUndo).toBe(false); // opening is not an edit
  });

  it("nothing is kept when everything is stored, and what was kept is forgotten once the save went through (back from the back/forward cache)", async () => {
    const page = await openPage();
    page.autosave.keepChangesOnLeaving();
    expect(storage.keys()).toEqual([]);

    addText(page.store, "user");
    page.autosave.keepChangesOnLeaving();
    expect(storage.keys()).toHaveLength(1);
    await page.autosave.flush();
    expect(page.autosave.getState().status.kind).toBe("saved");
    expect(storage.keys()).toEqual([]);
  });

  it("a save that was stored after all (the page went while it was in flight) is not stored twice", async () => {
    const first = await openPage();
    const id = first.autosave.getState().design!.id;
    addText(first.store, "user");
    // pagehide while the save is in flight: kept on revision 1, then the save is stored, but the
    // page is gone and runs nothing more (not the forgetting either).
    first.autosave.keepChangesOnLeaving();
    const [kept] = changesLeftUnsaved(storage);
    await first.autosave.flush();
    first.autosave.dispose();
    keepChangesLeftUnsaved(storage, kept!);

    const next = await openPage();
    expect(next.autosave.getState().storedAtStart).toEqual([{ kind: "already stored", id }]);
    expect(next.autosave.getState().design).toMatchObject({ id, revision: 2 });
    expect(keys(next.store)).toEqual(["user"]);
    expect(storage.keys()).toEqual([]);
    expect(await withRepository((repository) => repository.list())).toHaveLength(1);
  });

  it("the design was saved in another tab meanwhile: the changes go into a copy, named, and neither version is lost", async () => {
    const first = await openPage();
    const id = first.autosave.getState().design!.id;
    addText(first.store, "mine");
    leave(first.autosave);
    // Another tab's save of the same design, on the same revision.
    await withRepository((repository) =>
      repository.save(id, { type: "object", properties: { theirs: { type: "string" } } }, 1),
    );

    const next = await openPage();
    const [stored] = next.autosave.getState().storedAtStart!;
    expect(stored).toMatchObject({
      kind: "copied",
      id,
      of: "Untitled",
      name: "Untitled (unsaved changes)",
    });
    const copyId = stored!.kind === "copied" ? stored!.copyId : "";
    expect(announcements.sent).toContainEqual({ type: "created", id: copyId, revision: 1 });
    await withRepository(async (repository) => {
      expect(propertyKeys((await repository.load(id)).schema)).toEqual(["theirs"]);
      expect(propertyKeys((await repository.load(copyId)).schema)).toEqual(["mine"]);
    });
    expect(storage.keys()).toEqual([]);
  });

  it("the design was deleted meanwhile: the changes go into a copy", async () => {
    const first = await openPage();
    const id = first.autosave.getState().design!.id;
    addText(first.store, "mine");
    leave(first.autosave);
    await withRepository((repository) => repository.delete(id));

    await openPage();
    const copies = await withRepository((repository) => repository.list());
    expect(copies.map((design) => design.name)).toEqual(["Untitled (unsaved changes)"]);
    expect(
      propertyKeys((await withRepository((repository) => repository.load(copies[0]!.id))).schema),
    ).toEqual(["mine"]);
  });

  it("when storage refuses them at start they stay kept, for the next start", async () => {
    const first = await openPage();
    const id = first.autosave.getState().design!.id;
    addText(first.store, "user");
    leave(first.autosave);
    const refusing = {
      load: () => Promise.reject(new Error("blocked")),
      save: () => Promise.reject(new Error("blocked")),
      create: () => Promise.reject(new Error("blocked")),
    } as unknown as Parameters<typeof storeChangesLeftUnsaved>[1];
    expect(await storeChangesLeftUnsaved(storage, refusing)).toEqual([]);
    expect(changesLeftUnsaved(storage).map((changes) => changes.id)).toEqual([id]);
  });

  it("a full localStorage keeps nothing and breaks nothing; entries this version cannot read are left alone", async () => {
    const page = await openPage();
    addText(page.store, "user");
    storage.full = true;
    page.autosave.keepChangesOnLeaving();
    expect(storage.keys()).toEqual([]);
    storage.full = false;
    await page.autosave.flush();
    expect(page.autosave.getState().status.kind).toBe("saved");

    storage.setItem("credential-designer:changes-left-unsaved:x", "{not json");
    storage.setItem("credential-designer:changes-left-unsaved:y", JSON.stringify({ id: "y" }));
    storage.setItem("layout", "{}");
    expect(changesLeftUnsaved(storage)).toEqual([]);
    expect(
      keepChangesLeftUnsaved(storage, {
        id: "z",
        name: "Z",
        revision: 1,
        schema: {},
        autoKeys: [],
      }),
    ).toBe(true);
    expect(changesLeftUnsaved(storage).map((changes) => changes.id)).toEqual(["z"]);
  });

  it("keeps the schema only, as a save stores it", async () => {
    const page = await openPage();
    addText(page.store, "user");
    page.autosave.keepChangesOnLeaving();
    const [kept] = changesLeftUnsaved(storage);
    expect(Object.keys(kept!).sort()).toEqual(["autoKeys", "id", "name", "revision", "schema"]);
    expect(propertyKeys(kept!.schema)).toEqual(["user"]);
  });
});
