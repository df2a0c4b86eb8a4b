import type { CredentialDocument } from "../../model/index.ts";
import { toSchema } from "../../schema/to-schema.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { type AnnouncementChannel, Autosave, type UnopenedDesign } from "./autosave.ts";
import { type StoredChanges, storeChangesLeftUnsaved } from "./changes-left-unsaved.ts";
import { type DesignLibrary, DesignRepository } from "./design-repository.ts";
import { pageStorage } from "./page-storage.ts";
import { storedDesign } from "./stored-design.ts";

export interface StartAutosaveOptions {
  /** Defaults to the page's indexedDB. */
  readonly indexedDB?: IDBFactory | undefined;
  readonly databaseName?: string;
  readonly channel?: AnnouncementChannel | null;
  readonly delayMs?: number;
  readonly openTimeoutMs?: number;
  /** Where pages keep the changes they leave unsaved; defaults to the page's localStorage. */
  readonly leftUnsavedStorage?: Storage | undefined;
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
  const leftUnsavedStorage =
    "leftUnsavedStorage" in options ? options.leftUnsavedStorage : pageStorage();
  const common = {
    store,
    reopen: open,
    delayMs: options.delayMs,
    channel: options.channel,
    leftUnsavedStorage,
  };
  let library: DesignLibrary | undefined;
  try {
    library = await open();
    // Before the design to start with is read: the changes a page left unsaved are in it.
    const storedAtStart: readonly StoredChanges[] = leftUnsavedStorage
      ? await storeChangesLeftUnsaved(leftUnsavedStorage, library)
      : [];
    let record = await library.start("Untitled", toSchema(store.doc));
    let doc: CredentialDocument;
    let unopened: UnopenedDesign | undefined;
    try {
      doc = storedDesign(record);
    } catch (error) {
      // Left as stored, and shown as a recoverable error (export its raw JSON, or delete it);
      // the page starts on a new design.
      unopened = {
        record,
        message: error instanceof Error ? error.message : String(error),
        when: "start",
      };
      record = await library.create("Untitled", toSchema(store.doc));
      library.setLastOpened(record.id).catch(() => {}); // a convenience for the next start only
      doc = store.doc;
    }
    store.load(doc);
    return new Autosave({
      ...common,
      library,
      design: { id: record.id, name: record.name, revision: record.revision },
      unopened,
      storedAtStart,
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
