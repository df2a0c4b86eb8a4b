import { useDraggable } from "@dnd-kit/core";
import { useMemo, useRef } from "react";
import { locate } from "../../model/index.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { type DragHandlers, type HandleAttributes, pressHandlers } from "./drag-bridge.ts";
import { nodeName } from "./names.ts";

/** The id of the one draggable that stands for whichever row's handle is pressed. */
export const ROW_DRAG_ID = "canvas-row";

/**
 * One draggable for all the rows of the canvas, its sensors listening on the canvas element: a
 * press on a row's handle (`.cd-handle` in `li[data-node]`), or Space on the row's item itself,
 * points the draggable at that row first. So no row uses a dnd-kit hook, and a drag starting or moving re-renders no row (with a
 * draggable per row, dnd-kit's context re-rendered all of them: ~500 at once on a big design).
 */
export function useRowDrag(store: DesignerStore): {
  handlers: DragHandlers;
  attributes: HandleAttributes;
} {
  // dnd-kit reads a draggable's `data` when the drag starts: the pressed row is written into it.
  const picked = useMemo(() => ({ type: "field" as "field", id: "", name: "" }), []);
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, active } = useDraggable({
    id: ROW_DRAG_ID,
    data: picked,
    attributes: { roleDescription: "sortable" },
  });
  const dragging = useRef(false);
  dragging.current = active !== null;

  const handlers = useMemo<DragHandlers>(() => {
    // A press on a row's handle; for a key, also the row's line itself (the tree item focused).
    const pick = (target: EventTarget, canvas: HTMLElement, line: boolean): boolean => {
      if (dragging.current || !(target instanceof Element)) return false;
      const handle = target.closest<HTMLElement>(".cd-handle");
      const header = handle ? handle.parentElement : line ? target : null;
      const row = header?.parentElement;
      const id = row?.dataset.node;
      if (!(header instanceof HTMLElement) || !header.classList.contains("cd-row")) return false;
      if (!row || id === undefined || !canvas.contains(row)) return false;
      const node = locate(store.doc, id)?.node;
      if (!node) return false;
      picked.id = id;
      picked.name = nodeName(node);
      setNodeRef(header);
      setActivatorNodeRef(handle ?? header);
      return true;
    };
    const press = pressHandlers((target, canvas) => pick(target, canvas, false), listeners, false);
    const keys = pressHandlers((target, canvas) => pick(target, canvas, true), listeners, true);
    // Only Space picks a row up (Enter on a row selects it): other keys are the tree's.
    return { ...press, onKeyDown: (event) => event.key === " " && keys.onKeyDown?.(event) };
  }, [listeners, picked, setActivatorNodeRef, setNodeRef, store]);

  // Only these two: the rest of dnd-kit's attributes change during a drag (and would re-render every row).
  const roleDescription = attributes["aria-roledescription"];
  const describedBy = attributes["aria-describedby"];
  const handleAttributes = useMemo<HandleAttributes>(
    () => ({ "aria-roledescription": roleDescription, "aria-describedby": describedBy }),
    [roleDescription, describedBy],
  );
  return { handlers, attributes: handleAttributes };
}
