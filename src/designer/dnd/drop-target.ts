import { locate, type ChildList, type CredentialDocument } from "../../model/index.ts";

/**
 * Where a drop goes, as pure functions of the document: no React, no DOM, no dnd-kit. The
 * components describe what is dragged (a source) and what it is over (a spot); this module says
 * which container and which final index the core command gets, and where the drop line shows.
 */

/** What is being dragged: a field (or branch) of the design, or `count` new nodes from the palette. */
export type DragSource = { readonly type: "field"; readonly id: string } | { readonly type: "new"; readonly count: number };

/**
 * What the drag is over. `row`: a field's or branch's row, with the pointer in its upper half
 * ("before"), its lower half ("after"), or, for the keyboard, on it ("replace": take its place, as
 * a sortable list does). `end`: the end of a container's fields (its "Drop fields here" zone).
 */
export type DropSpot =
  | { readonly type: "row"; readonly id: string; readonly placement: "before" | "after" | "replace" }
  | { readonly type: "end"; readonly parent: string };

export interface Drop {
  /** The container: the window, a group or a branch (fields); a choice (when a branch is reordered). */
  readonly parent: string;
  readonly list: ChildList;
  /** The index the (first) dropped node ends up at: what addField / insertNodes / moveField take. */
  readonly index: number;
  /** Where the drop line shows: before the node now at `slot` in the list, or at its end. */
  readonly slot: number;
  /** How many places the list has once the drop is done (for "position 2 of 3"). */
  readonly size: number;
  /** The field would end up where it already is: nothing to do. */
  readonly unchanged: boolean;
}

export function dropFor(doc: CredentialDocument, source: DragSource, spot: DropSpot): Drop | undefined {
  const from = source.type === "field" ? locate(doc, source.id)?.path.at(-1) : undefined;
  if (source.type === "field" && !from) return undefined;
  if (source.type === "field" && spot.type === "row" && spot.id === source.id) {
    const length = from!.parent[from!.list]!.length;
    return { parent: from!.parent.id, list: from!.list, index: from!.index, slot: from!.index, size: length, unchanged: true };
  }
  const movingBranch = from?.list === "branches";
  const place = rawPlace(doc, spot, movingBranch);
  if (!place) return undefined;
  const { parent, list, slot, length } = place;
  if (movingBranch && parent !== from!.parent.id) return undefined;
  const sameList = from !== undefined && from.parent.id === parent && from.list === list;
  if (sameList) {
    // "replace" means: take the place of the row, as arrayMove(from, to) does.
    const target = spot.type === "row" && spot.placement === "replace" ? replaceSlot(place.rowIndex!, from.index) : slot;
    const index = target > from.index ? target - 1 : target;
    return { parent, list, index, slot: target, size: length, unchanged: index === from.index };
  }
  const count = source.type === "new" ? source.count : 1;
  return { parent, list, index: slot, slot, size: length + count, unchanged: false };
}

function replaceSlot(rowIndex: number, fromIndex: number): number {
  return rowIndex > fromIndex ? rowIndex + 1 : rowIndex;
}

interface RawPlace {
  parent: string;
  list: ChildList;
  /** Index in the list before the drop, counting the dragged node where it still is. */
  slot: number;
  length: number;
  /** The index of the row the spot is on, in that same list. */
  rowIndex?: number;
}

function rawPlace(doc: CredentialDocument, spot: DropSpot, movingBranch: boolean): RawPlace | undefined {
  if (spot.type === "end") {
    if (movingBranch) return undefined;
    const container = locate(doc, spot.parent)?.node;
    if (!container?.fields) return undefined;
    return { parent: container.id, list: "fields", slot: container.fields.length, length: container.fields.length };
  }
  const row = locate(doc, spot.id);
  const at = row?.path.at(-1);
  if (!row || !at) return undefined;
  const siblings = at.parent[at.list]!;
  const beside = (): RawPlace => ({
    parent: at.parent.id,
    list: at.list,
    slot: spot.placement === "after" ? at.index + 1 : at.index,
    length: siblings.length,
    rowIndex: at.index,
  });
  if (at.list === "branches") {
    // A branch row: a branch is reordered beside it; a field goes into it, first.
    if (movingBranch) return beside();
    return { parent: row.node.id, list: "fields", slot: 0, length: row.node.fields?.length ?? 0, rowIndex: undefined };
  }
  if (movingBranch) return undefined;
  // The lower half of a group's row is the top of its own list of fields.
  if (spot.placement === "after" && row.node.fields) {
    return { parent: row.node.id, list: "fields", slot: 0, length: row.node.fields.length };
  }
  return beside();
}

/**
 * Where the palette adds when clicked (or Enter): after the selected field, in its container; at
 * the end of a selected group or branch (or the window); at the end of the window when nothing
 * is selected or the selection is gone.
 */
export function placeAfterSelection(doc: CredentialDocument, selected: string | undefined): { parent: string; index: number } {
  const root = doc.root;
  const end = { parent: root.id, index: root.fields?.length ?? 0 };
  if (selected === undefined) return end;
  const located = locate(doc, selected);
  if (!located) return end;
  if (located.node.fields) return { parent: located.node.id, index: located.node.fields.length };
  const at = located.path.at(-1);
  if (!at || at.list !== "fields") return end;
  return { parent: at.parent.id, index: at.index + 1 };
}

/** The line's place: before the node at `slot`, or (slot = length) at the end of the container. */
export type Indicator = { readonly before: string } | { readonly end: string; readonly list: ChildList } | undefined;

export function indicatorFor(doc: CredentialDocument, drop: Drop | undefined): Indicator {
  if (!drop || drop.unchanged) return undefined;
  const container = locate(doc, drop.parent)?.node;
  const list = container?.[drop.list];
  if (!container || !list) return undefined;
  const node = list[drop.slot];
  return node ? { before: node.id } : { end: container.id, list: drop.list };
}
