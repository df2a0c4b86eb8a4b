import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import { nameProblem, uniqueName } from "../../src/designer/storage/design-names.ts";
import { DATABASE_NAME, DesignRepository } from "../../src/designer/storage/design-repository.ts";
import {
  DesignNameError,
  DesignNotFoundError,
  RevisionConflictError,
  StorageFullError,
  StorageUnavailableError,
  toStorageError,
} from "../../src/designer/storage/storage-errors.ts";
import type { JsonObject } from "../../src/json/value.ts";

const schema = (title: string): JsonObject => ({
  title,
  type: "object",
  properties: { baseUrl: { type: "string", format: "uri" } },
});

let open: DesignRepository[] = [];
afterEach(() => {
  for (const repository of open) repository.close();
  open = [];
});

/** A repository over a fresh in-memory IndexedDB (and that IndexedDB, for a second connection). */
async function freshRepository(now = () => 1_000) {
  const indexedDB = new IDBFactory();
  const repository = await DesignRepository.open({ indexedDB, now });
  open.push(repository);
  return { repository, indexedDB };
}

describe("DesignRepository: designs in IndexedDB", () => {
  it("creates, lists (most recently saved first), loads, renames, duplicates and deletes designs", async () => {
    let clock = 1_000;
    const { repository } = await freshRepository(() => clock++);
    const first = await repository.create("Untitled", schema("A"));
    const second = await repository.create("Untitled", schema("B"));
    expect(first).toMatchObject({ name: "Untitled", revision: 1, schema: schema("A") });
    expect(second.name).toBe("Untitled 2");
    expect(second.id).not.toBe(first.id);
    expect((await repository.list()).map((design) => design.name)).toEqual([
      "Untitled 2",
      "Untitled",
    ]);
    // A listing carries no schema.
    expect(Object.keys((await repository.list())[0]!).sort()).toEqual([
      "id",
      "name",
      "revision",
      "updatedAt",
    ]);

    expect(await repository.load(first.id)).toEqual(first);
    const renamed = await repository.rename(first.id, "  Sales CRM  ");
    expect(renamed).toMatchObject({ name: "Sales CRM", revision: 1 });
    const copy = await repository.duplicate(first.id);
    expect(copy).toMatchObject({ name: "Sales CRM (copy)", revision: 1, schema: schema("A") });
    expect((await repository.duplicate(first.id)).name).toBe("Sales CRM (copy) 2");

    await repository.delete(second.id);
    await expect(repository.load(second.id)).rejects.toBeInstanceOf(DesignNotFoundError);
    await repository.delete(second.id); // gone already: nothing happens
    expect((await repository.list()).map((design) => design.name).sort()).toEqual([
      "Sales CRM",
      "Sales CRM (copy)",
      "Sales CRM (copy) 2",
    ]);
  });

  it("stores exactly the record: id, name, the schema, revision, updatedAt — keys like __proto__ stay own keys", async () => {
    const { repository } = await freshRepository();
    const tricky = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"}}}',
    ) as JsonObject;
    const record = await repository.create("Tricky", tricky);
    const loaded = await repository.load(record.id);
    expect(Object.keys(loaded).sort()).toEqual(["id", "name", "revision", "schema", "updatedAt"]);
    expect(JSON.stringify(loaded.schema)).toBe(JSON.stringify(tricky));
    expect(Object.keys(loaded.schema.properties as JsonObject)).toEqual([
      "__proto__",
      "constructor",
    ]);
  });

  it("a save names the revision it builds on; a stale one (another tab saved) or a deleted design is a conflict, and nothing is overwritten", async () => {
    const { repository } = await freshRepository();
    const created = await repository.create("Shared", schema("v1"));
    const mine = await repository.save(created.id, schema("v2"), 1);
    expect(mine.revision).toBe(2);
    const stale = repository.save(created.id, schema("stale"), 1);
    await expect(stale).rejects.toBeInstanceOf(RevisionConflictError);
    await expect(stale).rejects.toMatchObject({
      expectedRevision: 1,
      storedRevision: 2,
      message: expect.stringMatching(/another tab/),
    });
    expect((await repository.load(created.id)).schema).toEqual(schema("v2"));

    // A rename is not an edit of the schema: a tab editing the design can still save.
    await repository.rename(created.id, "Shared CRM");
    expect((await repository.save(created.id, schema("v3"), 2)).revision).toBe(3);

    await repository.delete(created.id);
    await expect(repository.save(created.id, schema("v4"), 3)).rejects.toMatchObject({
      name: "RevisionConflictError",
      storedRevision: undefined,
    });
    await expect(repository.load(created.id)).rejects.toBeInstanceOf(DesignNotFoundError);
  });

  it("refuses an empty or taken name (ignoring case) and says why; the design keeps its name", async () => {
    const { repository } = await freshRepository();
    const a = await repository.create("Alpha", schema("A"));
    await repository.create("Beta", schema("B"));
    await expect(repository.rename(a.id, "   ")).rejects.toThrow(
      new DesignNameError("A design needs a name: type one."),
    );
    await expect(repository.rename(a.id, "beta")).rejects.toThrow(/already named "Beta"/);
    expect((await repository.load(a.id)).name).toBe("Alpha");
    expect((await repository.rename(a.id, "ALPHA")).name).toBe("ALPHA"); // its own name in other case is fine
  });

  it("remembers the design opened last, forgetting it when it is deleted", async () => {
    const { repository } = await freshRepository();
    expect(await repository.lastOpened()).toBeUndefined();
    const a = await repository.create("A", schema("A"));
    await repository.setLastOpened(a.id);
    expect(await repository.lastOpened()).toBe(a.id);
    await repository.delete(a.id);
    expect(await repository.lastOpened()).toBeUndefined();
  });

  it("start: a new design on first use, then the one opened last, else the most recently saved; each remembered as opened last", async () => {
    let clock = 1_000;
    const { repository } = await freshRepository(() => clock++);
    const created = await repository.start("Untitled", schema("Blank"));
    expect(created).toMatchObject({ name: "Untitled", revision: 1, schema: schema("Blank") });
    expect(await repository.list()).toHaveLength(1);
    expect(await repository.lastOpened()).toBe(created.id);
    // Started again: the same design, no new one.
    expect((await repository.start("Untitled", schema("Blank"))).id).toBe(created.id);
    expect(await repository.list()).toHaveLength(1);

    const older = await repository.create("Older", schema("A"));
    await repository.setLastOpened(older.id);
    expect((await repository.start("Untitled", schema("Blank"))).id).toBe(older.id);
    // The one opened last deleted: the most recently saved, now remembered.
    const newer = await repository.create("Newer", schema("B"));
    await repository.delete(older.id);
    expect((await repository.start("Untitled", schema("Blank"))).id).toBe(newer.id);
    expect(await repository.lastOpened()).toBe(newer.id);
  });

  it("start refuses a stored record it cannot read, in words, and changes nothing", async () => {
    const { repository, indexedDB } = await freshRepository();
    const design = await repository.create("Mine", schema("A"));
    await repository.setLastOpened(design.id);
    // Another (broken) page overwrote the record.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DATABASE_NAME);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("designs", "readwrite");
      tx.objectStore("designs").put({ id: design.id, name: 42 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    await expect(repository.start("Untitled", schema("Blank"))).rejects.toThrow(
      /not a design this version of the designer can read/,
    );
  });

  it("keeps which keys follow their titles beside the schema: saved, replaced, duplicated; a broken list is dropped", async () => {
    const { repository, indexedDB } = await freshRepository();
    const created = await repository.create("Keys", schema("v1"), ["/properties/baseUrl"]);
    expect(created.autoKeys).toEqual(["/properties/baseUrl"]);
    expect(created.schema).toEqual(schema("v1"));
    const copy = await repository.duplicate(created.id);
    expect((await repository.load(copy.id)).autoKeys).toEqual(["/properties/baseUrl"]);
    // A save says the list anew: none left, none stored.
    const saved = await repository.save(created.id, schema("v2"), 1, []);
    expect(saved).not.toHaveProperty("autoKeys");
    expect(await repository.load(created.id)).not.toHaveProperty("autoKeys");
    await repository.save(created.id, schema("v3"), 2, ["/properties/baseUrl"]);
    expect((await repository.load(created.id)).autoKeys).toEqual(["/properties/baseUrl"]);
    // Written by another page as something else: the design still opens, every key by hand.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DATABASE_NAME);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stored = await repository.load(created.id);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("designs", "readwrite");
      tx.objectStore("designs").put({ ...stored, autoKeys: [1, "/properties/baseUrl"] });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const read = await repository.load(created.id);
    expect(read).not.toHaveProperty("autoKeys");
    expect(read.schema).toEqual(schema("v3"));
  });

  it("keeps designs across connections (a reload)", async () => {
    const { repository, indexedDB } = await freshRepository();
    const a = await repository.create("Kept", schema("A"));
    await repository.setLastOpened(a.id);
    repository.close();
    const again = await DesignRepository.open({ indexedDB });
    open.push(again);
    expect(await again.lastOpened()).toBe(a.id);
    expect((await again.load(a.id)).schema).toEqual(schema("A"));
  });

  it("a full storage (QuotaExceededError from put) is a StorageFullError; the stored design stays at its revision", async () => {
    const { repository } = await freshRepository();
    const created = await repository.create("Big", schema("v1"));
    const { IDBObjectStore } = await import("fake-indexeddb");
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    try {
      const save = repository.save(created.id, schema("v2"), 1);
      await expect(save).rejects.toBeInstanceOf(StorageFullError);
      await expect(save).rejects.toThrow(/storage for this page is full.*export it to keep a copy/);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await repository.load(created.id)).toMatchObject({ revision: 1, schema: schema("v1") });
    expect((await repository.save(created.id, schema("v2"), 1)).revision).toBe(2);
  });

  it("maps errors: quota (by name or legacy code 22) to full, anything else to unavailable with its name; its own errors pass through", () => {
    expect(toStorageError(new DOMException("x", "QuotaExceededError"), "save")).toBeInstanceOf(
      StorageFullError,
    );
    expect(toStorageError({ name: "Error", code: 22 }, "save")).toBeInstanceOf(StorageFullError);
    const unknown = toStorageError(
      new DOMException("disk gone", "UnknownError"),
      "save the design",
    );
    expect(unknown).toBeInstanceOf(StorageUnavailableError);
    expect(unknown.message).toMatch(/^Could not save the design: .*UnknownError: disk gone/);
    const conflict = new RevisionConflictError("d1", 1, 2);
    expect(toStorageError(conflict, "save")).toBe(conflict);
  });

  it("no IndexedDB, an open that throws (private mode), errs or is blocked: StorageUnavailableError saying why and how to fix", async () => {
    await expect(DesignRepository.open({ indexedDB: undefined })).rejects.toThrow(
      /no IndexedDB.*allow site data/,
    );
    const throwing = {
      open: () => {
        throw new DOMException("denied", "SecurityError");
      },
    } as unknown as IDBFactory;
    await expect(DesignRepository.open({ indexedDB: throwing })).rejects.toThrow(
      /unavailable \(SecurityError: denied\)/,
    );

    const request = (fire: (req: Record<string, unknown>) => void) =>
      ({
        open: () => {
          const req: Record<string, unknown> = {
            error: new DOMException("A mutation operation was attempted", "InvalidStateError"),
          };
          setTimeout(() => fire(req), 0);
          return req;
        },
      }) as unknown as IDBFactory;
    await expect(
      DesignRepository.open({ indexedDB: request((req) => (req.onerror as () => void)()) }),
    ).rejects.toThrow(/InvalidStateError/);
    await expect(
      DesignRepository.open({ indexedDB: request((req) => (req.onblocked as () => void)()) }),
    ).rejects.toThrow(/close the designer's other tabs/);
    await expect(
      DesignRepository.open({ indexedDB: request(() => {}), openTimeoutMs: 20 }),
    ).rejects.toThrow(/did not answer within 20 ms/);
  });

  it("lets a newer version in another tab upgrade the database, then says so instead of failing obscurely", async () => {
    const { repository, indexedDB } = await freshRepository();
    await repository.create("A", schema("A"));
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DATABASE_NAME, 2);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error("blocked: the old connection did not close"));
    });
    upgraded.close();
    await expect(repository.list()).rejects.toThrow(
      /newer version of the designer opened in another tab; reload this tab/,
    );
  });
});

describe("design names", () => {
  it("nameProblem: empty, too long, taken (ignoring case and spaces)", () => {
    expect(nameProblem("", [])).toMatch(/needs a name/);
    expect(nameProblem("x".repeat(121), [])).toMatch(/at most 120/);
    expect(nameProblem(" crm ", ["CRM"])).toBe(
      'Another design is already named "CRM": choose a different name.',
    );
    expect(nameProblem("CRM 2", ["CRM"])).toBeUndefined();
  });

  it("uniqueName numbers a taken name", () => {
    expect(uniqueName("Untitled", [])).toBe("Untitled");
    expect(uniqueName("Untitled", ["untitled", "Untitled 2"])).toBe("Untitled 3");
    expect(uniqueName("  ", [])).toBe("Untitled");
  });
});
