import type { JsonObject } from "../../json/value.ts";
import type { DesignLibrary } from "./design-repository.ts";

/**
 * The last changes of a page that went away before its save was stored. A save to IndexedDB
 * reads the stored revision before it writes, and a page being unloaded runs no more callbacks:
 * an edit made less than the autosave's delay before a reload or a closed tab was lost. So when
 * the page goes with changes not yet stored, they are kept synchronously in localStorage, and
 * the next page to start stores them (src/designer/storage/start-autosave.ts).
 *
 * The schema only, as a save stores it: what is typed in the preview is never here.
 */
export interface ChangesLeftUnsaved {
  /** The design they belong to. */
  readonly id: string;
  /** Its name then, for a copy's name when the design moved on or is gone. */
  readonly name: string;
  /** The stored revision they build on. */
  readonly revision: number;
  readonly schema: JsonObject;
  readonly autoKeys: readonly string[];
}

const PREFIX = "credential-designer:changes-left-unsaved:";

/** Keeps the changes; false when they could not be kept (storage full or blocked). */
export function keepChangesLeftUnsaved(storage: Storage, changes: ChangesLeftUnsaved): boolean {
  try {
    storage.setItem(PREFIX + changes.id, JSON.stringify(changes));
    return true;
  } catch {
    return false;
  }
}

export function forgetChangesLeftUnsaved(storage: Storage, id: string): void {
  try {
    storage.removeItem(PREFIX + id);
  } catch {
    // Blocked meanwhile: the next start stores them again, which changes nothing.
  }
}

function isChanges(value: unknown): value is ChangesLeftUnsaved {
  if (typeof value !== "object" || value === null) return false;
  const changes = value as Record<string, unknown>;
  return (
    typeof changes.id === "string" &&
    typeof changes.name === "string" &&
    Number.isSafeInteger(changes.revision) &&
    typeof changes.schema === "object" &&
    changes.schema !== null &&
    !Array.isArray(changes.schema) &&
    Array.isArray(changes.autoKeys) &&
    changes.autoKeys.every((pointer) => typeof pointer === "string")
  );
}

/** Every set of changes kept; an entry this version cannot read is left as it is. */
export function changesLeftUnsaved(storage: Storage): ChangesLeftUnsaved[] {
  const found: ChangesLeftUnsaved[] = [];
  try {
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (!key?.startsWith(PREFIX)) continue;
      let value: unknown;
      try {
        value = JSON.parse(storage.getItem(key) ?? "");
      } catch {
        continue;
      }
      if (isChanges(value) && PREFIX + value.id === key) found.push(value);
    }
  } catch {
    return [];
  }
  return found;
}

/** What became of a set of changes kept by a page that went. */
export type StoredChanges =
  | { readonly kind: "saved"; readonly id: string; readonly revision: number }
  | { readonly kind: "already stored"; readonly id: string }
  | {
      readonly kind: "copied";
      /** The design they were made to, and its name then. */
      readonly id: string;
      readonly of: string;
      /** The copy that holds them. */
      readonly copyId: string;
      readonly name: string;
    };

/**
 * Stores the changes pages left: onto their design when it is still at the revision they build
 * on, else (another tab saved it meanwhile, or deleted it) as a copy named "<name> (unsaved
 * changes)", so that neither version is lost. Each is forgotten once stored; one that cannot be
 * stored now is kept for the next start.
 */
export async function storeChangesLeftUnsaved(
  storage: Storage,
  library: DesignLibrary,
): Promise<StoredChanges[]> {
  const done: StoredChanges[] = [];
  for (const changes of changesLeftUnsaved(storage)) {
    try {
      const stored = await library.load(changes.id).catch(() => undefined);
      if (stored && JSON.stringify(stored.schema) === JSON.stringify(changes.schema)) {
        done.push({ kind: "already stored", id: changes.id });
      } else if (stored?.revision === changes.revision) {
        const saved = await library.save(
          changes.id,
          changes.schema,
          changes.revision,
          changes.autoKeys,
        );
        done.push({ kind: "saved", id: changes.id, revision: saved.revision });
      } else {
        const copy = await library.create(
          `${changes.name} (unsaved changes)`,
          changes.schema,
          changes.autoKeys,
        );
        done.push({
          kind: "copied",
          id: changes.id,
          of: changes.name,
          copyId: copy.id,
          name: copy.name,
        });
      }
      forgetChangesLeftUnsaved(storage, changes.id);
    } catch {
      // Storage refused (full, blocked): the changes stay kept, for the next start.
    }
  }
  return done;
}
