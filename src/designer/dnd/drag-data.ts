import { createContext, type RefObject, useContext, useSyncExternalStore } from "react";
import type { PaletteItem } from "../items/palette-items.ts";
import { type BridgeState, type DragBridge, NO_DRAG } from "./drag-bridge.ts";
import type { DropIndicatorStore } from "./drop-indicator.ts";

/** What each draggable carries in dnd-kit's `data` (the canvas has no droppables: see canvas-geometry.ts). */
export type DragData =
  | { readonly type: "field"; readonly id: string; readonly name: string }
  | { readonly type: "palette"; readonly item: PaletteItem };

export function dragData(value: unknown): DragData | undefined {
  if (typeof value !== "object" || value === null || !("type" in value)) return undefined;
  const type = (value as { type: unknown }).type;
  return type === "field" || type === "palette" ? (value as DragData) : undefined;
}

/**
 * Shared by DesignerDnd with the palette and the canvas: the drop line, the dragged row, the
 * canvas element (its places are read from it), and the bridge that hands presses to dnd-kit.
 */
export interface DndShared {
  readonly indicator: DropIndicatorStore;
  readonly canvas: RefObject<HTMLDivElement | null>;
  readonly bridge: DragBridge;
  /** Where dnd-kit's announcements and instructions go: an element of the first paint, contained. */
  readonly announcer: RefObject<HTMLDivElement | null>;
}

export const DndSharedContext = createContext<DndShared | undefined>(undefined);

export function useDndShared(): DndShared | undefined {
  return useContext(DndSharedContext);
}

const noSubscription = () => () => {};

/** What the palette and the canvas show of drag and drop: whether it is there, what is dragged. */
export function useDragState(): BridgeState {
  const bridge = useDndShared()?.bridge;
  return useSyncExternalStore(bridge?.subscribe ?? noSubscription, () =>
    bridge ? bridge.getState() : NO_DRAG,
  );
}
