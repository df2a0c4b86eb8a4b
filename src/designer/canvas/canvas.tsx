import { type KeyboardEvent, useMemo, useRef } from "react";
import { useDndShared, useDragState } from "../dnd/drag-data.ts";
import { HandleAttributesContext } from "../dnd/handle-attributes.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { AppWindow, CircleAlert } from "../ui/icons.ts";
import { canvasKeys, useFocusKept } from "./canvas-keys.ts";
import { FieldList, TREE_KEYS_ID } from "./field-tree.tsx";
// The tokens the canvas's look is made of, also where the canvas is rendered on its own (tests).
import "../ui/tokens.css";
import "./canvas.css";

/**
 * The design as a tree: the window's fields, a group's fields nested under it, a choice's branches
 * each with its fields. Rows are memoised by node: nodes are immutable and shared, so a change
 * re-renders the rows along the changed path only. The rows are one tab stop, with the keys of a
 * tree view and the canvas's shortcuts (canvas-keys.ts).
 */
export function Canvas({ store }: { store: DesignerStore }) {
  const root = useDesigner(store, (state) => state.editor.doc.root);
  const refusal = useDesigner(store, (state) => state.refusal);
  const windowSelected = useDesigner(store, (state) => state.selected === undefined);
  const shared = useDndShared();
  const { ready, handleAttributes } = useDragState();
  const status = useRef<HTMLDivElement>(null);
  const handlers = useMemo(() => {
    const rows = shared?.bridge.rowHandlers;
    const keys = canvasKeys(
      store,
      () => shared?.indicator.dragged() !== undefined,
      // Its text is not React's: set here, it needs no render.
      (text) => void (status.current && (status.current.textContent = text)),
    );
    return {
      ...rows,
      onClick: keys.onClick,
      // Drag and drop first: Space on a row picks it up.
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        rows?.onKeyDown?.(event);
        keys.onKeyDown(event);
      },
    };
  }, [store, shared]);
  useFocusKept(store);
  return (
    <div
      className="cd-canvas"
      ref={shared?.canvas}
      // Drag and drop is mounted after the first paint: this says it is there (tests wait for it).
      data-drag-ready={ready || undefined}
      {...handlers}
    >
      {refusal !== undefined && (
        <div role="alert" className="cd-canvas-refusal">
          <CircleAlert size={16} strokeWidth={2} />
          <span className="cd-canvas-refusal-text">{capitalise(refusal)}.</span>
          <button
            type="button"
            className="cd-canvas-dismiss"
            onClick={() => store.dismissRefusal()}
          >
            Dismiss
          </button>
        </div>
      )}
      {/* With no field selected, the inspector edits the window: this is how to get back to it. */}
      <button
        type="button"
        className="cd-window-select"
        aria-current={windowSelected ? "true" : undefined}
        onClick={() => store.select(undefined)}
      >
        <AppWindow size={16} strokeWidth={1.75} />
        Window properties
      </button>
      <span id={TREE_KEYS_ID} hidden>
        {TREE_KEYS}
      </span>
      {/* What a shortcut did where the focus does not say it ("Region moved to position 3 of 5…"). */}
      <div ref={status} role="status" className="cd-visually-hidden" />
      <HandleAttributesContext.Provider value={handleAttributes}>
        <FieldList store={store} container={root} path="" depth={0} />
      </HandleAttributesContext.Provider>
    </div>
  );
}

/** The tree's description: how its keys work (the help dialog lists them all). */
const TREE_KEYS =
  "Arrow keys move between fields; right and left expand and collapse. Space picks a field up " +
  "to move it, Alt with up or down moves it one place, Control D duplicates it, Delete removes " +
  "it. Question mark lists every shortcut.";

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
