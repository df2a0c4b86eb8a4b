import type { DropSpot } from "./drop-target.ts";
import { nearestSpot, type PlaceBox, rowSpot } from "./nearest-spot.ts";

/**
 * The canvas's places read from its DOM, only while a drag needs them: the row or end zone under
 * the pointer (one hit test), and the places in document order for the keyboard. The canvas marks
 * them: a row is `li[data-node]` with its header `.cd-row` as first child; the end of a
 * container's fields is `[data-end]` (its id); a list of places is `.cd-list`.
 *
 * Why not a droppable per row: dnd-kit measures every droppable when a drag starts (a Rect that
 * walks the element's scroll ancestors, and re-reads their scroll offsets on every access). At
 * 500 rows that was a frame of over 100 ms; here it is one hit test per pointer move.
 */

const ROW_HEADER = "li[data-node] > .cd-row";

/**
 * The place under the client point (x, y), or undefined when the point is not on the canvas (or
 * on something of the canvas's that is drawn beyond its box).
 */
export function spotAtPoint(canvas: HTMLElement, x: number, y: number): DropSpot | undefined {
  const hit = canvas.ownerDocument.elementFromPoint(x, y);
  if (!hit || !canvas.contains(hit)) return undefined;
  const end = hit.closest<HTMLElement>("[data-end]");
  if (end && canvas.contains(end)) return { type: "end", parent: end.dataset.end! };
  const header = hit.closest<HTMLElement>(".cd-row");
  const row = header?.parentElement;
  if (header && row?.dataset.node !== undefined && canvas.contains(row)) {
    const rect = header.getBoundingClientRect();
    return rowSpot(row.dataset.node, rect.top, rect.bottom, y);
  }
  // Between places (a list's margin, beside a nested list): the nearest place of the innermost list.
  const list =
    hit.closest<HTMLElement>(".cd-list") ?? canvas.querySelector<HTMLElement>(".cd-list");
  return list && canvas.contains(list) ? nearestSpot(placesOf(list), y) : undefined;
}

/** The rows and the end zone that a list holds itself (not those of lists nested in it). */
function placesOf(list: HTMLElement): PlaceBox[] {
  const boxes: PlaceBox[] = [];
  for (const element of list.querySelectorAll<HTMLElement>(
    `:scope > ul > ${ROW_HEADER}, :scope > [data-end], :scope > ul > [data-end]`,
  )) {
    const rect = element.getBoundingClientRect();
    const end = element.dataset.end;
    if (end !== undefined)
      boxes.push({ type: "end", parent: end, top: rect.top, bottom: rect.bottom });
    else
      boxes.push({
        type: "row",
        id: element.parentElement!.dataset.node!,
        top: rect.top,
        bottom: rect.bottom,
      });
  }
  return boxes;
}

/** A place the keyboard can move to, with its element (to move the dragged overlay onto it). */
export interface KeyboardTarget {
  readonly element: HTMLElement;
  readonly spot: DropSpot;
}

/**
 * Every row and end zone of the canvas, top to bottom (document order is the visual order). On a
 * row, the keyboard takes the row's place ("replace"), as in a sortable list.
 */
export function keyboardTargets(canvas: HTMLElement): KeyboardTarget[] {
  const targets: KeyboardTarget[] = [];
  for (const element of canvas.querySelectorAll<HTMLElement>(`${ROW_HEADER}, [data-end]`)) {
    const end = element.dataset.end;
    const spot: DropSpot =
      end !== undefined
        ? { type: "end", parent: end }
        : { type: "row", id: element.parentElement!.dataset.node!, placement: "replace" };
    targets.push({ element, spot });
  }
  return targets;
}
