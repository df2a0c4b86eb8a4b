import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Autosave, SaveStatus } from "./autosave.ts";
import {
  createDesign,
  deleteDesign,
  duplicateDesign,
  openDesign,
  renameDesign,
} from "./design-actions.ts";
import { nameProblem } from "./design-names.ts";
import type { DesignSummary } from "./design-repository.ts";
import { DESIGN_TEMPLATES } from "./design-templates.ts";
import { useAutosave } from "./use-autosave.ts";
import "./designs-menu.css";

const KEPT_IN_TAB = "your design is kept in this tab; export it to keep a copy";

/** The save status in words, for the polite live region. */
export function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case "saved":
      return "Saved";
    case "pending":
    case "saving":
      return "Saving…";
    case "failed":
      return status.problem === "full"
        ? `Not saved: storage is full — ${KEPT_IN_TAB}`
        : `Not saved: this browser's storage is unavailable — ${KEPT_IN_TAB}`;
    case "conflict":
      return "Not saved: choose which version to keep";
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The current design's name and save status, the choice to make when another tab changed it, and
 * the Designs dialog (a native modal <dialog>: focus moves into it and back to its button).
 */
export function DesignsMenu({ autosave }: { autosave: Autosave }) {
  const design = useAutosave(autosave, (state) => state.design);
  const status = useAutosave(autosave, (state) => state.status);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const id = useId();

  const show = () => {
    // The content first, so that showModal finds its first control to focus.
    flushSync(() => setOpen(true));
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  const hide = () => dialog.current?.close();

  return (
    <div className="designs-menu">
      <p className="designs-menu-current">
        Design: <strong>{design?.name ?? "not stored"}</strong>
      </p>
      <p role="status" className={`designs-menu-status designs-menu-status-${status.kind}`}>
        {statusText(status)}
      </p>
      {status.kind === "failed" ? (
        <details className="designs-menu-details">
          <summary>Why?</summary>
          <p>{status.message}</p>
        </details>
      ) : null}
      <button type="button" ref={opener} aria-haspopup="dialog" onClick={show}>
        Designs
      </button>
      {status.kind === "conflict" ? (
        <ConflictChoice autosave={autosave} theirs={status.theirs} />
      ) : null}
      <dialog
        ref={dialog}
        className="cd-dialog designs-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        {open ? (
          <DesignsDialogContent autosave={autosave} titleId={`${id}-title`} onDone={hide} />
        ) : null}
      </dialog>
    </div>
  );
}

/** Another tab saved (or deleted) this design: nothing is saved until the user picks whose version stays. */
function ConflictChoice({ autosave, theirs }: { autosave: Autosave; theirs: "saved" | "deleted" }) {
  const [error, setError] = useState<string>();
  const id = useId();
  const choose = (choice: () => Promise<void>) => () => {
    setError(undefined);
    choice().catch((reason: unknown) => setError(messageOf(reason)));
  };
  return (
    <div className="designs-conflict" role="group" aria-labelledby={`${id}-message`}>
      <p id={`${id}-message`} role="alert">
        {theirs === "deleted"
          ? "This design was deleted in another tab"
          : "This design was changed in another tab"}
      </p>
      {theirs === "saved" ? (
        <button type="button" onClick={choose(() => autosave.loadTheirs())}>
          Load theirs
        </button>
      ) : null}
      <button type="button" onClick={choose(() => autosave.keepMineAsCopy())}>
        Keep mine (save as a copy)
      </button>
      {error ? <p className="designs-error">{error}</p> : null}
    </div>
  );
}

type ItemMode = { readonly id: string; readonly mode: "rename" | "confirm-delete" } | undefined;

/** The dialog's content, mounted while it is open (so each opening reads the list afresh). */
function DesignsDialogContent({
  autosave,
  titleId,
  onDone,
}: {
  autosave: Autosave;
  titleId: string;
  onDone: () => void;
}) {
  const current = useAutosave(autosave, (state) => state.design?.id);
  const libraryVersion = useAutosave(autosave, (state) => state.libraryVersion);
  const [designs, setDesigns] = useState<DesignSummary[]>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState("");
  const [mode, setMode] = useState<ItemMode>();
  const [template, setTemplate] = useState(DESIGN_TEMPLATES[0]!.id);
  const busy = useRef(false);
  const id = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: libraryVersion changes when a design is saved: list again
  useEffect(() => {
    const library = autosave.library;
    if (!library) {
      const { status } = autosave.getState();
      setError(
        `Stored designs are not available: ${status.kind === "failed" ? status.message : "storage is not available."}`,
      );
      return;
    }
    let live = true;
    library.list().then(
      (list) => live && setDesigns(list),
      (reason: unknown) => live && setError(messageOf(reason)),
    );
    return () => void (live = false);
  }, [autosave, libraryVersion]);

  /** Runs one action at a time; its error shows in the dialog, the design stays as it was. */
  const act = (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setError(undefined);
    setNotice("");
    action()
      .catch((reason: unknown) => setError(messageOf(reason)))
      .finally(() => (busy.current = false));
  };
  const focusSoon = (elementId: string) =>
    requestAnimationFrame(() => document.getElementById(elementId)?.focus());
  const itemId = (design: DesignSummary, what: string) => `${id}-${what}-${design.id}`;
  const chosenTemplate = DESIGN_TEMPLATES.find((candidate) => candidate.id === template)!;

  return (
    <>
      <h2 id={titleId} tabIndex={-1}>
        Designs
      </h2>
      <div className="designs-new" role="group" aria-label="New design">
        <button
          type="button"
          onClick={() =>
            act(async () => {
              await createDesign(autosave);
              onDone();
            })
          }
        >
          New blank design
        </button>
        <label htmlFor={`${id}-template`}>Template</label>
        <select
          id={`${id}-template`}
          value={template}
          onChange={(event) => setTemplate(event.target.value)}
        >
          {DESIGN_TEMPLATES.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() =>
            act(async () => {
              await createDesign(autosave, chosenTemplate);
              onDone();
            })
          }
        >
          New from template
        </button>
      </div>
      {error ? (
        <p role="alert" className="designs-error">
          {error}
        </p>
      ) : null}
      <p role="status" className="designs-notice">
        {notice}
      </p>
      {designs ? (
        <ul className="designs-list" aria-label="Stored designs">
          {designs.map((design) => (
            <li key={design.id} aria-current={design.id === current ? "true" : undefined}>
              {mode?.id === design.id && mode.mode === "rename" ? (
                <RenameForm
                  design={design}
                  others={designs
                    .filter((other) => other.id !== design.id)
                    .map((other) => other.name)}
                  onCancel={() => {
                    setMode(undefined);
                    focusSoon(itemId(design, "rename"));
                  }}
                  onRename={(name) =>
                    renameDesign(autosave, design.id, name).then((renamed) => {
                      setMode(undefined);
                      setNotice(`Renamed to ${renamed.name}.`);
                      focusSoon(itemId(design, "rename"));
                    })
                  }
                />
              ) : (
                <span className="designs-list-name">
                  {design.name}
                  {design.id === current ? (
                    <span className="designs-list-open"> (open)</span>
                  ) : null}
                </span>
              )}
              {mode?.id === design.id && mode.mode === "confirm-delete" ? (
                <div
                  className="designs-confirm"
                  role="group"
                  aria-labelledby={itemId(design, "confirm")}
                >
                  <span id={itemId(design, "confirm")}>Delete {design.name} for good?</span>
                  <button
                    type="button"
                    onClick={() =>
                      act(async () => {
                        await deleteDesign(autosave, design.id);
                        setMode(undefined);
                        setNotice(`Deleted ${design.name}.`);
                        focusSoon(titleId);
                      })
                    }
                  >
                    Yes, delete {design.name}
                  </button>
                  <button
                    type="button"
                    id={itemId(design, "keep")}
                    onClick={() => {
                      setMode(undefined);
                      focusSoon(itemId(design, "delete"));
                    }}
                  >
                    Cancel
                  </button>
                </div>
              ) : mode?.id !== design.id ? (
                <span className="designs-list-actions">
                  {design.id !== current ? (
                    <button
                      type="button"
                      aria-label={`Open ${design.name}`}
                      onClick={() =>
                        act(async () => {
                          await openDesign(autosave, design.id);
                          onDone();
                        })
                      }
                    >
                      Open
                    </button>
                  ) : null}
                  <button
                    type="button"
                    id={itemId(design, "rename")}
                    aria-label={`Rename ${design.name}`}
                    onClick={() => {
                      setError(undefined);
                      setMode({ id: design.id, mode: "rename" });
                    }}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    aria-label={`Duplicate ${design.name}`}
                    onClick={() =>
                      act(async () =>
                        setNotice(
                          `Duplicated as ${(await duplicateDesign(autosave, design.id)).name}.`,
                        ),
                      )
                    }
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    id={itemId(design, "delete")}
                    aria-label={`Delete ${design.name}`}
                    onClick={() => {
                      setError(undefined);
                      setMode({ id: design.id, mode: "confirm-delete" });
                      focusSoon(itemId(design, "keep"));
                    }}
                  >
                    Delete
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : !error ? (
        <p>Reading the stored designs…</p>
      ) : null}
      <button type="button" className="cd-dialog-close" onClick={onDone}>
        Close
      </button>
    </>
  );
}

/** Inline rename: checked as typed (not empty, not another design's name); Enter saves, Escape cancels. */
function RenameForm({
  design,
  others,
  onRename,
  onCancel,
}: {
  design: DesignSummary;
  others: readonly string[];
  onRename: (name: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(design.name);
  const [refusal, setRefusal] = useState<string>();
  const id = useId();
  const problem = refusal ?? nameProblem(text, others);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (nameProblem(text, others)) return;
    onRename(text).catch((reason: unknown) => setRefusal(messageOf(reason)));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    // Escape leaves the rename, not the dialog.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="designs-rename" onSubmit={submit} aria-label={`Rename ${design.name}`}>
      <label htmlFor={`${id}-name`}>New name for {design.name}</label>
      <input
        id={`${id}-name`}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the form opens on the user's click on Rename; its input takes the focus
        autoFocus
        maxLength={200}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setRefusal(undefined);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit">Save name</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {problem ? (
        <p id={`${id}-problem`} className="designs-error">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
