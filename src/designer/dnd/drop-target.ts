import {
  type ChildList,
  type CommandResult,
  type CredentialDocument,
  discriminatorKey,
  type FieldNode,
  locate,
  moveField,
  moveFieldInDisplayOrder,
} from "../../model/index.ts";
import { fieldsInDisplayOrder, usesDisplayOrder } from "../../model/vendor-keywords.ts";

/**
 * Where a drop goes, as pure functions of the document: no React, no DOM, no dnd-kit. The
 * components describe what is dragged (a source) and what it is over (a spot); this module says
 * which container and which final index the core command gets, and where the drop line shows.
 */

/** What is being dragged: a field (or branch) of the design, or `count` new nodes from the palette. */
export type DragSource =
  | { readonly type: "field"; readonly id: string }
  | { readonly type: "new"; readonly count: number };

/**
 * What the drag is over. `row`: a field's or branch's row, with the pointer in its upper half
 * ("before"), its lower half ("after"), or, for the keyboard, on it ("replace": take its place, as
 * a sortable list does). `end`: the end of a container's fields (its "Drop fields here" zone).
 */
export type DropSpot =
  | {
      readonly type: "row";
      readonly id: string;
      readonly placement: "before" | "after" | "replace";
    }
  | { readonly type: "end"; readonly parent: string };

export interface Drop {
  /** The container: the window, a group or a branch (fields); a choice (when a branch is reordered). */
  readonly parent: string;
  readonly list: ChildList;
  /**
   * The index the (first) dropped node ends up at in the model's list: what addField /
   * insertNodes / moveField take. It counts hidden fields (a branch's discriminator).
   */
  readonly index: number;
  /** The position the (first) dropped node ends up at among the rows shown (for "position 2 of 3"). */
  readonly position: number;
  /** Where the drop line shows: before the shown row now at `slot`, or at the end of the list. */
  readonly slot: number;
  /** How many rows the list shows once the drop is done (for "position 2 of 3"). */
  readonly size: number;
  /** The field would end up where it already is: nothing to do. */
  readonly unchanged: boolean;
}

export function dropFor(
  doc: CredentialDocument,
  source: DragSource,
  spot: DropSpot,
): Drop | undefined {
  const from = source.type === "field" ? locate(doc, source.id)?.path.at(-1) : undefined;
  if (source.type === "field" && !from) return undefined;
  const sourceId = source.type === "field" ? source.id : undefined;
  if (from && spot.type === "row" && spot.id === sourceId) {
    const rows = shownList(doc, from.parent, from.list, sourceId);
    const position = rows.findIndex((node) => node.id === sourceId);
    return {
      parent: from.parent.id,
      list: from.list,
      index: from.index,
      position,
      slot: position,
      size: rows.length,
      unchanged: true,
    };
  }
  const movingBranch = from?.list === "branches";
  const place = rawPlace(doc, spot, movingBranch, sourceId);
  if (!place) return undefined;
  const { parent, list, slot, rows } = place;
  if (movingBranch && parent.id !== from!.parent.id) return undefined;
  const all = parent[list]!;
  const sameList = from !== undefined && from.parent.id === parent.id && from.list === list;
  if (sameList) {
    const fromRow = rows.findIndex((node) => node.id === sourceId);
    // "replace" means: take the place of the row, as arrayMove(from, to) does.
    const target =
      spot.type === "row" && spot.placement === "replace"
        ? replaceSlot(place.rowIndex!, fromRow)
        : slot;
    const position = target > fromRow ? target - 1 : target;
    // The final index in the model: the list once the dragged node is taken out of it.
    const rest = all.filter((node) => node.id !== sourceId);
    const index = modelIndex(
      rest,
      rows.filter((node) => node.id !== sourceId),
      position,
    );
    return {
      parent: parent.id,
      list,
      index,
      position,
      slot: target,
      size: rows.length,
      unchanged: position === fromRow,
    };
  }
  const count = source.type === "new" ? source.count : 1;
  return {
    parent: parent.id,
    list,
    index: modelIndex(all, rows, slot),
    position: slot,
    slot,
    size: rows.length + count,
    unchanged: false,
  };
}

function replaceSlot(rowIndex: number, fromIndex: number): number {
  return rowIndex > fromIndex ? rowIndex + 1 : rowIndex;
}

// ---------------------------------------------------------------- hidden fields

/**
 * A branch's discriminator (the field whose key is the choice's discriminator key and which has a
 * `const`) is not a row on the canvas: the inspector edits the branch's value. `discriminator` is
 * that key for the fields of a branch, undefined for any other list.
 */
export function isHiddenField(field: FieldNode, discriminator: string | undefined): boolean {
  return discriminator !== undefined && field.key === discriminator && hasConst(field);
}

/** The key whose field is hidden in the fields of `container` (a branch), or undefined. */
export function hiddenKeyOf(doc: CredentialDocument, container: string): string | undefined {
  const at = locate(doc, container)?.path.at(-1);
  return at?.list === "branches" ? discriminatorKey(at.parent) : undefined;
}

/**
 * The fields the canvas shows, in order: all but a branch's discriminator, in display order
 * (Airbyte's `order`, as the preview shows them; the list's own order when none has one).
 */
export function shownFields(
  fields: readonly FieldNode[],
  discriminator: string | undefined,
): readonly FieldNode[] {
  const ordered = usesDisplayOrder(fields) ? fieldsInDisplayOrder(fields) : fields;
  return discriminator === undefined
    ? ordered
    : ordered.filter((field) => !isHiddenField(field, discriminator));
}

/**
 * The model's index for a place among the shown rows: before the shown row at `position`, or,
 * past the last one, the end of the list. So the top of a branch is right after its (first,
 * hidden) discriminator. `all` is the model's list, `rows` the shown ones (a subsequence of it).
 */
export function modelIndex(
  all: readonly FieldNode[],
  rows: readonly FieldNode[],
  position: number,
): number {
  const node = rows[position];
  if (!node) return all.length;
  const index = all.findIndex((candidate) => candidate.id === node.id);
  return index < 0 ? all.length : index;
}

/** The position among the shown rows of the model's index `index`: how many shown rows come before it. */
export function shownPosition(
  all: readonly FieldNode[],
  rows: readonly FieldNode[],
  index: number,
): number {
  const shown = new Set(rows.map((node) => node.id));
  let position = 0;
  for (let i = 0; i < index && i < all.length; i++) if (shown.has(all[i]!.id)) position++;
  return position;
}

/** The rows shown of `parent`'s list (a hidden node being dragged counts, so it has a place). */
export function shownList(
  doc: CredentialDocument,
  parent: FieldNode,
  list: ChildList,
  keep?: string,
): readonly FieldNode[] {
  const nodes = parent[list] ?? [];
  if (list !== "fields") return nodes;
  const ordered = usesDisplayOrder(nodes) ? fieldsInDisplayOrder(nodes) : nodes;
  const key = hiddenKeyOf(doc, parent.id);
  return key === undefined
    ? ordered
    : ordered.filter((node) => node.id === keep || !isHiddenField(node, key));
}

/**
 * The core command that moves field `id` to a drop (or a keyboard move): `position` among the
 * rows shown there without it, `index` the model's index. Where the fields have an `order` (or
 * the field brings one) the rows show in that order, so the move renumbers their `order`s
 * (moveFieldInDisplayOrder) and the JSON keeps its key order; elsewhere it moves the key.
 */
export function moveCommand(
  doc: CredentialDocument,
  id: string,
  to: { readonly parent: string; readonly index: number; readonly position: number },
): CommandResult {
  const parent = locate(doc, to.parent)?.node;
  const moving = locate(doc, id)?.node;
  if (!parent?.fields || !moving || !usesDisplayOrder([...parent.fields, moving]))
    return moveField(doc, id, { parent: to.parent, index: to.index });
  const rest = parent.fields.filter((node) => node.id !== id);
  const rows = shownList(doc, parent, "fields").filter((node) => node.id !== id);
  const all = fieldsInDisplayOrder(rest);
  const before = rows[to.position];
  return moveFieldInDisplayOrder(doc, id, {
    parent: parent.id,
    position: before ? all.indexOf(before) : all.length,
  });
}

function hasConst(field: FieldNode): boolean {
  return (
    typeof field.schema === "object" &&
    field.schema !== null &&
    Object.hasOwn(field.schema, "const")
  );
}

// ---------------------------------------------------------------- places

interface RawPlace {
  parent: FieldNode;
  list: ChildList;
  /** The rows shown in the list before the drop, counting the dragged node where it still is. */
  rows: readonly FieldNode[];
  /** Position among `rows` of the place. */
  slot: number;
  /** The position among `rows` of the row the spot is on. */
  rowIndex?: number;
}

function rawPlace(
  doc: CredentialDocument,
  spot: DropSpot,
  movingBranch: boolean,
  keep: string | undefined,
): RawPlace | undefined {
  const top = (container: FieldNode): RawPlace => ({
    parent: container,
    list: "fields",
    rows: shownList(doc, container, "fields", keep),
    slot: 0,
  });
  if (spot.type === "end") {
    if (movingBranch) return undefined;
    const container = locate(doc, spot.parent)?.node;
    if (!container?.fields) return undefined;
    const rows = shownList(doc, container, "fields", keep);
    return { parent: container, list: "fields", rows, slot: rows.length };
  }
  const row = locate(doc, spot.id);
  const at = row?.path.at(-1);
  if (!row || !at) return undefined;
  const beside = (): RawPlace | undefined => {
    const rows = shownList(doc, at.parent, at.list, keep);
    const rowIndex = rows.findIndex((node) => node.id === row.node.id);
    if (rowIndex < 0) return undefined;
    return {
      parent: at.parent,
      list: at.list,
      rows,
      slot: spot.placement === "after" ? rowIndex + 1 : rowIndex,
      rowIndex,
    };
  };
  if (at.list === "branches") {
    // A branch row: a branch is reordered beside it; a field goes into it, first.
    if (movingBranch) return beside();
    return top(row.node);
  }
  if (movingBranch) return undefined;
  // The lower half of a group's row is the top of its own list of fields.
  if (spot.placement === "after" && row.node.fields) return top(row.node);
  return beside();
}

/**
 * Where the palette adds when clicked (or Enter): after the selected field, in its container; at
 * the end of a selected group or branch (or the window); at the end of the window when nothing
 * is selected or the selection is gone.
 */
export function placeAfterSelection(
  doc: CredentialDocument,
  selected: string | undefined,
): { parent: string; index: number } {
  const root = doc.root;
  const end = { parent: root.id, index: root.fields?.length ?? 0 };
  if (selected === undefined) return end;
  const located = locate(doc, selected);
  if (!located) return end;
  if (located.node.fields) return { parent: located.node.id, index: located.node.fields.length };
  const at = located.path.at(-1);
  if (at?.list !== "fields") return end;
  // After the selected row among the rows shown: before the next shown row, or at the end.
  const rows = shownList(doc, at.parent, "fields", selected);
  const position = rows.findIndex((node) => node.id === selected);
  return { parent: at.parent.id, index: modelIndex(at.parent.fields!, rows, position + 1) };
}

/** The line's place: before the shown row at `slot`, or (slot = the number of rows shown) at the end of the container. */
export type Indicator =
  | { readonly before: string }
  | { readonly end: string; readonly list: ChildList }
  | undefined;

export function indicatorFor(doc: CredentialDocument, drop: Drop | undefined): Indicator {
  if (!drop || drop.unchanged) return undefined;
  const container = locate(doc, drop.parent)?.node;
  if (!container?.[drop.list]) return undefined;
  const node = shownList(doc, container, drop.list)[drop.slot];
  return node ? { before: node.id } : { end: container.id, list: drop.list };
}
