import { type ComponentType, useEffect, useState } from "react";
import type { DesignerStore } from "../store/designer-store.ts";
import "./json-view.css";

type EditorComponent = ComponentType<{ store: DesignerStore; visible: boolean }>;

/**
 * The "Schema JSON" region's content: the JSON editor, shown when the canvas's "JSON" tab is.
 * The editor (CodeMirror, a chunk of its own) is loaded when the view is first shown, so the
 * page does not load it before; it stays mounted when hidden, keeping an unapplied edit.
 */
export function SchemaJsonRegion({ store, open }: { store: DesignerStore; open: boolean }) {
  const [Editor, setEditor] = useState<EditorComponent>();
  const [loadFailed, setLoadFailed] = useState(false);
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
      <h2 className="cd-visually-hidden">Schema JSON</h2>
      {Editor ? (
        <Editor store={store} visible={open} />
      ) : (
        open && (
          <p role="status" className="designer-json-loading">
            {loadFailed
              ? "The JSON editor could not be loaded: switch to Design and back to JSON to try again."
              : "Loading the JSON editor…"}
          </p>
        )
      )}
    </>
  );
}
