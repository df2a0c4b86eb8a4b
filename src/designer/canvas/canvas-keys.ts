import { type KeyboardEvent, type MouseEvent, useLayoutEffect, useRef } from "react";
import { flushSync } from "react-dom";
import { locate } from "../../model/index.ts";
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

const ITEM = '[role="treeitem"]';

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
  const canvas = event.currentTarget;
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
  const items = () => [...canvas.querySelectorAll<HTMLElement>(ITEM)];
  const expanded = item.getAttribute("aria-expanded");
  switch (key) {
    case "ArrowDown":
    case "ArrowUp": {
      const all = items();
      const next = all[all.indexOf(item) + (key === "ArrowDown" ? 1 : -1)];
      if (next) go(store, next);
      return true;
    }
    case "Home":
    case "End": {
      const all = items();
      const next = key === "Home" ? all[0] : all.at(-1);
      if (next) go(store, next);
      return true;
    }
    case "ArrowRight":
      if (expanded === "false") store.toggleCollapsed(id);
      else if (expanded === "true") {
        const child = item.parentElement?.querySelector<HTMLElement>(`:scope > .cd-list ${ITEM}`);
        if (child) go(store, child);
      }
      return true;
    case "ArrowLeft": {
      if (expanded === "true") {
        store.toggleCollapsed(id);
        return true;
      }
      const parent = item.parentElement?.parentElement
        ?.closest("li[data-node]")
        ?.querySelector<HTMLElement>(`:scope > ${ITEM}`);
      if (parent && canvas.contains(parent)) go(store, parent);
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

/** Focuses a row and selects it: in the tree, selection follows focus. */
function go(store: DesignerStore, item: HTMLElement): void {
  focusItem(item);
  const id = nodeOf(item);
  if (id !== undefined) store.select(id);
}

/** The node a row (tree item) stands for: its `li`'s `data-node`. */
function nodeOf(item: HTMLElement): string | undefined {
  return item.parentElement?.dataset.node;
}

/** The row (tree item) an event happened on, within the canvas. */
function itemOf(target: EventTarget | null, canvas: HTMLElement): HTMLElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const item = target.closest<HTMLElement>(ITEM);
  return item && canvas.contains(item) ? item : undefined;
}
