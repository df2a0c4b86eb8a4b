import type { ReactNode } from "react";
import { useDndShared, useDragState } from "../dnd/drag-data.ts";
import { useDropLine } from "../dnd/drop-indicator.ts";
import { HandleAttributesContext } from "../dnd/handle-attributes.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { useDesigner } from "../store/use-designer.ts";
import { AppWindow, CircleAlert } from "../ui/icons.ts";
import { ProblemIcons, problemWords } from "./field-row.tsx";
import { FieldList } from "./field-tree.tsx";
import { useRowProblemCount, WINDOW_ROW } from "./row-problems.tsx";
// The tokens the canvas's look is made of, also where the canvas is rendered on its own (tests).
import "../ui/tokens.css";
import "./canvas.css";

/**
 * The design as a tree: the window's fields, a group's fields nested under it, a choice's branches
 * each with its fields. Rows are memoised by node: nodes are immutable and shared, so a change
 * re-renders the rows along the changed path only. `start`: what to show in place of the window's
 * (empty) list, the page's start panel; a field dropped on it goes into the window.
 */
export function Canvas({ store, start }: { store: DesignerStore; start?: ReactNode }) {
  const root = useDesigner(store, (state) => state.editor.doc.root);
  const refusal = useDesigner(store, (state) => state.refusal);
  const windowSelected = useDesigner(store, (state) => state.selected === undefined);
  const windowCount = useRowProblemCount(WINDOW_ROW);
  const windowProblems = problemWords(windowCount);
  const shared = useDndShared();
  const { ready, handleAttributes } = useDragState();
  return (
    <div
      className="cd-canvas"
      ref={shared?.canvas}
      // Drag and drop is mounted after the first paint: this says it is there (tests wait for it).
      data-drag-ready={ready || undefined}
      {...shared?.bridge.rowHandlers}
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
      {start ? (
        <StartDrop parent={root.id}>{start}</StartDrop>
      ) : (
        <HandleAttributesContext.Provider value={handleAttributes}>
          <FieldList store={store} container={root} path="" depth={0} />
        </HandleAttributesContext.Provider>
      )}
    </div>
  );
}

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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
