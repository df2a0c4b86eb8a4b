/** Whether a key press belongs to a text control (its own undo, its own "?"), not to the page. */
export const editsText = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === "TEXTAREA" ||
    target.tagName === "SELECT" ||
    (target.tagName === "INPUT" &&
      !/^(button|checkbox|radio|range|color|file|submit|reset)$/.test(
        (target as HTMLInputElement).type,
      )));
