/**
 * Moves focus to a field's row on the canvas (its select button), for lists elsewhere on the page
 * that point at a field (problems, compared changes). The row may appear only with the next
 * render (e.g. when a dialog closes first): then focus follows on the next frame.
 */
export function focusRow(id: string): void {
  const button = () =>
    document.querySelector<HTMLElement>(
      `li[data-node="${CSS.escape(id)}"] > .cd-row .cd-row-select`,
    );
  const now = button();
  if (now) now.focus();
  else requestAnimationFrame(() => button()?.focus());
}
