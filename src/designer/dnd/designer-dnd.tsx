import { type ReactNode, startTransition, useEffect, useMemo, useState } from "react";
import type { DesignerStore } from "../store/designer-store.ts";
import { DragAndDrop } from "./drag-and-drop.tsx";
import { DragBridge } from "./drag-bridge.ts";
import { type DndShared, DndSharedContext } from "./drag-data.ts";
import { DropIndicatorStore } from "./drop-indicator.ts";
import "./designer-dnd.css";

/**
 * Drag and drop for the palette and the canvas inside it: the drop line, the dragged row and the
 * canvas element shared with them at once, and dnd-kit's context (sensors, announcements, the
 * drag overlay) beside them, mounted after the page's first paint in a render that a click or a
 * key can interrupt. Why: dnd-kit's context is some 150 of the page's 320 hooks, and nothing can
 * be dragged before a person has seen the page. A press before then is a plain press (a click on
 * a palette item still adds it).
 */
export function DesignerDnd({ store, children }: { store: DesignerStore; children?: ReactNode }) {
  const shared = useMemo<DndShared>(
    () => ({
      indicator: new DropIndicatorStore(),
      canvas: { current: null },
      bridge: new DragBridge(),
      announcer: { current: null },
    }),
    [],
  );
  const [mounted, setMounted] = useState(false);
  useEffect(() => startTransition(() => setMounted(true)), []);
  return (
    <DndSharedContext.Provider value={shared}>
      {children}
      <div ref={shared.announcer} className="cd-dnd-announcer" />
      {mounted && <DragAndDrop store={store} shared={shared} />}
    </DndSharedContext.Provider>
  );
}
