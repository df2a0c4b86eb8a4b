import { useDraggable } from "@dnd-kit/core";
import { useMemo } from "react";
import { BLOCK_ITEMS, KIND_ITEMS, type PaletteItem } from "../items/palette-items.ts";
import { type DragHandlers, pressHandlers } from "./drag-bridge.ts";

/** The id of the one draggable that stands for whichever palette item is pressed. */
export const PALETTE_DRAG_ID = "palette-item";

const ITEMS_BY_ID: ReadonlyMap<string, PaletteItem> = new Map(
  [...KIND_ITEMS, ...BLOCK_ITEMS].map((item) => [item.id, item]),
);

/**
 * One draggable for every item of the palette, its sensors listening on the palette's element: a
 * press on an item (a `button[data-item]`) points the draggable at that item first. Why: a
 * draggable per item made the page run some 25 sets of dnd-kit's hooks and effects before the
 * first click could be handled; the canvas's rows are dragged the same way (row-drag.ts).
 * Keyboard users add an item with Enter or a click (a keyboard drag is the canvas's own).
 * `dragged`: the id of the item being dragged, if one is.
 */
export function usePaletteDrag(): { handlers: DragHandlers; dragged: string | undefined } {
  // dnd-kit reads a draggable's `data` when the drag starts: the pressed item is written into it.
  const picked = useMemo(() => ({ type: "palette" as const, item: KIND_ITEMS[0]! }), []);
  const { setNodeRef, listeners, active } = useDraggable({ id: PALETTE_DRAG_ID, data: picked });

  const handlers = useMemo<DragHandlers>(() => {
    const pick = (target: EventTarget, palette: HTMLElement): boolean => {
      if (!(target instanceof Element)) return false;
      const button = target.closest<HTMLElement>("button[data-item]");
      const item = button && ITEMS_BY_ID.get(button.dataset.item ?? "");
      if (!button || !item || !palette.contains(button)) return false;
      picked.item = item;
      setNodeRef(button);
      return true;
    };
    return pressHandlers(pick, listeners, false);
  }, [listeners, picked, setNodeRef]);

  return { handlers, dragged: active?.id === PALETTE_DRAG_ID ? picked.item.id : undefined };
}
