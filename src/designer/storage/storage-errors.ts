/**
 * What can go wrong when the designer keeps designs in the browser, as error types the page can
 * tell apart: storage full, storage unavailable (private mode, blocked, closed), a design changed
 * or deleted elsewhere (another tab), a design that is gone, a name that cannot be used.
 */

/** The browser refused to store more (IndexedDB's QuotaExceededError). */
export class StorageFullError extends Error {
  override readonly name = "StorageFullError";
  constructor(doing: string, options?: { cause?: unknown }) {
    super(
      `Could not ${doing}: the browser's storage for this page is full (IndexedDB "credential-designer"). ` +
        "Delete designs you no longer need or free disk space; meanwhile the design stays in this tab, export it to keep a copy.",
      options,
    );
  }
}

/** IndexedDB cannot be used: missing, private mode, blocked by another tab, closed, or another failure. */
export class StorageUnavailableError extends Error {
  override readonly name = "StorageUnavailableError";
  constructor(doing: string, detail: string, options?: { cause?: unknown }) {
    super(
      `Could not ${doing}: the browser's storage (IndexedDB) is unavailable (${detail}). ` +
        "Private windows and blocked site data cause this: allow site data for this page and reload; meanwhile the design stays in this tab, export it to keep a copy.",
      options,
    );
  }
}

/**
 * The stored design moved on since this tab loaded it (saved or deleted in another tab): saving
 * would overwrite someone's work, so it is refused. `storedRevision` is undefined when it was deleted.
 */
export class RevisionConflictError extends Error {
  override readonly name = "RevisionConflictError";
  constructor(
    readonly designId: string,
    readonly expectedRevision: number,
    readonly storedRevision: number | undefined,
  ) {
    super(
      storedRevision === undefined
        ? `Design ${designId} was deleted elsewhere (another tab) after this tab opened it; save this tab's version as a copy to keep it.`
        : `Design ${designId} was saved elsewhere (another tab): it is at revision ${storedRevision}, this tab has revision ${expectedRevision}. ` +
            "Load the stored version, or save this tab's version as a copy.",
    );
  }
}

/** No design with this id is stored (deleted, perhaps in another tab). */
export class DesignNotFoundError extends Error {
  override readonly name = "DesignNotFoundError";
  constructor(readonly designId: string) {
    super(
      `No design ${designId} is stored: it was deleted, perhaps in another tab. Open another design from the Designs list.`,
    );
  }
}

/** A design name that is empty or taken. */
export class DesignNameError extends Error {
  override readonly name = "DesignNameError";
}

/** Whether an error is IndexedDB's (or the platform's) "quota exceeded". */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22;
}

const OWN_ERRORS = [
  StorageFullError,
  StorageUnavailableError,
  RevisionConflictError,
  DesignNotFoundError,
  DesignNameError,
];

/** Maps anything IndexedDB threw or aborted with to one of the errors above; ours pass through. */
export function toStorageError(error: unknown, doing: string): Error {
  if (OWN_ERRORS.some((type) => error instanceof type)) return error as Error;
  if (isQuotaError(error)) return new StorageFullError(doing, { cause: error });
  const detail =
    error instanceof Error || error instanceof DOMException
      ? `${error.name}: ${error.message}`
      : String(error);
  return new StorageUnavailableError(doing, detail, { cause: error });
}
