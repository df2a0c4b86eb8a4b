/** The parts of a key press that say whether it is one of the history keys. */
export interface HistoryKeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly isComposing?: boolean;
}

/**
 * Which of the design's history keys a key press is, the same wherever the focus is (the page and
 * the Schema JSON editor): Ctrl+Z or ⌘Z undo; Ctrl+Shift+Z, ⌘⇧Z and Ctrl+Y redo. Undefined for
 * any other key, with Alt, or while an input method composes text.
 */
export function historyKey(press: HistoryKeyPress): "undo" | "redo" | undefined {
  if (!(press.ctrlKey || press.metaKey) || press.altKey || press.isComposing) return undefined;
  const key = press.key.toLowerCase();
  if (key === "z") return press.shiftKey ? "redo" : "undo";
  if (key === "y" && press.ctrlKey && !press.shiftKey) return "redo";
  return undefined;
}
