import { type KeyboardEvent, type MouseEvent, useLayoutEffect, useRef } from "react";
import { flushSync } from "react-dom";
import {
  type CredentialDocument,
  discriminatorKey,
  type FieldNode,
  locate,
} from "../../model/index.ts";
import { shownFields } from "../dnd/drop-target.ts";
import { focusItem, focusRow, rowItem } from "../dnd/focus-row.ts";
import { nodeName } from "../dnd/names.ts";
import type { DesignerStore } from "../store/designer-store.ts";
import { duplicateRow, moveRowBy, removeRow } from "./row-commands.ts";
import { atEndText, movedText, removedText } from "./row-words.ts";
import { tabStop } from "./tab-stop.ts";

/**
 * The canvas's keyboard, as the WAI-ARIA APG tree view has it, and its shortcuts. The rows are one
 * tab stop (tab-stop.ts); on a row:
 *
 * - Up and Down move to the previous and next row shown, Home and End to the first and last;
 *   selection follows (the inspector edits the focused row);
 * - Right expands a folded group, choice or branch, or goes to its first row when expanded; Left
 *   folds it when expanded, or goes to the row it is in;
 * - Enter selects the row; Space picks it up to move it (dnd/drag-and-drop.tsx);
 * - Delete or Backspace removes it, Ctrl+D (⌘D) duplicates it, Alt+Up and Alt+Down move it one
 *   place in its list: each one undo step, and focus stays on a row.
 *
 * Keys pressed on a row's own buttons (focused by a pointer) count for the row. While a row is
 * being moved by keyboard, the keys are the move's (`moving`).
 */
export interface CanvasKeys {
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onClick(event: MouseEvent<HTMLElement>): void;
}

/**
 * `moving`: whether a row is being moved by keyboard (its keys are the move's). `say`: tells a
 * screen reader what a shortcut did where the focus does not say it (a polite live region).
 */
export function canvasKeys(
  store: DesignerStore,
  moving: () => boolean,
  say: (text: string) => void,
): CanvasKeys {
  return {
    onKeyDown(event) {
      const item = itemOf(event.target, event.currentTarget);
      const id = item && nodeOf(item);
      if (!item || id === undefined || event.defaultPrevented || moving()) return;
      if (handle(store, event, item, id, say)) event.preventDefault();
    },
    // A click on a row, not on one of its buttons, selects it (and focuses it: it is focusable).
    onClick(event) {
      if (!(event.target instanceof Element) || event.target.closest("button")) return;
      const item = itemOf(event.target, event.currentTarget);
      const id = item && nodeOf(item);
      if (id !== undefined) store.select(id);
    },
  };
}

/**
 * Keeps the focus on the canvas when a change takes away the element that had it: a row moved to
 * another list is a new element, an undone copy is gone, a row put back by undo or redo may be
 * taken out and put back. Then the tree's tab stop (the selected row, else the first one) takes
 * the focus, or Window properties when there is no row. For the canvas component: called on each
 * of its renders (every change of the design renders it), it looks where the focus is before the
 * change reaches the page, and after.
 */
export function useFocusKept(store: DesignerStore): void {
  const had = useRef<Element | null>(null);
  had.current =
    typeof document === "undefined"
      ? null
      : (document.activeElement?.closest(".cd-canvas") ?? null);
  useLayoutEffect(() => {
    const canvas = had.current;
    const now = document.activeElement;
    if (!canvas?.isConnected || (now && now !== document.body)) return;
    // By the state, not by the rows' tabindex: a row whose tab stop changed may render after this.
    const id = tabStop(store.getState());
    const stop =
      (id === undefined ? null : rowItem(id, canvas)) ??
      canvas.querySelector<HTMLElement>(".cd-window-select");
    if (stop) focusItem(stop);
  });
}

/** Does what the key says on the row `item` (node `id`); false for a key that is not the canvas's. */
function handle(
  store: DesignerStore,
  event: KeyboardEvent<HTMLElement>,
  item: HTMLElement,
  id: string,
  say: (text: string) => void,
): boolean {
  const { key, altKey, ctrlKey, metaKey, shiftKey } = event;
  const command = ctrlKey || metaKey;
  if (command && !altKey && !shiftKey && key.toLowerCase() === "d") {
    let copy: string | undefined;
    flushSync(() => void (copy = duplicateRow(store, id)));
    if (copy !== undefined) focusRow(copy);
    return true;
  }
  if (command || shiftKey) return false;
  if (altKey) {
    if (key !== "ArrowUp" && key !== "ArrowDown") return false;
    const step = key === "ArrowUp" ? -1 : 1;
    let moved: string | undefined;
    flushSync(() => void (moved = moveRowBy(store, id, step)));
    // The row's element may have been taken out and put back: focus goes back to it.
    if (moved !== undefined) focusRow(moved);
    if (store.getState().refusal === undefined)
      say(moved !== undefined ? movedText(store.doc, id) : atEndText(store.doc, id, step));
    return true;
  }
  // Enter and Space on one of the row's buttons press that button.
  if ((key === "Enter" || key === " ") && event.target !== item) return false;
  // The rows in order from the design, not the page: a windowed canvas (row-window.ts) renders
  // only those near view, and a row gone to is rendered (it is selected) and scrolled to.
  const rows = () => shownRows(store.doc, store.getState().collapsed);
  const expanded = item.getAttribute("aria-expanded");
  switch (key) {
    case "ArrowDown":
    case "ArrowUp": {
      const all = rows();
      const at = all.findIndex((row) => row.id === id);
      const next = at < 0 ? undefined : all[at + (key === "ArrowDown" ? 1 : -1)];
      if (next) go(store, next.id);
      return true;
    }
    case "Home":
    case "End": {
      const all = rows();
      const next = key === "Home" ? all[0] : all.at(-1);
      if (next) go(store, next.id);
      return true;
    }
    case "ArrowRight":
      if (expanded === "false") store.toggleCollapsed(id);
      else if (expanded === "true") {
        const all = rows();
        const child = all[all.findIndex((row) => row.id === id) + 1];
        if (child?.parent === id) go(store, child.id);
      }
      return true;
    case "ArrowLeft": {
      if (expanded === "true") {
        store.toggleCollapsed(id);
        return true;
      }
      const parent = rows().find((row) => row.id === id)?.parent;
      if (parent !== undefined) go(store, parent);
      return true;
    }
    case "Enter":
      store.select(id);
      return true;
    case "Delete":
    case "Backspace": {
      const node = locate(store.doc, id)?.node;
      if (removeKeepingFocus(store, id) && node) say(removedText(nodeName(node)));
      return true;
    }
    case " ":
      // Space picks the row up (drag and drop listens first); before that is ready, nothing.
      return true;
    default:
      return false;
  }
}

/**
 * Removes the field (or branch) of a row, and moves the focus to the row that takes its place, or
 * to Window properties when none does (the window's last field), so the focus is not lost. For
 * the Delete key and the row's Delete button. False when the core refused.
 */
export function removeKeepingFocus(store: DesignerStore, id: string): boolean {
  const root = store.doc.root.id;
  // The row that takes its place is there already: focus moves before this one leaves the page.
  const next = removeRow(store, id);
  if (next === undefined) return false;
  if (typeof document === "undefined") return true;
  if (next === root) document.querySelector<HTMLElement>(".cd-window-select")?.focus();
  else focusRow(next);
  return true;
}

/** Selects a row and focuses it (in the tree, selection follows focus), rendered if it was not. */
function go(store: DesignerStore, id: string): void {
  flushSync(() => store.select(id));
  focusRow(id);
}

/** A row shown on the canvas: its node, and the row it is nested under (none at the top). */
interface ShownRow {
  id: string;
  parent: string | undefined;
}

/**
 * The canvas's rows top to bottom, as its tree shows them: the window's fields, a group's fields
 * and a choice's branches under their row unless it is folded, a branch's fields without its
 * choice's discriminator (field-tree.tsx).
 */
export function shownRows(doc: CredentialDocument, collapsed: ReadonlySet<string>): ShownRow[] {
  const rows: ShownRow[] = [];
  const visit = (fields: readonly FieldNode[], parent: string | undefined) => {
    for (const node of fields) {
      rows.push({ id: node.id, parent });
      if (collapsed.has(node.id)) continue;
      if (node.fields) visit(shownFields(node.fields, undefined), node.id);
      if (node.branches) {
        const discriminator = discriminatorKey(node);
        for (const branch of node.branches) {
          rows.push({ id: branch.id, parent: node.id });
          if (!collapsed.has(branch.id))
            visit(shownFields(branch.fields ?? [], discriminator), branch.id);
        }
      }
    }
  };
  visit(shownFields(doc.root.fields ?? [], undefined), undefined);
  return rows;
}

/** The node a row (tree item) stands for: its `li`'s `data-node`. */
function nodeOf(item: HTMLElement): string | undefined {
  return item.parentElement?.dataset.node;
}

/** The row (tree item) an event happened on, within the canvas. */
function itemOf(target: EventTarget | null, canvas: HTMLElement): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const item = target.closest<HTMLElement>('[role="treeitem"]');
  return item && canvas.contains(item) ? item : undefined;
}
