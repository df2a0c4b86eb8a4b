import { type ComponentType, type ReactNode, useEffect, useMemo, useState } from "react";
import type { DesignerStore } from "../store/designer-store.ts";
import { DragBridge } from "./drag-bridge.ts";
import { type DndShared, DndSharedContext } from "./drag-data.ts";
import { DropIndicatorStore } from "./drop-indicator.ts";
import "./designer-dnd.css";

type DragAndDropProps = { store: DesignerStore; shared: DndShared };

/**
 * Drag and drop's code, fetched as soon as this module is evaluated, in parallel with the rest of
 * the page's start: a chunk of its own (dnd-kit and the drag rules), so that it is not in the
 * script the page waits for. Its evaluation and first render come after the page's first paint.
 */
const dragAndDrop: Promise<ComponentType<DragAndDropProps> | undefined> | undefined =
  typeof window === "undefined"
    ? undefined
    : import("./drag-and-drop.tsx").then(
        (module) => module.DragAndDrop,
        // Not loaded (say the page's files changed under it): nothing can be dragged, and a click
        // or Enter still adds and Space on a handle does nothing until the page is reloaded.
        () => undefined,
      );

/**
 * Drag and drop for the palette and the canvas inside it: the drop line, the dragged row and the
 * canvas element shared with them at once, and dnd-kit's context (sensors, announcements, the
 * drag overlay) beside them once its chunk has loaded, after the first paint. A press before
 * then is a plain press (a click on a palette item still adds it).
 */
export function DesignerDnd({ store, children }: { store: DesignerStore; children?: ReactNode }) {
  const shared = useMemo<DndShared>(
    () => ({
      indicator: new DropIndicatorStore(),
      canvas: { current: null },
      bridge: new DragBridge(),
    }),
    [],
  );
  const [DragAndDrop, setDragAndDrop] = useState<ComponentType<DragAndDropProps>>();
  useEffect(() => {
    let live = true;
    void dragAndDrop?.then((component) => live && component && setDragAndDrop(() => component));
    return () => void (live = false);
  }, []);
  return (
    <DndSharedContext.Provider value={shared}>
      {children}
      {DragAndDrop && <DragAndDrop store={store} shared={shared} />}
    </DndSharedContext.Provider>
  );
}
