import { autoKeyPointers, type CredentialDocument } from "../../model/index.ts";
import { toSchema } from "../../schema/to-schema.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { schemaOf } from "../store/schema-of.ts";
import {
  forgetChangesLeftUnsaved,
  keepChangesLeftUnsaved,
  type StoredChanges,
} from "./changes-left-unsaved.ts";
import type { DesignLibrary, DesignRecord } from "./design-repository.ts";
import { RevisionConflictError, StorageFullError } from "./storage-errors.ts";
import { storedDesign } from "./stored-design.ts";

/** The design this tab edits, as stored: its revision is the one the next save builds on. */
export interface OpenDesign {
  readonly id: string;
  readonly name: string;
  readonly revision: number;
}

export type SaveStatus =
  /** Everything is stored. */
  | { readonly kind: "saved" }
  /** Changes wait for the pause after typing (at most a second). */
  | { readonly kind: "pending" }
  | { readonly kind: "saving" }
  /** The last save failed; the design is kept in this tab and the next change tries again. */
  | { readonly kind: "failed"; readonly problem: "full" | "unavailable"; readonly message: string }
  /** Another tab saved or deleted this design: nothing is saved until the user chooses whose version to keep. */
  | { readonly kind: "conflict"; readonly theirs: "saved" | "deleted" };

export interface AutosaveState {
  /** Undefined when storage could not be used at all: the design lives in this tab only. */
  readonly design: OpenDesign | undefined;
  readonly status: SaveStatus;
  /** Goes up whenever the stored designs change, here or in another tab: lists read them again. */
  readonly libraryVersion: number;
  /**
   * The stored design the page could not read (from an older version, or edited by hand), at
   * start or when asked to open it, and why: left as stored, for the user to export or delete.
   */
  readonly unopened?: UnopenedDesign | undefined;
  /** What became, at start, of the changes an earlier page left unsaved (changes-left-unsaved.ts). */
  readonly storedAtStart?: readonly StoredChanges[] | undefined;
}

/** A stored design that could not be opened, and why (the message says where in its schema). */
export interface UnopenedDesign {
  readonly record: DesignRecord;
  readonly message: string;
  /** At start the page went on with a new design; when opened from the list, the open one stayed. */
  readonly when: "start" | "open";
}

/**
 * What tabs tell each other about stored designs: which design and revision, never its content
 * (a schema has no secrets, but there is no reason to send it; the receiver reads storage).
 */
export interface DesignAnnouncement {
  readonly type: "saved" | "created" | "renamed" | "deleted";
  readonly id: string;
  readonly revision: number;
}

/** A BroadcastChannel, or a stand-in in tests. */
export interface AnnouncementChannel {
  postMessage(message: DesignAnnouncement): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  close(): void;
}

export const CHANNEL_NAME = "credential-designer";

export interface AutosaveOptions {
  readonly store: DesignerStore;
  /** The stored designs; undefined when IndexedDB failed at start (then `startProblem` says why). */
  readonly library: DesignLibrary | undefined;
  /** The stored design the store holds now (undefined when in memory only). */
  readonly design: OpenDesign | undefined;
  readonly startProblem?: Error | undefined;
  /** The design that was to be opened at start but could not be read (see AutosaveState.unopened). */
  readonly unopened?: UnopenedDesign | undefined;
  /** Tries storage again, when in memory only, on the next change. */
  readonly reopen?: (() => Promise<DesignLibrary>) | undefined;
  /** Quiet time after the last change before saving. */
  readonly delayMs?: number | undefined;
  /** Longest a change waits while changes keep coming. */
  readonly maxDelayMs?: number;
  /** Defaults to `new BroadcastChannel("credential-designer")` where there is one; null: none. */
  readonly channel?: AnnouncementChannel | null | undefined;
  /** Where the page keeps changes it leaves unsaved (localStorage); undefined: nowhere. */
  readonly leftUnsavedStorage?: Storage | undefined;
  /** See AutosaveState.storedAtStart. */
  readonly storedAtStart?: readonly StoredChanges[] | undefined;
}

type Listener = () => void;

const isAnnouncement = (value: unknown): value is DesignAnnouncement => {
  const message = value as Partial<DesignAnnouncement> | null;
  return (
    typeof message === "object" &&
    message !== null &&
    (message.type === "saved" ||
      message.type === "created" ||
      message.type === "renamed" ||
      message.type === "deleted") &&
    typeof message.id === "string" &&
    typeof message.revision === "number"
  );
};

const openDesign = ({ id, name, revision }: DesignRecord): OpenDesign => ({ id, name, revision });

/**
 * Keeps the design of a DesignerStore in storage: saves it a moment after each change (the schema
 * only; what is typed in the preview lives in the preview and never passes here), says how that
 * went through a small store React subscribes to, and never overwrites another tab's save: a save
 * names the revision it builds on, and tabs announce their saves, so a tab whose design moved on
 * elsewhere stops saving and asks whose version to keep. A failed save keeps the design in memory
 * and is tried again on the next change.
 */
export class Autosave {
  private state: AutosaveState;
  private readonly listeners = new Set<Listener>();
  private readonly store: DesignerStore;
  private libraryInUse: DesignLibrary | undefined;
  private readonly reopen: (() => Promise<DesignLibrary>) | undefined;
  private readonly startProblem: Error | undefined;
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly channel: AnnouncementChannel | undefined;
  private readonly leftUnsavedStorage: Storage | undefined;
  /** The design whose changes this page kept on leaving (and may come back from the back/forward cache). */
  private keptOnLeaving: string | undefined;
  /** The document last stored (or loaded from storage): the store holding another one means unsaved changes. */
  private savedDoc: CredentialDocument;
  /** The document the store held at its last notification (selection changes notify too). */
  private seenDoc: CredentialDocument;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstUnsavedAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  private saveWhenDone = false;
  private paused = false;
  private disposed = false;
  private readonly unsubscribe: () => void;

  constructor(options: AutosaveOptions) {
    this.store = options.store;
    this.libraryInUse = options.library;
    this.reopen = options.reopen;
    this.startProblem = options.startProblem;
    this.delayMs = options.delayMs ?? 300;
    this.maxDelayMs = options.maxDelayMs ?? 1000;
    this.leftUnsavedStorage = options.leftUnsavedStorage;
    this.savedDoc = this.seenDoc = options.store.doc;
    const inMemory = options.design === undefined;
    this.state = {
      design: options.design,
      status: inMemory
        ? this.failure(options.startProblem ?? new Error("Storage is not available."))
        : { kind: "saved" },
      libraryVersion: 0,
      unopened: options.unopened,
      storedAtStart: options.storedAtStart,
    };
    this.channel =
      options.channel === undefined
        ? typeof BroadcastChannel === "function"
          ? (new BroadcastChannel(CHANNEL_NAME) as unknown as AnnouncementChannel)
          : undefined
        : (options.channel ?? undefined);
    this.channel?.addEventListener("message", this.onAnnouncement);
    this.unsubscribe = this.store.subscribe(this.onStoreChange);
    // Other tabs on those designs learn of the changes stored for a page that went.
    for (const stored of options.storedAtStart ?? []) {
      if (stored.kind === "saved") this.announce("saved", stored.id, stored.revision);
      if (stored.kind === "copied") this.announce("created", stored.copyId, 1);
    }
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getState = (): AutosaveState => this.state;

  /** The stored designs, or undefined while storage is unavailable. */
  get library(): DesignLibrary | undefined {
    return this.libraryInUse;
  }

  /** Whether the store holds changes that are not stored. */
  get hasUnsavedChanges(): boolean {
    return this.store.doc !== this.savedDoc;
  }

  /** Saves now what waits for the pause after typing (page hidden, another design about to open). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight !== undefined) await this.inFlight;
    if (this.needsSave()) await this.startSave();
  }

  /**
   * Before another design replaces this one: saves what is unsaved, and refuses (in words) when
   * that cannot be done, so that switching never drops changes.
   */
  async prepareToLeave(): Promise<void> {
    await this.flush();
    const { design, status } = this.state;
    const name = design ? `"${design.name}"` : "this design";
    if (status.kind === "conflict") {
      throw new Error(
        `${name} was changed in another tab: choose "Load theirs" or "Keep mine (save as a copy)" first, so that neither version is lost.`,
      );
    }
    if (this.hasUnsavedChanges) {
      const why = status.kind === "failed" ? status.message : "the save did not finish";
      throw new Error(`The latest changes to ${name} are not saved, so it stays open: ${why}`);
    }
  }

  /** The design that could not be opened is dealt with (exported, or the user moves on): stop showing it. */
  dismissUnopened(): void {
    if (this.state.unopened) this.setState({ unopened: undefined });
  }

  /** Deletes the stored design that could not be opened, and tells the lists. */
  async deleteUnopened(): Promise<void> {
    const unopened = this.state.unopened;
    if (!unopened || !this.libraryInUse) return;
    await this.libraryInUse.delete(unopened.record.id);
    this.setState({ unopened: undefined });
    this.announce("deleted", unopened.record.id, unopened.record.revision);
  }

  /** Opens a stored design in the store (not an undoable edit) and remembers it as the last opened. */
  /**
   * Opens a stored design in place of the current one; false when it cannot be read: it is then
   * left as stored (nothing overwrites it), shown as `unopened` (export its raw JSON, or delete
   * it), and the current design stays open.
   */
  switchTo(record: DesignRecord): boolean {
    let doc: CredentialDocument;
    try {
      doc = storedDesign(record);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setState({ unopened: { record, message, when: "open" } });
      return false;
    }
    this.clearTimer();
    this.saveWhenDone = false;
    this.savedDoc = this.seenDoc = doc;
    this.setState({ design: openDesign(record), status: { kind: "saved" } });
    this.store.load(doc);
    this.rememberLastOpened(record.id);
    if (this.state.unopened?.record.id === record.id) this.setState({ unopened: undefined });
    return true;
  }

  /** The current design was renamed (here or elsewhere): show the new name. */
  renamed(record: DesignRecord): void {
    if (this.state.design?.id === record.id)
      this.setState({ design: { ...this.state.design, name: record.name } });
  }

  /** Tells other tabs (and this tab's lists) that a stored design changed. */
  announce(type: DesignAnnouncement["type"], id: string, revision: number): void {
    this.setState({ libraryVersion: this.state.libraryVersion + 1 });
    try {
      this.channel?.postMessage({ type, id, revision });
    } catch {
      // a closed channel: other tabs still find out when they save (revision check)
    }
  }

  /** Runs `work` with no save starting or running meanwhile (e.g. deleting the open design). */
  async whileNotSaving<T>(work: () => Promise<T>): Promise<T> {
    this.paused = true;
    this.clearTimer();
    try {
      while (this.inFlight !== undefined) await this.inFlight;
      return await work();
    } finally {
      this.paused = false;
      if (this.needsSave()) this.schedule();
    }
  }

  /** Conflict: replaces this tab's version with the stored one. */
  async loadTheirs(): Promise<void> {
    const { design } = this.state;
    const library = this.libraryInUse;
    if (!design || !library) return;
    this.switchTo(await library.load(design.id));
  }

  /** Conflict: stores this tab's version as a new design, which this tab then edits; the other one stays as it is. */
  async keepMineAsCopy(): Promise<void> {
    const { design } = this.state;
    const library = this.libraryInUse;
    if (!design || !library) return;
    const doc = this.store.doc;
    const record = await library.create(
      `${design.name} (my copy)`,
      toSchema(doc),
      autoKeyPointers(doc),
    );
    this.savedDoc = doc;
    this.setState({
      design: openDesign(record),
      status: this.store.doc === doc ? { kind: "saved" } : { kind: "pending" },
    });
    this.announce("created", record.id, record.revision);
    this.rememberLastOpened(record.id);
    if (this.needsSave()) this.schedule();
  }

  /** Saves when the page is hidden or left (the last changes within the delay included); returns the teardown. */
  watchPage(win: Window): () => void {
    const onHidden = () => {
      if (win.document.visibilityState === "hidden") void this.flush();
    };
    const onPageHide = () => {
      // A page being unloaded runs no more IndexedDB callbacks: the save below may never be
      // stored, so its changes are kept synchronously first, for the next page to store.
      this.keepChangesOnLeaving();
      void this.flush();
    };
    // Only when the changes cannot be stored: leaving would lose them, so the browser asks first.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (
        this.hasUnsavedChanges &&
        (this.state.status.kind === "failed" || this.state.status.kind === "conflict")
      )
        event.preventDefault();
    };
    win.document.addEventListener("visibilitychange", onHidden);
    win.addEventListener("pagehide", onPageHide);
    win.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      win.document.removeEventListener("visibilitychange", onHidden);
      win.removeEventListener("pagehide", onPageHide);
      win.removeEventListener("beforeunload", onBeforeUnload);
    };
  }

  /** Keeps the changes not stored yet (a save in flight included) where the next page finds them. */
  keepChangesOnLeaving(): void {
    const design = this.state.design;
    if (!design || !this.leftUnsavedStorage || this.disposed) return;
    if (!this.hasUnsavedChanges) return;
    const doc = this.store.doc;
    const kept = keepChangesLeftUnsaved(this.leftUnsavedStorage, {
      id: design.id,
      name: design.name,
      revision: design.revision,
      schema: schemaOf(doc),
      autoKeys: autoKeyPointers(doc),
    });
    if (kept) this.keptOnLeaving = design.id;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.unsubscribe();
    this.channel?.removeEventListener("message", this.onAnnouncement);
    this.channel?.close();
  }

  private readonly onStoreChange = () => {
    const doc = this.store.doc;
    if (doc === this.seenDoc) return; // a selection or a refusal: nothing to store
    this.seenDoc = doc;
    if (this.state.status.kind === "conflict") return; // kept in memory until the user chooses
    if (doc === this.savedDoc) {
      // Undone back to what is stored.
      this.clearTimer();
      if (!this.inFlight && this.state.status.kind !== "failed")
        this.setState({ status: { kind: "saved" } });
      return;
    }
    this.schedule();
  };

  private readonly onAnnouncement = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isAnnouncement(message)) return;
    this.setState({ libraryVersion: this.state.libraryVersion + 1 });
    const { design } = this.state;
    if (!design || message.id !== design.id) return;
    if (
      message.type === "deleted" ||
      (message.type === "saved" && message.revision > design.revision)
    ) {
      this.clearTimer();
      this.setState({
        status: { kind: "conflict", theirs: message.type === "deleted" ? "deleted" : "saved" },
      });
    } else if (message.type === "renamed") {
      this.libraryInUse?.load(design.id).then(
        (record) => this.renamed(record),
        () => {}, // gone meanwhile: its "deleted" announcement follows
      );
    }
  };

  private needsSave(): boolean {
    return !this.disposed && this.hasUnsavedChanges && this.state.status.kind !== "conflict";
  }

  private schedule(): void {
    if (this.paused || this.disposed) return;
    const now = Date.now();
    this.firstUnsavedAt ??= now;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstUnsavedAt + this.maxDelayMs - now));
    this.timer = setTimeout(this.onTimer, wait);
    // While failing, the warning stays until a save works (no "Saving…" flicker between warnings).
    if (this.state.status.kind === "saved") this.setState({ status: { kind: "pending" } });
  }

  private readonly onTimer = () => {
    this.timer = undefined;
    this.firstUnsavedAt = undefined;
    if (this.paused) return;
    if (this.inFlight !== undefined) this.saveWhenDone = true;
    else if (this.needsSave()) void this.startSave();
  };

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.firstUnsavedAt = undefined;
  }

  private startSave(): Promise<void> {
    const run = this.save().finally(() => {
      this.inFlight = undefined;
      if (this.saveWhenDone) {
        this.saveWhenDone = false;
        if (this.timer === undefined && !this.paused && this.needsSave()) void this.startSave();
      }
    });
    this.inFlight = run;
    return run;
  }

  private async save(): Promise<void> {
    const doc = this.store.doc;
    const design = this.state.design;
    if (this.state.status.kind !== "failed") this.setState({ status: { kind: "saving" } });
    try {
      let record: DesignRecord;
      if (design) {
        const library = this.libraryInUse!;
        record = await library.save(
          design.id,
          schemaOf(doc),
          design.revision,
          autoKeyPointers(doc),
        );
        if (this.state.design?.id !== design.id) return; // another design was opened meanwhile
        this.setState({ design: { ...this.state.design, revision: record.revision } });
        this.announce("saved", record.id, record.revision);
      } else {
        // In memory only: storage may work now (it was blocked, or space was freed).
        const library = (this.libraryInUse ??= await this.reopenOrFail());
        record = await library.create("Untitled", schemaOf(doc), autoKeyPointers(doc));
        this.setState({ design: openDesign(record) });
        this.announce("created", record.id, record.revision);
        this.rememberLastOpened(record.id);
      }
      this.savedDoc = doc;
      // Back from the back/forward cache, the save went through after all: nothing is left unsaved.
      if (this.keptOnLeaving !== undefined && this.leftUnsavedStorage && !this.hasUnsavedChanges) {
        forgetChangesLeftUnsaved(this.leftUnsavedStorage, this.keptOnLeaving);
        this.keptOnLeaving = undefined;
      }
      this.setState({ status: this.store.doc === doc ? { kind: "saved" } : { kind: "pending" } });
    } catch (error) {
      if (this.state.design?.id !== design?.id) return;
      if (error instanceof RevisionConflictError) {
        this.clearTimer();
        this.setState({
          status: {
            kind: "conflict",
            theirs: error.storedRevision === undefined ? "deleted" : "saved",
          },
        });
      } else {
        this.setState({ status: this.failure(error) });
      }
    }
  }

  private async reopenOrFail(): Promise<DesignLibrary> {
    if (!this.reopen) throw this.startProblem ?? new Error("Storage is not available.");
    return this.reopen();
  }

  private failure(error: unknown): SaveStatus {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: "failed",
      problem: error instanceof StorageFullError ? "full" : "unavailable",
      message,
    };
  }

  private rememberLastOpened(id: string): void {
    // Only a convenience for the next start: failing to store it loses nothing.
    this.libraryInUse?.setLastOpened(id).catch(() => {});
  }

  private setState(change: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
