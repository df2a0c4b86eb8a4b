import type { DropSpot } from "./drop-target.ts";

/**
 * Where a pointer drop goes among the places of one list, as plain geometry (no DOM): the canvas
 * reads the boxes (canvas-geometry.ts), this module decides. A row's box is its header (not the
 * fields nested under it); an end box is the end of a container's fields.
 */
export type PlaceBox =
  | { readonly type: "row"; readonly id: string; readonly top: number; readonly bottom: number }
  | {
      readonly type: "end";
      readonly parent: string;
      readonly top: number;
      readonly bottom: number;
    };

/** On a row: its upper half is before it, its lower half after it. */
export function rowSpot(id: string, top: number, bottom: number, y: number): DropSpot {
  return { type: "row", id, placement: y < (top + bottom) / 2 ? "before" : "after" };
}

/** The place whose box is nearest to `y` (distance 0 inside it; the first of equals wins). */
export function nearestSpot(boxes: readonly PlaceBox[], y: number): DropSpot | undefined {
  let best: PlaceBox | undefined;
  let bestDistance = Infinity;
  for (const box of boxes) {
    const distance = y < box.top ? box.top - y : y > box.bottom ? y - box.bottom : 0;
    if (distance < bestDistance) {
      best = box;
      bestDistance = distance;
    }
  }
  if (!best) return undefined;
  return best.type === "end"
    ? { type: "end", parent: best.parent }
    : rowSpot(best.id, best.top, best.bottom, y);
}
