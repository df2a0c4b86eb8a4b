import { duplicateField, locate, moveField, removeBranch, removeField } from "../../model/index.ts";
import { moveCommand, shownList } from "../dnd/drop-target.ts";
import type { DesignerStore } from "../store/designer-store.ts";

/**
 * What a row's buttons and the canvas's shortcuts do to a field (or a branch), each one core
 * command, so one undo step. Each returns the id of the row to focus afterwards, or undefined when
 * the core refused (the store keeps the reason, and the canvas shows it) or nothing changed.
 */

/**
 * Removes the field or branch. Returns the row that takes its place: the next row of its list,
 * else the previous one, else its container (the window's id when the list was the window's).
 * When the removed row was selected, that row is selected instead.
 */
export function removeRow(store: DesignerStore, id: string): string | undefined {
  const at = locate(store.doc, id)?.path.at(-1);
  if (!at) return undefined;
  const siblings = shownList(store.doc, at.parent, at.list, id);
  const index = siblings.findIndex((sibling) => sibling.id === id);
  const neighbour = (siblings[index + 1] ?? siblings[index - 1] ?? at.parent).id;
  const wasSelected = store.getState().selected === id;
  const command = at.list === "branches" ? removeBranch : removeField;
  const refused = store.run(
    (doc) => command(doc, id),
    wasSelected ? () => (neighbour === store.doc.root.id ? undefined : neighbour) : undefined,
  );
  return refused === undefined ? neighbour : undefined;
}

/** Adds a copy of the field right after it, and selects the copy. Returns the copy's id. */
export function duplicateRow(store: DesignerStore, id: string): string | undefined {
  let copy: string | undefined;
  const refused = store.run(
    (doc) => duplicateField(doc, id),
    (doc) => {
      const at = locate(doc, id)?.path.at(-1);
      copy = at ? at.parent[at.list]?.[at.index + 1]?.id : undefined;
      return copy;
    },
  );
  return refused === undefined ? copy : undefined;
}

/**
 * Moves the field or branch one row up (-1) or down (+1) within its list, past the neighbouring
 * row shown (a branch's discriminator is not one), and selects it. At either end of its list
 * nothing happens (undefined).
 */
export function moveRowBy(store: DesignerStore, id: string, step: -1 | 1): string | undefined {
  const at = locate(store.doc, id)?.path.at(-1);
  if (!at) return undefined;
  const rows = shownList(store.doc, at.parent, at.list, id);
  const position = rows.findIndex((row) => row.id === id) + step;
  const neighbour = rows[position];
  if (!neighbour) return undefined;
  // Taken out of its place and put back where the neighbour is: before it going up, after it
  // going down (the neighbour's index once this one is out of the list; its position among the
  // rows shown without this one, plus one going down).
  const index = (at.parent[at.list] ?? []).findIndex((node) => node.id === neighbour.id);
  const refused = store.run(
    (doc) =>
      at.list === "fields"
        ? moveCommand(doc, id, { parent: at.parent.id, index, position })
        : moveField(doc, id, { parent: at.parent.id, index }),
    () => id,
  );
  return refused === undefined ? id : undefined;
}
