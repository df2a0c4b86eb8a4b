import { useDraggable } from "@dnd-kit/core";
import { memo, useId, useMemo } from "react";
import { type DragData, paletteDragId } from "../dnd/drag-data.ts";
import { placeAfterSelection } from "../dnd/drop-target.ts";
import {
  addedAt,
  addItem,
  BLOCK_ITEMS,
  itemName,
  KIND_ITEMS,
  type PaletteItem,
} from "../items/palette-items.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import "./palette.css";

/**
 * The field kinds and the ready-made blocks. Each item is a button: drag it onto the canvas, or
 * press Enter (or click) to add it after the selected field, which then becomes selected.
 */
export function Palette({ store }: { store: DesignerStore }) {
  const id = useId();
  return (
    <nav className="cd-palette" aria-label="Palette">
      <h2 id={`${id}-fields`}>Fields</h2>
      <ul role="list" aria-labelledby={`${id}-fields`}>
        {KIND_ITEMS.map((item) => (
          <PaletteButton key={item.id} store={store} item={item} />
        ))}
      </ul>
      <h2 id={`${id}-blocks`}>Blocks</h2>
      <ul role="list" aria-labelledby={`${id}-blocks`}>
        {BLOCK_ITEMS.map((item) => (
          <PaletteButton key={item.id} store={store} item={item} />
        ))}
      </ul>
    </nav>
  );
}

const PaletteButton = memo(function PaletteButton({
  store,
  item,
}: {
  store: DesignerStore;
  item: PaletteItem;
}) {
  const data = useMemo<DragData>(() => ({ type: "palette", item }), [item]);
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: paletteDragId(item), data });
  // Keyboard users add with Enter or a click; the keyboard drag is the canvas's (Space on a handle).
  const { onKeyDown: _keyboardDrag, ...pointerListeners } = listeners ?? {};
  return (
    <li>
      <button
        type="button"
        ref={setNodeRef}
        {...pointerListeners}
        className={`cd-palette-item${isDragging ? " cd-dragging" : ""}`}
        aria-label={`Add ${itemName(item)}`}
        title={item.type === "block" ? item.description : undefined}
        onClick={() => add(store, item)}
      >
        {item.label}
      </button>
    </li>
  );
});

function add(store: DesignerStore, item: PaletteItem): void {
  const { parent, index } = placeAfterSelection(store.doc, store.getState().selected);
  store.run(
    (doc) => addItem(doc, item, parent, index),
    (doc) => addedAt(doc, parent, index),
  );
}
