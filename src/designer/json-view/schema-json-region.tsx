import { type ComponentType, useEffect, useId, useState } from "react";
import type { DesignerStore } from "../store/designer-store.ts";
import "./json-view.css";

type EditorComponent = ComponentType<{ store: DesignerStore; visible: boolean }>;

/**
 * The "Schema JSON" region's content: a disclosure button, and the JSON editor under it. The
 * editor (CodeMirror, a chunk of its own) is loaded when the view is first opened, so the page
 * does not load it before; it stays mounted when closed, keeping an unapplied edit.
 */
export function SchemaJsonRegion({ store }: { store: DesignerStore }) {
  const [open, setOpen] = useState(false);
  const [Editor, setEditor] = useState<EditorComponent>();
  const [loadFailed, setLoadFailed] = useState(false);
  const bodyId = useId();
  useEffect(() => {
    if (!open || Editor) return;
    let live = true;
    setLoadFailed(false);
    import("./schema-json-editor.tsx").then(
      (module) => live && setEditor(() => module.SchemaJsonEditor),
      () => live && setLoadFailed(true),
    );
    return () => void (live = false);
  }, [open, Editor]);
  return (
    <>
      <div className="designer-json-head">
        <h2>Schema JSON</h2>
        <button
          type="button"
          className="designer-json-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> Show schema JSON
        </button>
      </div>
      <div id={bodyId} hidden={!open}>
        {Editor ? (
          <Editor store={store} visible={open} />
        ) : (
          open && (
            <p role="status">
              {loadFailed
                ? "The JSON editor could not be loaded: close and open the view to try again."
                : "Loading the JSON editor…"}
            </p>
          )
        )}
      </div>
    </>
  );
}
