import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useMemo,
  useRef,
  useSyncExternalStore,
} from "react";
import { useDndShared, useDragState } from "../dnd/drag-data.ts";
import { type DropIndicatorStore, useDropLine } from "../dnd/drop-indicator.ts";
import { HandleAttributesContext } from "../dnd/handle-attributes.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { AppWindow, CircleAlert } from "../ui/icons.ts";
import { canvasKeys, useFocusKept } from "./canvas-keys.ts";
import { ProblemIcons, problemWords } from "./field-row.tsx";
import { FieldList, TREE_KEYS_ID } from "./field-tree.tsx";
import { useRowProblemCount, WINDOW_ROW } from "./row-problems.tsx";
import { RowWindowContext, useCanvasWindow } from "./row-window.ts";
import { tabStop } from "./tab-stop.ts";
// The tokens the canvas's look is made of, also where the canvas is rendered on its own (tests).
import "../ui/tokens.css";
import "./canvas.css";

/**
 * The design as a tree: the window's fields, a group's fields nested under it, a choice's branches
 * each with its fields. Rows are memoised by node: nodes are immutable and shared, so a change
 * re-renders the rows along the changed path only. The rows are one tab stop, with the keys of a
 * tree view and the canvas's shortcuts (canvas-keys.ts). `start`: what to show in place of the
 * window's (empty) list, the page's start panel; a field dropped on it goes into the window.
 */
export function Canvas({ store, start }: { store: DesignerStore; start?: ReactNode }) {
  const root = useDesigner(store, (state) => state.editor.doc.root);
  const refusal = useDesigner(store, (state) => state.refusal);
  const windowSelected = useDesigner(store, (state) => state.selected === undefined);
  const windowCount = useRowProblemCount(WINDOW_ROW);
  const windowProblems = problemWords(windowCount);
  const shared = useDndShared();
  const { ready, handleAttributes } = useDragState();
  const status = useRef<HTMLDivElement>(null);
  const element = useRef<HTMLDivElement | null>(null);
  const sharedCanvas = shared?.canvas;
  const canvasRef = useCallback(
    (node: HTMLDivElement | null) => {
      element.current = node;
      if (sharedCanvas) (sharedCanvas as RefObject<HTMLDivElement | null>).current = node;
    },
    [sharedCanvas],
  );
  // Many rows: only those near view are rendered, and the focused (selected) and dragged ones.
  const doc = useDesigner(store, (state) => state.editor.doc);
  const collapsed = useDesigner(store, (state) => state.collapsed);
  const stop = useDesigner(store, tabStop);
  const dragged = useDragged(shared?.indicator);
  const rowWindow = useCanvasWindow(doc, collapsed, [stop, dragged], element);
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
      ref={canvasRef}
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
        // The window's own problems (e.g. a required key no field has): "Window properties, 1 error".
        aria-label={["Window properties", ...windowProblems].join(", ")}
        onClick={() => store.select(undefined)}
      >
        <AppWindow size={16} strokeWidth={1.75} />
        Window properties
        {windowProblems.length > 0 && (
          <span className="cd-row-badges" aria-hidden="true">
            <ProblemIcons problems={windowCount} />
          </span>
        )}
      </button>
      <span id={TREE_KEYS_ID} hidden>
        {TREE_KEYS}
      </span>
      {/* What a shortcut did where the focus does not say it ("Region moved to position 3 of 5…"). */}
      <div ref={status} role="status" className="cd-visually-hidden" />
      {start ? (
        <StartDrop parent={root.id}>{start}</StartDrop>
      ) : (
        <HandleAttributesContext.Provider value={handleAttributes}>
          <RowWindowContext.Provider value={rowWindow}>
            <FieldList store={store} container={root} path="" depth={0} offset={0} />
          </RowWindowContext.Provider>
        </HandleAttributesContext.Provider>
      )}
    </div>
  );
}

/** The row being dragged, if any. */
function useDragged(indicator: DropIndicatorStore | undefined): string | undefined {
  const read = useCallback(() => indicator?.dragged(), [indicator]);
  return useSyncExternalStore(indicator?.subscribe ?? noSubscribe, read, read);
}

const noSubscribe = () => () => {};

/** The start panel's box: the end of the window's fields for a drop (dnd/canvas-geometry.ts). */
function StartDrop({ parent, children }: { parent: string; children: ReactNode }) {
  const line = useDropLine(useDndShared()?.indicator, parent);
  return (
    <div
      className="cd-canvas-start"
      data-end={parent}
      data-drop={line === "end" ? "into" : undefined}
    >
      {children}
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
