import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type ClientRect,
  type Collision,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Over,
  type ScreenReaderInstructions,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { getEventCoordinates } from "@dnd-kit/utilities";
import { useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import { moveField } from "../../model/index.ts";
import type { DesignerStore } from "../designer-store.ts";
import { addedAt, addItem, itemName, itemSize } from "../palette/palette-items.ts";
import { cancelledText, droppedText, overText, pickedUpText } from "./announcements.ts";
import { dragData, DndSharedContext, type DndShared, type DragData } from "./drag-data.ts";
import { DropIndicatorStore } from "./drop-indicator.ts";
import { dropFor, indicatorFor, type Drop, type DragSource, type DropSpot } from "./drop-target.ts";
import "./designer-dnd.css";

const INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    "To move a field, press Space to pick it up. Use the up and down arrow keys to move it, " +
    "Space to drop it where it is, or Escape to cancel.",
};

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
}

/**
 * One drag-and-drop context for the palette and the canvas: mouse, touch and keyboard sensors,
 * announcements that name the field and the place, and a drag overlay. Only the drop changes the
 * design, through one core command (one history step); a refused drop leaves the store's refusal.
 */
export function DesignerDnd({ store, children }: { store: DesignerStore; children?: ReactNode }) {
  const shared = useMemo<DndShared>(() => ({ indicator: new DropIndicatorStore(), canvas: { current: null } }), []);
  const drag = useRef<DragInProgress | undefined>(undefined);
  const [overlay, setOverlay] = useState<string | undefined>(undefined);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const collisionDetection = useMemo(() => detectCollisions(shared.canvas), [shared]);

  const track = (event: DragMoveEvent | DragOverEvent | DragEndEvent): void => {
    const current = drag.current;
    if (!current) return;
    current.keyboard = isKeyboard(event.activatorEvent);
    const spot = spotOf(event.over, current.keyboard ? undefined : pointerY(event));
    current.drop = spot ? dropFor(store.doc, sourceOf(current.data), spot) : undefined;
    shared.indicator.set(indicatorFor(store.doc, current.drop));
  };

  const finish = (): void => {
    shared.indicator.set(undefined);
    setOverlay(undefined);
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent): void => {
    const data = dragData(active.data.current);
    if (!data || data.type === "end") return;
    const name = data.type === "field" ? data.name : itemName(data.item);
    drag.current = { data, name, keyboard: isKeyboard(activatorEvent), drop: undefined, said: "", ended: undefined };
    // The refusal message stays until the drop: removing it now would move the rows under the pointer.
    setOverlay(name);
  };


  const onDragEnd = (event: DragEndEvent): void => {
    const current = drag.current;
    track(event);
    finish();
    if (!current) return;
    const before = store.doc;
    const drop = current.drop;
    let refusal: string | undefined;
    if (drop && !drop.unchanged) {
      const data = current.data;
      if (data.type === "field") {
        refusal = store.run((doc) => moveField(doc, data.id, { parent: drop.parent, index: drop.index }), () => data.id);
      } else if (data.type === "palette") {
        refusal = store.run((doc) => addItem(doc, data.item, drop.parent, drop.index), (doc) => addedAt(doc, drop.parent, drop.index));
      }
    }
    current.ended = droppedText(before, current.name, current.data.type === "palette", drop, refusal);
  };

  const onDragCancel = (): void => finish();

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => {
        const data = dragData(active.data.current);
        const current = drag.current;
        return pickedUpText(store.doc, current?.name ?? String(active.id), data?.type === "field" ? data.id : undefined);
      },
      onDragOver: () => sayOver(),
      onDragMove: () => sayOver(),
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

  /** The over-announcement, only when the place changed since the last one. */
  function sayOver(): string | undefined {
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
  }

  return (
    <DndSharedContext.Provider value={shared}>
      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        accessibility={{ announcements, screenReaderInstructions: INSTRUCTIONS }}
        onDragStart={onDragStart}
        onDragMove={track}
        onDragOver={track}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        {children}
        <DragOverlay dropAnimation={null}>{overlay !== undefined ? <div className="cd-drag-overlay">{overlay}</div> : null}</DragOverlay>
      </DndContext>
    </DndSharedContext.Provider>
  );
}

function sourceOf(data: DragData): DragSource {
  return data.type === "palette" ? { type: "new", count: itemSize(data.item) } : { type: "field", id: data.type === "field" ? data.id : "" };
}

/** The spot under the drag: a row (upper or lower half by the pointer; "replace" for the keyboard) or a container's end. */
function spotOf(over: Over | null, y: number | undefined): DropSpot | undefined {
  const data = dragData(over?.data.current);
  if (!over || !data) return undefined;
  if (data.type === "end") return { type: "end", parent: data.parent };
  if (data.type !== "field") return undefined;
  if (y === undefined) return { type: "row", id: data.id, placement: "replace" };
  return { type: "row", id: data.id, placement: y < over.rect.top + over.rect.height / 2 ? "before" : "after" };
}

function pointerY(event: { activatorEvent: Event; delta: { y: number } }): number | undefined {
  const start = getEventCoordinates(event.activatorEvent);
  return start ? start.y + event.delta.y : undefined;
}

function isKeyboard(event: Event | null): boolean {
  return typeof KeyboardEvent !== "undefined" && event instanceof KeyboardEvent;
}

/**
 * Pointer: the smallest droppable under the pointer (a row's header rather than what holds it);
 * in the canvas but between droppables, the closest one. Keyboard: the droppable whose top-left
 * corner the sortable keyboard step moved the dragged row onto.
 */
function detectCollisions(canvas: RefObject<HTMLElement | null>): CollisionDetection {
  return (args) => {
    const { pointerCoordinates, droppableRects } = args;
    if (!pointerCoordinates) return nearestTopLeft(args);
    const hits = pointerWithin(args);
    if (hits.length > 0) return [...hits].sort((a, b) => area(droppableRects.get(a.id)) - area(droppableRects.get(b.id)));
    const box = canvas.current?.getBoundingClientRect();
    const inCanvas =
      box !== undefined &&
      pointerCoordinates.x >= box.left && pointerCoordinates.x <= box.right &&
      pointerCoordinates.y >= box.top && pointerCoordinates.y <= box.bottom;
    return inCanvas ? closestCenter(args) : [];
  };
}

function nearestTopLeft({ collisionRect, droppableContainers, droppableRects }: Parameters<CollisionDetection>[0]): Collision[] {
  let best: Collision | undefined;
  let bestDistance = Infinity;
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect || container.disabled) continue;
    const distance = Math.hypot(rect.left - collisionRect.left, rect.top - collisionRect.top);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { id: container.id, data: { droppableContainer: container, value: distance } };
    }
  }
  return best ? [best] : [];
}

function area(rect: ClientRect | undefined): number {
  return rect ? rect.width * rect.height : Infinity;
}

