import { useEffect } from "react";
import { Canvas } from "./canvas/canvas.tsx";
import { CompareWith } from "./compare/compare-with.tsx";
import { DesignerDnd } from "./dnd/designer-dnd.tsx";
import { ExportMenu } from "./export/export-menu.tsx";
import { SchemaImport } from "./import/schema-import.tsx";
import { Inspector } from "./inspector/inspector.tsx";
import { SchemaJsonRegion } from "./json-view/schema-json-region.tsx";
import { Palette } from "./palette/palette.tsx";
import { PreviewPane } from "./preview-pane.tsx";
import { ProblemsList } from "./problems/problems-list.tsx";
import type { Autosave } from "./storage/autosave.ts";
import { DesignsMenu } from "./storage/designs-menu.tsx";
import type { DesignerStore } from "./store/designer-store.ts";
import { useDesigner } from "./store/use-designer.ts";

/** Whether a key press belongs to a text control (its own undo), not to the design. */
const editsText = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === "TEXTAREA" ||
    (target.tagName === "INPUT" &&
      !/^(button|checkbox|radio|range|color|file|submit|reset)$/.test(
        (target as HTMLInputElement).type,
      )));

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo; inside a text control the browser's own undo applies. */
function useUndoShortcuts(store: DesignerStore) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || editsText(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) store.undo();
      else if ((key === "z" && event.shiftKey) || (key === "y" && event.ctrlKey && !event.shiftKey))
        store.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}

function Toolbar({ store }: { store: DesignerStore }) {
  const editor = useDesigner(store, (state) => state.editor);
  const last = editor.done.at(-1)?.transaction.label;
  const next = editor.undone.at(-1)?.transaction.label;
  return (
    <div role="toolbar" aria-label="Design" className="designer-toolbar">
      <button
        type="button"
        onClick={() => store.undo()}
        disabled={!last}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={last ? `Undo: ${last}` : "Nothing to undo"}
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => store.redo()}
        disabled={!next}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title={next ? `Redo: ${next}` : "Nothing to redo"}
      >
        Redo
      </button>
    </div>
  );
}

/**
 * The designer page: the palette, the canvas, the inspector of the selected field and the live
 * preview, each a landmark named after it, and a toolbar with Undo and Redo. Components render
 * the store's state and call core commands through it; the rules live in src/model.
 */
export function DesignerApp({
  store,
  autosave,
}: {
  store: DesignerStore /** Keeps the design in the browser; without it, nothing is stored. */;
  autosave?: Autosave;
}) {
  useUndoShortcuts(store);
  return (
    <div className="designer">
      <header className="designer-header">
        <h1>Credential Designer</h1>
        {autosave ? <DesignsMenu autosave={autosave} /> : null}
        <Toolbar store={store} />
        <ExportMenu store={store} />
        <SchemaImport store={store} />
        <CompareWith store={store} autosave={autosave} />
      </header>
      <DesignerDnd store={store}>
        <div className="designer-palette">
          <Palette store={store} />
        </div>
        <div className="designer-canvas">
          <Canvas store={store} />
        </div>
      </DesignerDnd>
      <aside aria-label="Inspector" className="designer-inspector">
        <Inspector store={store} />
      </aside>
      <section aria-label="Problems" className="designer-problems">
        <ProblemsList store={store} />
      </section>
      <section aria-label="Preview" className="designer-preview">
        <PreviewPane store={store} />
      </section>
      <section aria-label="Schema JSON" className="designer-json">
        <SchemaJsonRegion store={store} />
      </section>
    </div>
  );
}
