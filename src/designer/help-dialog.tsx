import { useCallback, useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { editsText } from "./edits-text.ts";
import { CircleHelp } from "./ui/icons.ts";

const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  [
    "Ctrl+Z",
    "Undo (⌘Z on a Mac), in the Schema JSON editor too: it drops typing not applied yet first",
  ],
  ["Ctrl+Shift+Z, Ctrl+Y", "Redo"],
  ["Tab at the top of the page", "Skip to the canvas, the palette, the inspector or the preview"],
  ["↑ ↓ in the palette", "Go to the previous or next item; Home and End: the first and last"],
  [
    "Enter on a palette item",
    "Add the field after the selected one; the new field takes the focus",
  ],
  ["↑ ↓ on the canvas", "Go to the previous or next row, and edit it in the inspector"],
  ["Home, End on the canvas", "Go to the first or last row"],
  [
    "→ ← on the canvas",
    "Expand or collapse a group, choice or branch; go into it, or up to its row",
  ],
  ["Space on a row", "Pick the field up; arrows move it, Space drops it, Escape cancels"],
  ["Alt+↑, Alt+↓ on a row", "Move the field one place up or down in its list"],
  ["Ctrl+D on a row", "Duplicate the field (⌘D on a Mac)"],
  ["Delete, Backspace on a row", "Remove the field"],
  ["Arrows on a separator", "Resize the panel (Shift for bigger steps); Enter hides or shows it"],
  ["Arrows in a tab list", "Switch between Design and JSON, or between panels"],
  ["?", "Show this list"],
];

/**
 * The header's help button: a dialog with the keyboard shortcuts and where to read more. The "?"
 * key opens it from anywhere but a text box.
 */
export function HelpDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The list is rendered while the dialog is open only: nothing of it costs the page's first paint.
  const [open, setOpen] = useState(false);
  const show = useCallback(() => {
    flushSync(() => setOpen(true)); // rendered before it opens, so its first button takes the focus
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (editsText(event.target) || dialog.current?.open) return;
      event.preventDefault();
      show();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [show]);
  return (
    <>
      <button
        type="button"
        className="cd-icon"
        aria-label="Help"
        aria-haspopup="dialog"
        aria-keyshortcuts="Shift+?"
        title="Keyboard shortcuts and help (?)"
        onClick={show}
      >
        <CircleHelp size={18} />
      </button>
      <dialog
        ref={dialog}
        className="cd-help-dialog"
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
      >
        <h2 id={titleId}>Keyboard shortcuts</h2>
        {open && <HelpContent />}
      </dialog>
    </>
  );
}

function HelpContent() {
  return (
    <>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p>
        Drag fields from the palette onto the canvas, select a row to edit it in the inspector, and
        try the window in the preview. Everything is saved in this browser as you work.
      </p>
      <form method="dialog">
        <button type="submit" className="cd-primary">
          Close
        </button>
      </form>
    </>
  );
}
