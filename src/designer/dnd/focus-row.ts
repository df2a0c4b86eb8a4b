/**
 * Focus on the canvas's rows. A row's line, `li[data-node] > .cd-row`, is a tree item that takes
 * the focus itself (roving tabindex: see canvas/canvas-keys.ts). Here, not in canvas/, because
 * the palette focuses the row it adds, and the palette and the canvas do not import each other.
 */

/** The tree item of node `id` on the page's canvas, if it is shown. */
export function rowItem(id: string, root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(`li[data-node="${CSS.escape(id)}"] > [role="treeitem"]`);
}

/** Focuses a row, scrolled into view as far as needed. */
export function focusItem(item: HTMLElement): void {
  item.focus({ preventScroll: true });
  item.scrollIntoView?.({ block: "nearest" });
}

/**
 * Moves focus to a field's row on the canvas, for lists elsewhere on the page that point at a
 * field (problems, compared changes, the palette's new field). The row may appear only with the
 * next render (e.g. when a dialog closes first): then focus follows on the next frame.
 */
export function focusRow(id: string): void {
  const now = rowItem(id);
  if (now) focusItem(now);
  else
    requestAnimationFrame(() => {
      const later = rowItem(id);
      if (later) focusItem(later);
    });
}
