import type { CredentialDocument } from "../../model/index.ts";
import { importSchema } from "../../schema/import.ts";
import { toSchema } from "../../schema/to-schema.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { type AnnouncementChannel, Autosave } from "./autosave.ts";
import { type DesignLibrary, type DesignRecord, DesignRepository } from "./design-repository.ts";
import { DesignNotFoundError } from "./storage-errors.ts";

export interface StartAutosaveOptions {
  /** Defaults to the page's indexedDB. */
  readonly indexedDB?: IDBFactory | undefined;
  readonly databaseName?: string;
  readonly channel?: AnnouncementChannel | null;
  readonly delayMs?: number;
  readonly openTimeoutMs?: number;
}

/** The design to start with: the one opened last, else the most recently saved, else a new "Untitled" of the store's blank window. */
async function startingDesign(library: DesignLibrary, store: DesignerStore): Promise<DesignRecord> {
  const lastId = await library.lastOpened();
  if (lastId !== undefined) {
    try {
      return await library.load(lastId);
    } catch (error) {
      if (!(error instanceof DesignNotFoundError)) throw error;
    }
  }
  const [recent] = await library.list();
  if (recent) return library.load(recent.id);
  return library.create("Untitled", toSchema(store.doc));
}

/**
 * Opens the stored designs and puts the starting design into the store, then returns the Autosave
 * that keeps it. Never fails: when storage cannot be used (private mode, blocked, full) the store
 * keeps the design it holds, in memory, and the Autosave's status says why (and the next change
 * tries storage again).
 */
export async function startAutosave(
  store: DesignerStore,
  options: StartAutosaveOptions = {},
): Promise<Autosave> {
  const open = () =>
    DesignRepository.open({
      indexedDB: "indexedDB" in options ? options.indexedDB : globalThis.indexedDB,
      ...(options.databaseName ? { databaseName: options.databaseName } : {}),
      ...(options.openTimeoutMs ? { openTimeoutMs: options.openTimeoutMs } : {}),
    });
  const common = { store, reopen: open, delayMs: options.delayMs, channel: options.channel };
  let library: DesignLibrary | undefined;
  try {
    library = await open();
    let record = await startingDesign(library, store);
    let doc: CredentialDocument;
    try {
      doc = importSchema(record.schema);
    } catch {
      // Left as stored (opening it from the list says why it does not open); start on a new design.
      record = await library.create("Untitled", toSchema(store.doc));
      doc = store.doc;
    }
    store.load(doc);
    library.setLastOpened(record.id).catch(() => {}); // a convenience for the next start only
    return new Autosave({
      ...common,
      library,
      design: { id: record.id, name: record.name, revision: record.revision },
    });
  } catch (error) {
    return new Autosave({
      ...common,
      library,
      design: undefined,
      startProblem: error instanceof Error ? error : new Error(String(error)),
    });
  }
}
