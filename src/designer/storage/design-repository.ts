import { isJsonObject, type JsonObject } from "../../json/value.ts";
import { nameProblem, uniqueName } from "./design-names.ts";
import {
  DesignNameError,
  DesignNotFoundError,
  RevisionConflictError,
  StorageUnavailableError,
  toStorageError,
} from "./storage-errors.ts";

/**
 * A stored design: what the user designs, as the exported draft-07 schema (`toSchema(doc)`), never
 * anything typed into the preview. `revision` counts saves of the schema: a save names the revision
 * it started from and is refused when the stored one moved on (another tab saved meanwhile).
 */
export interface DesignRecord {
  readonly id: string;
  readonly name: string;
  readonly schema: JsonObject;
  /**
   * The pointers of the fields whose key still follows their title (`autoKeyPointers`): designer
   * state the schema does not say, kept beside it and never exported. Absent: none (a record
   * written before keys followed titles, or with no such field).
   */
  readonly autoKeys?: readonly string[];
  readonly revision: number;
  /** When the schema was last saved (ms since the epoch). */
  readonly updatedAt: number;
}

export type DesignSummary = Omit<DesignRecord, "schema">;

/** The designs kept in the browser. `DesignRepository` is the IndexedDB one; tests may stub it. */
export interface DesignLibrary {
  /** Every design without its schema, the most recently saved first. */
  list(): Promise<DesignSummary[]>;
  load(id: string): Promise<DesignRecord>;
  /** A new design at revision 1, named `name` or, when that is taken, `name 2`, `name 3`… */
  create(name: string, schema: JsonObject, autoKeys?: readonly string[]): Promise<DesignRecord>;
  /** Stores a new schema on top of `expectedRevision`; a RevisionConflictError if the stored one moved on or is gone. */
  save(
    id: string,
    schema: JsonObject,
    expectedRevision: number,
    autoKeys?: readonly string[],
  ): Promise<DesignRecord>;
  /** A DesignNameError if the name is empty or taken; the revision stays (a rename is not an edit of the schema). */
  rename(id: string, name: string): Promise<DesignRecord>;
  /** A copy named "<name> (copy)" (numbered when taken). */
  duplicate(id: string): Promise<DesignRecord>;
  /** Deletes the design (nothing happens if it is gone already). */
  delete(id: string): Promise<void>;
  /** The design opened last in any tab, if it is still stored. */
  lastOpened(): Promise<string | undefined>;
  /**
   * The design to start a page with, in one go: the one opened last, else the most recently
   * saved, else a new one named `name` holding `schema`; it is remembered as opened last.
   */
  start(name: string, schema: JsonObject): Promise<DesignRecord>;
  setLastOpened(id: string): Promise<void>;
  close(): void;
}

export const DATABASE_NAME = "credential-designer";
/** Raise it with a new step in `upgrade` whenever the stores change shape. */
export const DATABASE_VERSION = 1;
const DESIGNS = "designs";
const META = "meta";
const LAST_OPENED = "lastOpened";

/** Each version's changes, applied in turn from the version the browser has. */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore(DESIGNS, { keyPath: "id" });
    db.createObjectStore(META, { keyPath: "key" });
  }
}

export interface OpenRepositoryOptions {
  /** Defaults to the page's `indexedDB`; tests pass fake-indexeddb's. */
  readonly indexedDB?: IDBFactory | undefined;
  readonly databaseName?: string;
  readonly now?: () => number;
  /** How long to wait for IndexedDB to answer before calling it unavailable. */
  readonly openTimeoutMs?: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException("request failed", "UnknownError"));
  });
}

function newDesignId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return `d${[...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** The stored value, checked: records written by another (older, newer or broken) page are refused in words. */
function asRecord(value: unknown, id: string): DesignRecord {
  if (value === undefined) throw new DesignNotFoundError(id);
  const record = value as Partial<DesignRecord> | null;
  if (
    record === null ||
    typeof record !== "object" ||
    typeof record.id !== "string" ||
    typeof record.name !== "string" ||
    typeof record.revision !== "number" ||
    typeof record.updatedAt !== "number" ||
    !isJsonObject(record.schema as unknown)
  ) {
    throw new StorageUnavailableError(
      `read design ${id}`,
      "the stored record is not a design this version of the designer can read",
    );
  }
  // Only a convenience (which keys follow titles): a list that is not one is dropped, not refused.
  const autoKeys = record.autoKeys as unknown;
  if (
    autoKeys !== undefined &&
    !(Array.isArray(autoKeys) && autoKeys.every((pointer) => typeof pointer === "string"))
  ) {
    const { autoKeys: _, ...rest } = record as DesignRecord;
    return rest;
  }
  return record as DesignRecord;
}

/** The `autoKeys` entry of a record: none when the list is empty. */
const autoKeysEntry = (autoKeys: readonly string[] | undefined) =>
  autoKeys && autoKeys.length > 0 ? { autoKeys: [...autoKeys] } : {};

const summary = ({ id, name, revision, updatedAt }: DesignRecord): DesignSummary => ({
  id,
  name,
  revision,
  updatedAt,
});

/** Designs in IndexedDB: database "credential-designer", stores "designs" (by id) and "meta". */
export class DesignRepository implements DesignLibrary {
  /** Why the connection closed under us (another tab upgraded the database, the browser cleared it). */
  private closedBecause: string | undefined;

  private constructor(
    private readonly db: IDBDatabase,
    private readonly now: () => number,
  ) {
    // Another tab opening a newer version waits for us: let it go, and say so on our next use.
    db.onversionchange = () => {
      this.closedBecause = "a newer version of the designer opened in another tab; reload this tab";
      db.close();
    };
    db.onclose = () => {
      this.closedBecause = "the browser closed the database (site data cleared?); reload this tab";
    };
  }

  /** Opens (creating or upgrading) the database; a StorageUnavailableError when IndexedDB cannot be used. */
  static open(options: OpenRepositoryOptions = {}): Promise<DesignRepository> {
    const doing = "open the designs kept in this browser";
    const factory =
      "indexedDB" in options
        ? options.indexedDB
        : (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    const now = options.now ?? Date.now;
    if (!factory)
      return Promise.reject(new StorageUnavailableError(doing, "this browser offers no IndexedDB"));
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(
        () =>
          fail(
            new StorageUnavailableError(
              doing,
              `IndexedDB did not answer within ${options.openTimeoutMs ?? 5000} ms`,
            ),
          ),
        options.openTimeoutMs ?? 5000,
      );
      let req: IDBOpenDBRequest;
      try {
        req = factory.open(options.databaseName ?? DATABASE_NAME, DATABASE_VERSION);
      } catch (error) {
        fail(toStorageError(error, doing));
        return;
      }
      req.onupgradeneeded = (event) => upgrade(req.result, event.oldVersion);
      req.onblocked = () =>
        fail(
          new StorageUnavailableError(
            doing,
            "another tab of the designer keeps an older version of the database open; close the designer's other tabs",
          ),
        );
      req.onerror = () => fail(toStorageError(req.error, doing));
      req.onsuccess = () => {
        if (settled) return void req.result.close(); // too late: we gave up waiting
        settled = true;
        clearTimeout(timer);
        resolve(new DesignRepository(req.result, now));
      };
    });
  }

  close(): void {
    this.closedBecause ??= "the designs were closed";
    this.db.close();
  }

  list(): Promise<DesignSummary[]> {
    return this.transact("readonly", "list the designs", async (designs) =>
      (await this.records(designs)).map(summary),
    );
  }

  /** One transaction, not the three or four of lastOpened, list, load and create: a page starts a round trip or two sooner. */
  start(name: string, schema: JsonObject): Promise<DesignRecord> {
    return this.transact("readwrite", "open the design to start with", async (designs, meta) => {
      const last = (await request(meta.get(LAST_OPENED))) as { designId?: unknown } | undefined;
      if (typeof last?.designId === "string") {
        const value = await request(designs.get(last.designId));
        if (value !== undefined) return asRecord(value, last.designId);
      }
      const all = await this.records(designs);
      const record: DesignRecord = all[0] ?? {
        id: newDesignId(),
        name: uniqueName(name, []),
        schema,
        revision: 1,
        updatedAt: this.now(),
      };
      if (!all[0]) await request(designs.add(record));
      await request(meta.put({ key: LAST_OPENED, designId: record.id }));
      return record;
    });
  }

  /** Every stored design, checked, the most recently saved first (then by name). */
  private async records(designs: IDBObjectStore): Promise<DesignRecord[]> {
    const all = (await request(designs.getAll())) as unknown[];
    return all
      .map((value) => asRecord(value, String((value as { id?: unknown })?.id)))
      .sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  }

  load(id: string): Promise<DesignRecord> {
    return this.transact("readonly", "open the design", async (designs) =>
      asRecord(await request(designs.get(id)), id),
    );
  }

  create(name: string, schema: JsonObject, autoKeys?: readonly string[]): Promise<DesignRecord> {
    return this.transact("readwrite", "create the design", async (designs) => {
      const record: DesignRecord = {
        id: newDesignId(),
        name: uniqueName(name, await this.names(designs)),
        schema,
        ...autoKeysEntry(autoKeys),
        revision: 1,
        updatedAt: this.now(),
      };
      await request(designs.add(record));
      return record;
    });
  }

  save(
    id: string,
    schema: JsonObject,
    expectedRevision: number,
    autoKeys?: readonly string[],
  ): Promise<DesignRecord> {
    return this.transact("readwrite", "save the design", async (designs) => {
      const value = await request(designs.get(id));
      if (value === undefined) throw new RevisionConflictError(id, expectedRevision, undefined);
      const { autoKeys: _, ...stored } = asRecord(value, id);
      if (stored.revision !== expectedRevision)
        throw new RevisionConflictError(id, expectedRevision, stored.revision);
      const next: DesignRecord = {
        ...stored,
        schema,
        ...autoKeysEntry(autoKeys),
        revision: stored.revision + 1,
        updatedAt: this.now(),
      };
      await request(designs.put(next));
      return next;
    });
  }

  rename(id: string, name: string): Promise<DesignRecord> {
    return this.transact("readwrite", "rename the design", async (designs) => {
      const stored = asRecord(await request(designs.get(id)), id);
      const others = await this.names(designs, id);
      const problem = nameProblem(name, others);
      if (problem) throw new DesignNameError(problem);
      const next: DesignRecord = { ...stored, name: name.trim() };
      await request(designs.put(next));
      return next;
    });
  }

  duplicate(id: string): Promise<DesignRecord> {
    return this.transact("readwrite", "duplicate the design", async (designs) => {
      const stored = asRecord(await request(designs.get(id)), id);
      const copy: DesignRecord = {
        id: newDesignId(),
        name: uniqueName(`${stored.name} (copy)`, await this.names(designs)),
        schema: stored.schema,
        ...autoKeysEntry(stored.autoKeys),
        revision: 1,
        updatedAt: this.now(),
      };
      await request(designs.add(copy));
      return copy;
    });
  }

  delete(id: string): Promise<void> {
    return this.transact("readwrite", "delete the design", async (designs, meta) => {
      await request(designs.delete(id));
      const last = (await request(meta.get(LAST_OPENED))) as { designId?: unknown } | undefined;
      if (last?.designId === id) await request(meta.delete(LAST_OPENED));
    });
  }

  lastOpened(): Promise<string | undefined> {
    return this.transact("readonly", "find the design opened last", async (designs, meta) => {
      const last = (await request(meta.get(LAST_OPENED))) as { designId?: unknown } | undefined;
      if (typeof last?.designId !== "string") return undefined;
      return (await request(designs.getKey(last.designId))) === undefined
        ? undefined
        : last.designId;
    });
  }

  setLastOpened(id: string): Promise<void> {
    return this.transact("readwrite", "remember the design opened last", async (_designs, meta) => {
      await request(meta.put({ key: LAST_OPENED, designId: id }));
    });
  }

  /** Every design's name (but `except`'s), read in the caller's transaction. */
  private async names(designs: IDBObjectStore, except?: string): Promise<string[]> {
    const all = (await request(designs.getAll())) as Array<{ id?: unknown; name?: unknown }>;
    return all
      .filter((value) => value.id !== except && typeof value.name === "string")
      .map((value) => value.name as string);
  }

  /**
   * Runs `body` in one transaction over both stores and resolves with its result once the
   * transaction committed. Anything thrown (a quota error from `put` included, synchronous or
   * not) aborts it and comes out as one of the errors of storage-errors.ts.
   */
  private async transact<T>(
    mode: IDBTransactionMode,
    doing: string,
    body: (designs: IDBObjectStore, meta: IDBObjectStore) => Promise<T>,
  ): Promise<T> {
    if (this.closedBecause) throw new StorageUnavailableError(doing, this.closedBecause);
    let tx: IDBTransaction;
    try {
      tx = this.db.transaction([DESIGNS, META], mode);
    } catch (error) {
      throw toStorageError(error, doing);
    }
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () =>
        reject(tx.error ?? new DOMException("the transaction was aborted", "AbortError"));
    });
    let result: T;
    try {
      result = await body(tx.objectStore(DESIGNS), tx.objectStore(META));
    } catch (error) {
      committed.catch(() => {}); // the abort below settles it; the body's error is the one to report
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      throw toStorageError(error, doing);
    }
    try {
      await committed;
    } catch (error) {
      throw toStorageError(error, doing);
    }
    return result;
  }
}
