import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  MouseSensor,
  type ScreenReaderInstructions,
  TouchSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { getEventCoordinates } from "@dnd-kit/utilities";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { addedAt, addItem, itemName, itemSize } from "../items/palette-items.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { cancelledText, droppedText, overText, pickedUpText } from "./announcements.ts";
import { type KeyboardTarget, keyboardTargets, spotAtPoint } from "./canvas-geometry.ts";
import type { DragBridge } from "./drag-bridge.ts";
import { type DndShared, type DragData, dragData } from "./drag-data.ts";
import {
  type DragSource,
  type Drop,
  type DropSpot,
  dropFor,
  indicatorFor,
  moveCommand,
} from "./drop-target.ts";
import { focusRow } from "./focus-row.ts";
import { usePaletteDrag } from "./palette-drag.ts";
import { useRowDrag } from "./row-drag.ts";

const INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    "To move a field, press Space to pick it up. Use the up and down arrow keys to move it, " +
    "Space to drop it where it is, or Escape to cancel.",
};

/** Space picks a row up (Enter on a row selects it); Space or Enter drops, Escape cancels. */
const KEYS = { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] };

/** The drag in progress, outside React state: handlers and announcements read and write it. */
interface DragInProgress {
  readonly data: DragData;
  readonly name: string;
  keyboard: boolean;
  drop: Drop | undefined;
  /** What the last over-announcement said, so moving within one place says nothing new. */
  said: string;
  /** The end announcement, decided in onDragEnd (which dnd-kit calls before announcing). */
  ended: string | undefined;
  /** Where the pointer (mouse or touch) is, in client coordinates. */
  point: { x: number; y: number } | undefined;
  /** Keyboard: the canvas's places top to bottom (read on each arrow key), and the one the drag is on. */
  targets: KeyboardTarget[] | undefined;
  target: number;
  /** Stops following the pointer. */
  unfollow: () => void;
}

/**
 * dnd-kit's droppables are not used: the canvas's places are read from its DOM when needed
 * (canvas-geometry.ts), so nothing is measured when a drag starts. `over` is always null.
 */
const noCollisions: CollisionDetection = () => [];

/**
 * One drag-and-drop context for the palette and the canvas: mouse, touch and keyboard sensors,
 * announcements that name the field and the place, and a drag overlay. Only the drop changes the
 * design, through one core command (one history step); a refused drop leaves the store's refusal.
 * Rendered beside the palette and the canvas, after the first paint (see designer-dnd.tsx): their
 * presses reach the two draggables below through `shared.bridge`.
 */
export function DragAndDrop({ store, shared }: { store: DesignerStore; shared: DndShared }) {
  useLayoutEffect(() => {
    shared.bridge.set({ ready: true });
    return () => shared.bridge.set({ ready: false });
  }, [shared]);
  const drag = useRef<DragInProgress | undefined>(undefined);
  const [overlay, setOverlay] = useState<string | undefined>(undefined);

  /** Arrow keys step through the canvas's places in document order; the overlay moves onto each. */
  const keyboardCoordinates = useMemo<KeyboardCoordinateGetter>(
    () => (event) => {
      const current = drag.current;
      const canvas = shared.canvas.current;
      const step = event.code === "ArrowDown" ? 1 : event.code === "ArrowUp" ? -1 : 0;
      if (!current || !canvas || step === 0) return undefined;
      event.preventDefault();
      // Read again on every key: a long design's canvas renders only the rows near view
      // (canvas/row-window.ts), and the rows come and go as the move scrolls it.
      const targets = keyboardTargets(canvas);
      const data = current.data;
      const was = current.targets?.[current.target]?.spot;
      const at = was
        ? targets.findIndex(({ spot }) => sameSpot(spot, was))
        : data.type === "field"
          ? targets.findIndex(({ spot }) => spot.type === "row" && spot.id === data.id)
          : -1;
      const next = Math.min(Math.max(at + step, 0), targets.length - 1);
      const target = targets[next];
      if (!target) return undefined;
      current.targets = targets;
      current.target = next;
      target.element.scrollIntoView?.({ block: "nearest" });
      const rect = target.element.getBoundingClientRect();
      return { x: rect.left, y: rect.top };
    },
    [shared],
  );

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates, keyboardCodes: KEYS }),
  );

  const track = (): void => {
    const current = drag.current;
    if (!current) return;
    const spot = spotOf(current, shared.canvas.current);
    current.drop = spot ? dropFor(store.doc, sourceOf(current.data), spot) : undefined;
    shared.indicator.set(indicatorFor(store.doc, current.drop));
  };

  const finish = (): void => {
    drag.current?.unfollow();
    shared.indicator.set(undefined);
    shared.indicator.setDragged(undefined);
    setOverlay(undefined);
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent): void => {
    const data = dragData(active.data.current);
    if (!data) return;
    const name = data.type === "field" ? data.name : itemName(data.item);
    const keyboard = isKeyboard(activatorEvent);
    const current: DragInProgress = {
      // A copy: the row draggable's data object is rewritten by the next press on a handle.
      data: { ...data },
      name,
      keyboard,
      drop: undefined,
      said: "",
      ended: undefined,
      point: getEventCoordinates(activatorEvent) ?? undefined,
      targets: undefined,
      target: -1,
      unfollow: () => {},
    };
    if (!keyboard) current.unfollow = followPointer(current);
    drag.current = current;
    if (data.type === "field") shared.indicator.setDragged(data.id);
    // The refusal message stays until the drop: removing it now would move the rows under the pointer.
    // A keyboard move shows no overlay: it would lie on the place the arrows reach (the drop line or
    // an empty group's box shows it), while the row being moved stays faded where it is.
    if (!keyboard) setOverlay(name);
  };

  const onDragEnd = (): void => {
    const current = drag.current;
    track();
    finish();
    if (!current) return;
    const before = store.doc;
    const drop = current.drop;
    let refusal: string | undefined;
    if (drop && !drop.unchanged) {
      const data = current.data;
      if (data.type === "field") {
        refusal = store.run(
          (doc) => moveCommand(doc, data.id, drop),
          () => data.id,
        );
      } else if (data.type === "palette") {
        refusal = store.run(
          (doc) => addItem(doc, data.item, drop.parent, drop.index),
          (doc) => addedAt(doc, drop.parent, drop.index),
        );
      }
    }
    current.ended = droppedText(
      before,
      current.name,
      current.data.type === "palette",
      drop,
      refusal,
    );
    if (current.keyboard && current.data.type === "field") focusMoved(current.data.id);
  };

  const onDragCancel = (): void => {
    const current = drag.current;
    finish();
    if (current?.keyboard && current.data.type === "field") focusMoved(current.data.id);
  };

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => {
        const data = dragData(active.data.current);
        const current = drag.current;
        return pickedUpText(
          store.doc,
          current?.name ?? String(active.id),
          data?.type === "field" ? data.id : undefined,
        );
      },
      // (over is always null: the place is announced on moves)
      onDragOver: () => undefined,
      // The over-announcement, only when the place changed since the last one.
      onDragMove: () => {
        const current = drag.current;
        if (!current) return undefined;
        const text = overText(store.doc, current.name, current.drop);
        // Over its own place right after pick-up: the pick-up announcement said where it is.
        if (text === current.said || (current.said === "" && current.drop?.unchanged)) {
          current.said = text;
          return undefined;
        }
        current.said = text;
        return text;
      },
      onDragEnd: () => {
        const text = drag.current?.ended ?? "";
        drag.current = undefined;
        return text;
      },
      onDragCancel: ({ active }) => {
        const text = cancelledText(drag.current?.name ?? String(active.id));
        drag.current = undefined;
        return text;
      },
    }),
    [store],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={noCollisions}
      accessibility={{
        announcements,
        screenReaderInstructions: INSTRUCTIONS,
        restoreFocus: false,
        ...(shared.announcer.current ? { container: shared.announcer.current } : {}),
      }}
      onDragStart={onDragStart}
      onDragMove={track}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      <PaletteDragSource bridge={shared.bridge} />
      <RowDragSource store={store} bridge={shared.bridge} />
      <DragOverlay dropAnimation={null} style={{ pointerEvents: "none" }}>
        {overlay !== undefined ? <div className="cd-drag-overlay">{overlay}</div> : null}
      </DragOverlay>
    </DndContext>
  );
}

/** The palette's draggable, its handlers and the item dragged handed to the palette. */
function PaletteDragSource({ bridge }: { bridge: DragBridge }) {
  const { handlers, dragged } = usePaletteDrag();
  useLayoutEffect(() => {
    bridge.palette = handlers;
    return () => void (bridge.palette = undefined);
  }, [bridge, handlers]);
  useLayoutEffect(() => bridge.set({ paletteDragged: dragged }), [bridge, dragged]);
  return null;
}

/** The canvas rows' draggable, its handlers and its handles' attributes handed to the canvas. */
function RowDragSource({ store, bridge }: { store: DesignerStore; bridge: DragBridge }) {
  const { handlers, attributes } = useRowDrag(store);
  useLayoutEffect(() => {
    bridge.rows = handlers;
    return () => void (bridge.rows = undefined);
  }, [bridge, handlers]);
  useLayoutEffect(() => {
    bridge.set({ handleAttributes: attributes });
    return () => bridge.set({ handleAttributes: undefined });
  }, [bridge, attributes]);
  return null;
}

function sourceOf(data: DragData): DragSource {
  return data.type === "palette"
    ? { type: "new", count: itemSize(data.item) }
    : { type: "field", id: data.type === "field" ? data.id : "" };
}

/** The place the drag is over: for the keyboard, the target the arrows reached; else the one under the pointer. */
function spotOf(current: DragInProgress, canvas: HTMLElement | null): DropSpot | undefined {
  if (current.keyboard) {
    const data = current.data;
    // Before the first arrow key, a row is over its own place.
    if (!current.targets)
      return data.type === "field" ? { type: "row", id: data.id, placement: "replace" } : undefined;
    return current.targets[current.target]?.spot;
  }
  return canvas && current.point
    ? spotAtPoint(canvas, current.point.x, current.point.y)
    : undefined;
}

/**
 * Follows the pointer in client coordinates while the drag lasts. (dnd-kit's move events give a
 * delta that includes scrolling, and the place under the pointer is a hit test at the pointer.)
 */
function followPointer(current: DragInProgress): () => void {
  const onMove = (event: MouseEvent | TouchEvent) => {
    const point = getEventCoordinates(event);
    if (point) current.point = point;
  };
  const options = { capture: true, passive: true };
  window.addEventListener("mousemove", onMove, options);
  window.addEventListener("touchmove", onMove, options);
  return () => {
    window.removeEventListener("mousemove", onMove, options);
    window.removeEventListener("touchmove", onMove, options);
  };
}

/**
 * After a keyboard drag, focus stays on the dragged row, wherever the row now is: in the next
 * frame, once the drop is rendered (a row moved to another list is a new element).
 */
function focusMoved(id: string): void {
  requestAnimationFrame(() => focusRow(id));
}

function sameSpot(a: DropSpot, b: DropSpot): boolean {
  if (a.type === "end") return b.type === "end" && a.parent === b.parent;
  return b.type === "row" && a.id === b.id && a.placement === b.placement;
}

function isKeyboard(event: Event | null): boolean {
  return typeof KeyboardEvent !== "undefined" && event instanceof KeyboardEvent;
}
