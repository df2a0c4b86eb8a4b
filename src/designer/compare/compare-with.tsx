import { type ComponentType, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { targetsAtPointers } from "../problems/problem-targets.ts";
import type { Autosave } from "../storage/autosave.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { GitCompareArrows } from "../ui/icons.ts";
import type { CompareSource, CompareViewProps } from "./compare-view.tsx";
import "./compare.css";
import { focusRow } from "../canvas/focus-row.ts";

/** The dialog's content and src/diff (with the pattern analysis it uses) load when it first opens. */
const loadCompareView = () => import("./compare-view.tsx");

/**
 * The header's "Compare with…": a native modal <dialog> listing what the current design can be
 * compared with (saved designs, a file) and the changes from that version to this one. The
 * comparison code is loaded on the first opening; the chosen version is kept for the next one,
 * compared again with the design as it is then. Choosing a change closes the dialog, selects its
 * field and moves the focus to its canvas row; otherwise closing returns the focus to the button.
 */
export function CompareWith({
  store,
  autosave,
  compact = false,
}: {
  store: DesignerStore;
  autosave?: Autosave | undefined;
  /** Only the icon shows (a narrow window); the name stays "Compare with…". */
  compact?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [View, setView] = useState<ComponentType<CompareViewProps>>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [source, setSource] = useState<CompareSource>();
  /** Set when a change was chosen: the focus goes to its row, not back to the button. */
  const focusMoved = useRef(false);
  const titleId = useId();

  const show = () => {
    // The content first, so that showModal finds its first control to focus.
    flushSync(() => setOpen(true));
    if (!dialog.current?.open) dialog.current?.showModal();
    if (!View) {
      setLoadFailed(false);
      loadCompareView().then(
        (module) => setView(() => module.CompareView),
        () => setLoadFailed(true),
      );
    }
  };
  const showChange = (nodeId: string) => {
    focusMoved.current = true;
    dialog.current?.close();
    store.select(nodeId);
    focusRow(nodeId);
  };

  return (
    <div className="cd-compare-with">
      <button
        type="button"
        ref={opener}
        aria-haspopup="dialog"
        className={compact ? "cd-icon" : undefined}
        aria-label={compact ? "Compare with…" : undefined}
        title="Compare this design with a saved one or a schema file: what would a new version do?"
        onClick={show}
      >
        <GitCompareArrows size={16} />
        {!compact && "Compare with…"}
      </button>
      <dialog
        ref={dialog}
        className="cd-dialog cd-compare-dialog"
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          if (!focusMoved.current) opener.current?.focus();
          focusMoved.current = false;
        }}
      >
        {open ? (
          <>
            <h2 id={titleId} tabIndex={-1}>
              Compare with…
            </h2>
            {View ? (
              <View
                store={store}
                autosave={autosave}
                source={source}
                onSource={setSource}
                onShow={showChange}
                targetsAt={targetsAtPointers}
              />
            ) : loadFailed ? (
              <p role="alert" className="cd-compare-error">
                The comparison could not be loaded. Reload the page and try again.
              </p>
            ) : (
              <p role="status">Loading the comparison…</p>
            )}
            <button
              type="button"
              className="cd-dialog-close"
              onClick={() => dialog.current?.close()}
            >
              Close
            </button>
          </>
        ) : null}
      </dialog>
    </div>
  );
}
